import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextMidnight } from '../../../lib/background/clock';
import {
  DailyLimitError,
  NetworkError,
  RateLimitedError,
  RateLimiter,
  parseRetryAfter,
  type LimiterState,
  type RateLimiterOptions,
} from '../../../lib/background/rate-limiter';

const T0 = Date.parse('2025-03-03T15:00:00.000Z');
const API = 'https://api.hubapi.com';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

interface Call {
  at: number;
  url: string;
  method: string;
}

/** A fake HubSpot: answers from a script (default 200) and logs every call's time. */
function fakeFetch(script: (call: Call, n: number) => Response | Promise<Response> | 'hang' | 'network' = () => json(200, {})) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const call = { at: Date.now(), url: String(input), method: init?.method ?? 'GET' };
    calls.push(call);
    const out = await script(call, calls.length);
    if (out === 'network') throw new TypeError('Failed to fetch');
    if (out === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    return out;
  });
  return { fetch, calls };
}

function limiter(fetch: RateLimiterOptions['fetch'], options: Partial<RateLimiterOptions> = {}) {
  return new RateLimiter({ fetch, tier: 100, random: () => 0.5, ...options });
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('rate limiter: budgets', () => {
  it('keeps within the rolling 10-second budget of the tier (minus the reserve)', async () => {
    const { fetch, calls } = fakeFetch();
    const rl = limiter(fetch, { tier: 100 });
    const all = Array.from({ length: 105 }, (_, i) => rl.fetch(`${API}/crm/v3/objects/deals/${i + 1}`, {}, { lane: 'interactive' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.length).toBe(99); // floor(100 × 0.99)
    await vi.advanceTimersByTimeAsync(9_999);
    expect(calls.length).toBe(99);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(all);
    expect(calls.length).toBe(105);
    expect(calls[99]!.at - T0).toBe(10_000);
  });

  it('follows the tier from the settings (250 with the capacity pack)', async () => {
    const { fetch, calls } = fakeFetch();
    let tier = 100;
    const rl = limiter(fetch, { tier: () => tier });
    tier = 250;
    void Promise.all(Array.from({ length: 260 }, () => rl.fetch(`${API}/x`, {}, { lane: 'interactive' })));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.length).toBe(247); // floor(250 × 0.99)
  });

  it('bulk leaves the headroom of a cold view free: a whole view gets through during a scan at once', async () => {
    const { fetch, calls } = fakeFetch();
    const rl = limiter(fetch, { tier: 100 });
    for (let i = 0; i < 200; i++) void rl.fetch(`${API}/bulk/${i}`, {}, { lane: 'bulk' });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.length).toBe(92); // 99 planned − 7 headroom
    await vi.advanceTimersByTimeAsync(2_000);
    // A cold record view: 7 requests, none waits.
    const view = Array.from({ length: 7 }, (_, i) => rl.fetch(`${API}/view/${i}`, {}, { lane: 'interactive' }));
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all(view);
    const sent = calls.filter((c) => c.url.includes('/view/'));
    expect(sent.map((c) => c.at - T0)).toEqual(Array(7).fill(2_000));
  });

  it('a scan alone runs at ≥ 90 % of the tier, and scan + sidebar never pass the tier in any 10-s window', async () => {
    const { fetch, calls } = fakeFetch();
    const rl = limiter(fetch, { tier: 100 });
    // A scan: one request after another, for 60 s; the sidebar opens a view (7 requests) every 13 s.
    let stop = false;
    const scan = (async () => {
      while (!stop) await rl.fetch(`${API}/bulk`, {}, { lane: 'bulk' });
    })();
    const waits: number[] = [];
    const views = (async () => {
      for (let t = 5_000; t < 60_000; t += 13_000) {
        await vi.advanceTimersByTimeAsync(t - (Date.now() - T0));
        const asked = Date.now();
        await Promise.all(Array.from({ length: 7 }, () => rl.fetch(`${API}/view`, {}, { lane: 'interactive' })));
        waits.push(Date.now() - asked);
      }
    })();
    await views;
    await vi.advanceTimersByTimeAsync(60_000 - (Date.now() - T0));
    stop = true;
    await vi.advanceTimersByTimeAsync(10_000);
    await scan;
    const inMinute = calls.filter((c) => c.at - T0 < 60_000);
    // 6 windows × 100 = 600 at most; the scan's share alone ≥ 90 % of it minus the sidebar's.
    expect(inMinute.length).toBeGreaterThanOrEqual(540);
    expect(waits).toEqual(Array(waits.length).fill(0));
    const times = calls.map((c) => c.at).sort((a, b) => a - b);
    for (let i = 0; i + 100 < times.length; i++) expect(times[i + 100]! - times[i]!, `window at ${times[i]! - T0} ms`).toBeGreaterThanOrEqual(10_000);
  });

  it('serves the interactive lane before the bulk lane when capacity frees', async () => {
    const { fetch, calls } = fakeFetch();
    const rl = limiter(fetch, { tier: 100 });
    for (let i = 0; i < 99; i++) void rl.fetch(`${API}/fill/${i}`, {}, { lane: 'interactive' });
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 10; i++) void rl.fetch(`${API}/bulk/${i}`, {}, { lane: 'bulk' });
    await vi.advanceTimersByTimeAsync(1_000);
    for (let i = 0; i < 10; i++) void rl.fetch(`${API}/inter/${i}`, {}, { lane: 'interactive' });
    await vi.advanceTimersByTimeAsync(9_000);
    const after = calls.slice(99).map((c) => c.url.split('/')[3]);
    expect(after.slice(0, 10)).toEqual(Array(10).fill('inter'));
    expect(after.slice(10)).toEqual(Array(10).fill('bulk'));
  });

  it('limits searches to about 4 a second', async () => {
    const { fetch, calls } = fakeFetch();
    const rl = limiter(fetch, { tier: 190 });
    const done = Promise.all(
      Array.from({ length: 10 }, () => rl.fetch(`${API}/crm/v3/objects/deals/search`, { method: 'POST' }, { lane: 'interactive' })),
    );
    await vi.advanceTimersByTimeAsync(2_000);
    await done;
    expect(calls.map((c) => c.at - T0)).toEqual([0, 0, 0, 0, 1000, 1000, 1000, 1000, 2000, 2000]);
  });

  it("plans less by what other apps use of the account's budget (HubSpot's count beyond ours)", async () => {
    // After our 1 request HubSpot has 5 left of 100: 94 were other apps'.
    const headers = { 'X-HubSpot-RateLimit-Max': '100', 'X-HubSpot-RateLimit-Remaining': '5', 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' };
    const { fetch, calls } = fakeFetch(() => json(200, {}, headers));
    const rl = limiter(fetch, { tier: 100 });
    await rl.fetch(`${API}/first`, {}, { lane: 'interactive' });
    // Another app used most of the account's budget: bulk waits for the window, interactive goes.
    void rl.fetch(`${API}/bulk`, {}, { lane: 'bulk' });
    const view = rl.fetch(`${API}/view`, {}, { lane: 'interactive' });
    await vi.advanceTimersByTimeAsync(0);
    await view;
    expect(calls.map((c) => c.url.split('/')[3])).toEqual(['first', 'view']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls.at(-1)!.url).toBe(`${API}/bulk`);
    expect(calls.at(-1)!.at - T0).toBe(10_000);
  });
});

describe('rate limiter: 429s', () => {
  const tenSecondly = { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' };

  it('honours Retry-After, then succeeds', async () => {
    const { fetch, calls } = fakeFetch((_c, n) => (n === 1 ? json(429, tenSecondly, { 'Retry-After': '2' }) : json(200, { id: '1' })));
    const rl = limiter(fetch);
    const res = rl.fetch(`${API}/a`, {}, { lane: 'interactive' });
    await vi.advanceTimersByTimeAsync(2_000);
    expect((await res).status).toBe(200);
    expect(calls.map((c) => c.at - T0)).toEqual([0, 2_000]);
  });

  it('without Retry-After waits for the rolling window, and holds other requests meanwhile', async () => {
    const { fetch, calls } = fakeFetch((_c, n) => (n === 1 ? json(429, tenSecondly) : json(200, {})));
    const rl = limiter(fetch);
    const a = rl.fetch(`${API}/a`, {}, { lane: 'interactive' });
    await vi.advanceTimersByTimeAsync(0);
    const b = rl.fetch(`${API}/b`, {}, { lane: 'interactive' });
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all([a, b]);
    expect(calls.length).toBe(3);
    expect(calls[1]!.at - T0).toBeGreaterThanOrEqual(1_000);
    expect(calls[2]!.at - T0).toBeGreaterThanOrEqual(1_000);
  });

  it('retries a secondly (search) 429 after a second', async () => {
    const secondly = { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT' };
    const { fetch, calls } = fakeFetch((_c, n) => (n === 1 ? json(429, secondly) : json(200, { results: [] })));
    const rl = limiter(fetch);
    const res = rl.fetch(`${API}/crm/v3/objects/calls/search`, { method: 'POST' }, { lane: 'interactive' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await res).status).toBe(200);
    expect(calls.map((c) => c.at - T0)).toEqual([0, 1_000]);
  });

  it('a wait longer than a worker survives becomes a typed "retry at" error, persisted', async () => {
    const { fetch, calls } = fakeFetch(() => json(429, tenSecondly, { 'Retry-After': '60' }));
    let saved: LimiterState | null = null;
    const store = { load: async () => saved, save: async (s: LimiterState) => void (saved = s) };
    const rl = limiter(fetch, { store });
    const err = await rl.fetch(`${API}/a`, {}, { lane: 'bulk' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAt).toBe(T0 + 60_000);
    expect(saved!.pausedUntil).toBe(T0 + 60_000);
    // Queued work is refused at once (not parked in a worker that will die)…
    const next = await rl.fetch(`${API}/b`, {}, { lane: 'interactive' }).catch((e: unknown) => e);
    expect(next).toBeInstanceOf(RateLimitedError);
    expect(calls.length).toBe(1);
    // …also in a new worker, until the time has come.
    const restarted = limiter(fetch, { store });
    await restarted.restore();
    expect(restarted.state().pausedUntil).toBe(T0 + 60_000);
    vi.setSystemTime(T0 + 60_000);
    const ok = fakeFetch();
    const again = limiter(ok.fetch, { store });
    await again.restore();
    expect((await again.fetch(`${API}/c`, {}, { lane: 'interactive' })).status).toBe(200);
  });

  it('a DAILY 429 stops every request until midnight in the portal time zone, across restarts', async () => {
    const daily = { status: 'error', message: 'You have reached your daily limit.', errorType: 'RATE_LIMIT', policyName: 'DAILY' };
    const { fetch, calls } = fakeFetch(() => json(429, daily));
    let saved: LimiterState | null = null;
    const store = { load: async () => saved, save: async (s: LimiterState) => void (saved = s) };
    const changes: LimiterState[] = [];
    const rl = limiter(fetch, { store, timeZone: () => 'US/Eastern', onChange: (s) => changes.push(s) });
    const err = await rl.fetch(`${API}/a`, {}, { lane: 'interactive' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DailyLimitError);
    // 2025-03-03 10:00 EST → resets 2025-03-04 00:00 EST = 05:00Z.
    expect(new Date((err as DailyLimitError).resetAt).toISOString()).toBe('2025-03-04T05:00:00.000Z');
    expect(changes.at(-1)?.dailyResetAt).toBe((err as DailyLimitError).resetAt);
    await expect(rl.fetch(`${API}/b`, {}, { lane: 'bulk' })).rejects.toBeInstanceOf(DailyLimitError);
    const restarted = limiter(fetch, { store });
    await restarted.restore();
    await expect(restarted.fetch(`${API}/c`, {}, { lane: 'interactive' })).rejects.toBeInstanceOf(DailyLimitError);
    expect(calls.length).toBe(1);
  });

  it('gives up after a bounded number of 429s', async () => {
    const { fetch, calls } = fakeFetch(() => json(429, tenSecondly, { 'Retry-After': '1' }));
    const rl = limiter(fetch, { maxRateLimitRetries: 2 });
    const res = rl.fetch(`${API}/a`, {}, { lane: 'interactive' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await res).toBeInstanceOf(RateLimitedError);
    expect(calls.length).toBe(3);
  });
});

describe('rate limiter: 5xx, network errors, timeouts', () => {
  it('retries 5xx with exponential backoff and full jitter, a bounded number of times', async () => {
    const { fetch, calls } = fakeFetch(() => json(503, { status: 'error', message: 'down' }));
    const rl = limiter(fetch, { maxAttempts: 4, backoffBaseMs: 1_000, random: () => 0.5 });
    const res = rl.fetch(`${API}/a`, {}, { lane: 'interactive' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await res).status).toBe(503);
    // waits: 0.5×1000, 0.5×2000, 0.5×4000
    expect(calls.map((c) => c.at - T0)).toEqual([0, 500, 1_500, 3_500]);
  });

  it('recovers when the server comes back', async () => {
    const { fetch } = fakeFetch((_c, n) => (n < 3 ? json(502, {}) : json(200, { ok: 1 })));
    const rl = limiter(fetch);
    const res = rl.fetch(`${API}/a`, {}, { lane: 'interactive' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await res).status).toBe(200);
  });

  it('retries network errors of reads, never re-sends a create', async () => {
    const { fetch, calls } = fakeFetch((_c, n) => (n === 1 ? 'network' : json(200, {})));
    const rl = limiter(fetch);
    const read = rl.fetch(`${API}/a`, {}, { lane: 'interactive' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await read).status).toBe(200);

    const failing = fakeFetch(() => 'network');
    const rl2 = limiter(failing.fetch);
    const err = await rl2.fetch(`${API}/crm/v3/objects/calls`, { method: 'POST' }, { lane: 'interactive' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).mayHaveApplied).toBe(true);
    expect(failing.calls.length).toBe(1);
    expect(calls.length).toBe(2);
  });

  it('times out a hanging request, retrying reads and reporting creates as maybe applied', async () => {
    const { fetch, calls } = fakeFetch(() => 'hang');
    const rl = limiter(fetch, { timeoutMs: 5_000, maxAttempts: 2, backoffBaseMs: 100 });
    const read = rl.fetch(`${API}/crm/v3/objects/deals/search`, { method: 'POST' }, { lane: 'interactive' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(11_000);
    const err = await read;
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).timedOut).toBe(true);
    expect((err as NetworkError).mayHaveApplied).toBe(false);
    expect(calls.length).toBe(2);

    const create = rl.fetch(`${API}/crm/v3/objects/notes`, { method: 'POST' }, { lane: 'interactive' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await create as NetworkError).mayHaveApplied).toBe(true);
    expect(calls.length).toBe(3);
  });

  it('an aborted caller leaves the queue without a request', async () => {
    const { fetch, calls } = fakeFetch();
    const rl = limiter(fetch, { tier: 10 });
    for (let i = 0; i < 9; i++) void rl.fetch(`${API}/fill`, {}, { lane: 'interactive' });
    const controller = new AbortController();
    const res = rl.fetch(`${API}/x`, {}, { lane: 'interactive', signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(new Error('navigated away'));
    expect(((await res) as Error).message).toBe('navigated away');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls.filter((c) => c.url.endsWith('/x')).length).toBe(0);
  });
});

describe('time helpers', () => {
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('3', T0)).toBe(3_000);
    expect(parseRetryAfter(new Date(T0 + 5_000).toUTCString(), T0)).toBe(5_000);
    expect(parseRetryAfter(null, T0)).toBeNull();
    expect(parseRetryAfter('soon', T0)).toBeNull();
  });

  it('finds the next midnight in a time zone, across DST changes', () => {
    // Sat 22:00 EST → Sun 00:00 EST; Sun 08:00 EDT (DST began at 02:00) → Mon 00:00 EDT.
    expect(new Date(nextMidnight(Date.parse('2025-03-09T03:00:00Z'), 'US/Eastern')).toISOString()).toBe('2025-03-09T05:00:00.000Z');
    expect(new Date(nextMidnight(Date.parse('2025-03-09T12:00:00Z'), 'US/Eastern')).toISOString()).toBe('2025-03-10T04:00:00.000Z');
    expect(new Date(nextMidnight(Date.parse('2025-11-02T12:00:00Z'), 'US/Eastern')).toISOString()).toBe('2025-11-03T05:00:00.000Z');
    expect(new Date(nextMidnight(Date.parse('2025-07-01T03:30:00Z'), 'US/Eastern')).toISOString()).toBe('2025-07-01T04:00:00.000Z');
    expect(new Date(nextMidnight(Date.parse('2025-07-01T23:59:00Z'), 'Europe/Berlin')).toISOString()).toBe('2025-07-02T22:00:00.000Z');
    expect(new Date(nextMidnight(Date.parse('2025-07-01T12:00:00Z'), 'Not/AZone')).toISOString()).toBe('2025-07-02T00:00:00.000Z');
  });
});
