/** Marks push messages so no listener mistakes a request for one (and vice versa). */
export const PUSH_TAG = 'sop-sidebar/push' as const;
