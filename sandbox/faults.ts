/**
 * Fault injection for resilience tests, set through `POST /__sandbox/faults`
 * (merged into the current faults) and cleared by `DELETE /__sandbox/faults`.
 *
 * ```
 * {
 *   latencyMs?: number,              // added to every API response
 *   perRequestLatencyMs?: number | [{ method?, pathPattern, ms }],
 *                                    // number: added too; list: extra delay for matching routes
 *   failureRate?: number,            // 0..1: that share of API requests answer 500 (seeded PRNG)
 *   seed?: number,                   // PRNG seed for failureRate (default 1): same seed, same failures
 *   routes?: [{ method?, pathPattern, status, html?, times? }],
 *                                    // matching requests answer `status` (JSON error, or HTML when html)
 *                                    // `times` times (default: until cleared); first match wins
 *   dropAfterWrite?: { method?, pathPattern, times? },
 *                                    // apply the matching write, then destroy the socket unanswered
 *   rateLimit?: { tenSecond?, searchPerSecond?, daily? },
 *   searchLagMs?: number             // search sees writes only this long after they happen
 * }
 * ```
 * `pathPattern` matches the request path (no query): a glob where `*` matches
 * any characters (`/crm/v3/objects/deals/*`), or a regular expression written
 * `/…/`. `method` defaults to any.
 */
import type { RateLimitConfig } from './rate-limit';
import { validationError } from './errors';
import { isRecord } from './http';

export interface RouteFault {
  method?: string;
  pathPattern: string;
  status: number;
  html?: boolean;
  times?: number;
}

export interface DropFault {
  method?: string;
  pathPattern: string;
  times?: number;
}

export interface FaultConfig {
  latencyMs?: number;
  perRequestLatencyMs?: number | Array<{ method?: string; pathPattern: string; ms: number }>;
  failureRate?: number;
  seed?: number;
  routes?: RouteFault[];
  dropAfterWrite?: DropFault;
  rateLimit?: Partial<RateLimitConfig>;
  searchLagMs?: number;
}

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pathMatches(pattern: string, path: string): boolean {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/') && !pattern.includes('*')) {
    try {
      return new RegExp(pattern.slice(1, -1)).test(path);
    } catch {
      return false;
    }
  }
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(path);
}

function methodMatches(m: string | undefined, method: string): boolean {
  return m === undefined || m.toUpperCase() === method.toUpperCase();
}

function nonNegative(v: unknown, name: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) throw validationError(`faults.${name} must be a number between 0 and ${max}`);
  return v;
}

function pattern(v: unknown, where: string): string {
  if (typeof v !== 'string' || v === '') throw validationError(`${where}.pathPattern must be a non-empty string`);
  return v;
}

function method(v: unknown, where: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw validationError(`${where}.method must be a string`);
  return v.toUpperCase();
}

