/**
 * Any failure in the background → the AppError the protocol carries.
 * HubSpot's typed errors (lib/hubspot/errors.ts) map one to one onto the
 * sidebar's error codes; anything unexpected is `internal` with its message.
 */
import { HubSpotError } from '../hubspot/errors';
import { AppErrorException, appError, type AppError } from '../messages/errors';
import { DailyLimitError, RateLimitedError } from './rate-limiter';

export function toAppError(err: unknown): AppError {
  if (err instanceof AppErrorException) return err.error;
  if (err instanceof RateLimitedError) {
    return appError('rate-limited', err.message, { retryAt: new Date(err.retryAt).toISOString() });
  }
  if (err instanceof DailyLimitError) {
    return appError('daily-limit', err.message, { retryAt: new Date(err.resetAt).toISOString() });
  }
  if (err instanceof HubSpotError) {
    const data = err.toJSON();
    switch (data.kind) {
      case 'unauthorized':
        return appError('invalid-token', `HubSpot refused the token: ${err.message}`);
      case 'expired':
        return appError('expired-token', `The HubSpot token has expired: ${err.message}`);
      case 'missing-scopes':
        return appError('missing-scopes', err.message, { scopes: data.scopes ?? [] });
      case 'not-found':
        return appError('not-found', err.message);
      case 'validation':
        return appError('validation', err.message, data.property ? { details: [{ path: data.property, message: err.message }] } : {});
      case 'request':
        return appError('validation', err.message);
      case 'rate-limited':
        return appError('rate-limited', err.message, {
          retryAt: new Date(Date.now() + (data.retryAfterMs ?? 10_000)).toISOString(),
        });
      case 'daily-limit':
        return appError('daily-limit', err.message, { retryAt: data.resetsAt ?? null });
      case 'server':
        return appError('offline', `HubSpot is having trouble right now (${err.message}).`);
      case 'offline':
        return appError('offline', err.message);
    }
  }
  if (err instanceof Error && err.name === 'AbortError') return appError('offline', 'The request was cancelled.');
  return appError('internal', err instanceof Error ? err.message : String(err));
}

/**
 * Whether a write that failed with `err` may succeed later without anyone
 * changing anything (5xx, network, rate limits), or failed for good (4xx:
 * validation, scopes, token, not found) and must be shown to the rep.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof HubSpotError) return err.retryable;
  return false;
}

/** Epoch ms a transient failure says to wait for (rate limits), else null. */
export function retryAtOf(err: unknown, now: number): number | null {
  if (err instanceof RateLimitedError) return err.retryAt;
  if (err instanceof DailyLimitError) return err.resetAt;
  if (err instanceof HubSpotError) {
    const data = err.toJSON();
    if (data.kind === 'rate-limited') return now + (data.retryAfterMs ?? 10_000);
    if (data.kind === 'daily-limit' && data.resetsAt) return Date.parse(data.resetsAt);
  }
  return null;
}

/**
 * Run work nobody awaits (pushes, background revalidation, outbox wake-ups):
 * a failure is logged, never an unhandled rejection that could take the
 * worker's state with it.
 */
export function detach(work: Promise<unknown>, what: string): void {
  work.catch((err: unknown) => console.warn(`[sop-sidebar] ${what} failed:`, err instanceof Error ? err.message : err));
}
