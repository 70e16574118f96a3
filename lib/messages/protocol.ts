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
 *   pages; the sidebar may send the others, only from tabs on
 *   app.hubspot.com / app-eu1.hubspot.com.
 * - The background pushes updates (PushMessage) to the tab that asked for a
 *   view with `browser.tabs.sendMessage`, and to extension pages with
 *   `browser.runtime.sendMessage`; see lib/messages/client.ts `onPush`.
 */
import * as z from 'zod';
import { appErrorSchema, type AppError } from './errors';
import { PUSH_TAG } from './constants';
import {
  PRIVILEGED,
  REQUEST_TYPES,
  parseRequest,
  requestVariant,
  type Request,
  type RequestOf,
  type RequestType,
  type RequestVariantSchema,
} from './requests';
import {
  outboxEntrySchema,
  playbookImportResultSchema,
  playbookInfoSchema,
  playbookLintResultSchema,
  recordRefSchema,
  scanResultsSchema,
  scanStatusSchema,
  settingsSchema,
  statusSchema,
  viewPayloadSchema,
  writeResultSchema,
} from './schemas';

/**
 * The union of every request (strict variants from ./requests.ts). The
 * background validates with `parseRequest` (per type, built on first use);
 * this union is for the client side and tests.
 */
export const requestSchema = z.discriminatedUnion(
  'type',
  REQUEST_TYPES.map((t) => requestVariant(t)) as unknown as [RequestVariantSchema, ...RequestVariantSchema[]],
);

export type { Request, RequestOf, RequestType };

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
  'options.open': z.object({ opened: z.literal(true) }),
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

export { PRIVILEGED, REQUEST_TYPES, parseRequest };

export function isPrivileged(type: RequestType): boolean {
  return PRIVILEGED.has(type);
}

export const responseEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

// ── Push: background → sidebar tab / extension pages ─────────────────────

export { PUSH_TAG };

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
