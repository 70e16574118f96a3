/**
 * The HTTP(S) server: routes by Host (app pages vs API), then for the API:
 * route → latency → route faults / failureRate → auth → scopes → rate limit →
 * handler → (dropAfterWrite) → response, logging every API request.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Sandbox, SandboxOptions } from './index';
import type { SeedToken } from './seed/types';
import { SandboxState } from './state';
import { Faults } from './faults';
import { RateLimiter, DEFAULT_RATE_LIMITS } from './rate-limit';
import { Router, type Route } from './router';
import { authenticate, builtInTokens, checkScopes, DEFAULT_TOKEN, READONLY_TOKEN } from './auth';
import { HttpError, apiError, errorBody, htmlPage, notFoundHtml, type ApiResponse } from './errors';
import { parseJson, readBody, type ApiRequest } from './http';
import { objectRoutes } from './routes/objects';
import { searchRoute } from './routes/search';
import { associationRoutes } from './routes/associations';
import { metadataRoutes } from './routes/metadata';
import { handleControl } from './routes/control';
import { handlePageRequest } from './pages/index';
import { referencePortalSeed } from './seed/reference-portal';

export const ROUTES: Route[] = [searchRoute, ...objectRoutes, ...associationRoutes, ...metadataRoutes];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function isAppHost(host: string): boolean {
  const h = host.toLowerCase();
  return h.startsWith('app.') || h.startsWith('app-eu1.');
}

function send(res: ServerResponse, r: ApiResponse, method: string): void {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  let payload = '';
  if (r.status !== 204) {
    if (r.html !== undefined) {
      headers['Content-Type'] = 'text/html; charset=utf-8';
      payload = r.html;
    } else {
      headers['Content-Type'] = 'application/json;charset=utf-8';
      payload = JSON.stringify(r.body ?? {});
    }
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  res.writeHead(r.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}

function faultResponse(status: number, html: boolean): ApiResponse {
  const text: Record<number, [string, string]> = {
    404: ['resource not found', 'OBJECT_NOT_FOUND'],
    429: ['You have reached your ten_secondly_rolling limit.', 'RATE_LIMITS'],
    500: ['internal error', 'INTERNAL_ERROR'],
    502: ['Bad Gateway', 'INTERNAL_ERROR'],
    503: ['Service Unavailable', 'SERVICE_UNAVAILABLE'],
    504: ['Gateway Timeout', 'INTERNAL_ERROR'],
  };
  const [message, category] = text[status] ?? [`HTTP ${status}`, 'INTERNAL_ERROR'];
  if (html) return htmlPage(status, `${status} ${message}`, message);
  if (status === 429) {
    return { status, body: { status: 'error', message, errorType: 'RATE_LIMIT', correlationId: randomUUID(), policyName: 'TEN_SECONDLY_ROLLING', category }, headers: { 'Retry-After': '1' } };
  }
  return { status, body: errorBody(message, category) };
}

export async function startServer(opts: SandboxOptions): Promise<Sandbox> {
  const seed = opts.seed ?? referencePortalSeed;
  const fullToken = opts.token ?? DEFAULT_TOKEN;
  // The configured token always has full access; the read-only one is added only when the seed lacks it.
  const extra: SeedToken[] = builtInTokens(fullToken).filter((t) => t.token === fullToken || !seed.tokens.some((s) => s.token === READONLY_TOKEN));
  const state = new SandboxState(seed, extra);
  const faults = new Faults();
  const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...(opts.rateLimit ?? {}) });
  const router = new Router(ROUTES);
  const baseLatency = opts.latencyMs ?? 0;
  const proto = opts.https ? 'https' : 'http';

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, raw: string): Promise<void> {
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const match = router.match(method, url.pathname);
    const routeName = match && 'route' in match ? `${match.route.method} ${match.route.pattern.replace(/:(\w+)/g, '{$1}')}` : `${method} (unmatched)`;
    let fault: string | undefined;
    let dropped = false;
    let response: ApiResponse;
    let logBody: unknown = raw === '' ? undefined : raw;
    try {
      logBody = parseJson(raw);
    } catch {
      /* logged raw */
    }
    try {
      const latency = baseLatency + faults.latencyFor(method, url.pathname);
      if (latency > 0) await sleep(latency);
      response = await answer();
    } catch (e) {
      if (e instanceof HttpError) response = e.response;
      else {
        console.error('[sandbox] handler error', e);
        response = { status: 500, body: errorBody(`internal error: ${(e as Error).message}`, 'INTERNAL_ERROR') };
      }
    }
    if (response.status !== 204 && response.html === undefined) {
      response.headers = { ...(response.headers ?? {}), 'X-HubSpot-Correlation-Id': String((response.body as { correlationId?: string } | undefined)?.correlationId ?? randomUUID()) };
    }
    state.record(
      {
        method,
        path: url.pathname,
        query: Object.fromEntries([...new Set(url.searchParams.keys())].map((k) => {
          const all = url.searchParams.getAll(k);
          return [k, all.length === 1 ? (all[0] as string) : all];
        })),
        body: logBody,
        status: dropped ? 0 : response.status,
        time: new Date(started).toISOString(),
        host: req.headers.host ?? '',
        durationMs: Date.now() - started,
        ...(fault ? { fault } : {}),
      },
      routeName,
    );
    if (dropped) {
      req.socket.destroy();
      return;
    }
    send(res, response, method);

    async function answer(): Promise<ApiResponse> {
      if (!match) return notFoundHtml();
      if (!('route' in match)) return apiError(405, `HTTP 405 Method Not Allowed: ${method} ${url.pathname}`, 'VALIDATION_ERROR');
      const routeFault = faults.takeRouteFault(method, url.pathname);
      if (routeFault) {
        fault = 'route';
        return faultResponse(routeFault.status, routeFault.html ?? false);
      }
      if (faults.shouldFail()) {
        fault = 'failureRate';
        return faultResponse(500, false);
      }
      const token = authenticate(req.headers, state);
      if ('status' in token) return token;
      const request: ApiRequest & { token: SeedToken } = {
        method,
        path: url.pathname,
        url,
        query: url.searchParams,
        host: req.headers.host ?? '',
        rawBody: raw,
        body: undefined,
        params: match.params,
        token,
      };
      const ctx = { state, faults };
      const denied = checkScopes(token, match.route.scopes(request, ctx));
      if (denied) return denied;
      const rate = limiter.take(token.token, match.route.search ?? false);
      if (!rate.ok) return rate.response;
      let result: ApiResponse;
      try {
        request.body = parseJson(raw);
        result = match.route.handle(request, ctx);
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        result = e.response;
      }
      result.headers = { ...rate.headers, ...(result.headers ?? {}) };
      if (result.status < 400 && faults.takeDrop(method, url.pathname)) {
        fault = 'dropAfterWrite';
        dropped = true;
      }
      return result;
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    const url = new URL(req.url ?? '/', `${proto}://${host || '127.0.0.1'}`);
    if (isAppHost(host)) {
      const handled = await handlePageRequest(req, res, { state, url });
      if (!handled && !res.headersSent) send(res, notFoundHtml(), req.method ?? 'GET');
      return;
    }
    const raw = await readBody(req);
    if (url.pathname === '/__sandbox' || url.pathname.startsWith('/__sandbox/')) {
      send(res, handleControl((req.method ?? 'GET').toUpperCase(), url, raw, { state, faults, limiter }), req.method ?? 'GET');
      return;
    }
    await api(req, res, url, raw);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch((e: unknown) => {
      console.error('[sandbox] request failed', e);
      if (!res.headersSent) send(res, { status: 500, body: errorBody('internal error', 'INTERNAL_ERROR') }, 'GET');
      else res.destroy();
    });
  };
  const server = opts.https ? https.createServer({ key: opts.https.key, cert: opts.https.cert }, listener) : http.createServer(listener);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `${proto}://${urlHost}:${port}`,
    port,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
