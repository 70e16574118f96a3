/**
 * loadSnapshot / loadPortalMeta against the sandbox serving the reference
 * portal: what each kind of record view loads, and how many requests and
 * sequential waves a cold deal view costs (counted from the sandbox's own
 * request log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { ASSOC, PIPELINE, TYPE } from '../../../sandbox/seed/ids';
import { DEAL } from '../../../sandbox/seed/records/deals';
import { CO } from '../../../sandbox/seed/records/companies';
import { referencePortalSeed } from '../../../sandbox/seed/reference-portal';
import type { SeedData } from '../../../sandbox/seed/types';
import { createHubSpotClient, type HubSpotClient } from '../../../lib/hubspot/client';
import { loadPortalMeta, loadSnapshot, type LoadedSnapshot } from '../../../lib/hubspot/snapshot-loader';
import { defaultPlaybook } from '../../../lib/playbook/default/index';
import type { PortalMeta, RecordRef, Snapshot } from '../../../lib/rules/snapshot';

let sb: Sandbox;
let client: HubSpotClient;
let meta: PortalMeta;

interface LogEntry { method: string; path: string; status: number }

async function sandboxLog(): Promise<LogEntry[]> {
  return ((await (await fetch(`${sb.url}/__sandbox/log`)).json()) as { results: LogEntry[] }).results;
}

async function load(ref: RecordRef, now = Date.now()): Promise<LoadedSnapshot & { log: LogEntry[] }> {
  await fetch(`${sb.url}/__sandbox/log`, { method: 'DELETE' });
  const loaded = await loadSnapshot(client, { ref, playbook: defaultPlaybook, meta, now });
  return { ...loaded, log: await sandboxLog() };
}

const deal = (id: string): RecordRef => ({ objectTypeId: TYPE.deal, id });
const edgesFrom = (s: Snapshot, from: string, toType: string) => s.associations.filter((e) => e.from === from && e.to.startsWith(`${toType}/`));
const seedAssoc = (fromType: string, fromId: string, toType: string) =>
  referencePortalSeed.associations.filter((a) => a.fromType === fromType && a.fromId === fromId && a.toType === toType);

beforeAll(async () => {
  // Generous limits: the suite loads many views back to back.
  sb = await startSandbox({ port: 0, rateLimit: { tenSecond: 10_000, searchPerSecond: 100 } });
  client = createHubSpotClient({ token: 'sandbox-token', baseUrl: sb.url, fetch: globalThis.fetch });
  meta = await loadPortalMeta(client, { playbook: defaultPlaybook });
});
afterAll(async () => {
  await sb.close();
});

describe('loadPortalMeta', () => {
  it('loads pipelines, properties of every playbook object, owners, outcomes, account and schemas', () => {
    expect(meta.portalId).toBe(4471200);
    expect(meta.timeZone).toBe('US/Eastern');
    expect(meta.pipelines[TYPE.deal]!.map((p) => p.label)).toEqual(expect.arrayContaining(['New Business', 'Expansion', 'Upsell']));
    expect(meta.pipelines[TYPE.clientHub]![0]!.stages.map((s) => s.label)).toContain('Call 3');
    expect(meta.pipelines[TYPE.ticket]!.length).toBeGreaterThan(0);
    for (const t of [TYPE.deal, TYPE.contact, TYPE.company, TYPE.ticket, TYPE.call, TYPE.clientHub, TYPE.productSubscription]) {
      expect(meta.properties[t]?.length, t).toBeGreaterThan(0);
    }
    expect(meta.properties[TYPE.call]!.find((p) => p.name === 'hs_activity_type')!.options.map((o) => o.label)).toContain('Check In - Call');
    expect(meta.owners.length).toBeGreaterThan(0);
    expect(meta.callDispositions.map((d) => d.label)).toContain('Connected – Qualified');
    expect(meta.schemas.map((s) => s.name).sort()).toEqual(['client_hub', 'product_subscription']);
  });
});

describe('deal view', () => {
  it('won New Business deal: committee labels, primary company, ticket, notes, attachments (SALES-WON-7/8/9, SOP-1, ACC-7)', async () => {
    const { snapshot: s } = await load(deal(DEAL.brightwater));
    const key = `${TYPE.deal}/${DEAL.brightwater}`;
    const d = s.records[key]!;
    expect(d.properties).toMatchObject({ pipeline: PIPELINE.newBusiness, dealstage: '150100005' });
    expect(Object.keys(d.properties)).toEqual(expect.arrayContaining(['hp_products', 'term_months', 'contract_provisions', 'quoted_rcm_rate']));
    expect(d.history!.dealstage!.length).toBeGreaterThan(1);

    const contacts = edgesFrom(s, key, TYPE.contact);
    expect(contacts).toHaveLength(3);
    expect(contacts.flatMap((e) => e.types.map((t) => t.label))).toEqual(expect.arrayContaining(['Champion', 'Decision Maker']));
    for (const e of contacts) expect(s.records[e.to]!.properties).toHaveProperty('number_of_providers');

    const companies = edgesFrom(s, key, TYPE.company);
    expect(companies[0]!.types.map((t) => t.typeId)).toContain(ASSOC.dealToCompanyPrimary);
    expect(s.records[companies[0]!.to]!.properties).toMatchObject({ name: 'Brightwater Family Medicine' });
    expect(Object.keys(s.records[companies[0]!.to]!.properties)).toEqual(expect.arrayContaining(['business_unit', 'rcm_minimum', 'division']));

    const tickets = edgesFrom(s, key, TYPE.ticket);
    expect(tickets).toHaveLength(1);
    expect(s.records[tickets[0]!.to]!.properties.subject).toMatch(/^Implementation/);

    for (const t of [TYPE.contact, TYPE.company, TYPE.ticket, TYPE.note, TYPE.call, TYPE.email, TYPE.meeting, TYPE.task]) {
      expect(s.loadedAssociations).toContain(`${key}>${t}`);
    }
    const engagements = s.engagements[key]!;
    expect(engagements.some((e) => e.type === 'note' && /#S&(amp;)?OP/.test(e.properties.hs_note_body ?? ''))).toBe(true);
    expect(engagements.some((e) => e.type === 'meeting')).toBe(true);
    const attached = engagements.flatMap((e) => e.attachmentIds);
    expect(attached).toHaveLength(2);
    const names = attached.map((id) => `${s.files[id]!.name}.${s.files[id]!.extension}`);
    expect(names.some((n) => /contract/i.test(n) && n.endsWith('.pdf'))).toBe(true);
    expect(names).toContain('Brightwater Family Medicine_Calculator.xlsx');
    // Plain data: cached in IndexedDB and sent over extension messages as is.
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('open deal: no tickets or files, and emails/meetings skipped once a note after Engaged meets SALES-ENG-4', async () => {
    const { snapshot: s, log } = await load(deal(DEAL.blueHarbor));
    const key = `${TYPE.deal}/${DEAL.blueHarbor}`;
    expect(s.engagements[key]!.some((e) => e.type === 'note')).toBe(true);
    expect(s.loadedAssociations).toEqual(expect.arrayContaining([`${key}>${TYPE.note}`, `${key}>${TYPE.call}`]));
    expect(s.loadedAssociations).not.toContain(`${key}>${TYPE.email}`);
    expect(s.files).toEqual({});
    const paths = log.map((l) => l.path);
    expect(paths).not.toContain(`/crm/v3/objects/${TYPE.email}/batch/read`);
    expect(paths).not.toContain(`/crm/v3/objects/${TYPE.ticket}/batch/read`);
    expect(paths.some((p) => p.startsWith('/files/'))).toBe(false);
  });

  it('open deal whose engagements all predate Engaged: every engagement type is read (SALES-ENG-4)', async () => {
    const { snapshot: s } = await load(deal(DEAL.silverline));
    const key = `${TYPE.deal}/${DEAL.silverline}`;
    for (const t of [TYPE.note, TYPE.call, TYPE.email, TYPE.meeting]) expect(s.loadedAssociations).toContain(`${key}>${t}`);
  });

  it('a meeting read because no note or call met SALES-ENG-4 stays in the snapshot', async () => {
    const { snapshot: s } = await load(deal(DEAL.lakesideGroup));
    const key = `${TYPE.deal}/${DEAL.lakesideGroup}`;
    expect(s.engagements[key]!.map((e) => e.type)).toContain('meeting');
    expect(s.loadedAssociations).toEqual(expect.arrayContaining([`${key}>${TYPE.meeting}`, `${key}>${TYPE.email}`]));
  });

  it('deal in an ungoverned pipeline: only the record (no SALES-* rule applies)', async () => {
    const { snapshot: s, stats } = await load(deal(DEAL.harbor));
    expect(stats.requests).toBe(1);
    expect(Object.keys(s.records)).toEqual([`${TYPE.deal}/${DEAL.harbor}`]);
    expect(s.records[`${TYPE.deal}/${DEAL.harbor}`]!.properties.pipeline).toBe(PIPELINE.salesDefault);
  });

  it('a missing record is HubSpot\'s 404', async () => {
    await expect(load(deal('1'))).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('cold deal view budget', () => {
  /** The Engaged Blue Harbor deal with two more contacts and a second company: 5 contacts, 2 companies. */
  function coldSeed(): SeedData {
    const seed = structuredClone(referencePortalSeed);
    const link = (fromType: string, fromId: string, toType: string, toId: string, typeId: number, back: number) => {
      seed.associations.push(
        { fromType, fromId, toType, toId, types: [{ category: 'HUBSPOT_DEFINED', typeId }] },
        { fromType: toType, fromId: toId, toType: fromType, toId: fromId, types: [{ category: 'HUBSPOT_DEFINED', typeId: back }] },
      );
    };
    const extra = seedAssoc(TYPE.deal, DEAL.silverline, TYPE.contact).slice(0, 2).map((a) => a.toId);
    for (const c of extra) link(TYPE.deal, DEAL.blueHarbor, TYPE.contact, c, ASSOC.dealToContact, ASSOC.contactToDeal);
    link(TYPE.deal, DEAL.blueHarbor, TYPE.company, CO.silverline, ASSOC.dealToCompany, ASSOC.companyToDeal);
    return seed;
  }

  it('≤ 3 sequential waves and ≤ 8 requests with metadata cached', async () => {
    const cold = await startSandbox({ port: 0, seed: coldSeed() });
    try {
      const c = createHubSpotClient({ token: 'sandbox-token', baseUrl: cold.url, fetch: globalThis.fetch });
      await fetch(`${cold.url}/__sandbox/log`, { method: 'DELETE' });
      const { snapshot: s, stats } = await loadSnapshot(c, { ref: deal(DEAL.blueHarbor), playbook: defaultPlaybook, meta, now: Date.now() });
      const log = ((await (await fetch(`${cold.url}/__sandbox/log`)).json()) as { results: LogEntry[] }).results;
      const key = `${TYPE.deal}/${DEAL.blueHarbor}`;
      expect(edgesFrom(s, key, TYPE.contact)).toHaveLength(5);
      expect(edgesFrom(s, key, TYPE.company)).toHaveLength(2);
      expect(log.length).toBe(stats.requests);
      expect(stats.requests).toBeLessThanOrEqual(8);
      expect(stats.waves).toBeLessThanOrEqual(3);
      expect(log.every((l) => l.status === 200)).toBe(true);
    } finally {
      await cold.close();
    }
  });
});

