/**
 * Fix in place, in real Chromium: the inline control of a missing gate item
 * writes the value to HubSpot (the sandbox record changes, read back through
 * its API), and the sidebar then shows the finding met and the gates list
 * and stage path updated — on the deal itself (SALES-PRO-2) and on records
 * associated with it (SALES-ENG-2 on a contact, SALES-POC-1 on the company).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';

// The sandbox's certificate is self-signed (made at start); this test process talks only to it.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const READY_MS = 90_000;
const UPDATE_MS = 60_000;
let e2e: E2E;

interface ApiRecord {
  id: string;
  properties: Record<string, string | null>;
}

/** The sandbox's HubSpot API, as any HubSpot client would call it. */
async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${e2e.sandbox.url}${path}`, { headers: { authorization: 'Bearer sandbox-token' } });
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const readProperty = async (type: string, id: string, property: string) =>
  (await api<ApiRecord>(`/crm/v3/objects/${type}/${id}?properties=${property}`)).properties[property] ?? null;

async function optionValue(type: string, property: string, label: string): Promise<string> {
  const def = await api<{ options: Array<{ label: string; value: string }> }>(`/crm/v3/properties/${type}/${property}`);
  const option = def.options.find((o) => o.label === label);
  if (!option) throw new Error(`${type}.${property} has no option "${label}"`);
  return option.value;
}

/** The finding cards of a rule, with their statuses. */
const statusesOf = (root: Locator, rule: string) =>
  root.locator(`[data-rule-id="${rule}"]`).evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));

/** Rule IDs of the open (not met) cards of a section. */
const openIn = (root: Locator, section: string) =>
  root.locator(`[data-section="${section}"] > [data-rule-id]`).evaluateAll((els) => els.map((el) => el.getAttribute('data-rule-id')));

/** "… · 9 open" of the current stage in the stage path → 9 (0 when none). */
async function openOnCurrentStage(root: Locator): Promise<number> {
  const text = (await root.locator('[data-section="stage"] [data-stage-state="current"]').textContent()) ?? '';
  const m = /(\d+) open/.exec(text);
  return m ? Number(m[1]) : 0;
}

async function openDeal(id: string): Promise<{ page: Page; root: Locator }> {
  const page = await e2e.openRecord('0-3', id);
  const root = await e2e.waitForSidebar(page, `0-3/${id}`, { state: ['ready'], timeout: READY_MS });
  return { page, root };
}

beforeAll(async () => {
  e2e = await startE2E();
  await e2e.configureToken();
});
afterAll(async () => {
  await e2e?.close();
});

describe('fix in place', () => {
  it('SALES-PRO-2: choosing "Approved" on a Proposal deal writes Deal Approval Status, the gate turns met and the gates list and stage path update', async () => {
    const dealId = '92100000009'; // Clearview: Proposal, approval Pending
    const approved = await optionValue('deals', 'deal_approval_status', 'Approved');
    expect(await readProperty('deals', dealId, 'deal_approval_status')).not.toBe(approved);

    const { page, root } = await openDeal(dealId);
    try {
      expect(await statusesOf(root, 'SALES-PRO-2')).toEqual(['missing']);
      expect(await openIn(root, 'next')).toContain('SALES-PRO-2');
      const openBefore = await openOnCurrentStage(root);
      expect(openBefore).toBeGreaterThan(0);

      const form = root.locator('[data-rule-id="SALES-PRO-2"] form[data-fix-property="deal_approval_status"]');
      const select = form.locator('select');
      // The control offers only what the rule accepts.
      const offered = await select.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value).filter(Boolean));
      expect(offered).toEqual([approved]);
      await select.selectOption({ label: 'Approved' });
      await form.locator('button[type="submit"]').click();

      // HubSpot (the sandbox) has the value.
      await expect.poll(() => readProperty('deals', dealId, 'deal_approval_status'), { timeout: UPDATE_MS }).toBe(approved);
      // The sidebar reloads the view: the gate is met and leaves the open list; the stage has one item less open.
      await expect.poll(() => statusesOf(root, 'SALES-PRO-2'), { timeout: UPDATE_MS }).toEqual(['met']);
      expect(await openIn(root, 'next')).not.toContain('SALES-PRO-2');
      expect(await root.locator('[data-section="next"] details.sop-met [data-rule-id="SALES-PRO-2"]').count()).toBe(1);
      expect(await openOnCurrentStage(root)).toBe(openBefore - 1);
      await expect.poll(() => root.getAttribute('data-state')).toBe('ready');
      // Nothing left waiting in the outbox.
      expect(await root.locator('[data-section="outbox"] [data-outbox-id]').count()).toBe(0);
      expect(e2e.problems(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);

  it('SALES-ENG-2: Number of Providers is saved on the associated contact chosen in the control, and the gate turns met', async () => {
    const dealId = '92100000007'; // Silverline: Engaged, no Number of Providers on its contacts
    const { page, root } = await openDeal(dealId);
    try {
      expect(await statusesOf(root, 'SALES-ENG-2')).toEqual(['missing']);
      const form = root.locator('[data-rule-id="SALES-ENG-2"] form[data-fix-property="number_of_providers"]');
      // The contacts of the deal, as the sandbox has them.
      const contacts = e2e.sandbox.state.associationsOf('0-3', dealId, '0-1').map((a) => a.toObjectId);
      expect(contacts.length).toBeGreaterThan(0);

      // Where the value goes: a "Save on" choice among the deal's contacts, or the one contact named.
      const target = form.locator('select[id$="-target"]');
      let contactId: string;
      if ((await target.count()) > 0) {
        const labels = await target.locator('option').allTextContents();
        expect(labels.length).toBe(contacts.length);
        await target.selectOption({ index: labels.length - 1 });
        const link = await form.locator('.sop-fix__target a').count();
        expect(link).toBe(0);
        // The chosen contact, by its name in the sandbox.
        const chosen = labels[labels.length - 1] ?? '';
        const match = contacts.find((id) => {
          const p = e2e.sandbox.state.getObject('0-1', id)?.properties ?? {};
          return chosen.includes(`${p.firstname ?? ''} ${p.lastname ?? ''}`.trim());
        });
        expect(match, `a contact of the deal is named "${chosen}"`).toBeTruthy();
        contactId = match as string;
      } else {
        expect(contacts.length).toBe(1);
        contactId = contacts[0] as string;
      }
      expect(await readProperty('contacts', contactId, 'number_of_providers')).toBeNull();

      await form.locator('input[type="number"]').fill('14');
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => readProperty('contacts', contactId, 'number_of_providers'), { timeout: UPDATE_MS }).toBe('14');
      // Written on the contact, never on the deal.
      expect(await readProperty('deals', dealId, 'number_of_providers').catch(() => null)).toBeNull();
      await expect.poll(() => statusesOf(root, 'SALES-ENG-2'), { timeout: UPDATE_MS }).toEqual(['met']);
      expect(await openIn(root, 'next')).not.toContain('SALES-ENG-2');
      expect(e2e.problems(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);

  it('SALES-POC-1: Business Unit is saved on the deal\'s company, and the gate turns met', async () => {
    const dealId = '92100000011'; // Maple Grove: Partner of Choice, company without Business Unit
    const companyId = e2e.sandbox.state.associationsOf('0-3', dealId, '0-2')[0]?.toObjectId;
    expect(companyId).toBeTruthy();
    expect(await readProperty('companies', companyId as string, 'business_unit')).toBeNull();

    const { page, root } = await openDeal(dealId);
    try {
      expect(await statusesOf(root, 'SALES-POC-1')).toEqual(['missing']);
      const form = root.locator('[data-rule-id="SALES-POC-1"] form[data-fix-property="business_unit"]');
      // The control says where the value is saved: a link to the company's record.
      const href = await form.locator('.sop-fix__target a').getAttribute('href');
      expect(href).toMatch(new RegExp(`/record/0-2/${companyId}$`));

      const select = form.locator('select');
      const options = await select.locator('option').evaluateAll((els) =>
        els.map((el) => ({ value: (el as HTMLOptionElement).value, label: el.textContent ?? '' })).filter((o) => o.value),
      );
      expect(options.length).toBeGreaterThan(0);
      const pick = options[0] as { value: string; label: string };
      await select.selectOption(pick.value);
      await form.locator('button[type="submit"]').click();

      await expect.poll(() => readProperty('companies', companyId as string, 'business_unit'), { timeout: UPDATE_MS }).toBe(pick.value);
      await expect.poll(() => statusesOf(root, 'SALES-POC-1'), { timeout: UPDATE_MS }).toEqual(['met']);
      expect(await openIn(root, 'next')).not.toContain('SALES-POC-1');
      // The S&OP checklist reads the same company: its Business Unit row is now known.
      const row = root.locator('[data-section="sop"] tr', { hasText: 'Business Unit' });
      await expect.poll(() => row.getAttribute('data-known'), { timeout: UPDATE_MS }).toBe('true');
      expect(e2e.problems(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);
});
