/**
 * The scan runner against the sandbox's reference portal: exact results,
 * request accounting, resume after a worker restart, rate-limit pauses,
 * cancel, failures.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startScanHarness, type ScanHarness } from './scan-harness';
import { buildReferencePortal } from '../../../sandbox/seed/reference-portal';
import type { HubSpotClient } from '../../../lib/hubspot/client';
import { HubSpotOfflineError, HubSpotUnauthorizedError } from '../../../lib/hubspot/errors';
import { RateLimitedError } from '../../../lib/background/rate-limiter';
import type { ScanContext } from '../../../lib/background/scan-registry';
import { ScanService } from '../../../lib/admin/scan-runner';
import { ScanStore } from '../../../lib/admin/scan-store';
import type { ScanRow } from '../../../lib/admin/scan-rows';
import type { ScanProgress } from '../../../lib/admin/scan-state';
import { duplicateRules } from '../../../lib/admin/scan-duplicates';
import { defaultPlaybook } from '../../../lib/playbook/default/index';
import type { Evaluation } from '../../../lib/rules/result';

const NOW = new Date();
const portal = buildReferencePortal(NOW);
const evaluations = new Map<string, Evaluation>();
let h: ScanHarness;

beforeAll(async () => {
  h = await startScanHarness({
    seed: portal.seed,
    now: () => NOW.getTime(),
    // The first evaluation of a record is its page's (the duplicate check re-evaluates a few for ACC-9 only).
    onEvaluate: (e) => {
      const key = `${e.record.objectTypeId}/${e.record.id}`;
      if (!evaluations.has(key)) evaluations.set(key, e);
    },
  });
});
afterAll(async () => h?.close());

let storeSeq = 0;
const freshStore = () => new ScanStore(`${h.dbName}-${++storeSeq}`);

async function allRows(runner: ScanService, scanId: string): Promise<ScanRow[]> {
  const out: ScanRow[] = [];
  for (let offset = 0; ; offset += 40) {
    const page = await runner.results(scanId, offset, 40);
    out.push(...(page.rows as unknown as ScanRow[]));
    if (offset + 40 >= page.total) return out;
  }
}

const rowKeys = (rows: ScanRow[]) => rows.map((r) => `${r.objectTypeId}/${r.recordId} ${r.ruleId}`).sort();

async function counters(): Promise<{ requests: number }> {
  return (await fetch(`${h.sandbox.url}/__sandbox/counters`)).json() as Promise<{ requests: number }>;
}

/** The harness's context with a client whose searches misbehave from the `after`-th one on. */
function contextWith(failSearch: (n: number) => Promise<never> | null): ScanContext {
  let searches = 0;
  const wrap = (client: HubSpotClient): HubSpotClient =>
    new Proxy(client, {
      get(target, prop) {
        if (prop === 'fork') return () => wrap(target.fork());
        if (prop === 'search') {
          return (...args: Parameters<HubSpotClient['search']>) => failSearch(++searches) ?? target.search(...args);
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return { ...h.ctx, client: async () => ({ ...(await h.ctx.client()), client: wrap(h.client) }) };
}

let reference: { status: ScanProgress; rows: ScanRow[] };

describe('scan of the reference portal', () => {
  test('finds exactly the expected violations of every scannable rule (SALES-*, SOP-1, ACC-*, LC-*, LEAD-1, REC-*, CH-*)', { timeout: 60_000 }, async () => {
    const runner = new ScanService(h.ctx, { store: freshStore() });
    const before = await counters();
    const started = await runner.start({ type: 'scan.start' });
    await runner.idle();
    const status = await runner.status(started.scanId!);
    const rows = await allRows(runner, started.scanId!);
    reference = { status, rows };

    const scanned = ['0-3', '0-1', '0-2', '2-9000101', '2-9000102'];
    const records = scanned.reduce((n, t) => n + (portal.seed.objects[t]?.length ?? 0), 0);
    expect(status).toMatchObject({ state: 'done', processed: records, total: records, rows: rows.length, error: null });

    const dupRules = duplicateRules(defaultPlaybook.rules);
    const byRecord = new Map<string, string[]>();
    for (const r of rows) byRecord.set(`${r.objectTypeId}/${r.recordId}`, [...(byRecord.get(`${r.objectTypeId}/${r.recordId}`) ?? []), r.ruleId]);
    const problems: string[] = [];
    for (const e of portal.expectations) {
      const key = `${e.objectTypeId}/${e.id}`;
      const evaluation = evaluations.get(key);
      if (!evaluation) {
        problems.push(`${key} ${e.name}: not evaluated`);
        continue;
      }
      const status = (id: string) => evaluation.findings.find((f) => f.ruleId === id)?.status;
      // `failing` = a violation or warning (a row), or a gate still missing for the next stage (no row: not yet out of compliance).
      const expectedRows = e.failing.filter((id) => status(id) !== 'missing').sort();
      const got = (byRecord.get(key) ?? []).sort();
      if (JSON.stringify(got) !== JSON.stringify(expectedRows)) problems.push(`${key} ${e.name}: rows ${got.join(',') || '–'} ≠ expected ${expectedRows.join(',') || '–'}`);
      for (const id of e.failing) if (!dupRules.has(id) && !['violation', 'warning', 'missing'].includes(status(id) ?? '')) problems.push(`${key}: ${id} failing expected, engine says ${status(id)}`);
      for (const id of e.met) {
        if (dupRules.has(id)) continue; // decided across the scan: met = no row (checked above)
        if (status(id) !== 'met') problems.push(`${key}: ${id} met expected, engine says ${status(id)}`);
      }
      for (const id of e.absent ?? []) if (status(id) !== undefined) problems.push(`${key}: ${id} must not appear, engine says ${status(id)}`);
      byRecord.delete(key);
    }
    for (const [key, ids] of byRecord) problems.push(`${key}: rows ${ids.join(',')} for a record without expectations`);
    expect(problems).toEqual([]);
    expect(rows.some((r) => r.ruleId === 'ACC-9')).toBe(true);

    // Every request the scan sent is counted, and it stays within 5 % of the floor.
    const after = await counters();
    expect(status.requests).toBe(after.requests - before.requests);
    expect(status.requests).toBeLessThanOrEqual(Math.ceil(status.floorRequests * 1.05));
  });

  test('rows carry the record link, owner, pipeline, stage and days in stage', () => {
    const row = reference.rows.find((r) => r.objectTypeId === '0-3' && r.ruleId === 'SALES-SQL-1')!;
    expect(row.url).toBe(`https://app.hubspot.com/contacts/${h.meta.portalId}/record/0-3/${row.recordId}`);
    expect(row.pipeline).toBe('New Business');
    expect(row.stage).toBeTruthy();
    expect(row.ownerName).toMatch(/\S/);
    expect(row.daysInStage).toBeGreaterThanOrEqual(0);
    const contact = reference.rows.find((r) => r.objectTypeId === '0-1')!;
    expect(contact.pipeline).toBeNull();
    expect(contact.daysInStage).toBeNull();
    // REC-3: an owner id that resolves to nobody is shown as such.
    const unknownOwner = reference.rows.find((r) => r.ruleId === 'REC-3' && r.ownerId);
    if (unknownOwner) expect(unknownOwner.ownerName).toMatch(/^Unknown owner/);
  });

  test('the last scan’s summary is kept: status without an id, counts by rule', async () => {
    const runner = new ScanService(h.ctx, { store: freshStore() });
    const { scanId } = await runner.start({ type: 'scan.start', objects: ['company'] });
    await runner.idle();
    const last = await runner.status();
    expect(last.scanId).toBe(scanId);
    expect(last.state).toBe('done');
    const counted = Object.values(last.byRule).reduce((a, b) => a + b, 0);
    expect(counted).toBe(last.rows);
    expect(last.objects).toEqual([{ alias: 'company', label: 'Company', processed: portal.seed.objects['0-2']!.length, total: portal.seed.objects['0-2']!.length, done: true, pipelines: null }]);
  });

  test('retries cost budget: requests the limiter re-sends after a 503 are counted in the scan\'s requests', { timeout: 60_000 }, async () => {
    const control = (method: string, body?: unknown) =>
      fetch(`${h.sandbox.url}/__sandbox/faults`, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    await control('POST', { routes: [{ method: 'POST', pathPattern: '/crm/v3/objects/*/batch/read', status: 503, times: 3 }] });
    try {
      const runner = new ScanService(h.ctx, { store: freshStore() });
      const before = await counters();
      const { scanId } = await runner.start({ type: 'scan.start', objects: ['deal'], options: { pipelines: { deal: ['Expansion', 'Upsell'] } } });
      await runner.idle();
      const status = await runner.status(scanId!);
      const after = await counters();
      expect(status.state).toBe('done');
      // The sandbox saw the 3 refused attempts and their retries; the scan counts every one.
      expect(status.requests).toBe(after.requests - before.requests);
      expect(status.requests).toBeGreaterThanOrEqual(status.floorRequests + 3);
    } finally {
      await control('DELETE');
    }
  });

  test('pipelines chosen by label: only their deals are read (scan.start options)', async () => {
    const runner = new ScanService(h.ctx, { store: freshStore() });
    const { scanId } = await runner.start({ type: 'scan.start', objects: ['deal'], options: { pipelines: { deal: ['Expansion', 'Upsell'] } } });
    await runner.idle();
    const status = await runner.status(scanId!);
    const expected = portal.seed.objects['0-3']!.filter((d) => ['78110002', '78110003'].includes(d.properties.pipeline ?? '')).length;
    expect(status.processed).toBe(expected);
    const rows = await allRows(runner, scanId!);
    expect(new Set(rows.map((r) => r.pipeline))).toEqual(new Set(['Expansion', 'Upsell'].filter((p) => rows.some((r) => r.pipeline === p))));
    expect(rows.every((r) => r.pipeline === 'Expansion' || r.pipeline === 'Upsell')).toBe(true);
  });

  test('resumes after the worker stops mid-scan: same rows as an uninterrupted scan, none twice', { timeout: 60_000 }, async () => {
    const storeName = `${h.dbName}-resume`;
    // Worker 1: the fourth search never answers (the worker is stopped while it waits).
    const first = new ScanService(contextWith((n) => (n >= 4 ? new Promise<never>(() => undefined) : null)), { store: new ScanStore(storeName), pageSize: 25 });
    const { scanId } = await first.start({ type: 'scan.start' });
    await expect.poll(async () => (await first.status(scanId!)).processed, { timeout: 10_000 }).toBe(75);
    const saved = await first.status(scanId!);
    expect(saved.state).toBe('running');
    expect(saved.rows).toBeGreaterThan(0);

    // Worker 2: a new process on the same database; the background calls resume() when it starts.
    const second = new ScanService(h.ctx, { store: new ScanStore(storeName), pageSize: 25 });
    await second.resume();
    await second.idle();
    const done = await second.status(scanId!);
    expect(done).toMatchObject({ state: 'done', processed: reference.status.processed, total: reference.status.total });
    const rows = await allRows(second, scanId!);
    expect(rowKeys(rows)).toEqual(rowKeys(reference.rows));
    expect(new Set(rowKeys(rows)).size).toBe(rows.length);
  });

  test('a rate-limit pause longer than the worker may wait: paused with resumeAt and an alarm, then resumed', { timeout: 60_000 }, async () => {
    let clock = NOW.getTime();
    const retryAt = clock + 120_000;
    let limited = false;
    const ctx = {
      ...contextWith((n) => (n === 2 && !limited ? ((limited = true), Promise.reject(new RateLimitedError(retryAt, 'TEN_SECONDLY_ROLLING', clock))) : null)),
      now: () => clock,
      resumeAt: (at: number) => h.alarms.push(at),
    };
    const runner = new ScanService(ctx, { store: freshStore(), pageSize: 50 });
    const { scanId } = await runner.start({ type: 'scan.start', objects: ['contact'] });
    await runner.idle();
    const paused = await runner.status(scanId!);
    expect(paused).toMatchObject({ state: 'paused', resumeAt: new Date(retryAt).toISOString(), processed: 50 });
    expect(paused.error?.code).toBe('rate-limited');
    expect(h.alarms).toContain(retryAt);

    // The alarm fires early (or the worker restarts): still paused, alarm re-armed.
    h.alarms.length = 0;
    await runner.resume();
    expect((await runner.status(scanId!)).state).toBe('paused');
    expect(h.alarms).toEqual([retryAt]);

    clock = retryAt + 1;
    await runner.resume();
    await runner.idle();
    expect(await runner.status(scanId!)).toMatchObject({ state: 'done', processed: portal.seed.objects['0-1']!.length, error: null, resumeAt: null });
  });

  test('cancel stops the scan: no page is saved after it, and a new scan can start', { timeout: 60_000 }, async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    // The second search waits until the test has cancelled.
    const runner = new ScanService(contextWith((n) => (n === 2 ? gate.then(() => Promise.reject(new Error('unreachable'))) as Promise<never> : null)), { store: freshStore(), pageSize: 20 });
    const { scanId } = await runner.start({ type: 'scan.start', objects: ['contact'] });
    await expect.poll(async () => (await runner.status(scanId!)).processed).toBe(20);
    const cancelled = await runner.cancel(scanId!);
    expect(cancelled.state).toBe('cancelled');
    release();
    await runner.idle();
    const after = await runner.status(scanId!);
    expect(after).toMatchObject({ state: 'cancelled', processed: 20, rows: cancelled.rows });
    expect(await runner.status()).toMatchObject({ scanId, state: 'cancelled' });

    const next = await runner.start({ type: 'scan.start', objects: ['company'] });
    await runner.idle();
    expect((await runner.status(next.scanId!)).state).toBe('done');
  });

  test('one scan at a time: a second start while one runs is refused', async () => {
    const runner = new ScanService(contextWith(() => new Promise<never>(() => undefined)), { store: freshStore() });
    await runner.start({ type: 'scan.start', objects: ['company'] });
    await expect(runner.start({ type: 'scan.start', objects: ['deal'] })).rejects.toThrow(/already under way/);
  });

  test('network trouble pauses and retries in 30 s; a refused token fails the scan with the reason', async () => {
    const offline = new ScanService(contextWith(() => Promise.reject(new HubSpotOfflineError({ message: 'fetch failed', reason: 'network' }))), { store: freshStore() });
    const a = await offline.start({ type: 'scan.start', objects: ['company'] });
    await offline.idle();
    expect(await offline.status(a.scanId!)).toMatchObject({ state: 'paused', resumeAt: new Date(NOW.getTime() + 30_000).toISOString(), error: { code: 'offline' } });

    const refused = new ScanService(contextWith(() => Promise.reject(new HubSpotUnauthorizedError({ message: 'bad token', status: 401 }))), { store: freshStore() });
    const b = await refused.start({ type: 'scan.start', objects: ['company'] });
    await refused.idle();
    expect(await refused.status(b.scanId!)).toMatchObject({ state: 'failed', error: { code: 'invalid-token' } });
  });

  test('results page through the rows in order; unknown scans are not-found', async () => {
    const runner = new ScanService(h.ctx, { store: freshStore() });
    const { scanId } = await runner.start({ type: 'scan.start', objects: ['deal'] });
    await runner.idle();
    const all = await runner.results(scanId!, 0, 10_000);
    const pages = [...(await runner.results(scanId!, 0, 7)).rows, ...(await runner.results(scanId!, 7, 7)).rows];
    expect(pages).toEqual(all.rows.slice(0, 14));
    expect((await runner.results(scanId!, all.total, 10)).rows).toEqual([]);
    await expect(runner.status('scan-nope')).rejects.toThrow(/No scan scan-nope/);
  });
});

describe('starts', () => {
  test('two starts at once (two admin tabs): one scan starts, the other is refused', async () => {
    const runner = new ScanService(h.ctx, { store: freshStore() });
    const results = await Promise.allSettled([runner.start({ type: 'scan.start', objects: ['company'] }), runner.start({ type: 'scan.start', objects: ['company'] })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    await runner.idle();
  });
});