describe('contact view', () => {
  const ELENA = '35100000001';

  it('companies (primary) and their deals for LC-5, own deals for LC-8, subscriptions and Client Hub records for CH-1, duplicates', async () => {
    const { snapshot: s } = await load({ objectTypeId: TYPE.contact, id: ELENA });
    const key = `${TYPE.contact}/${ELENA}`;
    const company = edgesFrom(s, key, TYPE.company).find((e) => e.types.some((t) => t.typeId === ASSOC.contactToCompanyPrimary))!;
    expect(company.to).toBe(`${TYPE.company}/${CO.brightwater}`);
    expect(s.loadedAssociations).toEqual(expect.arrayContaining([`${key}>${TYPE.company}`, `${key}>${TYPE.deal}`, `${company.to}>${TYPE.deal}`]));
    const companyDeals = edgesFrom(s, company.to, TYPE.deal);
    expect(companyDeals.length).toBeGreaterThan(0);
    for (const e of companyDeals) expect(s.records[e.to]!.properties).toHaveProperty('dealstage');

    const subs = edgesFrom(s, key, TYPE.productSubscription);
    expect(subs.length).toBeGreaterThan(0);
    const sub = subs[0]!.to;
    expect(s.loadedAssociations).toEqual(expect.arrayContaining([`${sub}>${TYPE.contact}`, `${sub}>${TYPE.clientHub}`]));
    expect(edgesFrom(s, sub, TYPE.contact).find((e) => e.to === key)!.types.map((t) => t.label)).toContain('Primary Contact');
    const hubs = edgesFrom(s, key, TYPE.clientHub);
    expect(hubs.length).toBeGreaterThan(0);
    for (const h of hubs) expect(s.records[h.to]).toBeDefined();
    expect(s.duplicateCandidates).toEqual([]);
  });

  it('engagements only where an activity rule applies and the activity properties are not recent (LC-4, LEAD-1)', async () => {
    const contacts = referencePortalSeed.objects[TYPE.contact]!;
    const customer = contacts.find((c) => c.properties.lifecyclestage === 'customer')!;
    const { snapshot: a } = await load({ objectTypeId: TYPE.contact, id: customer.id });
    expect(a.engagements[`${TYPE.contact}/${customer.id}`]).toBeUndefined();

    const stale = contacts.find((c) => ['salesqualifiedlead', 'marketingqualifiedlead'].includes(c.properties.lifecyclestage ?? '') &&
      ['hs_last_sales_activity_timestamp', 'notes_last_updated'].every((p) => !c.properties[p] || Date.parse(c.properties[p]!) < Date.now() - 40 * 86_400_000))!;
    expect(stale).toBeDefined();
    const { snapshot: b } = await load({ objectTypeId: TYPE.contact, id: stale.id });
    const key = `${TYPE.contact}/${stale.id}`;
    expect(b.engagements[key]).toBeDefined();
    for (const t of [TYPE.note, TYPE.call, TYPE.email, TYPE.meeting, TYPE.task]) expect(b.loadedAssociations).toContain(`${key}>${t}`);
  });

  it('duplicate candidates by email (ACC-9)', async () => {
    const contacts = referencePortalSeed.objects[TYPE.contact]!;
    const byEmail = new Map<string, string[]>();
    for (const c of contacts) {
      const e = c.properties.email?.trim().toLowerCase();
      if (e) byEmail.set(e, [...(byEmail.get(e) ?? []), c.id]);
    }
    const pair = [...byEmail.values()].find((ids) => ids.length > 1)!;
    expect(pair).toBeDefined();
    const { snapshot: s } = await load({ objectTypeId: TYPE.contact, id: pair[0]! });
    expect(s.duplicateCandidates).toContain(`${TYPE.contact}/${pair[1]}`);
    expect(s.records[`${TYPE.contact}/${pair[1]}`]!.properties.email).toBeTruthy();
  });
});

