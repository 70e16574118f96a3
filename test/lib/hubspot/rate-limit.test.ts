import { describe, expect, it } from 'vitest';
import { headerMap, nextMidnight, parseRateLimitHeaders, parseRetryAfter } from '../../../lib/hubspot/rate-limit';

describe('rate-limit headers', () => {
  it('reads every X-HubSpot-RateLimit-* header present, case-insensitively', () => {
    const headers = headerMap(new Headers({
      'X-HubSpot-RateLimit-Max': '190',
      'X-HubSpot-RateLimit-Remaining': '12',
      'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      'X-HubSpot-RateLimit-Daily': '650000',
      'X-HubSpot-RateLimit-Daily-Remaining': '649000',
    }));
    expect(parseRateLimitHeaders(headers)).toEqual({ max: 190, remaining: 12, intervalMs: 10_000, daily: 650_000, dailyRemaining: 649_000 });
  });

  it('is null on search responses, which carry none', () => {
    expect(parseRateLimitHeaders({ 'content-type': 'application/json' })).toBeNull();
    expect(parseRateLimitHeaders({ 'x-hubspot-ratelimit-max': 'lots' })).toBeNull();
  });

  it('Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('nextMidnight', () => {
  it('is the next UTC midnight without a zone or with an unknown one', () => {
    const now = Date.parse('2026-06-30T23:59:59Z');
    expect(new Date(nextMidnight(now)).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(new Date(nextMidnight(now, 'Not/AZone')).toISOString()).toBe('2026-07-01T00:00:00.000Z');
  });

  it('is the portal\'s midnight, across daylight-saving changes', () => {
    // Summer: New York is UTC-4.
    expect(new Date(nextMidnight(Date.parse('2026-07-10T12:00:00Z'), 'America/New_York')).toISOString()).toBe('2026-07-11T04:00:00.000Z');
    // The night clocks spring forward (2026-03-08): midnight before the change is still EST.
    expect(new Date(nextMidnight(Date.parse('2026-03-08T03:00:00Z'), 'US/Eastern')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(nextMidnight(Date.parse('2026-03-08T06:00:00Z'), 'US/Eastern')).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    // East of UTC.
    expect(new Date(nextMidnight(Date.parse('2026-01-15T20:00:00Z'), 'Europe/Berlin')).toISOString()).toBe('2026-01-15T23:00:00.000Z');
  });
});
