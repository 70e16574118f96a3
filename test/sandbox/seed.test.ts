/**
 * The reference portal's seed is a coherent HubSpot portal: metadata exactly
 * as ../shared/REFERENCE-PORTAL.md, every association end present, stage ids
 * in their record's pipeline, enumeration values among the options, every
 * property defined, owners resolvable (but for the deliberate exceptions),
 * dates in one style per property type.
 */
import { describe, expect, it } from 'vitest';
import { buildReferencePortalSeed, referencePortalSeed } from '../../sandbox/seed/reference-portal';
import { ASSOC, DISPOSITION, OWNER, TYPE, UNKNOWN_OWNER } from '../../sandbox/seed/ids';
import type { SeedData } from '../../sandbox/seed/types';

const NOW = new Date('2025-06-18T14:30:00Z');
const seed = buildReferencePortalSeed(NOW);

const ENGAGEMENT_TYPES: string[] = [TYPE.note, TYPE.call, TYPE.email, TYPE.meeting, TYPE.task];

/** Values that break their property's options on purpose, each shown in sandbox/README.md. */
const DELIBERATE_BAD_OPTIONS = [
  `${TYPE.company}/27100000012/type=RESELLER`, // ACC-2: an account type outside the four
  `${TYPE.company}/27100000014/hubspot_owner_id=${UNKNOWN_OWNER}`, // REC-3
  `${TYPE.company}/27100000014/account_executive=${UNKNOWN_OWNER}`, // ACC-4
  `${TYPE.contact}/35100000090/hubspot_owner_id=${UNKNOWN_OWNER}`, // REC-3
];

function propertyMap(s: SeedData, type: string) {
  return new Map((s.properties[type] ?? []).map((p) => [p.name, p]));
}

function stagesOf(s: SeedData, type: string): Map<string, Set<string>> {
  return new Map((s.pipelines[type] ?? []).map((p) => [p.id, new Set(p.stages.map((st) => st.id))]));
}

