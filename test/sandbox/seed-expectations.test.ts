/**
 * sandbox/seed/expectations.ts claims, record by record, which SOP rules the
 * reference portal meets and fails. These tests (1) prove every one of the 68
 * catalog IDs is exercised — each evaluable rule both met and failing
 * somewhere — and (2) re-derive every claim from the seeded data with a small
 * oracle written from SOP-RULES.md's Resolutions (independent of the seed's
 * own helpers), at several reference instants including month ends and
 * near-midnight, so "stale", "overdue" and "in the window" stay true whenever
 * the suite runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectations } from '../../sandbox/seed/expectations';
import { buildReferencePortal } from '../../sandbox/seed/reference-portal';
import type { SeedData, SeedObject } from '../../sandbox/seed/types';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const catalog = readFileSync(new URL('../shared/SOP-RULES.md', `file://${repoRoot}`), 'utf8');
const KINDS = new Map(
  [...catalog.matchAll(/^\| ([A-Z]+(?:-[A-Z0-9]+)+) \| (gate|check|form|guide|view) \|/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
);
/** Forms with an evaluable part (CH-7: contact since Call 3; CH-8: summary steps). */
const EVALUABLE_FORMS = new Set(['CH-7', 'CH-8']);
const evaluable = (id: string) => ['gate', 'check'].includes(KINDS.get(id) ?? '') || EVALUABLE_FORMS.has(id);

const C = { contact: '0-1', company: '0-2', deal: '0-3', ticket: '0-5', note: '0-46', call: '0-48', email: '0-49', meeting: '0-47', task: '0-27', hub: '2-9000101', sub: '2-9000102' };
const ENGAGEMENTS = [C.note, C.call, C.email, C.meeting, C.task];
const DAY = 86_400_000;

describe('expectations cover the rule catalog', () => {
  it('the catalog has 68 rules and every one appears in the expectations', () => {
    expect(KINDS.size).toBe(68);
    const seen = new Set(expectations.flatMap((e) => [...e.met, ...e.failing, ...(e.shown ?? [])]));
    expect([...KINDS.keys()].filter((id) => !seen.has(id))).toEqual([]);
    expect([...seen].filter((id) => !KINDS.has(id))).toEqual([]);
  });

  it('every gate and check (and CH-7, CH-8) is both met and failing on some record', () => {
    const met = new Set(expectations.flatMap((e) => e.met));
    const failing = new Set(expectations.flatMap((e) => e.failing));
    const evaluableIds = [...KINDS.keys()].filter(evaluable);
    expect(evaluableIds.filter((id) => !met.has(id))).toEqual([]);
    expect(evaluableIds.filter((id) => !failing.has(id))).toEqual([]);
  });

  it('guides, the view and forms without a test are shown, never met or failing', () => {
    for (const e of expectations) {
      for (const id of [...e.met, ...e.failing]) expect(evaluable(id), `${e.id} claims ${id}`).toBe(true);
      for (const id of e.shown ?? []) expect(evaluable(id), `${e.id} shows ${id}`).toBe(false);
    }
  });

  it('claims are consistent: no rule both met and failing, absent rules are not claimed', () => {
    for (const e of expectations) {
      const claimed = [...e.met, ...e.failing];
      expect(new Set(claimed).size, e.id).toBe(claimed.length);
      for (const id of e.absent ?? []) expect(claimed, `${e.id} ${id}`).not.toContain(id);
    }
  });

  it('every expectation names a seeded record by its display name', () => {
    const seed = buildReferencePortal().seed;
    for (const e of expectations) {
      const o = seed.objects[e.objectTypeId]?.find((x) => x.id === e.id);
      expect(o, `${e.objectTypeId}/${e.id}`).toBeDefined();
      const p = o?.properties ?? {};
      const name = e.objectTypeId === C.contact ? [p.firstname, p.lastname].filter(Boolean).join(' ') || p.email
        : e.objectTypeId === C.company ? p.name
          : e.objectTypeId === C.deal ? p.dealname
            : e.objectTypeId === C.sub ? p.product_name : o?.id;
      expect(e.name).toBe(name);
    }
  });
});

