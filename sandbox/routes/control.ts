/**
 * `/__sandbox/*`: the test harness's control surface (not HubSpot paths; no
 * auth, not rate limited, not logged; API host only).
 *
 *   GET    /__sandbox/health            → {ok: true, portalId}
 *   POST   /__sandbox/reset             → reseed (body optional: {seed: SeedData}); clears log, counters, rate buckets
 *   GET    /__sandbox/faults            → the current faults
 *   POST   /__sandbox/faults            → merge faults (see sandbox/faults.ts for the body); answers the result
 *   DELETE /__sandbox/faults            → 204, no faults, start-up rate limits
 *   GET    /__sandbox/log?limit=N       → {results: RequestLogEntry[]} (oldest first; last N)
 *   DELETE /__sandbox/log               → 204
 *   GET    /__sandbox/counters          → Counters
 *   GET    /__sandbox/clock             → {now}
 *   POST   /__sandbox/clock             → {now} after {advanceMs} or {now: ISO | epoch ms}; shifts record timestamps only
 */
import type { SandboxState } from '../state';
import type { SeedData } from '../seed/types';
import type { RateLimiter } from '../rate-limit';
import { parseFaults, type Faults } from '../faults';
import { isRecord, parseJson } from '../http';
import { HttpError, apiError, notFoundHtml, validationError, type ApiResponse } from '../errors';

export interface ControlContext {
  state: SandboxState;
  faults: Faults;
  limiter: RateLimiter;
}

function isSeed(v: unknown): v is SeedData {
  return isRecord(v) && isRecord(v.account) && Array.isArray(v.tokens) && isRecord(v.objects) && Array.isArray(v.associations);
}

export function handleControl(method: string, url: URL, raw: string, ctx: ControlContext): ApiResponse {
  const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'GET /__sandbox/health':
        return { status: 200, body: { ok: true, portalId: ctx.state.account.portalId } };
      case 'POST /__sandbox/reset': {
        const body = parseJson(raw);
        let seed: SeedData | undefined;
        if (isRecord(body) && body.seed !== undefined) {
          if (!isSeed(body.seed)) throw validationError('reset: `seed` must be a SeedData object (account, tokens, objects, associations, …)');
          seed = body.seed;
        }
        try {
          ctx.state.reset(seed);
        } catch (e) {
          throw validationError(`reset: ${(e as Error).message}`);
        }
        ctx.limiter.clearBuckets();
        return { status: 200, body: { ok: true } };
      }
      case 'GET /__sandbox/faults':
        return { status: 200, body: ctx.faults.config };
      case 'POST /__sandbox/faults': {
        const faults = parseFaults(parseJson(raw));
        ctx.faults.apply(faults);
        if (faults.rateLimit) ctx.limiter.set(faults.rateLimit);
        return { status: 200, body: ctx.faults.config };
      }
      case 'DELETE /__sandbox/faults':
        ctx.faults.clear();
        ctx.limiter.restore();
        return { status: 204 };
      case 'GET /__sandbox/log': {
        const limit = Number(url.searchParams.get('limit') ?? '0');
        const log = ctx.state.requestLog;
        return { status: 200, body: { results: limit > 0 ? log.slice(-limit) : log } };
      }
      case 'DELETE /__sandbox/log':
        ctx.state.requestLog = [];
        return { status: 204 };
      case 'GET /__sandbox/counters':
        return { status: 200, body: ctx.state.counters };
      case 'GET /__sandbox/clock':
        return { status: 200, body: { now: ctx.state.nowIso() } };
      case 'POST /__sandbox/clock': {
        const body = parseJson(raw);
        if (!isRecord(body)) throw validationError('clock: body must be {advanceMs} or {now}');
        if (typeof body.advanceMs === 'number' && Number.isFinite(body.advanceMs)) ctx.state.clockOffsetMs += body.advanceMs;
        else if (typeof body.now === 'string' || typeof body.now === 'number') {
          const target = typeof body.now === 'number' ? body.now : Date.parse(body.now);
          if (!Number.isFinite(target)) throw validationError(`clock: now ${JSON.stringify(body.now)} is not a date`);
          ctx.state.clockOffsetMs = target - Date.now();
        } else throw validationError('clock: body must be {advanceMs: number} or {now: ISO string | epoch ms}');
        return { status: 200, body: { now: ctx.state.nowIso() } };
      }
      default:
        return url.pathname.startsWith('/__sandbox/') && ['faults', 'log', 'clock', 'reset', 'counters', 'health'].includes(url.pathname.split('/')[2] ?? '')
          ? apiError(405, `Method ${method} is not allowed on ${url.pathname}`, 'VALIDATION_ERROR')
          : notFoundHtml();
    }
  } catch (e) {
    if (e instanceof HttpError) return e.response;
    throw e;
  }
}