describe('company view', () => {
  it('hierarchy down from the root with every descendant\'s deals and tickets (ACC-3), contacts with activity (ACC-6)', async () => {
    const { snapshot: s } = await load({ objectTypeId: TYPE.company, id: CO.summit });
    const key = `${TYPE.company}/${CO.summit}`;
    for (const id of [CO.summitPeds, CO.summitOrtho, CO.summitEast]) {
      const k = `${TYPE.company}/${id}`;
      expect(s.records[k], id).toBeDefined();
      expect(s.loadedAssociations).toEqual(expect.arrayContaining([`${k}>${TYPE.company}`, `${k}>${TYPE.deal}`, `${k}>${TYPE.ticket}`]));
    }
    expect(edgesFrom(s, key, TYPE.company).every((e) => e.types.some((t) => t.typeId === ASSOC.parentToChild))).toBe(true);
    const orthoDeals = edgesFrom(s, `${TYPE.company}/${CO.summitOrtho}`, TYPE.deal);
    expect(orthoDeals.length).toBeGreaterThan(0);
    expect(s.records[orthoDeals[0]!.to]!.properties).toHaveProperty('dealstage');
    const contacts = edgesFrom(s, key, TYPE.contact);
    expect(contacts.length).toBeGreaterThan(0);
    expect(s.records[contacts[0]!.to]!.properties).toHaveProperty('hs_last_sales_activity_timestamp');
    expect(s.engagements[key]).toBeDefined();
    expect(s.records[key]!.properties).toHaveProperty('annualrevenue');
  });

  it('the parent chain up to the root from a grandchild, each level whole', async () => {
    const { snapshot: s } = await load({ objectTypeId: TYPE.company, id: CO.summitEast });
    const parentEdge = edgesFrom(s, `${TYPE.company}/${CO.summitEast}`, TYPE.company)[0]!;
    expect(parentEdge.to).toBe(`${TYPE.company}/${CO.summitPeds}`);
    expect(parentEdge.types.map((t) => t.typeId)).toContain(ASSOC.childToParent);
    expect(s.records[`${TYPE.company}/${CO.summit}`]).toBeDefined();
    // The root's other child, so the tree above is complete.
    expect(s.records[`${TYPE.company}/${CO.summitOrtho}`]).toBeDefined();
    expect(s.loadedAssociations).toContain(`${TYPE.company}/${CO.summit}>${TYPE.company}`);
  });

  it('duplicate candidates by domain without www. and by name without suffixes (ACC-9)', async () => {
    const { snapshot: byDomain } = await load({ objectTypeId: TYPE.company, id: CO.lakeside });
    expect(byDomain.duplicateCandidates).toContain(`${TYPE.company}/${CO.lakesideGroup}`);
    const { snapshot: byName } = await load({ objectTypeId: TYPE.company, id: CO.acmeInc });
    expect(byName.duplicateCandidates).toContain(`${TYPE.company}/${CO.acmeLlc}`);
    expect(byName.records[`${TYPE.company}/${CO.acmeLlc}`]!.properties.name).toBe('ACME, LLC');
  });
});