// ----------------------------------------------------------------- oracle

class Portal {
  readonly byKey = new Map<string, SeedObject>();
  private readonly edges = new Map<string, Array<{ type: string; id: string; typeIds: number[]; forward: boolean }>>();
  readonly today: string;
  readonly files: Map<string, SeedData['files'][number]>;

  constructor(readonly seed: SeedData, readonly now: Date) {
    for (const [type, list] of Object.entries(seed.objects)) for (const o of list) this.byKey.set(`${type}/${o.id}`, o);
    for (const a of seed.associations) {
      const ids = a.types.map((t) => t.typeId);
      this.push(`${a.fromType}/${a.fromId}`, { type: a.toType, id: a.toId, typeIds: ids, forward: true });
      this.push(`${a.toType}/${a.toId}`, { type: a.fromType, id: a.fromId, typeIds: ids, forward: false });
    }
    this.files = new Map(seed.files.map((f) => [f.id, f]));
    this.today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }

  private push(key: string, e: { type: string; id: string; typeIds: number[]; forward: boolean }) {
    const list = this.edges.get(key) ?? [];
    list.push(e);
    this.edges.set(key, list);
  }

  get(type: string, id: string): SeedObject {
    const o = this.byKey.get(`${type}/${id}`);
    if (!o) throw new Error(`no ${type}/${id}`);
    return o;
  }

  links(type: string, id: string, to: string) {
    return (this.edges.get(`${type}/${id}`) ?? []).filter((e) => e.type === to);
  }

  engagements(type: string, id: string): SeedObject[] {
    return ENGAGEMENTS.flatMap((t) => this.links(type, id, t).map((l) => this.get(t, l.id)));
  }

  prop(type: string, name: string) {
    return this.seed.properties[type]?.find((p) => p.name === name);
  }

  known(type: string, o: SeedObject, name: string): boolean {
    const v = o.properties[name];
    if (v === undefined || v.trim() === '') return false;
    const def = this.prop(type, name);
    if (def?.type !== 'enumeration') return true;
    const options = new Set(def.options.map((x) => x.value));
    return v.split(def.fieldType === 'checkbox' ? ';' : '\u0000').every((part) => options.has(part));
  }

  owner(o: SeedObject, name: string) {
    return this.seed.owners.some((x) => x.id === o.properties[name]);
  }

  stage(deal: SeedObject) {
    const p = this.seed.pipelines[C.deal]?.find((x) => x.id === deal.properties.pipeline);
    const s = p?.stages.find((x) => x.id === deal.properties.dealstage);
    return { pipeline: p, stage: s, governed: ['New Business', 'Expansion', 'Upsell'].includes(p?.label ?? '') };
  }

  /** Latest activity: the activity properties and the timestamps of associated engagements. */
  lastActivity(type: string, o: SeedObject): number {
    const stamps = [o.properties.hs_last_sales_activity_timestamp, o.properties.notes_last_updated,
      ...this.engagements(type, o.id).map((e) => e.properties.hs_timestamp)].filter((x): x is string => !!x).map(Date.parse);
    return stamps.length ? Math.max(...stamps) : -Infinity;
  }

  daysSince(ms: number) {
    return (this.now.getTime() - ms) / DAY;
  }
}

const decode = (html: string) => html.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

function addDays(ymd: string, n: number) {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
function addMonths(ymd: string, n: number) {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}
const dayDiff = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / DAY);

const STAGE_INDEX: Record<string, number> = {
  'Sales Qualified Lead (SQL)': 0, Engaged: 1, Proposal: 2, 'Partner of Choice': 3, 'Closed – Won': 4, 'Closed – Lost': 5,
};

