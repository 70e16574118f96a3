/** Request plumbing shared by the routes: the parsed request, query helpers, body reading. */
import type { IncomingMessage } from 'node:http';
import type { SeedToken } from './seed/types';
import { validationError } from './errors';

export interface ApiRequest {
  method: string;
  path: string;
  url: URL;
  query: URLSearchParams;
  host: string;
  /** Raw body text ('' when none). */
  rawBody: string;
  /** Parsed JSON body (undefined when empty); parsed lazily by `json()`. */
  body: unknown;
  params: Record<string, string>;
  token?: SeedToken;
}

/** Array query params: repeated (`?properties=a&properties=b`) and comma-separated both work. */
export function queryList(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.getAll(name);
  if (raw.length === 0) return undefined;
  return raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export function queryBool(query: URLSearchParams, name: string): boolean {
  return query.get(name) === 'true';
}

/** Positive integer query param with HubSpot-style bounds: over `max` answers 400. */
export function queryInt(query: URLSearchParams, name: string, dflt: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw validationError(`Invalid value for ${name}: ${raw}`);
  if (n > max) throw validationError(`${name} must be less than or equal to ${max}`);
  return n;
}

export function readBody(req: IncomingMessage, maxBytes = 10 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses a JSON body as HubSpot does: malformed JSON answers 400 "Invalid input JSON…". */
export function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw validationError(`Invalid input JSON on line 1: ${(e as Error).message}`);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The JSON body as an object, or 400. */
export function bodyObject(req: ApiRequest): Record<string, unknown> {
  if (!isRecord(req.body)) throw validationError('Invalid input JSON: expected a JSON object body');
  return req.body;
}

/** The `link` HubSpot puts in `paging.next`. */
export function nextLink(req: ApiRequest, after: string): string {
  const u = new URL(req.url.toString());
  u.searchParams.set('after', after);
  return u.toString();
}
