import { describe, expect, it, vi } from 'vitest';
import { createHubSpotClient } from '../../../lib/hubspot/client';
import { HubSpotOfflineError, HubSpotRateLimitedError, HubSpotServerError } from '../../../lib/hubspot/errors';
import { sequentialRounds, type RequestLogEntry } from '../../../lib/hubspot/transport';

const deal = { id: '9001', properties: { dealname: 'A', dealstage: '1' }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z', archived: false };
const ok = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', ...headers } });

describe('transport (fetch fake)', () => {
  it('sends the token and repeated query parameters, and parses the object', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => ok(deal));
    const client = createHubSpotClient({ token: 'pat-1', baseUrl: 'https://api.example.test/', fetch });
    const got = await client.getObject('0-3', '9001', { properties: ['dealname', 'dealstage'], associations: ['contacts', 'notes'] });
    expect(got).toEqual({
      id: '9001', properties: { dealname: 'A', dealstage: '1' },
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', archived: false,
    });
    const [url, init] = fetch.mock.calls[0]!;
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe('https://api.example.test/crm/v3/objects/0-3/9001');
    expect(u.searchParams.getAll('properties')).toEqual(['dealname', 'dealstage']);
    expect(u.searchParams.getAll('associations')).toEqual(['contacts', 'notes']);
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer pat-1');
    expect(client.requests).toBe(1);
  });

  it('reports every answer with its rate-limit headers', async () => {
    const seen: unknown[] = [];
    const fetch = async () => ok(deal, { 'X-HubSpot-RateLimit-Remaining': '99', 'X-HubSpot-RateLimit-Max': '100' });
    const client = createHubSpotClient({ token: 't', fetch, onResponse: (info) => seen.push(info) });
    await client.getObject('0-3', '9001');
    expect(seen).toEqual([{ request: { method: 'GET', path: '/crm/v3/objects/0-3/9001' }, status: 200, rateLimit: { max: 100, remaining: 99 } }]);
  });

  it('a fetch TypeError (network down, DNS, refused) is Offline/network', async () => {
    const fetch = async () => { throw new TypeError('fetch failed'); };
    const client = createHubSpotClient({ token: 't', fetch });
    const error = await client.getObject('0-3', '1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotOfflineError);
    expect((error as HubSpotOfflineError).reason).toBe('network');
    expect(client.requestLog[0]).toMatchObject({ status: null });
  });

  it('no answer within the timeout is Offline/timeout', async () => {
    const fetch = (_url: string, init: RequestInit) => new Promise<Response>((_resolve, reject) => {
      init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
    const client = createHubSpotClient({ token: 't', fetch, timeoutMs: 20 });
    const error = await client.getObject('0-3', '1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotOfflineError);
    expect((error as HubSpotOfflineError).reason).toBe('timeout');
  });

  it('the caller\'s abort is passed on as an abort, not as offline', async () => {
    const controller = new AbortController();
    const fetch = (_url: string, init: RequestInit) => new Promise<Response>((_resolve, reject) => {
      init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
    const client = createHubSpotClient({ token: 't', fetch, signal: controller.signal });
    const pending = client.getObject('0-3', '1').catch((e: unknown) => e);
    controller.abort(new DOMException('view closed', 'AbortError'));
    const error = await pending;
    expect(error).not.toBeInstanceOf(HubSpotOfflineError);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('errors thrown by the injected (rate-limited) fetch pass through unchanged', async () => {
    const limit = new HubSpotRateLimitedError({ message: 'held back', policy: 'TEN_SECONDLY_ROLLING', retryAfterMs: 4000 });
    const client = createHubSpotClient({ token: 't', fetch: async () => { throw limit; } });
    await expect(client.getObject('0-3', '1')).rejects.toBe(limit);
  });

  it('a 2xx body that is not JSON is a ServerError, not a crash', async () => {
    const fetch = async () => new Response('<html>proxy</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const client = createHubSpotClient({ token: 't', fetch });
    await expect(client.getObject('0-3', '1')).rejects.toBeInstanceOf(HubSpotServerError);
    await expect(client.dispositions()).rejects.toBeInstanceOf(HubSpotServerError);
  });

  it('rejects a search HubSpot would refuse before sending it', async () => {
    const fetch = vi.fn(async () => ok({ total: 0, results: [] }));
    const client = createHubSpotClient({ token: 't', fetch });
    const filters = Array.from({ length: 7 }, () => ({ propertyName: 'a', operator: 'EQ' as const, value: '1' }));
    await expect(client.search('0-1', { filterGroups: [{ filters }] })).rejects.toThrow(/at most 6 filters/);
    await expect(client.search('0-1', { limit: 500 })).rejects.toThrow(/1–200/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('needs a token and a fetch', () => {
    expect(() => createHubSpotClient({ token: '', fetch: globalThis.fetch })).toThrow(/token/);
    expect(() => createHubSpotClient({ token: 't', fetch: undefined as never })).toThrow(/fetch/);
  });
});

describe('sequentialRounds', () => {
  const entry = (start: number, end: number): RequestLogEntry => ({ method: 'GET', path: '/', status: 200, start, end });

  it('counts requests that waited for one another, not requests sent together', () => {
    expect(sequentialRounds([])).toBe(0);
    // Three in parallel, then two that started after the first three ended, then one more.
    expect(sequentialRounds([entry(1, 4), entry(2, 5), entry(3, 6), entry(7, 9), entry(8, 10), entry(11, 12)])).toBe(3);
    // A page that followed its first page inside a wave makes the chain longer.
    expect(sequentialRounds([entry(1, 2), entry(3, 4), entry(5, 8), entry(6, 7), entry(9, 10)])).toBe(4);
  });
});

describe('batch limits', () => {
  it('batch reads go in chunks of 100, of 50 when property history is asked for', async () => {
    const sizes: number[] = [];
    const fetch = async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { inputs: Array<{ id: string }> };
      sizes.push(body.inputs.length);
      return ok({ status: 'COMPLETE', results: body.inputs.map(({ id }) => ({ id, properties: {} })), startedAt: '2026-01-01T00:00:00Z', completedAt: '2026-01-01T00:00:00Z' });
    };
    const client = createHubSpotClient({ token: 't', fetch });
    const ids = Array.from({ length: 230 }, (_, i) => String(i + 1));
    const plain = await client.batchRead('0-3', ids, { properties: ['dealname'] });
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 100, 30]);
    expect(plain.results).toHaveLength(230);
    sizes.length = 0;
    await client.batchRead('0-3', ids, { properties: ['dealname'], propertiesWithHistory: ['dealstage'] });
    expect(sizes.sort((a, b) => b - a)).toEqual([50, 50, 50, 50, 30]);
  });
});
