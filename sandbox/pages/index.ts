/**
 * HubSpot look-alike app pages (app.hubspot.com / app-eu1.hubspot.com), served
 * by the sandbox so the real extension's content script can be exercised in a
 * real browser. The API server routes every request whose Host starts with
 * `app.` or `app-eu1.` here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface PageContext {
  // Narrowed to SandboxState once sandbox/state.ts lands.
  state: unknown;
  url: URL;
}

export function handlePageRequest(req: IncomingMessage, res: ServerResponse, ctx: PageContext): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (ctx.url.pathname === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>HubSpot sandbox</title><h1>HubSpot sandbox</h1>');
    return true;
  }
  return false;
}
