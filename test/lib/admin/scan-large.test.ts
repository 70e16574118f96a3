/**
 * Past HubSpot's 10,000-result search cap: 12,500 generated deals, read in
 * fresh `hs_object_id GT …` queries (never an `after` offset), each exactly once.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startScanHarness, type ScanHarness } from './scan-harness';
import { generatePortal } from '../../../sandbox/generate';
import { ScanService } from '../../../lib/admin/scan-runner';
import { ScanStore } from '../../../lib/admin/scan-store';
import type { ScanRow } from '../../../lib/admin/scan-rows';

const DEALS = 12_500;
const seed = generatePortal({ deals: DEALS, contactsPerDeal: 1 });
let h: ScanHarness;

beforeAll(async () => {
  h = await startScanHarness({ seed });
}, 60_000);
afterAll(async () => h?.close());

interface LogEntry { method: string; path: string; body: { after?: unknown; limit?: number; filterGroups?: Array<{ filters: Array<{ propertyName: string; operator: string; value?: string; values?: string[] }> }> } }

async function searchLog(): Promise<LogEntry[]> {
  const log = (await (await fetch(`${h.sandbox.url}/__sandbox/log?limit=100000`)).json()) as { results: LogEntry[] };
  return log.results.filter((e) => e.method === 'POST' && e.path.endsWith('/search'));
}

describe('scan past the 10,000 search cap', () => {
  test('reads all 12,500 deals once each, 200 per fresh query, never paging with after (SALES-SQL-2, SALES-PRO-2, SALES-LOST-1)', { timeout: 120_000 }, async () => {
    await fetch(`${h.sandbox.url}/__sandbox/log`, { method: 'DELETE' });
    const runner = new ScanService(h.ctx, { store: new ScanStore(`${h.dbName}-large`) });
    const { scanId } = await runner.start({ type: 'scan.start', objects: ['deal'], ruleIds: ['SALES-SQL-2', 'SALES-PRO-2', 'SALES-LOST-1'] });
    await runner.idle();
    const status = await runner.status(scanId!);
    expect(status).toMatchObject({ state: 'done', processed: DEALS, total: DEALS });

    const searches = await searchLog();
    expect(searches).toHaveLength(Math.ceil(DEALS / 200));
    expect(searches.every((s) => s.body.after === undefined && s.body.limit === 200)).toBe(true);
    // Each query starts after the previous one's last id: strictly increasing cursors.
    const cursors = searches.map((s) => s.body.filterGroups?.[0]?.filters.find((f) => f.operator === 'GT')?.value ?? null);
    expect(cursors[0]).toBeNull();
    const numeric = cursors.slice(1).map((c) => BigInt(c!));
    for (let i = 1; i < numeric.length; i++) expect(numeric[i]! > numeric[i - 1]!).toBe(true);

    // The rule-only scan needs no association: the search pages are all it sends, and that is the floor.
    expect(status.requests).toBe(searches.length);
    expect(status.floorRequests).toBe(searches.length);

    // Rows are the deals' own failures: every row's deal is a generated deal, each (deal, rule) once.
    const rows = (await runner.results(scanId!, 0, 10_000)).rows as unknown as ScanRow[];
    const rest = status.rows > 10_000 ? ((await runner.results(scanId!, 10_000, 10_000)).rows as unknown as ScanRow[]) : [];
    const all = [...rows, ...rest];
    expect(all).toHaveLength(status.rows);
    const ids = new Set(seed.objects['0-3']!.map((d) => d.id));
    expect(all.every((r) => ids.has(r.recordId))).toBe(true);
    expect(new Set(all.map((r) => `${r.recordId} ${r.ruleId}`)).size).toBe(all.length);
  });

  test('pipelines partition the same way: only New Business deals, each once', { timeout: 120_000 }, async () => {
    await fetch(`${h.sandbox.url}/__sandbox/log`, { method: 'DELETE' });
    const runner = new ScanService(h.ctx, { store: new ScanStore(`${h.dbName}-large-nb`) });
    const { scanId } = await runner.start({ type: 'scan.start', objects: ['deal'], ruleIds: ['SALES-SQL-2'], options: { pipelines: { deal: ['New Business'] } } });
    await runner.idle();
    const expected = seed.objects['0-3']!.filter((d) => d.properties.pipeline === '78110001').length;
    expect(await runner.status(scanId!)).toMatchObject({ state: 'done', processed: expected, total: expected });
    const searches = await searchLog();
    expect(searches).toHaveLength(Math.ceil(expected / 200));
    for (const s of searches) {
      expect(s.body.after).toBeUndefined();
      expect(s.body.filterGroups?.[0]?.filters).toContainEqual({ propertyName: 'pipeline', operator: 'IN', values: ['78110001'] });
    }
  });
});
