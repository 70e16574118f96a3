/**
 * Realistic snapshots for engine tests, built against a portal's metadata
 * (the reference portal by default). Fluent: records, associations (with the
 * association lists marked loaded, as the background loads them), engagements,
 * files, stage history, duplicate candidates. Plus a fully compliant governed
 * deal to break one rule at a time.
 */
import type {
  AssociationType, Engagement, EngagementType, FileMeta, PortalMeta, PropertyHistoryEntry, RecordData, RecordRef, Snapshot,
} from '../../lib/rules/snapshot';
import { OBJECT_TYPE } from '../../lib/rules/snapshot';
import { referencePortalMeta, REFERENCE_IDS } from '../fixtures/playbooks/reference-portal-meta';

export const NOW = new Date('2025-03-15T15:00:00Z');
const DAY = 86_400_000;

/** ISO datetime `n` days before `now` (at the same time of day). */
export function daysAgo(n: number, now: Date = NOW): string {
  return new Date(now.getTime() - n * DAY).toISOString();
}

/** `YYYY-MM-DD` `n` days before `now` (UTC calendar). */
export function dateDaysAgo(n: number, now: Date = NOW): string {
  return daysAgo(n, now).slice(0, 10);
}

export const TYPES = {
  contact: OBJECT_TYPE.contact,
  company: OBJECT_TYPE.company,
  deal: OBJECT_TYPE.deal,
  ticket: OBJECT_TYPE.ticket,
  clientHub: REFERENCE_IDS.clientHub,
  subscription: REFERENCE_IDS.productSubscription,
} as const;

export const key = (objectTypeId: string, id: string) => `${objectTypeId}/${id}`;
export const ref = (k: string): RecordRef => ({ objectTypeId: k.slice(0, k.lastIndexOf('/')), id: k.slice(k.lastIndexOf('/') + 1) });

type Props = Record<string, string | null>;
type TypeSpec = number | { typeId: number; label: string | null; category?: AssociationType['category'] };

function toTypes(types: TypeSpec[]): AssociationType[] {
  return types.map((t) =>
    typeof t === 'number'
      ? { category: 'HUBSPOT_DEFINED', typeId: t, label: null }
      : { category: t.category ?? (t.label ? 'USER_DEFINED' : 'HUBSPOT_DEFINED'), typeId: t.typeId, label: t.label },
  );
}

/** Stage id by pipeline and stage label in a portal (tests speak labels, as the SOP does). */
export function stageId(portal: PortalMeta, objectTypeId: string, pipelineLabel: string, stageLabel: string): string {
  const pipe = (portal.pipelines[objectTypeId] ?? []).find((p) => p.label === pipelineLabel);
  const stage = pipe?.stages.find((s) => s.label === stageLabel);
  if (!pipe || !stage) throw new Error(`No stage ${pipelineLabel} / ${stageLabel}`);
  return stage.id;
}

export function pipelineId(portal: PortalMeta, objectTypeId: string, pipelineLabel: string): string {
  const pipe = (portal.pipelines[objectTypeId] ?? []).find((p) => p.label === pipelineLabel);
  if (!pipe) throw new Error(`No pipeline ${pipelineLabel}`);
  return pipe.id;
}

export class SnapshotBuilder {
  readonly portal: PortalMeta;
  private records: Record<string, RecordData> = {};
  private edges: Snapshot['associations'] = [];
  private loaded = new Set<string>();
  private engagementMap: Record<string, Engagement[]> = {};
  private files: Record<string, FileMeta> = {};
  private candidates: string[] | undefined;
  private focusKey: string | null = null;
  private seq = 1;

  constructor(portal: PortalMeta = referencePortalMeta) {
    this.portal = portal;
  }

  /** Adds (or extends) a record; returns its key. The first record added is the focus unless `focus()` says otherwise. */
  record(objectTypeId: string, id: string, properties: Props = {}, extra: Partial<RecordData> = {}): string {
    const k = key(objectTypeId, id);
    const prev = this.records[k];
    this.records[k] = { objectTypeId, id, ...prev, ...extra, properties: { ...prev?.properties, ...properties } };
    if (!this.focusKey) this.focusKey = k;
    return k;
  }

