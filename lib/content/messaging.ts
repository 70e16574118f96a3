/**
 * The content script's side of the protocol (lib/messages/protocol.ts),
 * without zod: requests are typed at compile time (the background validates
 * them strictly anyway) and answers are checked with lib/content/guards.ts.
 * Errors are values, like in lib/messages/client.ts.
 */
import type { AppError } from '../messages/errors';
import type { PushMessage, RequestOf, Response, ResponseData } from '../messages/protocol';
import {
  isAppError,
  isOptionsOpened,
  isOutboxDiscard,
  isOutboxEntry,
  isOutboxRetry,
  isRecordRef,
  isSettings,
  isViewPayload,
  isWriteResult,
} from './guards';

/** The message types the sidebar may send (the protocol's CONTENT_TYPES it uses). */
export type ContentRequestType =
  | 'view.get'
  | 'view.refresh'
  | 'property.update'
  | 'call.log'
  | 'sopNote.create'
  | 'cadence.apply'
  | 'outbox.retry'
  | 'outbox.discard'
  | 'settings.get'
  | 'settings.set'
  | 'options.open';

const DATA_GUARDS: { [T in ContentRequestType]: (v: unknown) => v is ResponseData<T> } = {
  'view.get': isViewPayload,
  'view.refresh': isViewPayload,
  'property.update': isWriteResult,
  'call.log': isWriteResult,
  'sopNote.create': isWriteResult,
  'cadence.apply': isWriteResult,
  'outbox.retry': isOutboxRetry,
  'outbox.discard': isOutboxDiscard,
  'settings.get': isSettings,
  'settings.set': isSettings,
  'options.open': isOptionsOpened,
};

/** Copy of lib/messages/protocol.ts PUSH_TAG (importing it would bring zod; a test keeps them equal). */
export const PUSH_TAG = 'sop-sidebar/push';

export type Transport = (message: unknown) => Promise<unknown>;

function error(code: AppError['code'], message: string): AppError {
  return { code, message };
}

function transportError(err: unknown): AppError {
  const text = err instanceof Error ? err.message : String(err);
  if (/context invalidated|dead object/i.test(text)) {
    return error('extension-updated', 'The extension was updated or reloaded. Reload this tab to continue.');
  }
  if (/receiving end does not exist|could not establish connection/i.test(text)) {
    return error('unavailable', 'The extension background is not answering. Reload this tab; if it persists, reload the extension.');
  }
  return error('internal', `Could not reach the extension background: ${text}`);
}

export type ContentSend = <T extends ContentRequestType>(message: RequestOf<T>) => Promise<Response<T>>;

export function createContentSend(transport: Transport): ContentSend {
  return async <T extends ContentRequestType>(message: RequestOf<T>): Promise<Response<T>> => {
    const type = (message as { type: T }).type;
    let raw: unknown;
    try {
      raw = await transport(message);
    } catch (err) {
      return { ok: false, error: transportError(err) };
    }
    if (raw === undefined) return { ok: false, error: error('unavailable', 'The extension background did not answer.') };
    if (typeof raw !== 'object' || raw === null) {
      return { ok: false, error: error('internal', `Malformed answer from the background to ${type}.`) };
    }
    const envelope = raw as { ok?: unknown; data?: unknown; error?: unknown };
    if (envelope.ok === false) {
      return {
        ok: false,
        error: isAppError(envelope.error) ? envelope.error : error('internal', `Malformed error from the background to ${type}.`),
      };
    }
    const guard = DATA_GUARDS[type];
    if (envelope.ok !== true || !guard(envelope.data)) {
      return { ok: false, error: error('internal', `Unexpected answer to ${type}.`) };
    }
    return { ok: true, data: envelope.data } as Response<T>;
  };
}

type SidebarPush = Extract<PushMessage, { event: 'view.updated' | 'view.failed' | 'outbox.changed' | 'status.changed' }>;

/** A push from the background the sidebar acts on, or null (other events, requests, anything malformed). */
export function parsePush(message: unknown): SidebarPush | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.tag !== PUSH_TAG) return null;
  switch (m.event) {
    case 'view.updated':
      return typeof m.portalId === 'number' && isRecordRef(m.ref) && isViewPayload(m.view) ? (m as SidebarPush) : null;
    case 'view.failed':
      return typeof m.portalId === 'number' && isRecordRef(m.ref) && isAppError(m.error) ? (m as SidebarPush) : null;
    case 'outbox.changed':
      return typeof m.portalId === 'number' && Array.isArray(m.entries) && m.entries.every(isOutboxEntry) ? (m as SidebarPush) : null;
    case 'status.changed':
      return typeof m.status === 'object' && m.status !== null && typeof (m.status as { token?: unknown }).token === 'string'
        ? (m as SidebarPush)
        : null;
    default:
      return null;
  }
}
