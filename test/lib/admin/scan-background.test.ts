/**
 * The scan plugged into the real background service (lib/background): its
 * requests go through the rate limiter's bulk lane, the sidebar's through
 * the interactive lane, and the scan messages are privileged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Harness, PORTAL, contentSender } from '../background/harness';
import { ScanService } from '../../../lib/admin/scan-runner';
import { ScanStore } from '../../../lib/admin/scan-store';
import { responseDataSchemas } from '../../../lib/messages/protocol';
import type { HubSpotClient } from '../../../lib/hubspot/client';

/** A client whose `n`-th search (counting forks) never answers. */
function stallingSearch(client: HubSpotClient, n: number, count = { searches: 0 }): HubSpotClient {
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'fork') return () => stallingSearch(target.fork(), n, count);
      if (prop === 'search') return (...args: Parameters<HubSpotClient['search']>) => (++count.searches >= n ? new Promise(() => undefined) : target.search(...args));
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

let h: Harness;
let seq = 0;
afterEach(async () => h?.close());

async function start(): Promise<Harness> {
  h = await Harness.start();
  h.service.registerScanRunner((ctx) => new ScanService(ctx, { store: new ScanStore(`scan-bg-${process.pid}-${++seq}`) }));
  await h.setToken();
  await h.clearLog();
  return h;
}

describe('scan in the background service', () => {
  it('runs on the bulk lane while the sidebar is served on the interactive lane', { timeout: 60_000 }, async () => {
    await start();
    const { limiter } = h.service;
    const interactive = limiter.sent.interactive;
    const bulk = limiter.sent.bulk;
    const started = await h.ok({ type: 'scan.start', objects: ['deal', 'company'] });
    expect(responseDataSchemas['scan.start'].safeParse(started).success).toBe(true);
    // The sidebar asks for a record meanwhile: answered (interactive lane), the scan goes on.
    const deal = { objectTypeId: '0-3', id: '92100000005' };
    const view = await h.ok({ type: 'view.get', portalId: PORTAL, ref: deal }, contentSender(PORTAL, 'record/0-3/92100000005'));
    expect(view.evaluation.record).toEqual(deal);
    const sidebarRequests = limiter.sent.interactive - interactive;
    expect(sidebarRequests).toBeGreaterThan(0);

    await expect.poll(async () => (await h.ok({ type: 'scan.status', scanId: started.scanId! })).state, { timeout: 30_000 }).toBe('done');
    const status = await h.ok({ type: 'scan.status' });
    expect(status.scanId).toBe(started.scanId);
    // Every scan request went through the bulk lane (plus the portal metadata it loaded there, if not cached).
    expect(limiter.sent.bulk - bulk).toBeGreaterThanOrEqual(status.requests as number);
    expect(limiter.sent.interactive - interactive).toBe(sidebarRequests);

    const results = await h.ok({ type: 'scan.results', scanId: started.scanId!, limit: 10_000 });
    expect(responseDataSchemas['scan.results'].safeParse(results).success).toBe(true);
    expect(results.total).toBe(status.rows);
    expect(results.rows.length).toBe(status.rows);
    // Progress reached the extension pages, up to the end.
    await expect.poll(() => h.pushesOf('scan.progress').some((p) => p.status.scanId === started.scanId && p.status.state === 'done')).toBe(true);
    expect(h.pushesOf('scan.progress').filter((p) => p.status.state === 'running').length).toBeGreaterThan(0);
  });

  it('scan messages are privileged: a HubSpot tab cannot start, read or cancel a scan', async () => {
    await start();
    for (const message of [
      { type: 'scan.start' as const },
      { type: 'scan.status' as const },
      { type: 'scan.results' as const, scanId: 'scan-x' },
      { type: 'scan.cancel' as const, scanId: 'scan-x' },
    ]) {
      expect(await h.send(message, contentSender())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('a bad selection is refused with the reason, nothing is read', async () => {
    await start();
    const res = await h.send({ type: 'scan.start', ruleIds: ['SALES-NOPE'], options: { pipelines: { deal: ['Renewals'] } } });
    expect(res).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/SALES-NOPE/) } });
    expect((await h.log()).filter((e) => e.path.includes('/search'))).toEqual([]);
  });

  it('a restarted worker resumes the scan under way (background start → resume)', { timeout: 60_000 }, async () => {
    await start();
    const name = `scan-bg-restart-${process.pid}`;
    // Worker 1 is stopped while its third search is out (the search never answers).
    h.service.registerScanRunner((ctx) => new ScanService({ ...ctx, client: async () => { const c = await ctx.client(); return { ...c, client: stallingSearch(c.client, 3) }; } }, { store: new ScanStore(name), pageSize: 10 }));
    const { scanId } = await h.ok({ type: 'scan.start', objects: ['contact'] });
    await expect.poll(async () => (await h.ok({ type: 'scan.status', scanId: scanId! })).processed, { timeout: 20_000 }).toBe(20);
    // The worker dies; a new one boots on the same databases and registers the runner before it starts.
    h.kill();
    const service = await h.boot();
    service.registerScanRunner((ctx) => new ScanService(ctx, { store: new ScanStore(name), pageSize: 10 }));
    await service.start();
    await expect.poll(async () => (await h.ok({ type: 'scan.status', scanId: scanId! })).state, { timeout: 30_000 }).toBe('done');
    const status = await h.ok({ type: 'scan.status', scanId: scanId! });
    expect(status.processed).toBe(status.total);
    const rows = (await h.ok({ type: 'scan.results', scanId: scanId!, limit: 10_000 })).rows;
    expect(new Set(rows.map((r) => `${r.recordId} ${r.ruleId}`)).size).toBe(rows.length);
  });
});
