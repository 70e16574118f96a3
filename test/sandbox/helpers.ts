/** Starting a sandbox on a random port and calling it the way the extension does (fetch). */
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index';
import { miniSeed } from './fixtures/mini-seed';

export const TOKEN = 'mini-full';

export function startMini(opts: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, seed: miniSeed(), token: 'sandbox-token', ...opts });
}

export interface Reply {
  status: number;
  headers: Headers;
  contentType: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function call(sb: Sandbox, method: string, path: string, body?: unknown, token: string | null = TOKEN, headers: Record<string, string> = {}): Promise<Reply> {
  const h: Record<string, string> = { ...headers };
  if (token !== null) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(sb.url + path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let parsed: unknown;
  if (contentType.startsWith('application/json') && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, contentType, text, body: parsed };
}

export const get = (sb: Sandbox, path: string, token: string | null = TOKEN) => call(sb, 'GET', path, undefined, token);
export const post = (sb: Sandbox, path: string, body: unknown, token: string | null = TOKEN) => call(sb, 'POST', path, body, token);
export const patch = (sb: Sandbox, path: string, body: unknown, token: string | null = TOKEN) => call(sb, 'PATCH', path, body, token);

/** POST to a `/__sandbox/*` control route (no auth). */
export const control = (sb: Sandbox, method: string, path: string, body?: unknown) => call(sb, method, `/__sandbox/${path}`, body, null);

/** A request with an explicit Host header (fetch cannot set one), over node:http / node:https. */
export async function hostRequest(sb: Sandbox, method: string, path: string, host: string, opts: { ca?: string; token?: string } = {}): Promise<{ status: number; contentType: string; text: string }> {
  const { request } = sb.url.startsWith('https') ? await import('node:https') : await import('node:http');
  const u = new URL(sb.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname, port: u.port, method, path, servername: host.split(':')[0], ca: opts.ca,
        headers: { Host: host, ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
