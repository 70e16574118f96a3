/**
 * The typed client for the sidebar (content script) and the extension pages.
 *
 *   const res = await send({ type: 'view.get', portalId, ref });
 *   if (res.ok) render(res.data.evaluation); else showError(res.error);
 *
 * Errors are values, never exceptions: a dead background, a reloaded
 * extension or a response that does not match the protocol become an
 * AppError. Pushes from the background arrive through `onPush`.
 */
import { browser } from 'wxt/browser';
import { appError, type AppError } from './errors';
import { parseRequest } from './requests';
import {
  pushSchema,
  responseDataSchemas,
  responseEnvelopeSchema,
  type PushMessage,
  type Request,
  type Response,
} from './protocol';

/** How a message reaches the background (injectable for tests). */
export type Transport = (message: unknown) => Promise<unknown>;

const runtimeTransport: Transport = (message) => browser.runtime.sendMessage(message);

function transportError(err: unknown): AppError {
  const text = err instanceof Error ? err.message : String(err);
  // Chrome: "Extension context invalidated."; Firefox: "Extension context invalidated"/dead object.
  if (/context invalidated|dead object/i.test(text)) {
    return appError('extension-updated', 'The extension was updated or reloaded. Reload this tab to continue.');
  }
  if (/receiving end does not exist|could not establish connection/i.test(text)) {
    return appError('unavailable', 'The extension background is not answering. Reload this tab; if it persists, reload the extension.');
  }
  return appError('internal', `Could not reach the extension background: ${text}`);
}

export interface Client {
  send<M extends Request>(message: M): Promise<Response<M['type']>>;
}

export function createClient(transport: Transport = runtimeTransport): Client {
  return {
    async send<M extends Request>(message: M): Promise<Response<M['type']>> {
      const checked = parseRequest(message);
      if (!checked.ok) {
        return {
          ok: false,
          error: appError('bad-message', `Not sent: ${checked.issues[0]?.message ?? 'invalid message'}`, { details: checked.issues }),
        };
      }
      let raw: unknown;
      try {
        raw = await transport(checked.request);
      } catch (err) {
        return { ok: false, error: transportError(err) };
      }
      if (raw === undefined) {
        return { ok: false, error: appError('unavailable', 'The extension background did not answer.') };
      }
      const envelope = responseEnvelopeSchema.safeParse(raw);
      if (!envelope.success) {
        return { ok: false, error: appError('internal', `Malformed answer from the background to ${message.type}.`) };
      }
      if (!envelope.data.ok) return { ok: false, error: envelope.data.error };
      const schema = responseDataSchemas[message.type as M['type']];
      const data = schema.safeParse(envelope.data.data);
      if (!data.success) {
        const issue = data.error.issues[0];
        return {
          ok: false,
          error: appError(
            'internal',
            `Unexpected answer to ${message.type}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}.`,
          ),
        };
      }
      return { ok: true, data: data.data } as Response<M['type']>;
    },
  };
}

const defaultClient = createClient();

/** Send one message to the background; the answer is typed by the message type. */
export function send<M extends Request>(message: M): Promise<Response<M['type']>> {
  return defaultClient.send(message);
}

export type PushHandler = (push: PushMessage) => void;

/**
 * Listen to pushes from the background (view.updated, outbox.changed,
 * status.changed, scan.progress). Returns the unsubscribe function.
 * Anything that is not a valid push is ignored (including other pages' requests).
 */
export function onPush(handler: PushHandler, events = browser.runtime.onMessage): () => void {
  const listener = (message: unknown): undefined => {
    const push = pushSchema.safeParse(message);
    if (push.success) handler(push.data);
    return undefined;
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}