function dealRule(p: Portal, d: SeedObject, rule: string): boolean {
  const k = (name: string) => p.known(C.deal, d, name);
  const v = (name: string) => d.properties[name];
  const { pipeline } = p.stage(d);
  const company = (() => {
    const links = p.links(C.deal, d.id, C.company);
    const primary = links.find((l) => l.forward && l.typeIds.includes(5)) ?? links[0];
    return primary ? p.get(C.company, primary.id) : undefined;
  })();
  const contacts = p.links(C.deal, d.id, C.contact);
  const labelOf = (id: number) => p.seed.associationLabels.find((l) => l.fromType === C.deal && l.toType === C.contact && l.typeId === id)?.label;
  const roles = contacts.flatMap((c) => c.typeIds.map(labelOf));
  const notes = p.engagements(C.deal, d.id);
  const attached = notes.flatMap((n) => (n.properties.hs_attachment_ids ?? '').split(';').filter(Boolean)).map((id) => p.files.get(id));
  const history = d.history?.dealstage ?? [];
  const labelOfStage = (id: string) => pipeline?.stages.find((s) => s.id === id)?.label ?? '';
  const sop = ['hubspot_owner_id', 'pricing_model', 'term_months', 'amount', 'arr_at_signing', 'non_recurring_revenue', 'target_go_live_date',
    'hp_products', 'legacy_pm', 'legacy_ehr', 'tax_id_count', 'annual_practice_charges', 'annual_practice_collections', 'annual_visits',
    'backlog_details', 'user_license_restrictions', 'contract_provisions'];
  const sopCompany = ['name', 'business_unit', 'provider_specialty', 'number_of_providers', 'number_of_locations', 'current_pm', 'current_ehr',
    'current_rcm_processing', 'rcm_rate', 'rcm_minimum', 'support_global_note', 'division'];
  switch (rule) {
    case 'SALES-SQL-1': {
      const path = [...history].reverse().map((h) => STAGE_INDEX[labelOfStage(h.value)] ?? -1);
      if (path[0] !== 0) return false;
      for (let i = 1; i < path.length; i++) {
        const [prev, cur] = [path[i - 1] ?? 0, path[i] ?? 0];
        if (cur !== 5 && cur > prev + 1) return false;
      }
      return true;
    }
    case 'SALES-SQL-2': return k('enterprise_deal_status');
    case 'SALES-SQL-3': case 'SALES-ENG-1': return k('hp_products');
    case 'SALES-ENG-2': return contacts.some((c) => p.known(C.contact, p.get(C.contact, c.id), 'number_of_providers'));
    case 'SALES-ENG-3': return k('annual_practice_collections');
    case 'SALES-ENG-4': {
      const entry = history.find((h) => labelOfStage(h.value) === 'Engaged');
      return !!entry && notes.some((n) => n.properties.hs_note_body !== undefined || n.properties.hs_call_body !== undefined || n.properties.hs_email_subject !== undefined || n.properties.hs_meeting_title !== undefined
        ? Date.parse(n.properties.hs_timestamp ?? '') > Date.parse(entry.timestamp) : false);
    }
    case 'SALES-PRO-1': return k('deal_meeting_required');
    case 'SALES-PRO-2': return v('deal_approval_status') === 'approved';
    case 'SALES-PRO-3': return k('rate_range');
    case 'SALES-PRO-4': return k('pricing_model');
    case 'SALES-PRO-5': return v('verbal_commit_status') === 'yes';
    case 'SALES-PRO-6': return ['proposal_sent', 'proposal_signed'].includes(v('contract_status') ?? '');
    case 'SALES-PRO-7': return k('client_data_confidence');
    case 'SALES-PRO-8': return notes.some((n) => decode(n.properties.hs_note_body ?? '').toLowerCase().includes('#s&op'));
    case 'SOP-1': return sop.every(k) && !!company && sopCompany.every((n) => p.known(C.company, company, n));
    case 'SALES-POC-1': return !!company && p.known(C.company, company, 'business_unit');
    case 'SALES-WON-1': return k('quoted_rcm_rate');
    case 'SALES-WON-2': return v('contract_status') === 'proposal_signed';
    case 'SALES-WON-3': return v('onboarding_questionnaire') === 'uploaded';
    case 'SALES-WON-4': return k('target_go_live_date');
    case 'SALES-WON-5': return k('nda_status');
    case 'SALES-WON-6': return k('baa_status');
    case 'SALES-WON-7': return attached.some((f) => f?.extension === 'pdf' && /contract/i.test(f.name));
    case 'SALES-WON-8': return attached.some((f) => f?.name.trim().toLowerCase() === `${company?.properties.name ?? ''}_Calculator`.toLowerCase());
    case 'SALES-WON-9': return p.links(C.deal, d.id, C.ticket).some((t) => /^\s*Implementation/i.test(p.get(C.ticket, t.id).properties.subject ?? ''));
    case 'SALES-LOST-1': return k('deal_lost_reason_category');
    case 'SALES-LOST-2': return k('deal_lost_reason_details');
    case 'ACC-7': return contacts.length >= 3 && roles.includes('Champion') && roles.includes('Decision Maker');
    default: throw new Error(`oracle has no deal rule ${rule}`);
  }
}

