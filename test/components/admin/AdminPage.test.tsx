// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, within } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { AdminPage } from '../../../components/admin/AdminPage';
import { initialAdminState, type AdminActions, type AdminState } from '../../../lib/admin/admin-controller';
import { defaultChoice, setupModel } from '../../../lib/admin/scan-setup';
import { defaultPlaybook } from '../../../lib/playbook/default/index';
import { AXE_TIMEOUT, seriousViolations } from '../helpers';
import { progress, rows } from '../../lib/admin/fixtures';

afterEach(cleanup);

const NOW = Date.parse('2025-03-10T12:05:00.000Z');
const model = setupModel(defaultPlaybook);

function state(extra: Partial<AdminState> = {}): AdminState {
  return {
    ...initialAdminState(),
    phase: 'ready',
    model,
    choice: defaultChoice(model),
    status: { token: 'ok', portalId: 4471200, timeZone: 'US/Eastern', uiDomain: 'app.hubspot.com', companyCurrency: 'USD', dataHostingLocation: 'na1', verifiedAt: null, missingScopes: [], retryAt: null, outbox: { pending: 0, failed: 0 }, apiTier: 100, message: null },
    ...extra,
  };
}

function actions(): AdminActions & Record<keyof AdminActions, ReturnType<typeof vi.fn>> {
  return {
    reload: vi.fn(async () => undefined),
    toggleObject: vi.fn(),
    toggleRules: vi.fn(),
    togglePipeline: vi.fn(),
    startScan: vi.fn(async () => undefined),
    cancel: vi.fn(async () => undefined),
    sortBy: vi.fn(),
    filter: vi.fn(),
    clearFilters: vi.fn(),
    goToPage: vi.fn(),
    exportCsv: vi.fn(),
  } as never;
}

const page = (s: AdminState, a = actions()) => ({ ...render(<AdminPage state={s} actions={a} now={NOW} optionsUrl="chrome-extension://x/options.html" />), a });

