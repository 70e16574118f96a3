import { describe, expect, test } from 'vitest';
import { filterForBar, NO_OWNER, PAGE_SIZE, resultsView } from '../../../lib/admin/scan-view';
import { choiceProblem, defaultChoice, scanStartRequest, setupModel } from '../../../lib/admin/scan-setup';
import { duration, progressText } from '../../../lib/admin/scan-text';
import { defaultPlaybook } from '../../../lib/playbook/default/index';
import { progress, rows } from './fixtures';

describe('results view', () => {
  const all = rows(120);

  test('pages of 50 over the filtered, sorted rows; positions for "Showing x–y"', () => {
    const v = resultsView(all, { sort: { key: 'record', direction: 'asc' }, filter: {}, page: 2 });
    expect(v.pageCount).toBe(3);
    expect(v.pageRows).toHaveLength(120 - 2 * PAGE_SIZE);
    expect([v.from, v.to, v.total]).toEqual([101, 120, 120]);
    // A page past the end shows the last one.
    expect(resultsView(all, { sort: { key: 'record', direction: 'asc' }, filter: {}, page: 9 }).page).toBe(2);
  });

  test('each chart counts under every filter but its own, so the other bars stay clickable', () => {
    const v = resultsView(all, { sort: { key: 'record', direction: 'asc' }, filter: { ruleId: 'ACC-7' }, page: 0 });
    expect(v.rows.every((r) => r.ruleId === 'ACC-7')).toBe(true);
    const byRule = v.charts.find((c) => c.by === 'rule')!;
    expect(byRule.data.map((d) => d.key).sort()).toEqual(['ACC-7', 'SALES-PRO-2', 'SALES-SQL-2']);
    const byOwner = v.charts.find((c) => c.by === 'owner')!;
    expect(byOwner.data.reduce((n, d) => n + d.value, 0)).toBe(40);
  });

  test('a clicked bar becomes the matching filter (no owner included)', () => {
    expect(filterForBar('rule', 'ACC-7')).toEqual({ ruleId: 'ACC-7' });
    expect(filterForBar('owner', NO_OWNER)).toEqual({ ownerId: null });
    expect(filterForBar('owner', '101')).toEqual({ ownerId: '101' });
    const stage = resultsView(all, { sort: { key: 'record', direction: 'asc' }, filter: {}, page: 0 }).charts[2]!.data[0]!.key;
    const v = resultsView(all, { sort: { key: 'record', direction: 'asc' }, filter: filterForBar('stage', stage), page: 0 });
    expect(v.rows.length).toBe(40);
    expect(resultsView(all, { sort: { key: 'record', direction: 'asc' }, filter: { ownerId: null }, page: 0 }).rows.every((r) => r.ownerId === null)).toBe(true);
  });
});

describe('scan setup', () => {
  const model = setupModel(defaultPlaybook);

  test('objects with scannable rules only; tickets have none', () => {
    expect(model.map((o) => o.alias)).toEqual(['deal', 'contact', 'company', 'clientHub', 'productSubscription']);
    expect(model.find((o) => o.alias === 'deal')!.pipelines.map((p) => p.governed)).toEqual([true, true, true, false]);
  });

  test('the default choice becomes a valid scan.start; a pipelined object needs a pipeline', () => {
    const choice = defaultChoice(model);
    expect(choiceProblem(model, choice)).toBeNull();
    const req = scanStartRequest(model, choice);
    expect(req.options).toEqual({ pipelines: { deal: ['New Business', 'Expansion', 'Upsell'], clientHub: ['Client Hub'] } });
    expect(choiceProblem(model, { ...choice, pipelines: { ...choice.pipelines, deal: [] } })).toBe('Choose at least one deal pipeline.');
    expect(choiceProblem(model, { ...choice, rules: [] })).toBe('Choose at least one rule of the chosen objects.');
  });
});

describe('progress text', () => {
  test('records, rate, ETA; waiting for the rate limit while paused', () => {
    const t = progressText(progress(), null, Date.parse('2025-03-10T12:05:00.000Z'));
    expect(t).toMatchObject({ records: '1,200 of 12,000 records', rate: '44.2 records/s', eta: 'about 4 min left', waiting: null });
    expect(t.requests).toBe('120 requests to HubSpot (fewest possible: 118)');
    const paused = progressText(progress({ state: 'paused', resumeAt: '2025-03-10T12:06:00.000Z', error: { code: 'daily-limit', message: 'x' } }), null, 0);
    expect(paused.waiting).toMatch(/^Waiting for HubSpot's daily API limit until /);
    expect(progressText(progress({ total: null }), null, 0).records).toBe('1,200 records so far');
  });

  test('the limiter holding requests shows as a wait while running', () => {
    const status = { token: 'rate-limited', retryAt: '2025-03-10T12:05:30.000Z' } as never;
    expect(progressText(progress(), status, Date.parse('2025-03-10T12:05:00.000Z')).waiting).toMatch(/rate limit until/);
  });

  test('durations', () => {
    expect([duration(40), duration(1_100), duration(3_900), duration(7_200)]).toEqual(['40 s', '18 min', '1 h 5 min', '2 h']);
  });
});
