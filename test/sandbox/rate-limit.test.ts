import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { RateLimiter } from '../../sandbox/rate-limit';
import { control, get, post, startMini, TOKEN } from './helpers';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

describe('RateLimiter (rolling windows on an injected clock)', () => {
  it('frees budget as requests leave the rolling 10-second window, with Retry-After until then', () => {
    let now = 1_000_000;
    const rl = new RateLimiter({ tenSecond: 3, searchPerSecond: 2, daily: 100 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(rl.take('t', false).ok).toBe(true);
      now += 1000;
    }
    const denied = rl.take('t', false);
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.response.headers?.['Retry-After']).toBe('7');
    now = 1_000_000 + 10_001;
    expect(rl.take('t', false).ok).toBe(true);
    // Other tokens have their own budget.
    expect(rl.take('u', false).ok).toBe(true);
  });

  it('resets the daily budget at the next UTC day', () => {
    let now = Date.parse('2024-05-01T23:59:00Z');
    const rl = new RateLimiter({ tenSecond: 100, searchPerSecond: 5, daily: 1 }, () => now);
    expect(rl.take('t', false).ok).toBe(true);
    expect(rl.take('t', false).ok).toBe(false);
    now = Date.parse('2024-05-02T00:00:01Z');
    expect(rl.take('t', false).ok).toBe(true);
  });
});

describe('rate limits over HTTP', () => {
  it('sends X-HubSpot-RateLimit-* headers on API responses, not on search', async () => {
    sb = await startMini();
    const a = await get(sb, '/crm/v3/objects/deals/1001');
    expect(a.headers.get('x-hubspot-ratelimit-max')).toBe('100');
    expect(a.headers.get('x-hubspot-ratelimit-remaining')).toBe('99');
    expect(a.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    expect(a.headers.get('x-hubspot-ratelimit-daily')).toBe('250000');
    expect(a.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('249999');
    const b = await get(sb, '/crm/v3/objects/deals/1002');
    expect(b.headers.get('x-hubspot-ratelimit-remaining')).toBe('98');
    const s = await post(sb, '/crm/v3/objects/deals/search', {});
    expect(s.status).toBe(200);
    expect(s.headers.get('x-hubspot-ratelimit-max')).toBeNull();
  });

  it('answers 429 TEN_SECONDLY_ROLLING with Retry-After past the 10-second budget', async () => {
    sb = await startMini({ rateLimit: { tenSecond: 3 } });
    for (let i = 0; i < 3; i++) expect((await get(sb, '/crm/v3/objects/deals/1001')).status).toBe(200);
    const r = await get(sb, '/crm/v3/objects/deals/1001');
    expect(r.status).toBe(429);
    expect(r.contentType).toMatch(/^application\/json/);
    expect(r.body).toMatchObject({ status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(r.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    // Another token is not affected.
    expect((await get(sb, '/crm/v3/objects/deals/1001', 'sandbox-token')).status).toBe(200);
    expect(sb.state.counters.rateLimited).toBe(1);
  });

  it('answers 429 "secondly limit" past the search budget without touching other calls', async () => {
    sb = await startMini({ rateLimit: { searchPerSecond: 2 } });
    expect((await post(sb, '/crm/v3/objects/deals/search', {})).status).toBe(200);
    expect((await post(sb, '/crm/v3/objects/contacts/search', {})).status).toBe(200);
    const r = await post(sb, '/crm/v3/objects/deals/search', {});
    expect(r.status).toBe(429);
    expect(r.body).toMatchObject({ message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT' });
    expect(r.headers.get('retry-after')).toBe('1');
    expect((await get(sb, '/crm/v3/objects/deals/1001')).status).toBe(200);
  });

  it('answers 429 DAILY without Retry-After once the daily budget (set low by fault) is spent', async () => {
    sb = await startMini();
    await control(sb, 'POST', 'faults', { rateLimit: { daily: 2 } });
    expect((await get(sb, '/crm/v3/objects/deals/1001')).headers.get('x-hubspot-ratelimit-daily')).toBe('2');
    expect((await get(sb, '/crm/v3/objects/deals/1001')).status).toBe(200);
    const r = await get(sb, '/crm/v3/objects/deals/1001');
    expect(r.status).toBe(429);
    expect(r.body).toMatchObject({ policyName: 'DAILY', errorType: 'RATE_LIMIT' });
    expect(r.headers.get('retry-after')).toBeNull();
    await control(sb, 'DELETE', 'faults');
    expect((await get(sb, '/crm/v3/objects/deals/1001', TOKEN)).status).toBe(200);
  });
});