describe('admin page', () => {
  test('setup: objects, governed pipelines, rules with select-all per object; start sends', () => {
    const { getByRole, getByLabelText, a } = page(state());
    const deals = getByRole('group', { name: 'Deal pipelines' });
    expect([...deals.querySelectorAll('input')].map((i) => [i.value, i.checked])).toEqual([
      ['New Business', true], ['Expansion', true], ['Upsell', true], ['Sales Pipeline', false],
    ]);
    const dealRules = getByRole('group', { name: 'Deal rules' });
    const all = dealRules.querySelector('input')!;
    expect(all.checked).toBe(true);
    fireEvent.click(all);
    expect(a.toggleRules).toHaveBeenCalledWith(expect.arrayContaining(['SALES-SQL-1', 'SALES-PRO-2', 'ACC-7']), false);
    fireEvent.click(getByLabelText(/SALES-PRO-2/));
    expect(a.toggleRules).toHaveBeenLastCalledWith(['SALES-PRO-2'], false);
    fireEvent.click(getByRole('button', { name: 'Start scan' }));
    expect(a.startScan).toHaveBeenCalled();
  });

  test('a partly chosen group shows a mixed select-all; guides and views are not offered', () => {
    const s = state();
    s.choice = { ...s.choice, rules: s.choice.rules.filter((r) => r !== 'SALES-PRO-2') };
    const { getByRole, queryByLabelText } = page(s);
    expect(getByRole('group', { name: 'Deal rules' }).querySelector('input')!.indeterminate).toBe(true);
    expect(queryByLabelText(/SALES-SQL-G1/)).toBeNull();
    expect(queryByLabelText(/ACC-3/)).toBeNull();
  });

  test('progress: a <progress> bar, records done / total, rate, ETA; Cancel; setup locked', () => {
    const { container, getByRole, a } = page(state({ scan: progress({ rows: 3 }) }));
    const bar = container.querySelector('progress')!;
    expect(bar.getAttribute('max')).toBe('12000');
    expect(bar.getAttribute('value')).toBe('1200');
    const text = getByRole('status', { name: '' }).textContent;
    expect(text).toContain('1,200 of 12,000 records');
    expect(text).toContain('44.2 records/s');
    expect(text).toContain('about 4 min left');
    expect(getByRole('button', { name: 'Start scan' })).toHaveProperty('disabled', true);
    fireEvent.click(getByRole('button', { name: 'Cancel scan' }));
    expect(a.cancel).toHaveBeenCalled();
  });

  test('a scan paused by the rate limit says until when', () => {
    const resumeAt = new Date(NOW + 95_000).toISOString();
    const { getByTestId } = page(state({ scan: progress({ state: 'paused', resumeAt, error: { code: 'rate-limited', message: 'slow down' } }) }));
    expect(getByTestId('scan-waiting').textContent).toMatch(/^Waiting for HubSpot's rate limit until /);
  });

  test('results: sortable headers (aria-sort), record links to HubSpot in a new tab, charts that filter, CSV of the filtered rows', () => {
    const all = rows(60);
    const s = state({ scan: progress({ state: 'done', rows: 60, finishedAt: '2025-03-10T12:04:00.000Z', byRule: { 'SALES-PRO-2': 20, 'ACC-7': 20, 'SALES-SQL-2': 20 } }), rows: all, rowsScanId: 'scan-1' });
    s.view = { sort: { key: 'days', direction: 'desc' }, filter: {}, page: 0 };
    const { container, getByRole, a } = page(s);
    const headers = within(container.querySelector<HTMLElement>('.adm-table')!).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent?.replace(/[▲▼↕]/g, ''))).toEqual(['Record', 'Rule', 'Severity', 'What is missing', 'Owner', 'Pipeline', 'Stage', 'Days in stage']);
    expect(headers.map((h) => h.getAttribute('aria-sort'))).toEqual(['none', 'none', 'none', null, 'none', 'none', null, 'descending']);
    fireEvent.click(getByRole('button', { name: /^Owner/ }));
    expect(a.sortBy).toHaveBeenCalledWith('owner');

    const body = container.querySelectorAll('.adm-table tbody tr');
    expect(body).toHaveLength(50);
    const days = [...body].map((r) => Number(r.lastElementChild!.textContent));
    expect(days).toEqual([...days].sort((x, y) => y - x));
    const link = body[0]!.querySelector('a')!;
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('href')).toMatch(/^https:\/\/app\.hubspot\.com\/contacts\/4471200\/record\/0-3\/\d+$/);
    // HubSpot values are text, never markup.
    expect(container.innerHTML).toContain('Smith, "Jones" &amp; Co');

    expect([...container.querySelectorAll('figcaption')].map((f) => f.textContent)).toEqual(['Violations by rule', 'Violations by owner', 'Violations by stage']);
    fireEvent.click(container.querySelector('figure svg g')!);
    expect(a.filter).toHaveBeenCalledWith({ ruleId: expect.stringMatching(/^(SALES-PRO-2|ACC-7|SALES-SQL-2)$/) });

    expect(getByRole('navigation', { name: 'Result pages' }).textContent).toContain('Page 1 of 2');
    fireEvent.click(getByRole('button', { name: /Download CSV \(60 rows\)/ }));
    expect(a.exportCsv.mock.calls[0]![0]).toHaveLength(60);
  });

  test('filters: text, rule, owner (incl. no owner), stage, severity', () => {
    const s = state({ scan: progress({ state: 'done', rows: 12 }), rows: rows(12), rowsScanId: 'scan-1' });
    const { getByLabelText, a } = page(s);
    fireEvent.input(getByLabelText('Search'), { target: { value: 'deal 00' } });
    expect(a.filter).toHaveBeenLastCalledWith({ text: 'deal 00' });
    fireEvent.change(getByLabelText('Owner'), { target: { value: '(none)' } });
    expect(a.filter).toHaveBeenLastCalledWith({ ownerId: null });
    fireEvent.change(getByLabelText('Rule'), { target: { value: 'ACC-7' } });
    expect(a.filter).toHaveBeenLastCalledWith({ ruleId: 'ACC-7' });
    fireEvent.change(getByLabelText('Severity'), { target: { value: 'warning' } });
    expect(a.filter).toHaveBeenLastCalledWith({ status: 'warning' });
    expect([...(getByLabelText('Stage') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['All stages', 'New Business › Engaged', 'New Business › Partner of Choice', 'New Business › Proposal']);
  });

  test('without a token the page says where to set it', () => {
    const s = state();
    s.status = { ...s.status!, token: 'none', portalId: null };
    const { getByRole } = page(s);
    expect(getByRole('link', { name: 'Set it in the options' }).getAttribute('href')).toBe('chrome-extension://x/options.html');
  });

  test('no serious or critical axe violations: running with results', { timeout: AXE_TIMEOUT }, async () => {
    const { container } = page(state({ scan: progress({ rows: 30 }), rows: rows(30), rowsScanId: 'scan-1' }));
    expect(await seriousViolations(container)).toEqual([]);
  });

  test('no serious or critical axe violations: idle, no token, a refused start', { timeout: AXE_TIMEOUT }, async () => {
    const s = state({ op: { busy: false, action: 'start', error: { code: 'validation', message: 'The scan cannot start.', details: [{ path: 'ruleIds', message: 'No rule X.' }] } } });
    s.status = { ...s.status!, token: 'none' };
    const { container } = page(s);
    expect(await seriousViolations(container)).toEqual([]);
  });
});
