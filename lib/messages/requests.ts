/**
 * The request half of the protocol (lib/messages/protocol.ts documents the
 * whole), as one builder per message type. Each type's schema is built the
 * first time a message of that type arrives, so the background starts
 * without constructing ~25 schemas it may not need for a while.
 * protocol.ts builds `requestSchema` (the discriminated union) from the same
 * builders, for the client and the tests.
 */
import * as z from 'zod';
import {
  once,
  portalIdField,
  propertyNameField,
  propertyValueField,
  recordRefField,
  scanStartFields,
  settingsPatchField,
} from './fields';

const viewTarget = () => ({ portalId: portalIdField(), ref: recordRefField() });
const opId = () => z.string().regex(/^[a-z0-9]{8,64}$/, 'not an outbox id');
const scanId = () => z.string().min(1).max(100);
const playbookJson = () => z.string().min(2).max(5_000_000);

export const requestBuilders = {
  // ── Sidebar (content script) and pages ────────────────────────────────
  /** The record's evaluation: from cache when warm (then revalidated and pushed), else loaded. */
  'view.get': () => z.strictObject({ type: z.literal('view.get'), ...viewTarget() }),
  /** Load from HubSpot now (ignores the cache), then answer. */
  'view.refresh': () => z.strictObject({ type: z.literal('view.refresh'), ...viewTarget() }),
  /**
   * Set one property on `targets` (default: the view's record). `ref` is the
   * record on screen: its view is reloaded and pushed after the write.
   */
  'property.update': () =>
    z.strictObject({
      type: z.literal('property.update'),
      ...viewTarget(),
      targets: z.array(recordRefField()).min(1).max(100).optional(),
      property: propertyNameField(),
      value: propertyValueField(),
      /** For the outbox list ("Set Deal Approval Status to Approved"); generated when absent. */
      label: z.string().max(300).optional(),
    }),
  /**
   * Log a call (CH-2/CH-3). `properties` are call properties (hs_call_disposition,
   * hs_activity_type, hs_call_direction, hs_call_body, hs_timestamp…), checked
   * against the record's call-log spec; associated with `associateWith` (default:
   * the spec's associateWith).
   */
  'call.log': () =>
    z.strictObject({
      type: z.literal('call.log'),
      ...viewTarget(),
      properties: z.record(propertyNameField(), propertyValueField()),
      associateWith: z.array(recordRefField()).max(20).optional(),
    }),
  /** Write the `#S&OP` note (SOP-2) built from the record's snapshot; `confirmGaps` allows unknown rows. */
  'sopNote.create': () => z.strictObject({ type: z.literal('sopNote.create'), ...viewTarget(), confirmGaps: z.boolean().optional() }),
  /** Apply cadence updates after a check-in (CH-4…CH-8): property writes on the record (or `target`). */
  'cadence.apply': () =>
    z.strictObject({
      type: z.literal('cadence.apply'),
      ...viewTarget(),
      updates: z
        .array(
          z.strictObject({
            target: recordRefField().optional(),
            property: propertyNameField(),
            value: propertyValueField(),
            label: z.string().max(300).optional(),
          }),
        )
        .min(1)
        .max(20),
    }),
  /** Pending and failed writes; filter by portal and/or record. */
  'outbox.list': () =>
    z.strictObject({ type: z.literal('outbox.list'), portalId: portalIdField().optional(), ref: recordRefField().optional() }),
  /** Send a pending/failed write again now. */
  'outbox.retry': () => z.strictObject({ type: z.literal('outbox.retry'), id: opId() }),
  /** Drop a pending/failed write (it is not sent). */
  'outbox.discard': () => z.strictObject({ type: z.literal('outbox.discard'), id: opId() }),
  'settings.get': () => z.strictObject({ type: z.literal('settings.get') }),
  /** Content scripts may change `sidebar` and `learnMode.enabled` only; pages anything not managed. */
  'settings.set': () => z.strictObject({ type: z.literal('settings.set'), patch: settingsPatchField() }),
  /** Token and limit state; with `portalId`, `wrong-portal` when the token belongs elsewhere. */
  'status.get': () => z.strictObject({ type: z.literal('status.get'), portalId: portalIdField().optional() }),
  /** The active playbook (read-only). */
  'playbook.get': () => z.strictObject({ type: z.literal('playbook.get') }),
  /**
   * Open the extension's options page (where the token and playbook are set).
   * Content scripts cannot call runtime.openOptionsPage themselves, so the
   * sidebar's "set a token" / "wrong portal" panels ask the background.
   */
  'options.open': () => z.strictObject({ type: z.literal('options.open') }),

  // ── Privileged: extension pages only (options, admin) ────────────────
  /** Verify (GET /account-info/v3/details) and store the token. Never echoed back. */
  'token.set': () =>
    z.strictObject({
      type: z.literal('token.set'),
      token: z.string().trim().min(8).max(512).regex(/^\S+$/, 'a token has no spaces'),
    }),
  /** Verify the stored token again. */
  'token.verify': () => z.strictObject({ type: z.literal('token.verify') }),
  /** Forget the token (and the cached data it loaded). */
  'token.clear': () => z.strictObject({ type: z.literal('token.clear') }),
  /** Validate and activate a playbook (JSON text); invalid → the active one stays, errors returned. */
  'playbook.import': () => z.strictObject({ type: z.literal('playbook.import'), json: playbookJson() }),
  /** The active playbook as JSON text. */
  'playbook.export': () => z.strictObject({ type: z.literal('playbook.export') }),
  /** Back to the default playbook (or the managed one). */
  'playbook.reset': () => z.strictObject({ type: z.literal('playbook.reset') }),
  /** Check the active playbook (or `json`) against the token's portal. */
  'playbook.lint': () => z.strictObject({ type: z.literal('playbook.lint'), json: playbookJson().optional() }),
  'scan.start': () => z.strictObject({ type: z.literal('scan.start'), ...scanStartFields() }),
  'scan.cancel': () => z.strictObject({ type: z.literal('scan.cancel'), scanId: scanId() }),
  /** The running or last scan (or `scanId`). */
  'scan.status': () => z.strictObject({ type: z.literal('scan.status'), scanId: scanId().optional() }),
  /** A page of a scan's result rows. */
  'scan.results': () =>
    z.strictObject({
      type: z.literal('scan.results'),
      scanId: scanId(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
    }),
};

type Builders = typeof requestBuilders;
export type RequestType = keyof Builders;
export type RequestVariantSchema<T extends RequestType = RequestType> = ReturnType<Builders[T]>;
export type Request = { [T in RequestType]: z.infer<RequestVariantSchema<T>> }[RequestType];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export const REQUEST_TYPES = Object.keys(requestBuilders) as RequestType[];

/** Types only the extension's own pages may send. */
export const PRIVILEGED: ReadonlySet<RequestType> = new Set<RequestType>([
  'token.set',
  'token.verify',
  'token.clear',
  'playbook.import',
  'playbook.export',
  'playbook.reset',
  'playbook.lint',
  'scan.start',
  'scan.cancel',
  'scan.status',
  'scan.results',
]);

const built = new Map<RequestType, () => z.ZodType>();

/** The schema of one request type (built once). */
export function requestVariant<T extends RequestType>(type: T): RequestVariantSchema<T> {
  let get = built.get(type);
  if (!get) {
    get = once(requestBuilders[type] as () => z.ZodType);
    built.set(type, get);
  }
  return get() as RequestVariantSchema<T>;
}

export type RequestCheck = { ok: true; request: Request } | { ok: false; issues: Array<{ path: string; message: string }> };

/** Validates a message as a request: its `type` must be known, then its fields (strictly). */
export function parseRequest(message: unknown): RequestCheck {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(requestBuilders, type)) {
    return { ok: false, issues: [{ path: 'type', message: `unknown message type ${JSON.stringify(type ?? null)?.slice(0, 60)}` }] };
  }
  const result = requestVariant(type as RequestType).safeParse(message);
  if (result.success) return { ok: true, request: result.data as Request };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}
