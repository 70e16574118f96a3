/**
 * HubSpot's standard object type ids and the names its v3 API uses for them
 * (`?associations=notes`, response keys). HubSpot's own, the same in every
 * portal; custom objects have no stable v3 name and go through the v4 API.
 */
import { OBJECT_TYPE, type EngagementType } from '../rules/snapshot';

/** v3 association names of the standard objects, by objectTypeId. */
export const V3_NAME: Readonly<Record<string, string>> = {
  [OBJECT_TYPE.contact]: 'contacts',
  [OBJECT_TYPE.company]: 'companies',
  [OBJECT_TYPE.deal]: 'deals',
  [OBJECT_TYPE.ticket]: 'tickets',
  [OBJECT_TYPE.note]: 'notes',
  [OBJECT_TYPE.call]: 'calls',
  [OBJECT_TYPE.email]: 'emails',
  [OBJECT_TYPE.meeting]: 'meetings',
  [OBJECT_TYPE.task]: 'tasks',
};

export const ENGAGEMENT_TYPE_ID: Readonly<Record<EngagementType, string>> = {
  note: OBJECT_TYPE.note,
  call: OBJECT_TYPE.call,
  email: OBJECT_TYPE.email,
  meeting: OBJECT_TYPE.meeting,
  task: OBJECT_TYPE.task,
};

/** Object types with pipelines in every portal; custom objects may have them too. */
export const PIPELINED_STANDARD: readonly string[] = [OBJECT_TYPE.deal, OBJECT_TYPE.ticket];

export function isCustomObject(objectTypeId: string): boolean {
  return objectTypeId.startsWith('2-');
}
