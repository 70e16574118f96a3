/**
 * The compliance scan page in real Chromium, from the built extension,
 * against the sandbox's reference portal (rate-limited like a Starter
 * account: 100 requests per 10 s): start a scan and watch it progress, read
 * the table and the charts, download the CSV (it matches the table), filter
 * by clicking a bar, cancel a second scan. The tests run in order on one page.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';
import { parseCsv } from '../../lib/admin/csv';
import { SCAN_COLUMNS } from '../../lib/admin/scan-rows';
import type { ScanProgress } from '../../lib/admin/scan-state';

let e2e: E2E;
let page: Page;

async function scanStatus(): Promise<ScanProgress> {
  const reply = (await e2e.sendFromExtensionPage({ type: 'scan.status' })) as { ok: boolean; data: ScanProgress };
  expect(reply.ok).toBe(true);
  return reply.data;
}

/** (record id, rule id) of every table row, page after page, in table order. */
async function tableKeys(): Promise<string[]> {
  const keys: string[] = [];
  for (;;) {
    const rows = await page.locator('.adm-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => `${tr.querySelector('.adm-record-id')?.textContent ?? ''} ${tr.getAttribute('data-rule-id') ?? ''}`),
    );
    keys.push(...rows);
    const next = page.getByRole('navigation', { name: 'Result pages' }).getByRole('button', { name: 'Next' });
    if ((await next.count()) === 0 || (await next.isDisabled())) break;
    await next.click();
  }
  // Back to the first page.
  const previous = page.getByRole('navigation', { name: 'Result pages' }).getByRole('button', { name: 'Previous' });
  while ((await previous.count()) > 0 && !(await previous.isDisabled())) await previous.click();
  return keys;
}

async function downloadCsv(): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sop-compliance-scan-\d{4}-\d{2}-\d{2}\.csv$/);
  return parseCsv(readFileSync((await download.path())!, 'utf8'));
}

beforeAll(async () => {
  e2e = await startE2E({ viewport: { width: 1280, height: 900 } });
  await e2e.configureToken();
  page = await e2e.context.newPage();
  await page.goto(`chrome-extension://${e2e.extensionId}/admin.html`);
  await page.getByRole('button', { name: 'Start scan' }).waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await e2e?.close();
});

describe('admin page: compliance scan', () => {
  it('offers the playbook’s objects, governed pipelines and scannable rules', async () => {
    expect(await page.getByRole('heading', { level: 1, name: 'Compliance scan' }).count()).toBe(1);
    const deals = page.getByRole('group', { name: 'Deal pipelines' });
    expect(await deals.getByRole('checkbox', { checked: true }).count()).toBe(3);
    expect(await page.getByRole('checkbox', { name: /SALES-PRO-2/ }).isChecked()).toBe(true);
    expect(await page.getByText('No scan has run yet.').count()).toBe(1);
  });

  it('runs a scan of the reference portal with visible progress, then shows the last scan', { timeout: 180_000 }, async () => {
    await page.getByRole('button', { name: 'Start scan' }).click();
    const progress = page.locator('progress.adm-progress');
    await progress.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('.adm-status').getAttribute('data-state')).toMatch(/running|paused|done/);
    await expect.poll(() => page.locator('.adm-status__numbers').textContent(), { timeout: 30_000 }).toMatch(/ of [\d,]+ records/);
    await expect.poll(() => page.locator('.adm-status').getAttribute('data-state'), { timeout: 150_000, interval: 1_000 }).toBe('done');
    const status = await scanStatus();
    expect(status.state).toBe('done');
    expect(status.processed).toBe(status.total);
    expect(status.rows).toBeGreaterThan(50);
    expect(await page.getByRole('heading', { level: 2, name: 'Last scan' }).count()).toBe(1);
    expect(await page.locator('.adm-status__numbers').textContent()).toContain(`${status.total} of ${status.total} records`);
    await expect.poll(() => page.locator('.adm-count').textContent()).toContain(`of ${status.rows} rows`);
  });

  it('shows the table and the charts; the CSV download matches the table rows', { timeout: 60_000 }, async () => {
    const status = await scanStatus();
    expect(await page.locator('figure.bar-chart svg').count()).toBe(3);
    const headers = await page.locator('.adm-table thead th').allTextContents();
    expect(headers.map((h) => h.replace(/[▲▼↕]/g, '').trim())).toEqual(['Record', 'Rule', 'Severity', 'What is missing', 'Owner', 'Pipeline', 'Stage', 'Days in stage']);
    const link = page.locator('.adm-table tbody tr a').first();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^https://app\\.hubspot\\.com/contacts/${e2e.portalId}/record/`));

    const table = await tableKeys();
    expect(table).toHaveLength(status.rows);
    const csv = await downloadCsv();
    expect(csv[0]).toEqual(SCAN_COLUMNS.map((c) => c.header));
    const recordId = SCAN_COLUMNS.findIndex((c) => c.header === 'Record ID');
    const ruleId = SCAN_COLUMNS.findIndex((c) => c.header === 'Rule ID');
    expect(csv.slice(1).map((r) => `${r[recordId]} ${r[ruleId]}`)).toEqual(table);
    // Sorting by a header changes the order and says so.
    const owner = page.locator('.adm-table thead th', { hasText: 'Owner' });
    await owner.getByRole('button').click();
    expect(await owner.getAttribute('aria-sort')).toBe('ascending');
    await owner.getByRole('button').click();
    expect(await owner.getAttribute('aria-sort')).toBe('descending');
  });

  it('clicking a bar filters the table and the CSV to that rule', { timeout: 60_000 }, async () => {
    const bar = page.locator('figure.bar-chart').first().locator('svg g').first();
    const label = (await bar.locator('title').textContent()) ?? '';
    const rule = label.split(' ')[0]!;
    await bar.click();
    await expect.poll(() => page.getByLabel('Rule', { exact: true }).inputValue({ timeout: 5_000 }), { timeout: 10_000 }).toBe(rule);
    const ids = await page.locator('.adm-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rule-id')));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set([rule]));
    const csv = await downloadCsv();
    const ruleId = SCAN_COLUMNS.findIndex((c) => c.header === 'Rule ID');
    expect(csv.slice(1).every((r) => r[ruleId] === rule)).toBe(true);
    expect(csv.length - 1).toBe(await tableKeys().then((k) => k.length));
    await e2e.screenshot(page, 'admin-filtered');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await e2e.screenshot(page, 'admin');
  });

  it('cancel stops a running scan', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'Start scan' }).click();
    const cancel = page.getByRole('button', { name: 'Cancel scan' });
    await cancel.waitFor({ timeout: 20_000 });
    await cancel.click();
    await expect.poll(() => page.locator('.adm-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('cancelled');
    const status = await scanStatus();
    expect(status.state).toBe('cancelled');
    expect(status.processed).toBeLessThan(status.total ?? Infinity);
    // Nothing more is read after the cancel (the page in flight is dropped).
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await scanStatus()).processed).toBe(status.processed);
    expect(await page.getByRole('button', { name: 'Start scan' }).isEnabled()).toBe(true);
    expect(e2e.problems(page).errors).toEqual([]);
  });
});
