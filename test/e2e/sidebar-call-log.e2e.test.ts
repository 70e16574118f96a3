/**
 * The guided call log on Client Hub records, in real Chromium (CH-2, CH-3,
 * CH-5, CH-8): the form offers exactly the portal's outcomes and call types
 * and the playbook's directions; a check-in is created in HubSpot (the
 * sandbox) with the right properties and associations (the Client Hub record
 * and its primary contact); the "where it goes next" preview, applied, moves
 * the record; a call that is not a check-in is logged but moves nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';
import { defaultPlaybook } from '../../lib/playbook/default';

// The sandbox's certificate is self-signed (made at start); this test process talks only to it.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const HUB = '2-9000101';
const READY_MS = 90_000;
const UPDATE_MS = 60_000;
let e2e: E2E;

interface ApiRecord {
  id: string;
  properties: Record<string, string | null>;
}
interface LogEntry {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${e2e.sandbox.url}${path}`, { headers: { authorization: 'Bearer sandbox-token' } });
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Calls created through the API since the sandbox started (request log). */
async function createdCalls(): Promise<LogEntry[]> {
  const log = await api<{ results: LogEntry[] }>('/__sandbox/log?limit=10000');
  return log.results.filter((e) => e.method === 'POST' && /^\/crm\/v3\/objects\/(calls|call|0-48)\/?$/i.test(e.path) && e.status === 201);
}

const dayInZone = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
const plusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function openHub(id: string): Promise<{ page: Page; root: Locator; form: Locator }> {
  const page = await e2e.openRecord(HUB, id);
  const root = await e2e.waitForSidebar(page, `${HUB}/${id}`, { state: ['ready'], timeout: READY_MS });
  return { page, root, form: root.locator('[data-section="call-log"] form') };
}

const optionsOf = (select: Locator) =>
  select.locator('option').evaluateAll((els) =>
    els.map((el) => ({ value: (el as HTMLOptionElement).value, label: (el.textContent ?? '').trim() })).filter((o) => o.value !== ''),
  );

const primaryContactOf = (hubId: string) => e2e.sandbox.state.associationsOf(HUB, hubId, '0-1').map((a) => a.toObjectId);

beforeAll(async () => {
  e2e = await startE2E();
  await e2e.configureToken();
});
afterAll(async () => {
  await e2e?.close();
});