  deal(id: string, properties: Props = {}, extra: Partial<RecordData> = {}): string {
    return this.record(TYPES.deal, id, properties, extra);
  }
  contact(id: string, properties: Props = {}, extra: Partial<RecordData> = {}): string {
    return this.record(TYPES.contact, id, properties, extra);
  }
  company(id: string, properties: Props = {}, extra: Partial<RecordData> = {}): string {
    return this.record(TYPES.company, id, properties, extra);
  }
  ticket(id: string, properties: Props = {}, extra: Partial<RecordData> = {}): string {
    return this.record(TYPES.ticket, id, properties, extra);
  }

  set(k: string, properties: Props): this {
    const r = this.records[k];
    if (!r) throw new Error(`No record ${k}`);
    r.properties = { ...r.properties, ...properties };
    return this;
  }

  /** Removes properties from the record entirely (not loaded, as opposed to null = unset). */
  drop(k: string, ...names: string[]): this {
    const r = this.records[k];
    if (!r) throw new Error(`No record ${k}`);
    for (const n of names) delete r.properties[n];
    return this;
  }

  /** Deletes a record's data (a dangling association target). */
  forget(k: string): this {
    delete this.records[k];
    return this;
  }

  history(k: string, property: string, entries: Array<[value: string, timestamp: string]>): this {
    const r = this.records[k];
    if (!r) throw new Error(`No record ${k}`);
    const list: PropertyHistoryEntry[] = entries.map(([value, timestamp]) => ({ value, timestamp, sourceType: 'CRM_UI' }));
    // HubSpot lists the newest first.
    list.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
    r.history = { ...r.history, [property]: list };
    return this;
  }

  focus(k: string): this {
    this.focusKey = k;
    return this;
  }

  /** An association from→to with its types; marks from's list of to's type as loaded. */
  associate(from: string, to: string, types: TypeSpec[] = [], markLoaded = true): this {
    this.edges.push({ from, to, types: toTypes(types) });
    if (markLoaded) this.loaded.add(`${from}>${ref(to).objectTypeId}`);
    return this;
  }

  /** Both directions, as the background loads them for a pair of records. */
  link(a: string, b: string, typesAB: TypeSpec[] = [], typesBA: TypeSpec[] = []): this {
    return this.associate(a, b, typesAB).associate(b, a, typesBA);
  }

  /** Marks association lists as loaded (empty unless associations were added). */
  loadedLists(from: string, ...toTypeIds: string[]): this {
    for (const t of toTypeIds) this.loaded.add(`${from}>${t}`);
    return this;
  }

  unload(from: string, toTypeId: string): this {
    this.loaded.delete(`${from}>${toTypeId}`);
    return this;
  }

  /** Engagements of a record loaded (possibly none). */
  engagementsLoaded(k: string): this {
    this.engagementMap[k] ??= [];
    return this;
  }

  engagement(k: string, type: EngagementType, timestamp: string, properties: Props = {}, attachmentIds: string[] = []): string {
    const id = String(9_000_000 + this.seq++);
    (this.engagementMap[k] ??= []).push({ type, id, timestamp, properties: { hs_timestamp: timestamp, ...properties }, attachmentIds });
    return id;
  }

  file(meta: FileMeta): this {
    this.files[meta.id] = meta;
    return this;
  }

  duplicateCandidates(...keys: string[]): this {
    this.candidates = keys;
    return this;
  }

  build(): Snapshot {
    const focusKey = this.focusKey;
    if (!focusKey) throw new Error('No records');
    const snap: Snapshot = {
      portal: this.portal,
      focus: ref(focusKey),
      records: structuredClone(this.records),
      associations: structuredClone(this.edges),
      loadedAssociations: [...this.loaded],
      engagements: structuredClone(this.engagementMap),
      files: { ...this.files },
      loadedAt: NOW.toISOString(),
    };
    if (this.candidates) snap.duplicateCandidates = [...this.candidates];
    return snap;
  }
}

