/**
 * Page assembly: one search page → one Snapshot per record, loaded for the
 * whole page at once. The engine must give every record the same answer as
 * the sidebar's one-record loader gives it (SOP-RULES.md: "The compliance
 * scan uses the same results"), while asking HubSpot only for what the
 * selected rules read.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startScanHarness, type ScanHarness } from './scan-harness';
import { buildReferencePortal } from '../../../sandbox/seed/reference-portal';
import { ScanNeeds } from '../../../lib/admin/scan-needs';
import { loadPage, type PageLoad } from '../../../lib/admin/scan-page';
import { advance, pageRequest, type PartitionCursor } from '../../../lib/admin/scan-partition';
import { objectTypesOf, resolveSelection, type ScanTarget } from '../../../lib/admin/scan-selection';
import { duplicateRules } from '../../../lib/admin/scan-duplicates';
import { loadSnapshot } from '../../../lib/hubspot/snapshot-loader';
import type { HubSpotClient } from '../../../lib/hubspot/client';
import { defaultPlaybook as pb } from '../../../lib/playbook/default/index';
import { evaluate } from '../../../lib/rules/evaluate';

const NOW = new Date();
const portal = buildReferencePortal(NOW);
let h: ScanHarness;

beforeAll(async () => {
  h = await startScanHarness({ seed: portal.seed, now: () => NOW.getTime() });
});
afterAll(async () => h?.close());

async function scanTarget(target: ScanTarget, pageSize = 50): Promise<Array<{ load: PageLoad; client: HubSpotClient }>> {
  const typeOf = objectTypesOf(pb, h.meta.schemas);
  const needs = new ScanNeeds(pb, h.meta, typeOf, target);
  const out: Array<{ load: PageLoad; client: HubSpotClient }> = [];
  let cursor: PartitionCursor = { lastId: null, done: false };
  while (!cursor.done) {
    const client = h.client.fork();
    const page = await client.search(target.objectTypeId, pageRequest(target, cursor, needs.searchProperties(), pageSize));
    cursor = advance(cursor, page, pageSize);
    if (page.results.length === 0) break;
    out.push({ client, load: await loadPage({ client, playbook: pb, meta: h.meta, now: NOW.getTime(), typeOf, target, needs, records: page.results }) });
  }
  return out;
}

const paths = (client: HubSpotClient) => client.requestLog.map((e) => `${e.method} ${e.path.replace(/\?.*$/, '')}`);

describe('scan pages → snapshots', () => {
  test('every record of every object gets the sidebar’s answer for every selected rule', { timeout: 120_000 }, async () => {
    const selection = resolveSelection({}, pb, h.meta);
    const dupRules = duplicateRules(pb.rules);
    let compared = 0;
    for (const target of selection.targets) {
      for (const { load } of await scanTarget(target)) {
        for (const r of load.records) {
          const scan = evaluate(r.snapshot, pb, NOW);
          const { snapshot } = await loadSnapshot(h.client, { ref: r.snapshot.focus, playbook: pb, meta: h.meta, now: NOW });
          const sidebar = evaluate(snapshot, pb, NOW);
          const statuses = (e: typeof scan) =>
            Object.fromEntries(e.findings.filter((f) => target.rules.includes(f.ruleId) && !dupRules.has(f.ruleId)).map((f) => [f.ruleId, f.status]));
          expect(statuses(scan), `${target.alias} ${r.snapshot.focus.id}`).toEqual(statuses(sidebar));
          expect(scan.name).toBe(sidebar.name);
          compared++;
        }
      }
    }
    expect(compared).toBe(portal.expectations.length);
  });

  test('a rule reading only the record’s own properties costs the search alone (SALES-SQL-2)', async () => {
    const [target] = resolveSelection({ objects: ['deal'], ruleIds: ['SALES-SQL-2'] }, pb, h.meta).targets;
    const pages = await scanTarget(target!, 200);
    expect(pages).toHaveLength(1);
    expect(paths(pages[0]!.client)).toEqual(['POST /crm/v3/objects/0-3/search']);
    expect(pages[0]!.load.floor).toBe(0);
    for (const r of pages[0]!.load.records) {
      expect(r.snapshot.associations).toEqual([]);
      expect(r.snapshot.engagements).toEqual({});
    }
  });

  test('stage history only when a selected rule reads it, in batch reads of at most 50 (SALES-SQL-1)', async () => {
    const [target] = resolveSelection({ objects: ['deal'], ruleIds: ['SALES-SQL-1'] }, pb, h.meta).targets;
    await fetch(`${h.sandbox.url}/__sandbox/log`, { method: 'DELETE' });
    const pages = await scanTarget(target!, 200);
    const log = await (await fetch(`${h.sandbox.url}/__sandbox/log`)).json() as { results: Array<{ path: string; body: { inputs?: unknown[]; propertiesWithHistory?: string[] } }> };
    const reads = log.results.filter((e) => e.path.endsWith('/batch/read'));
    expect(reads.length).toBeGreaterThan(0);
    for (const e of reads) {
      expect(e.body.propertiesWithHistory).toEqual(['dealstage']);
      expect(e.body.inputs!.length).toBeLessThanOrEqual(50);
    }
    expect(paths(pages[0]!.client).filter((p) => !p.endsWith('/search') && !p.endsWith('/0-3/batch/read'))).toEqual([]);
    // Governed, open deals read history; the Sales Pipeline's deals (no SALES-* rules) do not.
    const withHistory = pages[0]!.load.records.filter((r) => r.record.history?.dealstage);
    expect(withHistory.length).toBeGreaterThan(0);
    expect(withHistory.length).toBeLessThan(pages[0]!.load.records.length);
  });

  test('engagements and attachment metadata only where the rules read them: won deals (SALES-WON-7, SALES-WON-8)', async () => {
    const [target] = resolveSelection({ objects: ['deal'], ruleIds: ['SALES-WON-7', 'SALES-WON-8'] }, pb, h.meta).targets;
    const pages = await scanTarget(target!, 200);
    const { load, client } = pages[0]!;
    const wonStages = new Set(Object.values(h.meta.pipelines['0-3'] ?? {}).flatMap((p) => p.stages.filter((s) => s.isClosed && s.probability === 1).map((s) => s.id)));
    const fileGets = paths(client).filter((p) => p.startsWith('GET /files/v3/files/'));
    expect(fileGets.length).toBeGreaterThan(0);
    let attachments = 0;
    for (const r of load.records) {
      const won = wonStages.has(r.record.properties.dealstage ?? '');
      const key = `0-3/${r.record.id}`;
      if (!won) {
        expect(r.snapshot.engagements[key], `deal ${r.record.id} is not won`).toBeUndefined();
        expect(r.snapshot.files).toEqual({});
        continue;
      }
      const ids = new Set((r.snapshot.engagements[key] ?? []).flatMap((e) => e.attachmentIds));
      attachments += ids.size;
      expect(Object.keys(r.snapshot.files).sort()).toEqual([...ids].filter((id) => portal.seed.files.some((f) => f.id === id)).sort());
    }
    expect(fileGets).toHaveLength(attachments);
  });
});