function primaryCompany(p: Portal, contact: SeedObject) {
  const links = p.links(C.contact, contact.id, C.company);
  const l = links.find((x) => x.forward && x.typeIds.includes(1)) ?? links[0];
  return l ? p.get(C.company, l.id) : undefined;
}

function contactRule(p: Portal, c: SeedObject, rule: string): boolean {
  const k = (name: string) => p.known(C.contact, c, name);
  const lc = c.properties.lifecyclestage;
  const deals = p.links(C.contact, c.id, C.deal).map((l) => p.get(C.deal, l.id));
  switch (rule) {
    case 'LC-1': return k('lifecyclestage');
    case 'REC-1': return k('firstname') && k('lastname') && k('email') && k('lifecyclestage');
    case 'REC-3': return p.owner(c, 'hubspot_owner_id');
    case 'REC-4': return p.links(C.contact, c.id, C.company).length + deals.length > 0;
    case 'ACC-8': return ['firstname', 'lastname', 'jobtitle', 'email', 'phone', 'department', 'preferred_channel', 'seniority_level', 'marketing_consent'].every(k);
    case 'ACC-9': {
      const email = c.properties.email?.toLowerCase();
      return !email || !(p.seed.objects[C.contact] ?? []).some((o) => o.id !== c.id && o.properties.email?.toLowerCase() === email);
    }
    case 'LC-4': return p.daysSince(p.lastActivity(C.contact, c)) <= 30;
    case 'LEAD-1': return c.properties.hs_email_optout !== 'true' && p.daysSince(p.lastActivity(C.contact, c)) <= 30;
    case 'LC-5': {
      const company = primaryCompany(p, c);
      const active = !!company && p.links(C.company, company.id, C.deal).some((l) => {
        const s = p.stage(p.get(C.deal, l.id));
        return s.governed && s.stage?.label === 'Closed – Won';
      });
      return (lc === 'customer') === active;
    }
    case 'LC-8': {
      const allLost = deals.length > 0 && deals.every((d) => p.stage(d).stage?.label === 'Closed – Lost'
        && ['timing', 'no_decision'].includes(d.properties.deal_lost_reason_category ?? ''));
      return !(c.properties.hs_email_optout === 'true' || k('hs_email_hard_bounce_reason_enum') || !k('email') || allLost);
    }
    case 'CH-1': return p.links(C.contact, c.id, C.sub).filter((l) => !l.forward && l.typeIds.includes(201))
      .every((l) => onePerPair(p, l.id, c.id));
    default: throw new Error(`oracle has no contact rule ${rule}`);
  }
}

function onePerPair(p: Portal, sub: string, contact: string): boolean {
  const hubs = p.links(C.sub, sub, C.hub).filter((h) => p.links(C.hub, h.id, C.contact).some((x) => x.id === contact));
  return hubs.length === 1;
}

const normalizeName = (n: string) => n.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').split(/\s+/)
  .filter((w) => w && !['inc', 'llc', 'pllc', 'pc', 'ltd', 'corp'].includes(w)).join(' ');