/* ------------------------------------------------------------------ reference-portal scenarios */

export const SALES_STAGES = ['Sales Qualified Lead (SQL)', 'Engaged', 'Proposal', 'Partner of Choice', 'Closed – Won', 'Closed – Lost'] as const;
export type SalesStage = (typeof SALES_STAGES)[number];

/** Association type ids of the reference portal (REFERENCE-PORTAL.md). */
export const ASSOC = {
  dealToContact: 3,
  contactToDeal: 4,
  dealToCompany: 341,
  dealToCompanyPrimary: 5,
  companyToDeal: 342,
  contactToCompany: 279,
  contactToCompanyPrimary: 1,
  companyToContact: 280,
  parentToChild: 13,
  childToParent: 14,
  dealToTicket: 27,
  companyToTicket: 340,
  champion: { typeId: 101, label: 'Champion' },
  influencer: { typeId: 102, label: 'Influencer' },
  decisionMaker: { typeId: 103, label: 'Decision Maker' },
  blocker: { typeId: 104, label: 'Blocker' },
  primaryContact: { typeId: 201, label: 'Primary Contact' },
} as const;

/** Every deal property the default playbook's gates and the S&OP checklist need, filled in. */
export const COMPLIANT_DEAL: Props = {
  dealname: 'Riverside Family Practice – RCM',
  hubspot_owner_id: '61000001',
  amount: '120000',
  enterprise_deal_status: 'no',
  hp_products: 'rcm;coding',
  annual_practice_collections: '2400000',
  deal_meeting_required: 'no',
  deal_approval_status: 'approved',
  rate_range: '4-6%',
  pricing_model: 'pct_collections',
  verbal_commit_status: 'yes',
  contract_status: 'proposal_signed',
  client_data_confidence: 'high',
  term_months: '36',
  arr_at_signing: '110000',
  non_recurring_revenue: '10000',
  target_go_live_date: '2025-06-01',
  legacy_pm: 'Kareo',
  legacy_ehr: 'eClinicalWorks',
  tax_id_count: '1',
  annual_practice_charges: '5000000',
  annual_visits: '30000',
  backlog_details: 'None',
  user_license_restrictions: 'No',
  contract_provisions: 'Standard',
  quoted_rcm_rate: '5.5',
  onboarding_questionnaire: 'uploaded',
  nda_status: 'signed',
  baa_status: 'signed',
  deal_lost_reason_category: null,
  deal_lost_reason_details: null,
  notes_last_updated: null,
};

export const COMPLIANT_COMPANY: Props = {
  name: 'Riverside Family Practice',
  domain: 'riversidefp.example',
  phone: '+1 555 0100',
  address: '1 River Rd',
  city: 'Springfield',
  country: 'United States',
  industry: 'MEDICAL_PRACTICE',
  annualrevenue: '5000000',
  numberofemployees: '40',
  hubspot_owner_id: '61000002',
  type: 'CUSTOMER',
  business_unit: 'physician_services',
  provider_specialty: 'Family medicine',
  number_of_providers: '8',
  number_of_locations: '2',
  current_pm: 'Kareo',
  current_ehr: 'eClinicalWorks',
  current_rcm_processing: 'in_house',
  rcm_rate: '6',
  rcm_minimum: '2500',
  support_global_note: 'Prefers email',
  division: 'East',
  sla_tier: 'gold',
  account_executive: '61000001',
  solution_engineer: '61000003',
  customer_success_manager: '61000004',
  notes_last_updated: null,
  hs_last_sales_activity_timestamp: null,
};

