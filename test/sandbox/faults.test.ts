import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { control, get, hostRequest, patch, post, startMini } from './helpers';
import { miniSeed } from './fixtures/mini-seed';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startMini();
});
afterAll(() => sb.close());
beforeEach(async () => {
  await control(sb, 'DELETE', 'faults');
  await control(sb, 'POST', 'reset');
});

describe('route faults', () => {
  it('answers the configured status `times` times, then the real route', async () => {
    const set = await control(sb, 'POST', 'faults', { routes: [{ method: 'GET', pathPattern: '/crm/v3/objects/deals/*', status: 503, times: 2 }] });
    expect(set.status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const r = await get(sb, '/crm/v3/objects/deals/1001');
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ status: 'error' });
    }
    expect((await get(sb, '/crm/v3/objects/deals/1001')).status).toBe(200);
    // Other methods and paths were never affected.
    expect((await get(sb, '/crm/v3/objects/contacts/2001')).status).toBe(200);
  });

  it('answers HTML when html is set, and matches /regex/ patterns', async () => {
    await control(sb, 'POST', 'faults', { routes: [{ pathPattern: '/^\\/crm\\/v4\\//', status: 404, html: true }] });
    const r = await get(sb, '/crm/v4/objects/deals/1001/associations/contacts');
    expect(r.status).toBe(404);
    expect(r.contentType).toMatch(/^text\/html/);
    expect((await get(sb, '/crm/v3/objects/deals/1001')).status).toBe(200);
  });

  it('failureRate fails a deterministic share of requests for a given seed', async () => {
    const run = async () => {
      await control(sb, 'DELETE', 'faults');
      await control(sb, 'POST', 'faults', { failureRate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await get(sb, '/crm/v3/objects/deals/1001')).status);
      return statuses;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    const failures = a.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(20);
    expect(a.every((s) => s === 200 || s === 500)).toBe(true);
  });

  it('dropAfterWrite applies the write, then destroys the connection without answering', async () => {
    await control(sb, 'POST', 'faults', { dropAfterWrite: { pathPattern: '/crm/v3/objects/deals/*', times: 1 } });
    await expect(patch(sb, '/crm/v3/objects/deals/1001', { properties: { dealname: 'Applied' } })).rejects.toThrow();
    expect(sb.state.getObject('0-3', '1001')?.properties.dealname).toBe('Applied');
    // Reads are never dropped; the next write answers normally.
    expect((await get(sb, '/crm/v3/objects/deals/1001?properties=dealname')).body.properties.dealname).toBe('Applied');
    expect((await patch(sb, '/crm/v3/objects/deals/1001', { properties: { dealname: 'Again' } })).status).toBe(200);
    const log = (await control(sb, 'GET', 'log')).body.results;
    expect(log.find((e: { fault?: string }) => e.fault === 'dropAfterWrite')).toMatchObject({ method: 'PATCH', status: 0 });
  });

  it('latencyMs and per-route latency delay responses (lower bound only)', async () => {
    await control(sb, 'POST', 'faults', { latencyMs: 100, perRequestLatencyMs: [{ pathPattern: '/crm/v3/owners*', ms: 100 }] });
    let t = Date.now();
    await get(sb, '/crm/v3/objects/deals/1001');
    expect(Date.now() - t).toBeGreaterThanOrEqual(95);
    t = Date.now();
    await get(sb, '/crm/v3/owners');
    expect(Date.now() - t).toBeGreaterThanOrEqual(195);
  });

  it.each([
    [{ failureRate: 2 }, 'failureRate'],
    [{ routes: [{ pathPattern: '/x', status: 200 }] }, 'status'],
    [{ routes: [{ status: 500 }] }, 'pathPattern'],
    [{ dropAfterWrite: { times: 1 } }, 'pathPattern'],
    [{ latency: 5 }, 'unknown field'],
    [{ rateLimit: { daily: -1 } }, 'rateLimit.daily'],
  ])('rejects a bad faults body %j with 400 naming %s', async (body, text) => {
    const r = await control(sb, 'POST', 'faults', body);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain(text);
  });

  it('GET answers the current faults; DELETE clears them (204)', async () => {
    await control(sb, 'POST', 'faults', { latencyMs: 5 });
    await control(sb, 'POST', 'faults', { searchLagMs: 10 });
    expect((await control(sb, 'GET', 'faults')).body).toMatchObject({ latencyMs: 5, searchLagMs: 10 });
    expect((await control(sb, 'DELETE', 'faults')).status).toBe(204);
    expect((await control(sb, 'GET', 'faults')).body).toEqual({});
  });
});