const normalizeDomain = (d: string) => d.toLowerCase().replace(/^www\./, '');

function health(p: Portal, co: SeedObject): number {
  const contacts = p.links(C.company, co.id, C.contact).map((l) => p.get(C.contact, l.id));
  const last = Math.max(p.lastActivity(C.company, co), ...contacts.map((c) => p.lastActivity(C.contact, c)));
  const age = p.daysSince(last);
  const engagement = age <= 7 ? 100 : age >= 90 ? 0 : 100 * (90 - age) / 83;
  const open = p.links(C.company, co.id, C.deal).map((l) => p.get(C.deal, l.id)).filter((d) => p.stage(d).stage?.metadata.isClosed === 'false');
  const inStage = open.map((d) => p.daysSince(Date.parse(d.history?.dealstage?.[0]?.timestamp ?? d.createdAt)));
  const mean = inStage.length ? inStage.reduce((a, b) => a + b, 0) / inStage.length : 0;
  const velocity = mean <= 30 ? 100 : mean >= 120 ? 0 : 100 * (120 - mean) / 90;
  const tickets = p.links(C.company, co.id, C.ticket).map((l) => p.get(C.ticket, l.id));
  const openTickets = tickets.filter((t) => t.properties.hs_pipeline_stage !== '4').length;
  const recent = tickets.filter((t) => p.daysSince(Date.parse(t.createdAt)) <= 30).length;
  const before = tickets.filter((t) => { const a = p.daysSince(Date.parse(t.createdAt)); return a > 30 && a <= 60; }).length;
  const support = Math.max(0, 100 - 25 * openTickets - (recent > before ? 20 : 0));
  return 0.4 * engagement + 0.3 * velocity + 0.3 * support;
}

function companyRule(p: Portal, co: SeedObject, rule: string): boolean {
  const k = (name: string) => p.known(C.company, co, name);
  switch (rule) {
    case 'REC-2': return k('name') && k('domain');
    case 'REC-3': return p.owner(co, 'hubspot_owner_id');
    case 'ACC-1': return ['name', 'domain', 'phone', 'address', 'city', 'country', 'industry', 'annualrevenue', 'numberofemployees'].every(k);
    case 'ACC-2': return ['prospect', 'customer', 'partner', 'competitor'].includes((co.properties.type ?? '').toLowerCase());
    case 'ACC-4': return ['account_executive', 'solution_engineer', 'customer_success_manager'].every((r) => p.owner(co, r));
    case 'ACC-5': return ['gold', 'silver', 'bronze'].includes(co.properties.sla_tier ?? '');
    case 'ACC-6': return health(p, co) >= 50;
    case 'ACC-10': return p.daysSince(p.lastActivity(C.company, co)) <= 90;
    case 'ACC-9': {
      const others = (p.seed.objects[C.company] ?? []).filter((o) => o.id !== co.id);
      const domain = co.properties.domain ? normalizeDomain(co.properties.domain) : null;
      const name = normalizeName(co.properties.name ?? '');
      return !others.some((o) => (domain && o.properties.domain && normalizeDomain(o.properties.domain) === domain)
        || (name && normalizeName(o.properties.name ?? '') === name));
    }
    default: throw new Error(`oracle has no company rule ${rule}`);
  }
}

