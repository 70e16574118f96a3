/**
 * The one place HubSpot HTTP happens: the injected fetch (the background's
 * rate-limited one, or globalThis.fetch in tests), a per-request timeout,
 * typed errors for every failure, rate-limit headers reported to the caller,
 * and a count of every request sent. The generated API modules and the
 * endpoints they lack (/calling/v1/dispositions, /account-info/v3/details,
 * /crm/v3/schemas) all go through `send`.
 */
import { HubSpotError, HubSpotOfflineError, HubSpotServerError, type RequestInfo } from './errors';
import { errorFromResponse } from './error-response';
import { headerMap, parseRateLimitHeaders, type HeaderMap, type RateLimitInfo } from './rate-limit';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * A fetch that retries (the background's rate limiter) calls `onAttempt`
 * for every HTTP request it sends: retries cost budget too, and the count of
 * requests sent (e.g. a compliance scan's) must include them. Plain fetch
 * ignores the field.
 */
export interface AttemptCountingInit extends RequestInit {
  onAttempt?: () => void;
}

export interface ResponseInfo {
  request: RequestInfo;
  status: number;
  /** Rate-limit headers of the response (null on search responses and errors without them). */
  rateLimit: RateLimitInfo | null;
}

export interface TransportOptions {
  token: string;
  baseUrl: string;
  fetch: FetchLike;
  /** Aborts every request of this client (e.g. the view was closed). */
  signal?: AbortSignal;
  /** Per request, until the body is read. */
  timeoutMs: number;
  /** Called for every HTTP answer (success or error), for the limiter. */
  onResponse?: (info: ResponseInfo) => void;
  /** The portal's IANA zone, for when a daily limit resets. */
  timeZone?: string | null;
  now: () => number;
}

export interface OutgoingRequest {
  /** Absolute URL. */
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  headers: HeaderMap;
  text: string;
}

/**
 * One sent request. `start`/`end` are positions in the transport's own event
 * sequence (not clock times), enough to tell which requests overlapped and
 * which waited for another (`sequentialRounds`).
 */
export interface RequestLogEntry {
  method: string;
  path: string;
  /** HTTP status, or null when no answer came (offline, timeout, aborted). */
  status: number | null;
  start: number;
  end: number;
}

/**
 * The longest chain of requests in which each started only after the previous
 * one ended: how many round trips a caller really waited for, however the
 * requests were grouped.
 */
export function sequentialRounds(log: readonly RequestLogEntry[]): number {
  const byStart = [...log].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  let best = 0;
  for (let i = 0; i < byStart.length; i++) {
    let d = 1;
    for (let j = 0; j < i; j++) if (byStart[j]!.end < byStart[i]!.start) d = Math.max(d, depth[j]! + 1);
    depth.push(d);
    best = Math.max(best, d);
  }
  return best;
}

export class Transport {
  /** Every HTTP request sent through this transport, including failed ones. */
  requests = 0;
  /** Every request sent, in order (see RequestLogEntry). */
  readonly log: RequestLogEntry[] = [];
  private tick = 0;

  constructor(readonly options: TransportOptions) {}

  /** Sends one request. Resolves for 2xx (including 207); throws a HubSpotError otherwise. */
  async send(req: OutgoingRequest): Promise<RawResponse> {
    const { options } = this;
    const info = requestInfo(req.url);
    info.method = req.method.toUpperCase();
    const outer = options.signal;
    if (outer?.aborted) throw abortReason(outer);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    const onAbort = () => controller.abort();
    outer?.addEventListener('abort', onAbort, { once: true });

    // One request now; retries the injected fetch reports are added as they are sent.
    this.requests += 1;
    let attempts = 0;
    const entry: RequestLogEntry = { method: info.method, path: info.path, status: null, start: ++this.tick, end: 0 };
    this.log.push(entry);
    let status: number;
    let headers: HeaderMap;
    let text: string;
    try {
      const init: AttemptCountingInit = {
        method: info.method,
        headers: { Accept: 'application/json', ...req.headers },
        signal: controller.signal,
        onAttempt: () => {
          if (++attempts > 1) this.requests += 1;
        },
      };
      if (req.body !== undefined) init.body = req.body;
      const response = await options.fetch(req.url, init);
      status = response.status;
      headers = headerMap(response.headers);
      text = status === 204 ? '' : await response.text();
    } catch (error) {
      if (error instanceof HubSpotError) throw error; // the injected (rate-limited) fetch speaks our errors already
      if (outer?.aborted && !timedOut) throw abortReason(outer);
      throw new HubSpotOfflineError({
        message: timedOut
          ? `HubSpot did not answer ${info.method} ${info.path.split('?')[0]} within ${options.timeoutMs} ms`
          : `Could not reach HubSpot (${error instanceof Error ? error.message : String(error)})`,
        request: info,
        reason: timedOut ? 'timeout' : 'network',
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
      entry.end = ++this.tick;
    }
    entry.status = status;

    options.onResponse?.({ request: info, status, rateLimit: parseRateLimitHeaders(headers) });
    if (status >= 200 && status < 300) return { status, headers, text };
    throw errorFromResponse({ status, headers, text, request: info, now: options.now(), timeZone: options.timeZone ?? null });
  }

  /**
   * A JSON request to a path under the base URL, for endpoints without a
   * generated module. `query` values that are arrays repeat the parameter.
   */
  async json<T>(method: string, path: string, query?: Record<string, string | string[] | number | undefined>, body?: unknown): Promise<T> {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, '') + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(v));
    }
    const headers: Record<string, string> = { Authorization: `Bearer ${this.options.token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await this.send({
      url: url.toString(),
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return parseJson<T>(res, { method, path });
  }
}

/** Parses a success body; a 2xx that is not JSON is HubSpot (or a proxy) misbehaving. */
export function parseJson<T>(res: RawResponse, request: RequestInfo): T {
  if (res.text === '') return undefined as T;
  try {
    return JSON.parse(res.text) as T;
  } catch (error) {
    throw new HubSpotServerError({
      status: res.status,
      request,
      message: `HubSpot answered ${res.status} to ${request.method} ${request.path.split('?')[0]} with a body that is not JSON`,
      cause: error,
    });
  }
}

function requestInfo(url: string): RequestInfo {
  try {
    const u = new URL(url);
    return { method: 'GET', path: u.pathname + u.search };
  } catch {
    return { method: 'GET', path: url };
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