describe('reset, log, counters, clock', () => {
  it('reset reseeds the portal, or loads the seed given', async () => {
    await patch(sb, '/crm/v3/objects/deals/1001', { properties: { dealname: 'Changed' } });
    await post(sb, '/crm/v3/objects/contacts', { properties: { email: 'new@x.io' } });
    expect((await control(sb, 'POST', 'reset')).status).toBe(200);
    expect(sb.state.getObject('0-3', '1001')?.properties.dealname).toBe('Alpha');
    expect(sb.state.listObjects('0-1')).toHaveLength(3);
    const seed = miniSeed();
    seed.objects['0-3'] = [];
    expect((await control(sb, 'POST', 'reset', { seed })).status).toBe(200);
    expect((await get(sb, '/crm/v3/objects/deals/1001')).status).toBe(404);
    expect((await control(sb, 'POST', 'reset', { seed: { nope: true } })).status).toBe(400);
    await control(sb, 'POST', 'reset', { seed: miniSeed() });
  });

  it('logs every API request (method, path, query, body, status, host) but not control calls', async () => {
    await get(sb, '/crm/v3/objects/deals/1001?properties=a&properties=b');
    await patch(sb, '/crm/v3/objects/deals/1001', { properties: { dealname: 'Z' } });
    await get(sb, '/nope');
    const log = (await control(sb, 'GET', 'log')).body.results;
    expect(log).toHaveLength(3);
    expect(log[0]).toMatchObject({ method: 'GET', path: '/crm/v3/objects/deals/1001', query: { properties: ['a', 'b'] }, status: 200 });
    expect(log[0].host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(typeof log[0].time).toBe('string');
    expect(log[1]).toMatchObject({ method: 'PATCH', body: { properties: { dealname: 'Z' } }, status: 200 });
    expect(log[2]).toMatchObject({ path: '/nope', status: 404 });
    expect((await control(sb, 'GET', 'log?limit=1')).body.results).toHaveLength(1);
    expect((await control(sb, 'DELETE', 'log')).status).toBe(204);
    expect((await control(sb, 'GET', 'log')).body.results).toEqual([]);
  });

  it('counts requests by status and route', async () => {
    await get(sb, '/crm/v3/objects/deals/1001');
    await get(sb, '/crm/v3/objects/deals/404404');
    await post(sb, '/crm/v3/objects/deals/search', {});
    await patch(sb, '/crm/v3/objects/deals/1001', { properties: { dealname: 'C' } });
    const c = (await control(sb, 'GET', 'counters')).body;
    expect(c).toMatchObject({ requests: 4, searches: 1, writes: 1, byStatus: { 200: 3, 404: 1 } });
    expect(c.byRoute['GET /crm/v3/objects/{type}/{id}']).toBe(2);
    expect(c.byRoute['POST /crm/v3/objects/{type}/search']).toBe(1);
  });

  it('the clock shifts record timestamps', async () => {
    const r = await control(sb, 'POST', 'clock', { now: '2030-01-01T00:00:00Z' });
    expect(r.body.now.startsWith('2030-01-01T00:00')).toBe(true);
    const created = await post(sb, '/crm/v3/objects/contacts', { properties: { email: 'future@x.io' } });
    expect(created.body.createdAt.startsWith('2030-01-01')).toBe(true);
    expect((await control(sb, 'POST', 'clock', { advanceMs: 86_400_000 })).body.now.startsWith('2030-01-02')).toBe(true);
    expect((await control(sb, 'POST', 'clock', { when: 1 })).status).toBe(400);
  });

  it('control routes exist only on the API host', async () => {
    await patch(sb, '/crm/v3/objects/deals/1001', { properties: { dealname: 'Kept' } });
    const r = await hostRequest(sb, 'POST', '/__sandbox/reset', 'app.hubspot.com');
    expect(r.contentType).toMatch(/^text\/html/);
    expect(sb.state.getObject('0-3', '1001')?.properties.dealname).toBe('Kept');
    expect((await control(sb, 'GET', 'nothing-here')).status).toBe(404);
  });
});