export function contactProps(first: string, last: string, extra: Props = {}): Props {
  return {
    firstname: first,
    lastname: last,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@riversidefp.example`,
    phone: '+1 555 0101',
    jobtitle: 'Practice Manager',
    lifecyclestage: 'salesqualifiedlead',
    hubspot_owner_id: '61000001',
    hs_email_optout: 'false',
    hs_email_hard_bounce_reason_enum: null,
    notes_last_updated: null,
    hs_last_sales_activity_timestamp: null,
    number_of_providers: '8',
    department: 'Operations',
    preferred_channel: 'email',
    seniority_level: 'director',
    marketing_consent: 'granted',
    ...extra,
  };
}

export interface DealScenario {
  b: SnapshotBuilder;
  deal: string;
  company: string;
  contacts: string[];
}

/**
 * A governed deal in `stage` that meets every gate up to and including that
 * stage (and the won/lost gates): three contacts with a Champion and a
 * Decision Maker, a primary company, an engagement and the #S&OP note after
 * each stage was entered, stage history through every stage in order.
 */
export function compliantDeal(stage: SalesStage, pipeline = 'New Business', now: Date = NOW): DealScenario {
  const b = new SnapshotBuilder();
  const portal = b.portal;
  const open = SALES_STAGES.slice(0, 4);
  const path: string[] =
    stage === 'Closed – Won' ? [...open, stage] : stage === 'Closed – Lost' ? [...open.slice(0, 2), stage] : open.slice(0, open.indexOf(stage) + 1);
  const deal = b.deal('9001', {
    ...COMPLIANT_DEAL,
    pipeline: pipelineId(portal, TYPES.deal, pipeline),
    dealstage: stageId(portal, TYPES.deal, pipeline, stage),
    ...(stage === 'Closed – Lost' ? { deal_lost_reason_category: 'price', deal_lost_reason_details: 'Went with a competitor on price.' } : {}),
  });
  const entered = path.map((_, i) => daysAgo(60 - i * 10, now));
  b.history(deal, 'dealstage', path.map((s, i) => [stageId(portal, TYPES.deal, pipeline, s), entered[i]!]));
  const company = b.company('7001', { ...COMPLIANT_COMPANY, hs_last_sales_activity_timestamp: daysAgo(2, now) });
  b.link(deal, company, [ASSOC.dealToCompany, ASSOC.dealToCompanyPrimary], [ASSOC.companyToDeal]);
  const people: Array<[string, string, TypeSpec[]]> = [
    ['Ana', 'Lopez', [ASSOC.dealToContact, ASSOC.champion]],
    ['Ben', 'Ortiz', [ASSOC.dealToContact, ASSOC.decisionMaker]],
    ['Cara', 'Diaz', [ASSOC.dealToContact, ASSOC.influencer]],
  ];
  const contacts = people.map(([first, last, types], i) => {
    const c = b.contact(String(5001 + i), contactProps(first, last, { hs_last_sales_activity_timestamp: daysAgo(3, now) }));
    b.link(deal, c, types, [ASSOC.contactToDeal]);
    b.link(c, company, [ASSOC.contactToCompany, ASSOC.contactToCompanyPrimary], [ASSOC.companyToContact]);
    return c;
  });
  b.loadedLists(deal, TYPES.ticket);
  // Next steps logged after the deal entered its current stage, and the S&OP note.
  b.engagement(deal, 'call', daysAgo(1, now), { hs_call_body: 'Agreed next steps: pricing review.' });
  b.engagement(deal, 'note', daysAgo(1, now), { hs_note_body: '<p>#S&amp;OP</p><ul><li>Deal Owner: Maya Chen</li></ul>' });
  b.focus(deal);
  return { b, deal, company, contacts };
}

/** Files attached to a won deal as SALES-WON-7/8 want them, and the implementation ticket (WON-9). */
export function addWonPaperwork(s: DealScenario, now: Date = NOW): DealScenario {
  const { b, deal } = s;
  b.file({ id: 'f1', name: 'Riverside signed contract', extension: 'pdf' });
  b.file({ id: 'f2', name: 'Riverside Family Practice_Calculator', extension: 'xlsx' });
  b.engagement(deal, 'note', daysAgo(1, now), { hs_note_body: 'Signed contract and calculator attached.' }, ['f1', 'f2']);
  const t = b.ticket('3001', { subject: 'Implementation – Riverside', hs_pipeline: '0', hs_pipeline_stage: '1' });
  b.associate(deal, t, [ASSOC.dealToTicket]);
  return s;
}
