/**
 * THE message protocol between the sidebar (content script), the extension
 * pages (options, admin) and the background service worker.
 *
 * - A request is `{ type, ...fields }`, one of `requestSchema`'s variants.
 *   The background validates every request (strict: unknown fields and
 *   unknown types are refused with `bad-message`).
 * - A response is `{ ok: true, data }` or `{ ok: false, error: AppError }`;
 *   `responseDataSchemas[type]` validates `data` in the client.
 * - Privileged types (PRIVILEGED) are accepted only from the extension's own
 *   pages; the sidebar may send the others (CONTENT_TYPES), only from tabs on
 *   app.hubspot.com / app-eu1.hubspot.com.
 * - The background pushes updates (PushMessage) to the tab that asked for a
 *   view with `browser.tabs.sendMessage`, and to extension pages with
 *   `browser.runtime.sendMessage`; see lib/messages/client.ts `onPush`.
 */
import * as z from 'zod';
import { appErrorSchema, type AppError } from './errors';
import {
  outboxEntrySchema,
  playbookImportResultSchema,
  playbookInfoSchema,
  playbookLintResultSchema,
  portalIdSchema,
  propertyNameSchema,
  propertyValueSchema,
  recordRefSchema,
  scanResultsSchema,
  scanStartSchema,
  scanStatusSchema,
  settingsPatchSchema,
  settingsSchema,
  statusSchema,
  viewPayloadSchema,
  writeResultSchema,
} from './schemas';

const viewTarget = { portalId: portalIdSchema, ref: recordRefSchema };
const opId = z.string().regex(/^[a-z0-9]{8,64}$/, 'not an outbox id');

