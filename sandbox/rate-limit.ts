/**
 * HubSpot's private-app rate limits, per token: a rolling 10-second budget
 * (TEN_SECONDLY_ROLLING, default 100), a per-second budget for search
 * (default 5; search requests count only there and in the daily budget), and
 * a daily budget (DAILY, default 250,000; resets at UTC midnight). Answers the
 * `X-HubSpot-RateLimit-*` headers on non-search responses and HubSpot's 429
 * bodies, with `Retry-After` (seconds) except on DAILY.
 */
import { randomUUID } from 'node:crypto';
import type { ApiResponse } from './errors';

export interface RateLimitConfig {
  tenSecond: number;
  searchPerSecond: number;
  daily: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = { tenSecond: 100, searchPerSecond: 5, daily: 250_000 };

interface Bucket {
  ten: number[];
  search: number[];
  day: string;
  daily: number;
}

export type RateDecision = { ok: true; headers: Record<string, string> } | { ok: false; response: ApiResponse };

function rateLimitBody(message: string, policyName: string): Record<string, unknown> {
  return { status: 'error', message, errorType: 'RATE_LIMIT', correlationId: randomUUID(), policyName, category: 'RATE_LIMITS' };
}

export class RateLimiter {
  config: RateLimitConfig;
  private buckets = new Map<string, Bucket>();

  constructor(private readonly base: RateLimitConfig, private readonly clock: () => number = Date.now) {
    this.config = { ...base };
  }

  set(partial: Partial<RateLimitConfig>): void {
    this.config = { ...this.config, ...partial };
  }

  /** Back to the start-up limits, with empty buckets. */
  restore(): void {
    this.config = { ...this.base };
    this.buckets.clear();
  }

  clearBuckets(): void {
    this.buckets.clear();
  }

  private bucket(key: string, now: number): Bucket {
    const day = new Date(now).toISOString().slice(0, 10);
    let b = this.buckets.get(key);
    if (!b) {
      b = { ten: [], search: [], day, daily: 0 };
      this.buckets.set(key, b);
    }
    if (b.day !== day) {
      b.day = day;
      b.daily = 0;
    }
    return b;
  }

  /** Counts one request for `key` (a token) or answers its 429. */
  take(key: string, search: boolean): RateDecision {
    const now = this.clock();
    const b = this.bucket(key, now);
    const c = this.config;
    if (b.daily >= c.daily) {
      return { ok: false, response: { status: 429, body: rateLimitBody('You have reached your daily limit.', 'DAILY') } };
    }
    if (search) {
      b.search = b.search.filter((t) => t > now - 1000);
      if (b.search.length >= c.searchPerSecond) {
        const wait = Math.max(1, Math.ceil(((b.search[0] ?? now) + 1000 - now) / 1000));
        return { ok: false, response: { status: 429, body: rateLimitBody('You have reached your secondly limit.', 'SECONDLY'), headers: { 'Retry-After': String(wait) } } };
      }
      b.search.push(now);
      b.daily++;
      return { ok: true, headers: {} };
    }
    b.ten = b.ten.filter((t) => t > now - 10_000);
    if (b.ten.length >= c.tenSecond) {
      const wait = Math.max(1, Math.ceil(((b.ten[0] ?? now) + 10_000 - now) / 1000));
      return {
        ok: false,
        response: {
          status: 429,
          body: rateLimitBody('You have reached your ten_secondly_rolling limit.', 'TEN_SECONDLY_ROLLING'),
          headers: { 'Retry-After': String(wait), ...this.headers(b) },
        },
      };
    }
    b.ten.push(now);
    b.daily++;
    return { ok: true, headers: this.headers(b) };
  }

  private headers(b: Bucket): Record<string, string> {
    const c = this.config;
    return {
      'X-HubSpot-RateLimit-Max': String(c.tenSecond),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, c.tenSecond - b.ten.length)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      'X-HubSpot-RateLimit-Daily': String(c.daily),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, c.daily - b.daily)),
    };
  }
}
