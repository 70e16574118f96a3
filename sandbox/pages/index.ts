/**
 * HubSpot look-alike app pages (app.hubspot.com / app-eu1.hubspot.com), served
 * by the sandbox so the real extension's content script runs against record
 * pages in a real browser. The API server routes every request whose Host
 * starts with `app.` or `app-eu1.` here.
 *
 * Routes:
 * - `/` index of sample records
 * - `/contacts/{portalId}/record/{objectTypeId}/{id}` record pages
 * - `/contacts/{portalId}/objects/{objectTypeId}/views/all/list` list pages (not record pages)
 * - `/__pages/record-data?path=…` the main region of any of the above as JSON (in-page navigation)
 * - `/__pages/app.js`, `/__pages/app.css` the page's script and styles
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderRoute, renderShell } from './views';
import { fromState, type StateLike } from './state-adapter';

export interface PageContext {
  state: StateLike;
  url: URL;
}

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
const ASSETS: Record<string, { type: string; body: string }> = {
  '/__pages/app.js': { type: 'text/javascript; charset=utf-8', body: asset('app.js') },
  '/__pages/app.css': { type: 'text/css; charset=utf-8', body: asset('app.css') },
};

/**
 * No inline scripts: the page's only script is served from /__pages/app.js.
 * Content scripts are exempt from the page's CSP; the extension's own UI runs
 * in its shadow root. Styles allow inline as HubSpot's own CSS-in-JS needs.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function handlePageRequest(req: IncomingMessage, res: ServerResponse, ctx: PageContext): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const { pathname } = ctx.url;

  const file = ASSETS[pathname];
  if (file) {
    send(req, res, 200, file.type, file.body);
    return true;
  }

  const data = fromState(ctx.state);
  if (pathname === '/__pages/record-data') {
    const path = ctx.url.searchParams.get('path');
    if (!path || !path.startsWith('/')) {
      send(req, res, 400, 'application/json', JSON.stringify({ status: 'error', message: 'Query parameter `path` (an absolute app path) is required.' }));
      return true;
    }
    const route = renderRoute(data, new URL(path, ctx.url).pathname);
    send(req, res, 200, 'application/json', JSON.stringify({ status: route.status, title: route.title, record: route.record ?? null, html: route.main.value }));
    return true;
  }

  if (pathname === '/favicon.ico') {
    res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
    res.end();
    return true;
  }

  const route = renderRoute(data, pathname);
  send(req, res, route.status, 'text/html; charset=utf-8', renderShell(data, route), { 'Content-Security-Policy': PAGE_CSP });
  return true;
}