export const requestSchema = z.discriminatedUnion('type', [
  // ── Sidebar (content script) and pages ────────────────────────────────
  /** The record's evaluation: from cache when warm (then revalidated and pushed), else loaded. */
  z.strictObject({ type: z.literal('view.get'), ...viewTarget }),
  /** Load from HubSpot now (ignores the cache), then answer. */
  z.strictObject({ type: z.literal('view.refresh'), ...viewTarget }),
  /**
   * Set one property on `targets` (default: the view's record). `ref` is the
   * record on screen: its view is reloaded and pushed after the write.
   */
  z.strictObject({
    type: z.literal('property.update'),
    ...viewTarget,
    targets: z.array(recordRefSchema).min(1).max(100).optional(),
    property: propertyNameSchema,
    value: propertyValueSchema,
    /** For the outbox list ("Set Deal Approval Status to Approved"); generated when absent. */
    label: z.string().max(300).optional(),
  }),
  /**
   * Log a call (CH-2/CH-3). `properties` are call properties (hs_call_disposition,
   * hs_activity_type, hs_call_direction, hs_call_body, hs_timestamp…), checked
   * against the record's call-log spec; associated with `associateWith` (default:
   * the spec's associateWith).
   */
  z.strictObject({
    type: z.literal('call.log'),
    ...viewTarget,
    properties: z.record(propertyNameSchema, propertyValueSchema),
    associateWith: z.array(recordRefSchema).max(20).optional(),
  }),
  /** Write the `#S&OP` note (SOP-2) built from the record's snapshot; `confirmGaps` allows unknown rows. */
  z.strictObject({ type: z.literal('sopNote.create'), ...viewTarget, confirmGaps: z.boolean().optional() }),
  /** Apply cadence updates after a check-in (CH-4…CH-8): property writes on the record (or `target`). */
  z.strictObject({
    type: z.literal('cadence.apply'),
    ...viewTarget,
    updates: z
      .array(
        z.strictObject({
          target: recordRefSchema.optional(),
          property: propertyNameSchema,
          value: propertyValueSchema,
          label: z.string().max(300).optional(),
        }),
      )
      .min(1)
      .max(20),
  }),
  /** Pending and failed writes; filter by portal and/or record. */
  z.strictObject({ type: z.literal('outbox.list'), portalId: portalIdSchema.optional(), ref: recordRefSchema.optional() }),
  /** Send a pending/failed write again now. */
  z.strictObject({ type: z.literal('outbox.retry'), id: opId }),
  /** Drop a pending/failed write (it is not sent). */
  z.strictObject({ type: z.literal('outbox.discard'), id: opId }),
  z.strictObject({ type: z.literal('settings.get') }),
  /** Content scripts may change `sidebar` and `learnMode.enabled` only; pages anything not managed. */
  z.strictObject({ type: z.literal('settings.set'), patch: settingsPatchSchema }),
  /** Token and limit state; with `portalId`, `wrong-portal` when the token belongs elsewhere. */
  z.strictObject({ type: z.literal('status.get'), portalId: portalIdSchema.optional() }),
  /** The active playbook (read-only). */
  z.strictObject({ type: z.literal('playbook.get') }),

  // ── Privileged: extension pages only (options, admin) ────────────────
  /** Verify (GET /account-info/v3/details) and store the token. Never echoed back. */
  z.strictObject({
    type: z.literal('token.set'),
    token: z.string().trim().min(8).max(512).regex(/^\S+$/, 'a token has no spaces'),
  }),
  /** Verify the stored token again. */
  z.strictObject({ type: z.literal('token.verify') }),
  /** Forget the token (and the cached data it loaded). */
  z.strictObject({ type: z.literal('token.clear') }),
  /** Validate and activate a playbook (JSON text); invalid → the active one stays, errors returned. */
  z.strictObject({ type: z.literal('playbook.import'), json: z.string().min(2).max(5_000_000) }),
  /** The active playbook as JSON text. */
  z.strictObject({ type: z.literal('playbook.export') }),
  /** Back to the default playbook (or the managed one). */
  z.strictObject({ type: z.literal('playbook.reset') }),
  /** Check the active playbook (or `json`) against the token's portal. */
  z.strictObject({ type: z.literal('playbook.lint'), json: z.string().min(2).max(5_000_000).optional() }),
  z.strictObject({ type: z.literal('scan.start'), ...scanStartSchema }),
  z.strictObject({ type: z.literal('scan.cancel'), scanId: z.string().min(1).max(100) }),
  /** The running or last scan (or `scanId`). */
  z.strictObject({ type: z.literal('scan.status'), scanId: z.string().min(1).max(100).optional() }),
  /** A page of a scan's result rows. */
  z.strictObject({
    type: z.literal('scan.results'),
    scanId: z.string().min(1).max(100),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  }),
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

const tokenCleared = z.object({ cleared: z.literal(true) });

export const responseDataSchemas = {
  'view.get': viewPayloadSchema,
  'view.refresh': viewPayloadSchema,
  'property.update': writeResultSchema,
  'call.log': writeResultSchema,
  'sopNote.create': writeResultSchema,
  'cadence.apply': writeResultSchema,
  'outbox.list': z.object({ entries: z.array(outboxEntrySchema) }),
  'outbox.retry': z.object({ entry: outboxEntrySchema.nullable(), sent: z.boolean() }),
  'outbox.discard': z.object({ discarded: z.boolean() }),
  'settings.get': settingsSchema,
  'settings.set': settingsSchema,
  'status.get': statusSchema,
  'playbook.get': playbookInfoSchema,
  'token.set': statusSchema,
  'token.verify': statusSchema,
  'token.clear': tokenCleared,
  'playbook.import': playbookImportResultSchema,
  'playbook.export': z.object({ json: z.string(), fileName: z.string() }),
  'playbook.reset': playbookInfoSchema,
  'playbook.lint': playbookLintResultSchema,
  'scan.start': scanStatusSchema,
  'scan.cancel': scanStatusSchema,
  'scan.status': scanStatusSchema,
  'scan.results': scanResultsSchema,
} as const satisfies Record<RequestType, z.ZodType>;

export type ResponseData<T extends RequestType> = z.infer<(typeof responseDataSchemas)[T]>;
export type Response<T extends RequestType> = { ok: true; data: ResponseData<T> } | { ok: false; error: AppError };

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

export function isPrivileged(type: RequestType): boolean {
  return PRIVILEGED.has(type);
}

export const responseEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

// ── Push: background → sidebar tab / extension pages ─────────────────────

/** Marks push messages so no listener mistakes a request for one (and vice versa). */
export const PUSH_TAG = 'sop-sidebar/push' as const;

export const pushSchema = z.discriminatedUnion('event', [
  /** A revalidated or reloaded view (after cache-first answers, writes, outbox changes). */
  z.object({ tag: z.literal(PUSH_TAG), event: z.literal('view.updated'), portalId: z.number(), ref: recordRefSchema, view: viewPayloadSchema }),
  /** A view could not be revalidated (the cached one stays on screen, marked stale). */
  z.object({ tag: z.literal(PUSH_TAG), event: z.literal('view.failed'), portalId: z.number(), ref: recordRefSchema, error: appErrorSchema }),
  /** The outbox changed (entries of `portalId`, all of them). */
  z.object({ tag: z.literal(PUSH_TAG), event: z.literal('outbox.changed'), portalId: z.number(), entries: z.array(outboxEntrySchema) }),
  /** Token/limit state changed (token set/cleared, rate limited, daily limit, offline, back online). */
  z.object({ tag: z.literal(PUSH_TAG), event: z.literal('status.changed'), status: statusSchema }),
  /** Scan progress (extension pages only). */
  z.object({ tag: z.literal(PUSH_TAG), event: z.literal('scan.progress'), status: scanStatusSchema }),
]);
export type PushMessage = z.infer<typeof pushSchema>;
export type PushEvent = PushMessage['event'];
