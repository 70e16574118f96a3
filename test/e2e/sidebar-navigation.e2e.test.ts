/**
 * In-page navigation, in real Chromium: three history.pushState hops through
 * the page's own links (deal → contact → company → deal) keep one
 * `<sop-sidebar>` and show the right record every time. A recorder in the
 * page logs every DOM change of the sidebar's shadow root: each render that
 * carries a record's id (`data-record`) must show that record's name and
 * exactly that record's findings (as the engine computes them), never the
 * previous record's data, and a loading render shows no findings at all.
 * Rules on screen: deal gates (SALES-*, SOP-1, ACC-7), contact checks
 * (LC-*, REC-*, LEAD-1, ACC-8/9, CH-1), company checks (REC-2/3, ACC-1…10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';
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
/** Every sidebar render recorded during the hops (shared by the tests below). */
let hopLog: Frame[] = [];

async function engineView(record: string): Promise<Evaluation> {
  const [objectTypeId = '', id = ''] = record.split('/');
  const client = createHubSpotClient({ token: 'sandbox-token', baseUrl: e2e.sandbox.url, fetch: globalThis.fetch });
  const now = new Date();
  meta ??= await loadPortalMeta(client, { playbook: defaultPlaybook });
  const { snapshot } = await loadSnapshot(client, { ref: { objectTypeId, id }, playbook: defaultPlaybook, meta, now });
  return evaluate(snapshot, defaultPlaybook, now);
}

interface Frame {
  t: number;
  path: string;
  hosts: number;
  sameHost: boolean;
  record: string | null;
  state: string | null;
  name: string | null;
  findings: string[];
}

/** Records a frame on every change of the sidebar's shadow tree (and of the hosts in <body>). */
function installRecorder(page: Page): Promise<void> {
  return page.evaluate(() => {
    const host = document.querySelector('sop-sidebar');
    if (!host?.shadowRoot) throw new Error('no <sop-sidebar> with an open shadow root');
    const frames: unknown[] = [];
    const w = window as unknown as { __sopFrames: unknown[]; __sopHost: Element };
    w.__sopFrames = frames;
    w.__sopHost = host;
    const shadow = host.shadowRoot;
    const snap = () => {
      const root = shadow.querySelector('[data-sop-root]');
      frames.push({
        t: performance.now(),
        path: location.pathname,
        hosts: document.querySelectorAll('sop-sidebar').length,
        sameHost: document.querySelector('sop-sidebar') === host,
        record: root?.getAttribute('data-record') ?? null,
        state: root?.getAttribute('data-state') ?? null,
        name: root?.querySelector('#sop-record-name')?.textContent ?? null,
        findings: [...(root?.querySelectorAll('[data-rule-id]') ?? [])].map((el) => `${el.getAttribute('data-rule-id')}=${el.getAttribute('data-status')}`).sort(),
      });
    };
    new MutationObserver(snap).observe(shadow, { subtree: true, childList: true, attributes: true, characterData: true });
    new MutationObserver(snap).observe(document.body, { childList: true });
    snap();
  });
}