function hubRule(p: Portal, h: SeedObject, rule: string): boolean {
  const ratio = h.properties.contact_ratio ?? '1_month';
  const last = h.properties.last_check_in_date ?? '';
  const [n, unit] = ratio.split('_') as [string, string];
  const next = unit.startsWith('week') ? addDays(last, 7 * Number(n)) : addMonths(last, Number(n));
  const untilNext = dayDiff(next, p.today);
  const label = p.seed.pipelines[C.hub]?.[0]?.stages.find((s) => s.id === h.properties.hs_pipeline_stage)?.label ?? '';
  const enteredAt = Date.parse(h.history?.hs_pipeline_stage?.[0]?.timestamp ?? '');
  const engagements = p.engagements(C.hub, h.id).filter((e) => Date.parse(e.properties.hs_timestamp ?? '') > enteredAt);
  const tasks = p.engagements(C.hub, h.id).filter((e) => e.properties.hs_task_subject !== undefined);
  switch (rule) {
    case 'CH-4': return p.known(C.hub, h, 'contact_ratio');
    case 'CH-5': return untilNext > 5;
    case 'CH-6': {
      const call = ['Call 1', 'Call 2', 'Call 3'].indexOf(label) + 1;
      // Still in Call N after Call N+1's due date (next + 5·N days) is overdue.
      return dayDiff(p.today, addDays(next, 5 * call)) <= 0;
    }
    case 'CH-7': return engagements.some((e) => e.properties.hs_email_subject !== undefined
      || (['Check In - Call', 'Check In - WhatsApp'].includes(e.properties.hs_activity_type ?? '')
        && e.properties.hs_call_disposition === 'f240bbac-87c9-4f6e-bf70-924b57d47db7'));
    case 'CH-8': {
      const connected = label === 'Summary of Call';
      const task = tasks.find((t) => t.properties.hs_task_subject === (connected ? 'Call summary' : 'Unsuccessful call - check in email'));
      return p.known(C.hub, h, 'contact_ratio') && (connected || ratio === '1_month') && task?.properties.hs_task_status === 'COMPLETED';
    }
    default: throw new Error(`oracle has no Client Hub rule ${rule}`);
  }
}

function evaluate(p: Portal, type: string, id: string, rule: string): boolean {
  const o = p.get(type, id);
  switch (type) {
    case C.deal: return dealRule(p, o, rule);
    case C.contact: return contactRule(p, o, rule);
    case C.company: return companyRule(p, o, rule);
    case C.hub: return hubRule(p, o, rule);
    case C.sub: return p.links(C.sub, id, C.contact).filter((l) => l.forward && l.typeIds.includes(201)).every((l) => onePerPair(p, id, l.id));
    default: throw new Error(`no oracle for ${type}`);
  }
}

const INSTANTS = [
  '2025-06-18T14:30:00Z',
  '2025-01-31T04:30:00Z', // 23:30 on Jan 30 in the portal's zone
  '2024-02-29T23:30:00Z', // leap day
  '2025-03-31T12:00:00Z', // month end after a short month
  '2025-11-02T05:30:00Z', // DST ends
  '2025-12-31T04:59:00Z', // 23:59 on Dec 30 portal time
];

describe.each(INSTANTS)('every claim holds on the seeded data at %s', (iso) => {
  const now = new Date(iso);
  const { seed, expectations: claims } = buildReferencePortal(now);
  const p = new Portal(seed, now);

  it('met rules evaluate as met and failing rules as not met (per the Resolutions)', () => {
    const wrong: string[] = [];
    for (const e of claims) {
      for (const rule of e.met) if (!evaluate(p, e.objectTypeId, e.id, rule)) wrong.push(`${e.name} (${e.id}) should meet ${rule}`);
      for (const rule of e.failing) if (evaluate(p, e.objectTypeId, e.id, rule)) wrong.push(`${e.name} (${e.id}) should fail ${rule}`);
    }
    expect(wrong).toEqual([]);
  });

  it('Client Hub dates keep a margin of at least two days from every threshold', () => {
    for (const h of seed.objects[C.hub] ?? []) {
      const next = h.properties.next_contact_date ?? '';
      const until = dayDiff(next, p.today);
      const label = seed.pipelines[C.hub]?.[0]?.stages.find((s) => s.id === h.properties.hs_pipeline_stage)?.label;
      if (label === 'Completed') expect(Math.abs(until - 5.5), h.id).toBeGreaterThanOrEqual(2);
      const call = ['Call 1', 'Call 2', 'Call 3'].indexOf(label ?? '') + 1;
      if (call) expect(Math.abs(dayDiff(p.today, addDays(next, 5 * call)) - 0.5), h.id).toBeGreaterThanOrEqual(2);
    }
  });
});