/** Validates a `POST /__sandbox/faults` body; throws 400 with the offending field. */
export function parseFaults(body: unknown): FaultConfig {
  if (!isRecord(body)) throw validationError('faults: body must be a JSON object');
  const known = ['latencyMs', 'perRequestLatencyMs', 'failureRate', 'seed', 'routes', 'dropAfterWrite', 'rateLimit', 'searchLagMs'];
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw validationError(`faults: unknown field(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
  const out: FaultConfig = {};
  if (body.latencyMs !== undefined) out.latencyMs = nonNegative(body.latencyMs, 'latencyMs', 60_000);
  if (body.searchLagMs !== undefined) out.searchLagMs = nonNegative(body.searchLagMs, 'searchLagMs', 600_000);
  if (body.failureRate !== undefined) out.failureRate = nonNegative(body.failureRate, 'failureRate', 1);
  if (body.seed !== undefined) out.seed = nonNegative(body.seed, 'seed');
  if (body.perRequestLatencyMs !== undefined) {
    const p = body.perRequestLatencyMs;
    if (typeof p === 'number') out.perRequestLatencyMs = nonNegative(p, 'perRequestLatencyMs', 60_000);
    else if (Array.isArray(p)) {
      out.perRequestLatencyMs = p.map((e, i) => {
        if (!isRecord(e)) throw validationError(`faults.perRequestLatencyMs[${i}] must be an object`);
        return { method: method(e.method, `faults.perRequestLatencyMs[${i}]`), pathPattern: pattern(e.pathPattern, `faults.perRequestLatencyMs[${i}]`), ms: nonNegative(e.ms, `perRequestLatencyMs[${i}].ms`, 60_000) };
      });
    } else throw validationError('faults.perRequestLatencyMs must be a number or an array of {method?, pathPattern, ms}');
  }
  if (body.routes !== undefined) {
    if (!Array.isArray(body.routes)) throw validationError('faults.routes must be an array');
    out.routes = body.routes.map((r, i) => {
      const where = `faults.routes[${i}]`;
      if (!isRecord(r)) throw validationError(`${where} must be an object`);
      if (typeof r.status !== 'number' || !Number.isInteger(r.status) || r.status < 400 || r.status > 599) throw validationError(`${where}.status must be an HTTP error status (400–599)`);
      const f: RouteFault = { method: method(r.method, where), pathPattern: pattern(r.pathPattern, where), status: r.status };
      if (r.html !== undefined) f.html = r.html === true;
      if (r.times !== undefined) f.times = nonNegative(r.times, `routes[${i}].times`);
      return f;
    });
  }
  if (body.dropAfterWrite !== undefined) {
    const d = body.dropAfterWrite;
    if (!isRecord(d)) throw validationError('faults.dropAfterWrite must be an object {method?, pathPattern, times?}');
    out.dropAfterWrite = { method: method(d.method, 'faults.dropAfterWrite'), pathPattern: pattern(d.pathPattern, 'faults.dropAfterWrite') };
    if (d.times !== undefined) out.dropAfterWrite.times = nonNegative(d.times, 'dropAfterWrite.times');
  }
  if (body.rateLimit !== undefined) {
    const r = body.rateLimit;
    if (!isRecord(r)) throw validationError('faults.rateLimit must be an object {tenSecond?, searchPerSecond?, daily?}');
    out.rateLimit = {};
    for (const k of ['tenSecond', 'searchPerSecond', 'daily'] as const) if (r[k] !== undefined) out.rateLimit[k] = nonNegative(r[k], `rateLimit.${k}`);
  }
  return out;
}

export class Faults {
  config: FaultConfig = {};
  private random = prng(1);

  /** Merges new faults into the current ones (routes are appended). */
  apply(next: FaultConfig): void {
    const routes = [...(this.config.routes ?? []), ...(next.routes ?? [])];
    this.config = { ...this.config, ...next, routes };
    if (next.seed !== undefined || next.failureRate !== undefined) this.random = prng(this.config.seed ?? 1);
  }

  clear(): void {
    this.config = {};
    this.random = prng(1);
  }

  latencyFor(method: string, path: string): number {
    const c = this.config;
    let ms = c.latencyMs ?? 0;
    if (typeof c.perRequestLatencyMs === 'number') ms += c.perRequestLatencyMs;
    else for (const e of c.perRequestLatencyMs ?? []) if (methodMatches(e.method, method) && pathMatches(e.pathPattern, path)) ms += e.ms;
    return ms;
  }

  /** The route fault answering this request, consuming one of its `times`. */
  takeRouteFault(method: string, path: string): RouteFault | undefined {
    const routes = this.config.routes ?? [];
    const i = routes.findIndex((r) => methodMatches(r.method, method) && pathMatches(r.pathPattern, path) && (r.times === undefined || r.times > 0));
    if (i < 0) return undefined;
    const r = routes[i] as RouteFault;
    if (r.times !== undefined) r.times--;
    return r;
  }

  /** Deterministic: the n-th request fails iff the seeded PRNG's n-th draw < failureRate. */
  shouldFail(): boolean {
    const rate = this.config.failureRate ?? 0;
    if (rate <= 0) return false;
    return this.random() < rate;
  }

  /** Whether to drop the connection after applying this write, consuming one of `times`. */
  takeDrop(method: string, path: string): boolean {
    const d = this.config.dropAfterWrite;
    if (!d || method === 'GET' || method === 'HEAD') return false;
    if (!methodMatches(d.method, method) || !pathMatches(d.pathPattern, path)) return false;
    if (d.times !== undefined) {
      if (d.times <= 0) return false;
      d.times--;
    }
    return true;
  }

  get searchLagMs(): number {
    return this.config.searchLagMs ?? 0;
  }
}
