/**
 * Every message the background receives goes through here:
 * 1. the sender is classified: an extension page (options, admin), the
 *    sidebar's content script on a HubSpot app tab, or nobody we talk to;
 * 2. the message is validated against the protocol (unknown types and
 *    malformed fields → `bad-message`);
 * 3. privileged types are refused unless they come from an extension page;
 *    a content script's message about a portal must match its tab's URL;
 * 4. the registered handler runs; whatever it throws becomes an AppError.
 * The answer is always a protocol Response, never an exception.
 */
import { appError } from '../messages/errors';
import type { RequestOf, RequestType, Response, ResponseData } from '../messages/protocol';
import { PRIVILEGED, parseRequest, type Request } from '../messages/requests';
import { toAppError } from './errors';

/** The parts of runtime.MessageSender the checks read. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderKind = 'page' | 'content';

export interface HandlerContext {
  from: SenderKind;
  /** The portal of the content script's tab URL (null for pages or URLs without one). */
  tabPortalId: number | null;
  /** The sidebar's tab (content scripts), for pushes. */
  tabId: number | null;
  frameId: number | null;
}

export type Handler<T extends RequestType> = (request: RequestOf<T>, ctx: HandlerContext) => Promise<ResponseData<T>>;

/** The HubSpot app hosts the content script runs on (the manifest matches the same). */
export const HUBSPOT_APP_HOSTS: readonly string[] = ['app.hubspot.com', 'app-eu1.hubspot.com'];

export interface RouterOptions {
  /** runtime.id */
  extensionId: string;
  /** runtime.getURL('/'), e.g. `chrome-extension://<id>/`. */
  extensionBase: string;
}

function parseUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The portal a HubSpot app URL is about (`/contacts/{portalId}/…` and most app paths), if it says. */
export function portalOfUrl(url: URL): number | null {
  const match = /^\/[a-z-]+\/(\d{1,20})(\/|$)/.exec(url.pathname);
  return match ? Number(match[1]) : null;
}

export class Router {
  private readonly handlers = new Map<RequestType, Handler<RequestType>>();
  private readonly extensionOrigin: string;

  constructor(private readonly options: RouterOptions) {
    // `new URL('chrome-extension://id/').origin` is "null" in some engines: derive it by hand.
    this.extensionOrigin = options.extensionBase.replace(/\/+$/, '');
  }

  register<T extends RequestType>(type: T, handler: Handler<T>): void {
    this.handlers.set(type, handler as unknown as Handler<RequestType>);
  }

  has(type: RequestType): boolean {
    return this.handlers.has(type);
  }

  /** Who sent it: our own page, our content script on a HubSpot tab, or null (refused). */
  classify(sender: SenderInfo): SenderKind | null {
    if (sender.id !== this.options.extensionId) return null;
    const url = parseUrl(sender.url);
    if (!url) return null;
    const fromExtension = sender.url!.startsWith(this.options.extensionBase) && (!sender.origin || sender.origin === this.extensionOrigin);
    if (fromExtension) {
      // An extension page framed inside another origin's tab is not trusted with privileged messages.
      const tabUrl = sender.tab?.url;
      if (tabUrl && !tabUrl.startsWith(this.options.extensionBase)) return null;
      return 'page';
    }
    if (sender.tab && url.protocol === 'https:' && HUBSPOT_APP_HOSTS.includes(url.hostname)) return 'content';
    return null;
  }

  /** Validate, check the sender, dispatch. Never throws. */
  async handle(message: unknown, sender: SenderInfo): Promise<Response<RequestType>> {
    try {
      const from = this.classify(sender);
      if (!from) return { ok: false, error: appError('forbidden', 'Messages are accepted only from SOP Sidebar’s own pages and its sidebar on HubSpot.') };
      const parsed = parseRequest(message);
      if (!parsed.ok) {
        const type = typeof message === 'object' && message !== null && 'type' in message ? String((message as { type: unknown }).type) : '?';
        return {
          ok: false,
          error: appError('bad-message', `Malformed or unknown message (${type.slice(0, 60)}): ${parsed.issues[0]?.message ?? 'invalid'}.`, {
            details: parsed.issues.slice(0, 20),
          }),
        };
      }
      const request: Request = parsed.request;
      if (PRIVILEGED.has(request.type) && from !== 'page') {
        return { ok: false, error: appError('forbidden', `${request.type} is accepted only from the extension's own pages.`) };
      }
      const tabPortal = from === 'content' ? portalOfUrl(parseUrl(sender.url) as URL) : null;
      if (from === 'content' && 'portalId' in request && request.portalId !== undefined) {
        if (tabPortal !== null && tabPortal !== request.portalId) {
          return { ok: false, error: appError('forbidden', `The sidebar on portal ${tabPortal} asked about portal ${request.portalId}.`) };
        }
      }
      const handler = this.handlers.get(request.type);
      if (!handler) return { ok: false, error: appError('unavailable', `Nothing handles ${request.type} in this version.`) };
      const data = await handler(request, { from, tabPortalId: tabPortal, tabId: sender.tab?.id ?? null, frameId: sender.frameId ?? null });
      return { ok: true, data };
    } catch (err) {
      const error = toAppError(err);
      // Expected failures (token, limits, validation…) are answers; only bugs are logged.
      if (error.code === 'internal') console.error('[sop-sidebar] handler failed', err);
      return { ok: false, error };
    }
  }
}
