/**
 * The content script in real Chromium, from the built extension: it mounts one
 * `<sop-sidebar>` on HubSpot record pages (US and EU hosts, standard and
 * custom objects), never on list pages, and follows HubSpot's in-page
 * (history.pushState) navigation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type AppHost, type E2E } from './harness';

let e2e: E2E;

beforeAll(async () => {
  // No token yet: mounting must not depend on it (the sidebar then shows its no-token state).
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** The first live record of a type, preferring one that matches. */
function pick(typeId: string, match: (record: { id: string; properties: Record<string, string> }) => boolean = () => true): string {
  const all = e2e.sandbox.state.listObjects(typeId).filter((o) => !o.archived);
  const record = all.find((o) => match(o)) ?? all[0];
  if (!record) throw new Error(`The seed has no ${typeId} records`);
  return record.id;
}

const attr = (page: Page, name: string) =>
  e2e.sidebar(page).getAttribute(name, { timeout: 1_000 }).catch(() => null);

const sidebarCount = (page: Page) => page.locator('sop-sidebar').count();

describe('content script mounting', () => {
  const cases: Array<[string, string, AppHost]> = [
    ['deal', '0-3', 'app.hubspot.com'],
    ['deal', '0-3', 'app-eu1.hubspot.com'],
    ['contact', '0-1', 'app.hubspot.com'],
    ['contact', '0-1', 'app-eu1.hubspot.com'],
    ['company', '0-2', 'app.hubspot.com'],
    ['company', '0-2', 'app-eu1.hubspot.com'],
    ['Client Hub', '2-9000101', 'app.hubspot.com'],
    ['Client Hub', '2-9000101', 'app-eu1.hubspot.com'],
  ];

  it.each(cases)('mounts on a %s record page (%s / %s)', async (label, typeId, host) => {
    const id = pick(typeId);
    const page = await e2e.openRecord(typeId, id, { host });
    try {
      await page.locator(`[data-sandbox-record="${typeId}/${id}"]`).waitFor();
      await e2e.waitForSidebar(page, `${typeId}/${id}`);
      expect(await sidebarCount(page)).toBe(1);
      await e2e.screenshot(page, `mount-${label}-${host}`);
      expect(e2e.problems(page).cspViolations).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each([['0-3'], ['0-1']])('does not mount on the %s list page, but mounts after in-page navigation to a record', async (typeId) => {
    const page = await e2e.openList(typeId);
    try {
      await page.locator(`[data-sandbox-list="${typeId}"]`).waitFor();
      // Give the content script (document_idle) ample time to run and decide.
      await page.waitForLoadState('load');
      await page.waitForTimeout(1_500);
      expect(await sidebarCount(page)).toBe(0);
      await e2e.screenshot(page, `list-${typeId}`);

      // Positive control: the script is there and mounts when the URL becomes a record.
      const link = page.locator(`[data-sandbox-list="${typeId}"] a[data-spa]`).first();
      const href = await link.getAttribute('href');
      const id = href?.split('/').pop();
      await link.dispatchEvent('click');
      await page.waitForURL(`**${href}`);
      await e2e.waitForSidebar(page, `${typeId}/${id}`);
      expect(await sidebarCount(page)).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('follows pushState navigation between records with one instance only', async () => {
    const dealId = pick('0-3', (deal) => e2e.sandbox.state.associationsOf('0-3', deal.id, '0-1').length > 0);
    const page = await e2e.openRecord('0-3', dealId);
    try {
      await e2e.waitForSidebar(page, `0-3/${dealId}`);
      // A main-world marker survives in-page navigation only (a reload would drop it).
      await page.evaluate(() => Object.assign(window, { __noReload: true }));

      const contactLink = page.locator('[data-association="0-1"] a[data-spa]').first();
      const contactId = (await contactLink.getAttribute('href'))?.split('/').pop();
      expect(contactId).toBeTruthy();
      await contactLink.dispatchEvent('click');
      await page.waitForURL(`**/record/0-1/${contactId}`);
      await expect.poll(() => attr(page, 'data-record'), { timeout: 15_000 }).toBe(`0-1/${contactId}`);
      expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
      expect(await sidebarCount(page)).toBe(1);
      await e2e.screenshot(page, 'pushstate-contact');

      // Back button (popstate) returns the sidebar to the deal.
      await page.goBack();
      await page.waitForURL(`**/record/0-3/${dealId}`);
      await expect.poll(() => attr(page, 'data-record'), { timeout: 15_000 }).toBe(`0-3/${dealId}`);
      expect(await sidebarCount(page)).toBe(1);

      // In-page navigation to a list page leaves no visible sidebar behind.
      await page.locator('a.hs-back[data-spa]').dispatchEvent('click');
      await page.waitForURL('**/objects/0-3/views/all/list');
      await expect.poll(() => e2e.sidebar(page).isVisible(), { timeout: 15_000 }).toBe(false);
      expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('loads the deal from the sandbox API through the background (data-state ready)', async () => {
    const status = await e2e.configureToken();
    expect(status).toBeTruthy();
    const dealId = pick('0-3');
    const page = await e2e.openRecord('0-3', dealId);
    try {
      await e2e.waitForSidebar(page, `0-3/${dealId}`, { state: ['ready'], timeout: 30_000 });
      await e2e.screenshot(page, 'ready-deal');
      expect(e2e.problems(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
