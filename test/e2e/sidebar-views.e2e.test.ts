/**
 * Each record view in real Chromium, with a screenshot for review
 * (test-results/screenshots/sidebar-*.png): deal, contact, company, Client
 * Hub record, product subscription and an error state. On each, the findings
 * shown equal the engine's for the record (loaded through the product's
 * loader against the same sandbox), the header names the record, and nothing
 * in the sidebar sticks out past its edge (cut or overflowing text).
 * Rules: deals SALES-…, SOP-1, ACC-7; contacts LC-*, LEAD-1, REC-1/3/4,
 * ACC-8/9, CH-1; companies REC-2/3, ACC-1…10; Client Hub CH-4…8;
 * subscriptions CH-1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { SCREENSHOT_DIR, startE2E, type E2E } from './harness';
import { createHubSpotClient } from '../../lib/hubspot/client';
import { loadPortalMeta, loadSnapshot } from '../../lib/hubspot/snapshot-loader';
import { evaluate } from '../../lib/rules/evaluate';
import { defaultPlaybook } from '../../lib/playbook/default';
import type { Evaluation } from '../../lib/rules/result';
import type { PortalMeta } from '../../lib/rules/snapshot';

// The sandbox's certificate is self-signed (made at start); this test process talks only to it.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const READY_MS = 90_000;
let e2e: E2E;
let meta: PortalMeta;

async function engineView(objectTypeId: string, id: string): Promise<Evaluation> {
  const client = createHubSpotClient({ token: 'sandbox-token', baseUrl: e2e.sandbox.url, fetch: globalThis.fetch });
  const now = new Date();
  meta ??= await loadPortalMeta(client, { playbook: defaultPlaybook });
  const { snapshot } = await loadSnapshot(client, { ref: { objectTypeId, id }, playbook: defaultPlaybook, meta, now });
  return evaluate(snapshot, defaultPlaybook, now);
}

async function api(path: string, method: string, body?: unknown): Promise<void> {
  const res = await fetch(`${e2e.sandbox.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}`);
}

const shownFindings = (root: Locator) =>
  root.locator('[data-rule-id]').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-rule-id')}=${el.getAttribute('data-status')}`).sort());

/** Visible elements of the sidebar whose box sticks out past the sidebar's right edge. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shadow = document.querySelector('sop-sidebar')?.shadowRoot;
    const aside = shadow?.querySelector('[data-sop-root]');
    if (!shadow || !aside) return ['no sidebar'];
    const edge = aside.getBoundingClientRect().right;
    const out: string[] = [];
    for (const el of shadow.querySelectorAll<HTMLElement>('[data-sop-root] *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || el.closest('details:not([open])')) continue;
      if (box.right > edge + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}" right=${Math.round(box.right)} > ${Math.round(edge)}`);
    }
    if (aside.scrollWidth > aside.clientWidth + 1) out.push(`aside scrolls sideways (${aside.scrollWidth} > ${aside.clientWidth})`);
    return out.slice(0, 10);
  });
}

/** The whole page (sidebar-{name}-page.png) and the sidebar alone at full size (sidebar-{name}.png). */
async function shoot(page: Page, name: string): Promise<void> {
  await e2e.screenshot(page, `sidebar-${name}-page`);
  const box = await e2e.sidebar(page).boundingBox();
  if (!box) throw new Error('the sidebar has no box');
  await page.screenshot({ path: join(SCREENSHOT_DIR, `sidebar-${name}.png`), clip: box });
}

beforeAll(async () => {
  // Tall enough to see most of a sidebar in one screenshot.
  e2e = await startE2E({ viewport: { width: 1440, height: 2400 } });
  await e2e.configureToken();
});
afterAll(async () => {
  await e2e?.close();
});

describe('record views', () => {
  const views: Array<[string, string, string, string]> = [
    ['deal', '0-3', '92100000009', 'SALES-PRO-1…8, SOP-1, ACC-7'],
    ['contact', '0-1', '35100000004', 'LC-1, LC-5, REC-1/3/4, ACC-8/9'],
    ['company', '0-2', '27100000002', 'REC-2/3, ACC-1…6, ACC-9, ACC-10'],
    ['client-hub', '2-9000101', '73100000007', 'CH-4, CH-6, CH-7'],
    ['subscription', '2-9000102', '73200000005', 'CH-1'],
  ];

  it.each(views)('%s %s/%s: the engine\'s findings, the record\'s name, nothing cut off (%s)', async (name, typeId, id) => {
    const ev = await engineView(typeId, id);
    const page = await e2e.openRecord(typeId, id);
    try {
      const root = await e2e.waitForSidebar(page, `${typeId}/${id}`, { state: ['ready'], timeout: READY_MS });
      expect(await shownFindings(root)).toEqual(ev.findings.map((f) => `${f.ruleId}=${f.status}`).sort());
      expect(ev.findings.length).toBeGreaterThan(0);
      expect(await root.locator('#sop-record-name').textContent()).toBe(ev.name);
      await shoot(page, name);
      expect(await overflowing(page)).toEqual([]);
      expect(e2e.problems(page).errors).toEqual([]);
      expect(e2e.problems(page).cspViolations).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);

  it.each([
    ['an MQL/SQL contact failing LEAD-1', '35100000051'],
    // LEAD-1 applies to MQL/SQL contacts only: a Target gets no verdict and no LEAD-1 finding.
    ['a Target contact', '35100000004'],
  ])('LEAD-1: when the sidebar says %s (%s) is not a lead, it shows which condition fails', async (_what, id) => {
    const page = await e2e.openRecord('0-1', id);
    try {
      const root = await e2e.waitForSidebar(page, `0-1/${id}`, { state: ['ready'], timeout: READY_MS });
      const section = root.locator('[data-section="lead"]');
      const verdict = await section.locator('[data-lead-eligible]').getAttribute('data-lead-eligible').catch(() => null);
      if (verdict === 'false') {
        const failing = await section.locator('[data-rule-id="LEAD-1"]:not([data-status="met"])').count();
        expect(failing, `"${await section.locator('[data-lead-eligible]').textContent()}" with no failing LEAD-1 condition below it`).toBeGreaterThan(0);
      } else {
        // Not a lead question at all here: no verdict, no LEAD-1.
        expect(await root.locator('[data-rule-id="LEAD-1"]').count()).toBe(0);
      }
    } finally {
      await page.close();
    }
  }, 180_000);

  it('error: HubSpot answering 503 shows the error with its fix and a retry, nothing cut off', async () => {
    await api('/__sandbox/faults', 'POST', { routes: [{ method: 'GET', pathPattern: '/crm/v3/objects/*', status: 503 }] });
    const page = await e2e.openRecord('0-3', '92100000010');
    try {
      const root = await e2e.waitForSidebar(page, '0-3/92100000010', { state: ['error'], timeout: READY_MS });
      await root.locator('[data-error-code]').waitFor();
      expect(await root.locator('[data-action="retry"]').count()).toBe(1);
      await shoot(page, 'error');
      expect(await overflowing(page)).toEqual([]);
    } finally {
      await api('/__sandbox/faults', 'DELETE');
      await page.close();
    }
  }, 180_000);
});