describe('Client Hub and Product Subscription views', () => {
  it('Client Hub: contact, subscription, calls with check-in fields, tasks, emails, stage history (CH-2…CH-8)', async () => {
    const hub = '73100000006';
    const { snapshot: s } = await load({ objectTypeId: TYPE.clientHub, id: hub });
    const key = `${TYPE.clientHub}/${hub}`;
    const rec = s.records[key]!;
    expect(Object.keys(rec.properties)).toEqual(expect.arrayContaining(['contact_ratio', 'last_check_in_date', 'next_contact_date', 'hs_pipeline_stage']));
    expect(rec.history!.hs_pipeline_stage!.length).toBeGreaterThan(0);
    expect(edgesFrom(s, key, TYPE.contact)).toHaveLength(1);
    expect(edgesFrom(s, key, TYPE.productSubscription)).toHaveLength(1);
    for (const t of [TYPE.call, TYPE.email, TYPE.task]) expect(s.loadedAssociations).toContain(`${key}>${t}`);
    const call = s.engagements[key]!.find((e) => e.type === 'call')!;
    expect(call.properties).toMatchObject({ hs_activity_type: expect.any(String), hs_call_disposition: expect.any(String), hs_call_direction: expect.any(String) });
    expect(call.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('Product Subscription: its Primary Contacts (labels) and their Client Hub records (CH-1)', async () => {
    const sub = '73200000001';
    const { snapshot: s } = await load({ objectTypeId: TYPE.productSubscription, id: sub });
    const key = `${TYPE.productSubscription}/${sub}`;
    const primaries = edgesFrom(s, key, TYPE.contact).filter((e) => e.types.some((t) => t.label === 'Primary Contact'));
    expect(primaries).toHaveLength(2);
    const hubs = edgesFrom(s, key, TYPE.clientHub);
    expect(hubs.length).toBeGreaterThanOrEqual(2);
    for (const h of hubs) {
      expect(s.records[h.to]).toBeDefined();
      expect(s.loadedAssociations).toContain(`${h.to}>${TYPE.contact}`);
    }
    for (const p of primaries) expect(s.loadedAssociations).toContain(`${p.to}>${TYPE.clientHub}`);
  });
});