describe('guided call log on a Client Hub record', () => {
  it('CH-2/CH-3: offers exactly the portal\'s call outcomes and call types, and the playbook\'s directions with the portal\'s labels', async () => {
    const dispositions = await api<Array<{ id: string; label: string }>>('/calling/v1/dispositions');
    const types = await api<{ options: Array<{ value: string; label: string; hidden?: boolean }> }>('/crm/v3/properties/calls/hs_activity_type');
    const directions = await api<{ options: Array<{ value: string; label: string }> }>('/crm/v3/properties/calls/hs_call_direction');
    const allowedDirections = defaultPlaybook.callLog?.directions ?? [];

    const { page, form } = await openHub('73100000002');
    try {
      const byValue = (a: { value: string }, b: { value: string }) => a.value.localeCompare(b.value);
      expect((await optionsOf(form.locator('#sop-call-outcome'))).sort(byValue)).toEqual(
        dispositions.map((d) => ({ value: d.id, label: d.label })).sort(byValue),
      );
      expect((await optionsOf(form.locator('#sop-call-type'))).sort(byValue)).toEqual(
        types.options.filter((o) => !o.hidden).map((o) => ({ value: o.value, label: o.label })).sort(byValue),
      );
      expect((await optionsOf(form.locator('#sop-call-direction'))).sort(byValue)).toEqual(
        directions.options.filter((o) => allowedDirections.includes(o.value)).map((o) => ({ value: o.value, label: o.label })).sort(byValue),
      );

      // The form says which calls are check-ins (CH-2) and which are not (CH-3).
      const kind = form.locator('[data-check-in]');
      const connected = dispositions.find((d) => d.label === 'Connected')?.id ?? '';
      await form.locator('#sop-call-outcome').selectOption(connected);
      await form.locator('#sop-call-type').selectOption({ label: 'Check In - WhatsApp' });
      await form.locator('#sop-call-direction').selectOption('INBOUND');
      await expect.poll(() => kind.getAttribute('data-check-in')).toBe('true');
      await form.locator('#sop-call-type').selectOption({ label: 'Support' });
      await expect.poll(() => kind.getAttribute('data-check-in')).toBe('false');
      await form.locator('#sop-call-type').selectOption({ label: 'Check In - Call' });
      await form.locator('#sop-call-outcome').selectOption({ label: 'Connected – Qualified' });
      await expect.poll(() => kind.getAttribute('data-check-in')).toBe('false');

      // An incomplete form is not sent: every missing field says so.
      await form.locator('#sop-call-body').fill('');
      await form.locator('#sop-call-outcome').selectOption('');
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => form.locator('.sop-error-text').count()).toBeGreaterThanOrEqual(2);
      expect(await form.locator('#sop-call-outcome').getAttribute('aria-invalid')).toBe('true');
      expect(await createdCalls()).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);

  it('CH-2, CH-8, CH-5: a check-in is created with the right properties and associations, and the previewed move, applied, updates the record', async () => {
    const hubId = '73100000003'; // Call 1, overdue; Contact Ratio 2 weeks
    const before = await api<ApiRecord>(`/crm/v3/objects/${HUB}/${hubId}?properties=hs_pipeline_stage,contact_ratio,last_check_in_date,next_contact_date`);
    expect(before.properties.contact_ratio).toBe('2_weeks');
    const contacts = primaryContactOf(hubId);
    expect(contacts.length).toBe(1);
    const dispositions = await api<Array<{ id: string; label: string }>>('/calling/v1/dispositions');
    const connected = dispositions.find((d) => d.label === 'Connected')?.id;
    expect(connected).toBeTruthy();
    const pipeline = await api<{ stages: Array<{ id: string; label: string }> }>(`/crm/v3/pipelines/${HUB}/88120001`);
    const summary = pipeline.stages.find((s) => s.label === 'Summary of Call');
    expect(summary).toBeTruthy();
    const callsBefore = (await createdCalls()).length;

    const { page, root, form } = await openHub(hubId);
    try {
      expect(await root.locator('[data-rule-id="CH-6"]').getAttribute('data-status')).toBe('violation');
      const body = 'Monthly check-in: claims backlog cleared & new provider onboarded.\nAsked for the "claims < 30 days" report.';
      // HubSpot renders hs_call_body as HTML: the typed text arrives escaped, its line break as <br>.
      const bodyHtml = 'Monthly check-in: claims backlog cleared &amp; new provider onboarded.<br>Asked for the &quot;claims &lt; 30 days&quot; report.';
      await form.locator('#sop-call-outcome').selectOption(connected as string);
      await form.locator('#sop-call-type').selectOption({ label: 'Check In - Call' });
      await form.locator('#sop-call-direction').selectOption('OUTBOUND');
      await form.locator('#sop-call-body').fill(body);
      await expect.poll(() => form.locator('[data-check-in]').getAttribute('data-check-in')).toBe('true');
      const submittedAt = Date.now();
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => form.locator('.sop-fix__msg').textContent(), { timeout: UPDATE_MS }).toBe('Call logged in HubSpot.');

      // One call in HubSpot, with the form's values.
      const calls = await createdCalls();
      expect(calls.length).toBe(callsBefore + 1);
      const request = calls[calls.length - 1] as LogEntry;
      const sent = request.body as { properties: Record<string, string>; associations: Array<{ to: { id: string }; types: Array<{ associationCategory: string; associationTypeId: number }> }> };
      const created = e2e.sandbox.state.listObjects('0-48').filter((c) => (c.properties.hs_call_body ?? '').includes('claims backlog cleared'));
      expect(created.length).toBe(1);
      const callId = (created[0] as { id: string }).id;
      const call = await api<ApiRecord>(`/crm/v3/objects/calls/${callId}?properties=hs_call_disposition,hs_activity_type,hs_call_direction,hs_call_body,hs_timestamp`);
      expect(call.properties.hs_call_disposition).toBe(connected);
      expect(call.properties.hs_activity_type).toBe('Check In - Call');
      expect(call.properties.hs_call_direction).toBe('OUTBOUND');
      // The breakdown as typed, as HTML text (the outbox adds only its idempotency marker, an HTML comment).
      expect(call.properties.hs_call_body?.startsWith(bodyHtml)).toBe(true);
      expect(call.properties.hs_call_body?.slice(bodyHtml.length).trim()).toMatch(/^(<!--[^]*?-->)?$/);
      expect(sent.properties.hs_call_body).toBe(call.properties.hs_call_body);
      const at = Date.parse(call.properties.hs_timestamp ?? '');
      // The form's "When" defaults to now (minute precision).
      expect(Math.abs(at - submittedAt)).toBeLessThan(5 * 60_000);

      // Associated with the Client Hub record and its primary contact.
      const toHub = await api<{ results: Array<{ toObjectId: number }> }>(`/crm/v4/objects/calls/${callId}/associations/${HUB}`);
      const toContacts = await api<{ results: Array<{ toObjectId: number }> }>(`/crm/v4/objects/calls/${callId}/associations/contacts`);
      expect(toHub.results.map((r) => String(r.toObjectId))).toEqual([hubId]);
      expect(toContacts.results.map((r) => String(r.toObjectId)).sort()).toEqual([...contacts].sort());
      expect(sent.associations.map((a) => a.to.id).sort()).toEqual([hubId, ...contacts].sort());

      // "Where it goes next" (CH-8): Summary of Call, with the apply button.
      const preview = root.locator('[data-cadence-preview]');
      await preview.waitFor({ timeout: UPDATE_MS });
      expect(await preview.getAttribute('data-cadence-preview')).toBe('moves');
      expect(await preview.locator('[data-next-stage]').textContent()).toContain('Summary of Call');
      await preview.locator('[data-action="apply-cadence"]').click();

      const day = dayInZone(at, e2e.sandbox.state.account.timeZone);
      const read = () => api<ApiRecord>(`/crm/v3/objects/${HUB}/${hubId}?properties=hs_pipeline_stage,last_check_in_date,next_contact_date`);
      await expect.poll(async () => (await read()).properties.hs_pipeline_stage, { timeout: UPDATE_MS }).toBe(summary?.id);
      const after = await read();
      expect(after.properties.last_check_in_date).toBe(day);
      expect(after.properties.next_contact_date).toBe(plusDays(day, 14));

      // The sidebar follows: the record is in Summary of Call, no longer overdue in a call stage.
      const stage = root.locator('[data-section="cadence"] .sop-facts dd').first();
      await expect.poll(() => stage.textContent(), { timeout: UPDATE_MS }).toBe('Summary of Call');
      expect(await root.locator('[data-rule-id="CH-6"]').count()).toBe(0);
      expect(await root.locator('[data-overdue]').count()).toBe(0);
      expect(e2e.problems(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);

  it('CH-3: a call that is not a check-in is logged (with its associations) but the record stays where it is', async () => {
    const hubId = '73100000005'; // Call 2, overdue
    const stageBefore = (await api<ApiRecord>(`/crm/v3/objects/${HUB}/${hubId}?properties=hs_pipeline_stage`)).properties.hs_pipeline_stage;
    const callsBefore = (await createdCalls()).length;
    const { page, root, form } = await openHub(hubId);
    try {
      await form.locator('#sop-call-outcome').selectOption({ label: 'Connected' });
      await form.locator('#sop-call-type').selectOption({ label: 'Support' });
      await form.locator('#sop-call-direction').selectOption('INBOUND');
      await form.locator('#sop-call-body').fill('Client called about a billing question.');
      await expect.poll(() => form.locator('[data-check-in]').getAttribute('data-check-in')).toBe('false');
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => form.locator('.sop-fix__msg').textContent(), { timeout: UPDATE_MS }).toBe('Call logged in HubSpot.');

      const calls = await createdCalls();
      expect(calls.length).toBe(callsBefore + 1);
      const sent = (calls[calls.length - 1] as LogEntry).body as { properties: Record<string, string>; associations: Array<{ to: { id: string } }> };
      expect(sent.properties.hs_activity_type).toBe('Support');
      expect(sent.properties.hs_call_direction).toBe('INBOUND');
      expect(sent.associations.map((a) => a.to.id).sort()).toEqual([hubId, ...primaryContactOf(hubId)].sort());

      const preview = root.locator('[data-cadence-preview]');
      await preview.waitFor({ timeout: UPDATE_MS });
      expect(await preview.getAttribute('data-cadence-preview')).toBe('stays');
      expect(await preview.locator('[data-action="apply-cadence"]').count()).toBe(0);
      expect((await api<ApiRecord>(`/crm/v3/objects/${HUB}/${hubId}?properties=hs_pipeline_stage`)).properties.hs_pipeline_stage).toBe(stageBefore);
      expect(e2e.problems(page).errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);
});
