import { describe, expect, test, vi } from 'vitest';
import { AdminController, ROWS_CHUNK } from '../../../lib/admin/admin-controller';
import { parseCsv } from '../../../lib/admin/csv';
import { SCAN_COLUMNS } from '../../../lib/admin/scan-rows';
import { resultsView } from '../../../lib/admin/scan-view';
import { FakeBackground, flush, progress, rows } from './fixtures';

async function setup() {
  const bg = new FakeBackground();
  const download = vi.fn();
  const timers: Array<() => void> = [];
  const controller = new AdminController({ client: bg.client, subscribe: bg.subscribe, download, schedule: (fn) => (timers.push(fn), () => undefined) });
  await controller.start();
  return { bg, controller, download, timers };
}

describe('admin controller', () => {
  test('loads the setup from the playbook: every scannable rule, governed pipelines only', async () => {
    const { controller } = await setup();
    const s = controller.getState();
    expect(s.phase).toBe('ready');
    expect(s.choice.objects).toEqual(['deal', 'contact', 'company', 'clientHub', 'productSubscription']);
    expect(s.choice.pipelines.deal).toEqual(['New Business', 'Expansion', 'Upsell']);
    expect(s.choice.rules).toContain('SALES-SQL-1');
    expect(s.choice.rules).not.toContain('SALES-SQL-G1');
  });

  test('start sends the choice (objects, rules, pipelines in options); a refusal is shown with its reason', async () => {
    const { bg, controller } = await setup();
    controller.toggleObject('contact', false);
    controller.togglePipeline('deal', 'Upsell', false);
    controller.toggleRules(['SALES-SQL-1'], false);
    bg.startError = { code: 'validation', message: 'The scan cannot start: No deal pipeline “Upsell”.' };
    await controller.startScan();
    expect(controller.getState().op.error?.message).toMatch(/cannot start/);
    const sent = bg.sent.find((m) => m.type === 'scan.start');
    expect(sent).toMatchObject({ objects: ['deal', 'company', 'clientHub', 'productSubscription'], options: { pipelines: { deal: ['New Business', 'Expansion'], clientHub: ['Client Hub'] } } });
    expect((sent as { ruleIds: string[] }).ruleIds).not.toContain('SALES-SQL-1');
    // CH-1 still applies to product subscriptions; contact-only rules (LC-1) are dropped with contacts.
    expect((sent as { ruleIds: string[] }).ruleIds).toContain('CH-1');
    expect((sent as { ruleIds: string[] }).ruleIds).not.toContain('LC-1');

    bg.startError = null;
    await controller.startScan();
    expect(controller.getState().op.error).toBeNull();
    expect(controller.getState().scan?.state).toBe('running');
  });

  test('an empty choice is refused before anything is sent', async () => {
    const { bg, controller } = await setup();
    for (const o of controller.getState().model) controller.toggleObject(o.alias, false);
    await controller.startScan();
    expect(controller.getState().op.error?.message).toBe('Choose at least one object to scan.');
    expect(bg.sent.some((m) => m.type === 'scan.start')).toBe(false);
  });

  test('progress pushes bring the rows in chunks as the scan adds them; stale pushes are ignored', async () => {
    const { bg, controller } = await setup();
    bg.all = rows(ROWS_CHUNK + 20);
    bg.push(progress({ rows: ROWS_CHUNK + 20 }));
    await flush();
    await flush();
    expect(controller.getState().rows).toHaveLength(ROWS_CHUNK + 20);
    const asked = bg.sent.filter((m) => m.type === 'scan.results').map((m) => (m as { offset?: number }).offset);
    expect(asked).toEqual([0, ROWS_CHUNK]);

    bg.push(progress({ state: 'done', processed: 12_000, rows: ROWS_CHUNK + 20 }));
    bg.push(progress({ state: 'running', processed: 11_000 }));
    expect(controller.getState().scan?.state).toBe('done');
  });

  test('a new scan replaces the old rows; cancel asks the background', async () => {
    const { bg, controller } = await setup();
    bg.all = rows(10);
    bg.push(progress({ rows: 10 }));
    await flush();
    expect(controller.getState().rows).toHaveLength(10);
    bg.all = rows(3);
    bg.push(progress({ scanId: 'scan-2', rows: 3 }));
    await flush();
    expect(controller.getState().rows).toHaveLength(3);
    await controller.cancel();
    expect(bg.sent.at(-1)).toEqual({ type: 'scan.cancel', scanId: 'scan-2' });
    expect(controller.getState().scan?.state).toBe('cancelled');
  });

  test('polls the status while a scan runs, in case a push is missed', async () => {
    const { bg, timers } = await setup();
    bg.push(progress());
    expect(timers.length).toBeGreaterThan(0);
    const before = bg.sent.filter((m) => m.type === 'scan.status').length;
    timers.at(-1)!();
    await flush();
    expect(bg.sent.filter((m) => m.type === 'scan.status').length).toBe(before + 1);
  });

  test('sorting flips on the same column; filters reset the page; days sort descending first', async () => {
    const { controller } = await setup();
    controller.goToPage(3);
    controller.sortBy('owner');
    expect(controller.getState().view).toMatchObject({ sort: { key: 'owner', direction: 'asc' }, page: 0 });
    controller.sortBy('owner');
    expect(controller.getState().view.sort.direction).toBe('desc');
    controller.sortBy('days');
    expect(controller.getState().view.sort).toEqual({ key: 'days', direction: 'desc' });
    controller.filter({ ruleId: 'ACC-7', text: 'deal' });
    controller.filter({ text: '' });
    expect(controller.getState().view.filter).toEqual({ ruleId: 'ACC-7' });
    controller.clearFilters();
    expect(controller.getState().view.filter).toEqual({});
  });

  test('CSV export: the filtered rows in table order, the table’s columns, formulas neutralized', async () => {
    const { bg, controller, download } = await setup();
    bg.all = rows(12);
    bg.push(progress({ state: 'done', rows: 12, finishedAt: '2025-03-10T13:00:00.000Z' }));
    await flush();
    controller.filter({ ownerId: '102' });
    const view = resultsView(controller.getState().rows, controller.getState().view);
    controller.exportCsv(view.rows);
    expect(download).toHaveBeenCalledTimes(1);
    const [name, text, type] = download.mock.calls[0]!;
    expect(name).toBe('sop-compliance-scan-2025-03-10.csv');
    expect(type).toMatch(/^text\/csv/);
    const parsed = parseCsv(text as string);
    expect(parsed[0]).toEqual(SCAN_COLUMNS.map((c) => c.header));
    expect(parsed.slice(1).map((r) => r[1])).toEqual(view.rows.map((r) => r.recordId));
    expect(parsed.slice(1).every((r) => r[6] === 'Ben Okafor')).toBe(true);
    expect(parsed.find((r) => r[1] === '90004')?.[0]).toBe(`'=HYPERLINK("http://evil")`);
    expect(parsed.find((r) => r[1] === '90005')?.[0]).toBe('Smith, "Jones" & Co');
  });
});