const frames = (page: Page) => page.evaluate(() => (window as unknown as { __sopFrames: Frame[] }).__sopFrames);
const recordOfPath = (path: string) => /\/record\/([^/]+\/[^/?#]+)/.exec(path)?.[1] ?? null;

/** Clicks the page's first in-page link to a record of `typeId`; returns that record (`type/id`). */
async function hop(page: Page, typeId: string): Promise<string> {
  const link = page.locator(`[data-association="${typeId}"] a[data-spa]`).first();
  const href = await link.getAttribute('href');
  const record = href ? recordOfPath(href) : null;
  if (!href || !record) throw new Error(`no in-page link to a ${typeId} record on ${page.url()}`);
  await link.click();
  await page.waitForURL(`**${href}`);
  await e2e.waitForSidebar(page, record, { state: ['ready'], timeout: READY_MS });
  return record;
}

beforeAll(async () => {
  e2e = await startE2E();
  await e2e.configureToken();
});
afterAll(async () => {
  await e2e?.close();
});

describe('in-page navigation', () => {
  it('three pushState hops (deal → contact → company → deal) show the right record each time, never stale data, never two <sop-sidebar> hosts (SALES-*, LC-*, REC-*, ACC-*)', async () => {
    const start = '0-3/92100000009';
    const page = await e2e.openRecord('0-3', '92100000009');
    try {
      await e2e.waitForSidebar(page, start, { state: ['ready'], timeout: READY_MS });
      await page.evaluate(() => Object.assign(window, { __noReload: true }));
      await installRecorder(page);

      const visited = [start];
      visited.push(await hop(page, '0-1'));
      visited.push(await hop(page, '0-2'));
      visited.push(await hop(page, '0-3'));
      expect(visited.map((r) => r.split('/')[0])).toEqual(['0-3', '0-1', '0-2', '0-3']);

      // Still the same document (pushState, no reload) with the same single host.
      expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
      expect(await page.locator('sop-sidebar').count()).toBe(1);
      expect(await page.evaluate(() => document.querySelector('sop-sidebar') === (window as unknown as { __sopHost: Element }).__sopHost)).toBe(true);

      const expected = new Map<string, Evaluation>();
      for (const record of new Set(visited)) expected.set(record, await engineView(record));
      const log = await frames(page);
      expect(log.length).toBeGreaterThan(3);

      hopLog = log;
      const problems: string[] = [];
      let previous = start;
      for (const [i, f] of log.entries()) {
        const where = `frame ${i} (${f.path}, sidebar ${f.record}, ${f.state})`;
        // Host continuity is the next test's subject; a detached host shows nothing at all.
        if (f.hosts === 0) continue;
        if (f.hosts !== 1 || !f.sameHost) problems.push(`${where}: ${f.hosts} <sop-sidebar> hosts (or another element)`);
        const urlRecord = recordOfPath(f.path);
        // The sidebar shows the page's record, or the previous one until it has switched: nothing else.
        if (f.record !== urlRecord && f.record !== previous) problems.push(`${where}: shows neither the page's record nor the previous one`);
        if (f.record === urlRecord && urlRecord) previous = urlRecord;
        const ev = f.record ? expected.get(f.record) : undefined;
        if (!ev) {
          problems.push(`${where}: unexpected record`);
          continue;
        }
        if (f.state === 'ready') {
          const want = ev.findings.map((x) => `${x.ruleId}=${x.status}`).sort();
          if (f.name !== ev.name) problems.push(`${where}: header "${f.name}", expected "${ev.name}"`);
          if (JSON.stringify(f.findings) !== JSON.stringify(want)) problems.push(`${where}: findings ${f.findings.join(',')} are not this record's (${want.join(',')})`);
        } else if (f.state === 'loading') {
          if (f.findings.length > 0) problems.push(`${where}: findings while loading: ${f.findings.join(',')}`);
          if (f.name !== 'Loading record…') problems.push(`${where}: header "${f.name}" while loading`);
        } else {
          problems.push(`${where}: state ${f.state}`);
        }
      }
      expect(problems).toEqual([]);
      // Every hop was rendered ready for its record (the log saw each one).
      for (const record of visited.slice(1)) expect(log.some((f) => f.record === record && f.state === 'ready')).toBe(true);
      // The final state: the URL's record, ready, with its name.
      const root = e2e.sidebar(page);
      expect(await root.getAttribute('data-record')).toBe(recordOfPath(new URL(page.url()).pathname));
      expect(await root.locator('#sop-record-name').textContent()).toBe(expected.get(visited[3] as string)?.name);
      expect(e2e.problems(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 300_000);

  it('the one <sop-sidebar> stays attached through the hops (no disappearing sidebar, no page reflow from its margin)', () => {
    expect(hopLog.length, 'the hops above ran').toBeGreaterThan(3);
    const gaps: string[] = [];
    let detachedAt: number | null = null;
    for (const f of hopLog) {
      if (f.hosts === 0) detachedAt ??= f.t;
      else if (detachedAt !== null) {
        gaps.push(`detached for ${Math.round(f.t - detachedAt)} ms on the way to ${f.record ?? f.path}`);
        detachedAt = null;
      }
    }
    expect(gaps).toEqual([]);
  });
});