describe('reference portal seed: metadata', () => {
  it('account is portal 4471200 on US/Eastern, USD, na1, app.hubspot.com', () => {
    expect(seed.account).toEqual({
      portalId: 4471200, timeZone: 'US/Eastern', companyCurrency: 'USD', dataHostingLocation: 'na1', uiDomain: 'app.hubspot.com',
    });
  });

  it('tokens: full access, read-only (no write scope) and expired', () => {
    const byToken = new Map(seed.tokens.map((t) => [t.token, t]));
    const full = byToken.get('sandbox-token');
    const readOnly = byToken.get('sandbox-readonly-token');
    for (const scope of ['crm.objects.deals.read', 'crm.objects.deals.write', 'crm.objects.contacts.write', 'crm.objects.custom.write', 'crm.schemas.custom.read', 'files']) {
      expect(full?.scopes).toContain(scope);
    }
    expect(full?.expired).toBeFalsy();
    expect(readOnly?.scopes).toContain('crm.objects.deals.read');
    expect(readOnly?.scopes.filter((s) => s.endsWith('.write') || s === 'files' || s === 'tickets')).toEqual([]);
    expect(byToken.get('sandbox-expired-token')?.expired).toBe(true);
  });

  it('at least five owners with numeric string ids, including the account team', () => {
    expect(seed.owners.length).toBeGreaterThanOrEqual(5);
    for (const o of seed.owners) expect(o.id).toMatch(/^\d+$/);
    for (const id of [OWNER.ae, OWNER.se, OWNER.csm]) expect(seed.owners.some((o) => o.id === id)).toBe(true);
    expect(new Set(seed.owners.map((o) => o.email)).size).toBe(seed.owners.length);
    expect(seed.owners.every((o) => /^[a-z.]+@healthprime\.example$/.test(o.email))).toBe(true);
  });

  it('deal pipelines: the three governed ones with the documented stage ids and labels (en dashes), plus default', () => {
    const deals = seed.pipelines[TYPE.deal] ?? [];
    const labels = ['Sales Qualified Lead (SQL)', 'Engaged', 'Proposal', 'Partner of Choice', 'Closed – Won', 'Closed – Lost'];
    for (const [id, label, prefix] of [['78110001', 'New Business', '1501'], ['78110002', 'Expansion', '1502'], ['78110003', 'Upsell', '1503']] as const) {
      const p = deals.find((x) => x.id === id);
      expect(p?.label).toBe(label);
      expect(p?.stages.map((s) => s.label)).toEqual(labels);
      expect(p?.stages.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${prefix}0000${n}`));
      expect(p?.stages.map((s) => s.metadata.isClosed)).toEqual(['false', 'false', 'false', 'false', 'true', 'true']);
      expect(p?.stages.map((s) => Number(s.metadata.probability))).toEqual([0.1, 0.3, 0.5, 0.8, 1, 0]);
      expect(p?.stages.map((s) => s.displayOrder)).toEqual([0, 1, 2, 3, 4, 5]);
    }
    const def = deals.find((x) => x.id === 'default');
    expect(def?.label).toBe('Sales Pipeline');
    expect(def?.stages.map((s) => s.label)).toEqual([
      'Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled', 'Decision Maker Bought-In', 'Contract Sent', 'Closed Won', 'Closed Lost',
    ]);
  });

  it('ticket pipeline 0 is Implementation (New 1, In Progress 2, Done 4 closed); Client Hub pipeline 88120001', () => {
    const t = seed.pipelines[TYPE.ticket]?.[0];
    expect(t?.id).toBe('0');
    expect(t?.label).toBe('Implementation');
    expect(t?.stages.map((s) => [s.id, s.label, s.metadata.isClosed])).toEqual([['1', 'New', 'false'], ['2', 'In Progress', 'false'], ['4', 'Done', 'true']]);
    const ch = seed.pipelines[TYPE.clientHub]?.[0];
    expect(ch?.id).toBe('88120001');
    expect(ch?.label).toBe('Client Hub');
    expect(ch?.stages.map((s) => `${s.id}=${s.label}`)).toEqual([
      '160100001=Call Preparation', '160100002=Call 1', '160100003=Call 2', '160100004=Call 3',
      '160100005=Summary of Call', '160100006=Summary – Not Connected', '160100007=Completed',
    ]);
  });

  it('every documented property exists with its type and options', () => {
    const expectProp = (type: string, name: string, t: string, options?: string[]) => {
      const p = propertyMap(seed, type).get(name);
      expect(p, `${type} ${name}`).toBeDefined();
      expect(p?.type, `${type} ${name}`).toBe(t);
      if (options) expect(p?.options.map((o) => o.value), `${type} ${name}`).toEqual(options);
      for (const o of p?.options ?? []) expect(o.hidden).toBe(false);
    };
    expectProp(TYPE.deal, 'hp_products', 'enumeration', ['rcm', 'credentialing', 'coding', 'it_services', 'patient_engagement']);
    expect(propertyMap(seed, TYPE.deal).get('hp_products')?.fieldType).toBe('checkbox');
    expectProp(TYPE.deal, 'contract_status', 'enumeration', ['not_started', 'proposal_sent', 'proposal_signed']);
    expectProp(TYPE.deal, 'deal_lost_reason_category', 'enumeration', ['price', 'competitor', 'timing', 'no_decision', 'bad_fit', 'other']);
    expectProp(TYPE.deal, 'target_go_live_date', 'date');
    expectProp(TYPE.deal, 'closedate', 'datetime');
    expectProp(TYPE.deal, 'hubspot_owner_id', 'enumeration', seed.owners.map((o) => o.id));
    expectProp(TYPE.contact, 'lifecyclestage', 'enumeration', [
      'target', 'marketingqualifiedlead', 'salesqualifiedlead', 'customer', 'exclude_from_marketing', 'additional_sales_contact', 'recycled',
    ]);
    expectProp(TYPE.contact, 'hs_email_optout', 'bool');
    expectProp(TYPE.contact, 'seniority_level', 'enumeration', ['c_level', 'vp', 'director', 'manager', 'individual_contributor']);
    expectProp(TYPE.company, 'type', 'enumeration', ['PROSPECT', 'CUSTOMER', 'PARTNER', 'COMPETITOR']);
    expectProp(TYPE.company, 'sla_tier', 'enumeration', ['gold', 'silver', 'bronze']);
    for (const role of ['account_executive', 'solution_engineer', 'customer_success_manager']) {
      expectProp(TYPE.company, role, 'enumeration', seed.owners.map((o) => o.id));
    }
    expectProp(TYPE.company, 'hs_parent_company_id', 'number');
    expectProp(TYPE.call, 'hs_activity_type', 'enumeration', ['Check In - Call', 'Check In - WhatsApp', 'Discovery', 'Follow-up', 'Support']);
    expectProp(TYPE.call, 'hs_call_direction', 'enumeration', ['INBOUND', 'OUTBOUND']);
    expectProp(TYPE.note, 'hs_note_body', 'string');
    expectProp(TYPE.note, 'hs_timestamp', 'datetime');
    expectProp(TYPE.clientHub, 'contact_ratio', 'enumeration', ['1_week', '2_weeks', '1_month', '2_months', '3_months', '6_months']);
    expectProp(TYPE.clientHub, 'next_contact_date', 'date');
    expectProp(TYPE.productSubscription, 'status', 'enumeration', ['active', 'paused', 'cancelled']);
    expect(propertyMap(seed, TYPE.deal).get('dealstage')?.options.map((o) => o.value)).toContain('150300006');
  });

  it('schemas name the two custom objects; call outcomes are HubSpot\'s six plus the portal\'s own', () => {
    expect(seed.schemas.map((s) => [s.objectTypeId, s.name, s.primaryDisplayProperty])).toEqual([
      ['2-9000101', 'client_hub', 'hs_object_id'],
      ['2-9000102', 'product_subscription', 'product_name'],
    ]);
    expect(seed.callDispositions).toHaveLength(7);
    expect(seed.callDispositions.find((d) => d.id === DISPOSITION.connected)?.label).toBe('Connected');
    expect(seed.callDispositions.find((d) => d.id === '3c1f5d7e-0b7a-4e55-9d3c-6a2f1b8e9c01')?.label).toBe('Connected – Qualified');
  });

  it('association labels: HubSpot-defined ids and the portal\'s Champion/Influencer/Decision Maker/Blocker and Primary Contact', () => {
    const find = (from: string, to: string, typeId: number) =>
      seed.associationLabels.find((l) => l.fromType === from && l.toType === to && l.typeId === typeId);
    for (const [from, to, id] of [
      [TYPE.deal, TYPE.contact, 3], [TYPE.contact, TYPE.deal, 4], [TYPE.deal, TYPE.company, 341], [TYPE.deal, TYPE.company, 5],
      [TYPE.company, TYPE.deal, 342], [TYPE.company, TYPE.deal, 6], [TYPE.contact, TYPE.company, 279], [TYPE.contact, TYPE.company, 1],
      [TYPE.company, TYPE.contact, 280], [TYPE.company, TYPE.contact, 2], [TYPE.company, TYPE.company, 13], [TYPE.company, TYPE.company, 14],
      [TYPE.deal, TYPE.ticket, 27], [TYPE.ticket, TYPE.deal, 28], [TYPE.call, TYPE.contact, 194], [TYPE.call, TYPE.company, 182],
      [TYPE.call, TYPE.deal, 206], [TYPE.note, TYPE.contact, 202], [TYPE.note, TYPE.company, 190], [TYPE.note, TYPE.deal, 214],
    ] as const) {
      expect(find(from, to, id)?.category, `${from}→${to} ${id}`).toBe('HUBSPOT_DEFINED');
    }
    for (const [id, label] of [[101, 'Champion'], [102, 'Influencer'], [103, 'Decision Maker'], [104, 'Blocker']] as const) {
      expect(find(TYPE.deal, TYPE.contact, id)).toMatchObject({ category: 'USER_DEFINED', label });
      expect(find(TYPE.contact, TYPE.deal, id + 4)).toMatchObject({ category: 'USER_DEFINED', label });
    }
    expect(find(TYPE.productSubscription, TYPE.contact, 201)).toMatchObject({ category: 'USER_DEFINED', label: 'Primary Contact' });
    expect(find(TYPE.contact, TYPE.productSubscription, 202)).toMatchObject({ category: 'USER_DEFINED', label: 'Primary Contact' });
    for (const l of seed.associationLabels) {
      if (l.category === 'USER_DEFINED') expect(l.label).toBeTruthy();
    }
  });
});

describe('reference portal seed: records', () => {
  const index = new Map<string, SeedData['objects'][string][number]>();
  for (const [type, list] of Object.entries(seed.objects)) for (const o of list) index.set(`${type}/${o.id}`, o);
  const all = [...index.entries()].map(([key, o]) => ({ type: key.slice(0, key.lastIndexOf('/')), o }));

  it('holds at least 60 CRM records besides engagements, with unique HubSpot-like numeric ids', () => {
    const records = all.filter(({ type }) => !ENGAGEMENT_TYPES.includes(type));
    expect(records.length).toBeGreaterThanOrEqual(60);
    for (const list of Object.values(seed.objects)) expect(new Set(list.map((o) => o.id)).size).toBe(list.length);
    for (const { o } of all) {
      expect(o.id).toMatch(/^[1-9]\d{9,11}$/);
      expect(o.properties.hs_object_id).toBe(o.id);
    }
  });

  it('every association end exists and every association type is a defined label', () => {
    const defined = new Set(seed.associationLabels.map((l) => `${l.fromType}>${l.toType}>${l.typeId}>${l.category}`));
    for (const a of seed.associations) {
      expect(index.has(`${a.fromType}/${a.fromId}`), `from ${a.fromType}/${a.fromId}`).toBe(true);
      expect(index.has(`${a.toType}/${a.toId}`), `to ${a.toType}/${a.toId}`).toBe(true);
      expect(a.types.length).toBeGreaterThan(0);
      for (const t of a.types) expect(defined.has(`${a.fromType}>${a.toType}>${t.typeId}>${t.category}`), JSON.stringify(a)).toBe(true);
    }
  });

  it('a labelled deal→contact association also carries the unlabelled type 3, as HubSpot reports it', () => {
    const labelled = seed.associations.filter((a) => a.fromType === TYPE.deal && a.toType === TYPE.contact && a.types.some((t) => t.category === 'USER_DEFINED'));
    expect(labelled.length).toBeGreaterThan(20);
    for (const a of labelled) expect(a.types.some((t) => t.typeId === ASSOC.dealToContact && t.category === 'HUBSPOT_DEFINED')).toBe(true);
  });

  it('stage ids belong to the record\'s pipeline; history is newest first and ends at the current value', () => {
    const checks: Array<[string, string, string]> = [
      [TYPE.deal, 'pipeline', 'dealstage'], [TYPE.ticket, 'hs_pipeline', 'hs_pipeline_stage'], [TYPE.clientHub, 'hs_pipeline', 'hs_pipeline_stage'],
    ];
    for (const [type, pipelineProp, stageProp] of checks) {
      const stages = stagesOf(seed, type);
      for (const o of seed.objects[type] ?? []) {
        const pipeline = o.properties[pipelineProp] ?? '';
        expect(stages.get(pipeline)?.has(o.properties[stageProp] ?? ''), `${type}/${o.id}`).toBe(true);
        const history = o.history?.[stageProp];
        if (!history) continue;
        expect(history[0]?.value, `${type}/${o.id} history head`).toBe(o.properties[stageProp]);
        for (const h of history) expect(stages.get(pipeline)?.has(h.value), `${type}/${o.id} history ${h.value}`).toBe(true);
        const times = history.map((h) => Date.parse(h.timestamp));
        expect([...times].sort((a, b) => b - a), `${type}/${o.id} newest first`).toEqual(times);
      }
    }
    expect(seed.objects[TYPE.deal]?.every((d) => d.history?.dealstage?.length)).toBe(true);
  });

  it('every property used is defined, and enumeration values are among its options (but for the deliberate ones)', () => {
    const bad: string[] = [];
    for (const { type, o } of all) {
      const defs = propertyMap(seed, type);
      for (const [name, value] of Object.entries(o.properties)) {
        const def = defs.get(name);
        expect(def, `${type}/${o.id} uses undefined property ${name}`).toBeDefined();
        if (!def || (def.type !== 'enumeration' && def.type !== 'bool')) continue;
        const values = def.fieldType === 'checkbox' ? value.split(';') : [value];
        const options = new Set(def.options.map((x) => x.value));
        for (const v of values) if (!options.has(v)) bad.push(`${type}/${o.id}/${name}=${v}`);
      }
    }
    expect(bad.sort()).toEqual([...DELIBERATE_BAD_OPTIONS].sort());
  });

  it('dates are YYYY-MM-DD, datetimes ISO; engagements carry hs_timestamp', () => {
    for (const { type, o } of all) {
      const defs = propertyMap(seed, type);
      for (const [name, value] of Object.entries(o.properties)) {
        const t = defs.get(name)?.type;
        if (t === 'date') expect(value, `${type}/${o.id} ${name}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (t === 'datetime') expect(value, `${type}/${o.id} ${name}`).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        if (t === 'number') expect(Number.isFinite(Number(value)), `${type}/${o.id} ${name}=${value}`).toBe(true);
      }
      expect(o.createdAt <= o.updatedAt || o.createdAt === o.updatedAt).toBe(true);
      if (ENGAGEMENT_TYPES.includes(type)) expect(o.properties.hs_timestamp, `${type}/${o.id}`).toBeDefined();
    }
  });

  it('owners resolve, except the deliberate unknown owner id', () => {
    const owners = new Set(seed.owners.map((o) => o.id));
    const ownerProps = ['hubspot_owner_id', 'account_executive', 'solution_engineer', 'customer_success_manager'];
    const unresolved: string[] = [];
    for (const { type, o } of all) {
      for (const p of ownerProps) {
        const v = o.properties[p];
        if (v !== undefined && !owners.has(v)) unresolved.push(`${type}/${o.id}/${p}`);
      }
    }
    expect(new Set(unresolved.map((u) => u.split('/').slice(0, 2).join('/')))).toEqual(
      new Set([`${TYPE.company}/27100000014`, `${TYPE.contact}/35100000090`]),
    );
  });

  it('every attachment id names a file; contract PDFs and calculators are there', () => {
    const files = new Map(seed.files.map((f) => [f.id, f]));
    const attached = (seed.objects[TYPE.note] ?? []).flatMap((n) => (n.properties.hs_attachment_ids ?? '').split(';').filter(Boolean));
    expect(attached.length).toBeGreaterThan(5);
    for (const id of attached) expect(files.has(id), `file ${id}`).toBe(true);
    expect(seed.files.some((f) => f.name === 'Signed contract - Brightwater' && f.extension === 'pdf')).toBe(true);
    expect(seed.files.some((f) => f.name === 'Brightwater Family Medicine_Calculator' && f.extension === 'xlsx')).toBe(true);
  });

  it('company hierarchy: parent → two children → one grandchild, by property and by associations 13/14', () => {
    const parentOf = (id: string) => index.get(`${TYPE.company}/${id}`)?.properties.hs_parent_company_id;
    expect(parentOf('27100000003')).toBe('27100000002');
    expect(parentOf('27100000004')).toBe('27100000002');
    expect(parentOf('27100000005')).toBe('27100000003');
    const edges = seed.associations.filter((a) => a.fromType === TYPE.company && a.toType === TYPE.company)
      .map((a) => (a.types[0]?.typeId === ASSOC.parentToChild ? `${a.fromId}>${a.toId}` : `${a.toId}>${a.fromId}`));
    expect(edges.sort()).toEqual(['27100000002>27100000003', '27100000002>27100000004', '27100000003>27100000005']);
  });

  it('escaping fixtures: a company named like markup and a contact with script, quotes and ampersands', () => {
    expect(index.get(`${TYPE.company}/27100000010`)?.properties.name).toBe('<b>Bold & Co</b>');
    const c = index.get(`${TYPE.contact}/35100000074`)?.properties;
    expect(c?.firstname).toContain('<script>');
    expect(c?.lastname).toMatch(/'.*&.*"/);
  });

  it('dates are relative to now: the same seed built a year later is a year later', () => {
    const later = buildReferencePortalSeed(new Date(NOW.getTime() + 365 * 86_400_000));
    const a = seed.objects[TYPE.contact]?.[0];
    const b = later.objects[TYPE.contact]?.[0];
    expect(Date.parse(b?.createdAt ?? '') - Date.parse(a?.createdAt ?? '')).toBe(365 * 86_400_000);
    expect(referencePortalSeed.objects[TYPE.deal]?.length).toBe(seed.objects[TYPE.deal]?.length);
  });
});

describe('reference portal seed: scenario coverage', () => {
  const values = (type: string, prop: string) => new Set((seed.objects[type] ?? []).map((o) => o.properties[prop]));

  it('deals sit in every stage of the three governed pipelines, and in the ungoverned default one', () => {
    const stages = values(TYPE.deal, 'dealstage');
    for (const p of (seed.pipelines[TYPE.deal] ?? []).filter((x) => x.id !== 'default')) {
      for (const st of p.stages) expect(stages.has(st.id), `${p.label} / ${st.label}`).toBe(true);
    }
    expect(seed.objects[TYPE.deal]?.some((d) => d.properties.pipeline === 'default')).toBe(true);
  });

  it('contacts in every lifecycle stage and with none; opted out, bounced, without e-mail', () => {
    const contacts = seed.objects[TYPE.contact] ?? [];
    const stages = values(TYPE.contact, 'lifecyclestage');
    for (const o of propertyMap(seed, TYPE.contact).get('lifecyclestage')?.options ?? []) expect(stages.has(o.value), o.value).toBe(true);
    expect(stages.has(undefined)).toBe(true);
    expect(contacts.some((c) => c.properties.hs_email_optout === 'true')).toBe(true);
    expect(contacts.some((c) => c.properties.hs_email_hard_bounce_reason_enum)).toBe(true);
    expect(contacts.some((c) => !c.properties.email)).toBe(true);
  });

  it('companies of every account type, an invalid one and none; every SLA tier and none', () => {
    expect(values(TYPE.company, 'type')).toEqual(new Set(['PROSPECT', 'CUSTOMER', 'PARTNER', 'COMPETITOR', 'RESELLER', undefined]));
    expect(values(TYPE.company, 'sla_tier')).toEqual(new Set(['gold', 'silver', 'bronze', undefined]));
  });

  it('calls of every type, outcome and direction', () => {
    expect(values(TYPE.call, 'hs_activity_type')).toEqual(new Set(['Check In - Call', 'Check In - WhatsApp', 'Discovery', 'Follow-up', 'Support']));
    expect(values(TYPE.call, 'hs_call_disposition')).toEqual(new Set(seed.callDispositions.map((d) => d.id)));
    expect(values(TYPE.call, 'hs_call_direction')).toEqual(new Set(['INBOUND', 'OUTBOUND']));
  });

  it('notes with a plain #S&OP, an HTML-encoded #S&amp;OP, a lower-case one, and ones without the tag', () => {
    const bodies = (seed.objects[TYPE.note] ?? []).map((n) => n.properties.hs_note_body ?? '');
    expect(bodies.some((b) => b.includes('#S&OP'))).toBe(true);
    expect(bodies.some((b) => b.includes('#S&amp;OP'))).toBe(true);
    expect(bodies.some((b) => b.includes('#s&amp;op'))).toBe(true);
    expect(bodies.some((b) => /S&amp;OP/.test(b) && !b.includes('#'))).toBe(true);
  });

  it('Client Hub records in every stage; subscriptions with one and two primary contacts', () => {
    const stages = values(TYPE.clientHub, 'hs_pipeline_stage');
    for (const st of seed.pipelines[TYPE.clientHub]?.[0]?.stages ?? []) expect(stages.has(st.id), st.label).toBe(true);
    const primaries = new Map<string, number>();
    for (const a of seed.associations) {
      if (a.fromType === TYPE.productSubscription && a.toType === TYPE.contact && a.types.some((t) => t.typeId === ASSOC.primaryContact)) {
        primaries.set(a.fromId, (primaries.get(a.fromId) ?? 0) + 1);
      }
    }
    expect(new Set(primaries.values())).toEqual(new Set([1, 2]));
  });
});
