/**
 * Large generated portals for scan tests and benchmarks: the reference
 * portal's metadata (pipelines, properties, owners, labels…) with as many
 * deals as asked, each with its company and contacts, in every stage of every
 * pipeline, gate properties present or missing at random so violations are
 * plentiful. Deterministic: the same options (seed and `now`) give the same
 * portal. Built for size: 50,000 deals in well under a few seconds; repeated
 * strings (dates, enumeration values, association type lists) are shared.
 */
import type { SeedAssociation, SeedData, SeedObject } from './seed/types';
import { buildMetadata } from './seed/metadata';
import {
  ASSOC, DEFAULT_STAGES, ENGAGEMENT_ASSOC, OWNER, PIPELINE, SALES_STAGES, TYPE, UNKNOWN_OWNER, salesStageId, type GovernedPipeline, type SalesStage,
} from './seed/ids';
import { HP_PRODUCTS, INDUSTRIES, LIFECYCLE_STAGES, LOST_REASONS } from './seed/properties';

export interface GenerateOptions {
  deals: number;
  /** Contacts per deal (each also on the deal's company). Default 2. */
  contactsPerDeal?: number;
  /** Number of companies; deals are spread over them. Default deals / 4 (at least 1). */
  companies?: number;
  /** PRNG seed. Default 1. */
  seed?: number;
  /** Reference instant for relative dates. Default: the start of the current UTC day (stable within a day). */
  now?: Date;
}

const DAY_MS = 86_400_000;

/** mulberry32: tiny, fast, good enough to vary seed data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ava', 'Ben', 'Chloe', 'Diego', 'Emma', 'Farah', 'Gus', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Vik', 'Wren', 'Yusuf', 'Zoe'];
const LAST = ['Adams', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jones', 'Kim', 'Lopez', 'Moreau', 'Nguyen', 'Okafor', 'Patel', 'Quist', 'Rossi', 'Shah', 'Tanaka', 'Usman', 'Vargas', 'Walsh', 'Xu', 'Young'];
const PLACE = ['Maple', 'Harbor', 'Summit', 'Cedar', 'River', 'Lakeside', 'Granite', 'Willow', 'Pine', 'Oak', 'Bright', 'Clear', 'North', 'Sun', 'Red'];
const KIND = ['Family Medicine', 'Pediatrics', 'Cardiology', 'Orthopedics', 'Dermatology', 'Dental Group', 'Urgent Care', 'Oncology', 'Eye Center', 'Behavioral Health'];
const TITLES = ['Practice Administrator', 'Chief Financial Officer', 'Billing Manager', 'Office Manager', 'Medical Director', 'Revenue Cycle Manager'];
const ROLES = [ASSOC.champion, ASSOC.decisionMaker, ASSOC.influencer, ASSOC.blocker];
const GOVERNED: GovernedPipeline[] = ['newBusiness', 'expansion', 'upsell'];
const PIPELINE_ID: Record<GovernedPipeline, string> = { newBusiness: PIPELINE.newBusiness, expansion: PIPELINE.expansion, upsell: PIPELINE.upsell };
const OWNERS = [OWNER.ae, OWNER.se, OWNER.csm, OWNER.rep, OWNER.sdr, OWNER.vp];
const LIFECYCLE_VALUES = LIFECYCLE_STAGES.map(([v]) => v);
const HP_VALUES = HP_PRODUCTS.map(([v]) => v);
const LOST_VALUES = LOST_REASONS.map(([v]) => v);
const INDUSTRY_VALUES = INDUSTRIES.map(([v]) => v);
const ACCOUNT_TYPES = ['PROSPECT', 'CUSTOMER', 'PARTNER', 'COMPETITOR'];

type Types = SeedAssociation['types'];
const hd = (...ids: number[]): Types => ids.map((typeId) => ({ category: 'HUBSPOT_DEFINED', typeId }));
// Shared, never mutated: one array per association shape instead of one per association.
const DEAL_COMPANY = hd(ASSOC.dealToCompanyPrimary, ASSOC.dealToCompany);
const CONTACT_COMPANY = hd(ASSOC.contactToCompanyPrimary, ASSOC.contactToCompany);
const DEAL_CONTACT = hd(ASSOC.dealToContact);
const DEAL_CONTACT_ROLE: Record<number, Types> = Object.fromEntries(
  ROLES.map((r) => [r, [{ category: 'HUBSPOT_DEFINED', typeId: ASSOC.dealToContact }, { category: 'USER_DEFINED', typeId: r }]]),
) as Record<number, Types>;
const NOTE_DEAL = hd(ENGAGEMENT_ASSOC[TYPE.note]?.[TYPE.deal]?.[0] ?? 214);

export function generatePortal(opts: GenerateOptions): SeedData {
  const dealCount = Math.max(0, Math.floor(opts.deals));
  const perDeal = Math.max(0, Math.floor(opts.contactsPerDeal ?? 2));
  const companyCount = Math.max(1, Math.floor(opts.companies ?? Math.ceil(dealCount / 4)));
  const now = opts.now ?? new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  const rand = prng(opts.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const chance = (p: number) => rand() < p;

  const isoCache = new Map<number, string>();
  const daysAgo = (days: number): string => {
    let s = isoCache.get(days);
    if (s === undefined) {
      s = new Date(now.getTime() - days * DAY_MS).toISOString();
      isoCache.set(days, s);
    }
    return s;
  };
  const dateCache = new Map<number, string>();
  const dateAhead = (days: number): string => {
    let s = dateCache.get(days);
    if (s === undefined) {
      s = new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
      dateCache.set(days, s);
    }
    return s;
  };
  const owner = () => (chance(0.02) ? UNKNOWN_OWNER : pick(OWNERS));

  const companies: SeedObject[] = [];
  const contacts: SeedObject[] = [];
  const deals: SeedObject[] = [];
  const notes: SeedObject[] = [];
  const associations: SeedAssociation[] = [];
  const companyNames: string[] = [];

  // Loop bodies are small functions so the JIT optimizes them early (cold runs matter in tests).
  const makeCompany = (i: number): void => {
    const id = String(30_000_000_000 + i + 1);
    const name = `${pick(PLACE)} ${pick(KIND)} ${i + 1}`;
    companyNames.push(name);
    const created = daysAgo(200 + Math.floor(rand() * 600));
    const activity = Math.floor(rand() * 150);
    const p: Record<string, string> = {
      hs_object_id: id, createdate: created, hs_lastmodifieddate: daysAgo(activity), name,
      hubspot_owner_id: owner(), hs_last_sales_activity_timestamp: daysAgo(activity),
    };
    // Profile fields present at random: ACC-1, ACC-2, ACC-4, ACC-5, REC-2 violations are common.
    if (chance(0.9)) p.domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
    if (chance(0.85)) p.phone = '+1 (555) 010-2000';
    if (chance(0.8)) { p.address = '1 Main Street'; p.city = pick(PLACE) + 'ville'; p.country = 'United States'; }
    if (chance(0.85)) p.industry = pick(INDUSTRY_VALUES);
    if (chance(0.75)) p.annualrevenue = String(1_000_000 + Math.floor(rand() * 90_000_000));
    if (chance(0.75)) p.numberofemployees = String(5 + Math.floor(rand() * 900));
    if (chance(0.85)) p.type = pick(ACCOUNT_TYPES);
    if (chance(0.7)) p.sla_tier = pick(['gold', 'silver', 'bronze']);
    if (chance(0.7)) p.business_unit = pick(['physician_services', 'hospital_services', 'dental']);
    if (chance(0.8)) p.account_executive = OWNER.ae;
    if (chance(0.7)) p.solution_engineer = OWNER.se;
    if (chance(0.6)) p.customer_success_manager = OWNER.csm;
    companies.push({ id, properties: p, createdAt: created, updatedAt: daysAgo(activity) });
  };
  for (let i = 0; i < companyCount; i++) makeCompany(i);

  let contactSeq = 0;
  let noteSeq = 0;
  const makeDeal = (i: number): void => {
    const id = String(50_000_000_000 + i + 1);
    const companyIndex = i % companyCount;
    const companyId = String(30_000_000_000 + companyIndex + 1);
    const governed = chance(0.9);
    const createdDays = 10 + Math.floor(rand() * 400);
    let p: Record<string, string>;
    let history: NonNullable<SeedObject['history']>;
    if (governed) {
      const pipeline = pick(GOVERNED);
      const stageIndex = Math.floor(rand() * SALES_STAGES.length);
      const stage = SALES_STAGES[stageIndex] as SalesStage;
      // The path to the current stage: usually from SQL, sometimes created later or skipping one (SALES-SQL-1).
      const reach = stage === 'lost' ? Math.floor(rand() * 4) : stageIndex;
      const start = chance(0.05) ? Math.min(1, reach) : 0;
      const path: SalesStage[] = [];
      for (let s = start; s <= reach; s++) if (!(s > start && s < reach && chance(0.05))) path.push(SALES_STAGES[s] as SalesStage);
      if (stage === 'lost') path.push('lost');
      const step = Math.max(1, Math.floor(createdDays / (path.length + 1)));
      history = {
        dealstage: path.map((s, k) => ({ value: salesStageId(pipeline, s), timestamp: daysAgo(createdDays - k * step), sourceType: 'CRM_UI' })).reverse(),
      };
      p = {
        hs_object_id: id, createdate: daysAgo(createdDays), hs_lastmodifieddate: daysAgo(Math.max(0, createdDays - path.length * step)),
        dealname: `${companyNames[companyIndex]} – ${pick(['RCM Services', 'Medical Coding', 'Credentialing', 'IT Services'])}`,
        pipeline: PIPELINE_ID[pipeline], dealstage: salesStageId(pipeline, stage), amount: String(10_000 + Math.floor(rand() * 400_000)),
        hubspot_owner_id: pick(OWNERS),
      };
      const at = (s: number) => reach >= s;
      if (chance(0.85)) p.enterprise_deal_status = pick(['yes', 'no']);
      if (chance(0.85)) p.hp_products = chance(0.5) ? pick(HP_VALUES) : `${pick(HP_VALUES)};rcm`;
      if (at(1) && chance(0.8)) p.annual_practice_collections = String(500_000 + Math.floor(rand() * 9_000_000));
      if (at(2)) {
        if (chance(0.85)) p.deal_meeting_required = pick(['yes', 'no']);
        if (chance(0.8)) p.deal_approval_status = pick(['approved', 'approved', 'pending']);
        if (chance(0.8)) p.rate_range = '4% – 6%';
        if (chance(0.8)) p.pricing_model = pick(['pct_collections', 'flat_fee', 'per_claim', 'hybrid']);
        if (chance(0.8)) p.verbal_commit_status = pick(['yes', 'yes', 'no']);
        if (chance(0.85)) p.contract_status = pick(['proposal_sent', 'proposal_signed', 'not_started']);
        if (chance(0.8)) p.client_data_confidence = pick(['high', 'medium', 'low']);
        if (chance(0.7)) { p.term_months = '36'; p.target_go_live_date = dateAhead(Math.floor(rand() * 120)); }
      }
      if (stage === 'won') {
        if (chance(0.8)) p.quoted_rcm_rate = '4.9';
        if (chance(0.8)) p.onboarding_questionnaire = pick(['uploaded', 'uploaded', 'not_started']);
        if (chance(0.8)) p.nda_status = pick(['signed', 'not_required']);
        if (chance(0.8)) p.baa_status = pick(['signed', 'sent']);
      }
      if (stage === 'lost') {
        if (chance(0.75)) p.deal_lost_reason_category = pick(LOST_VALUES);
        if (chance(0.7)) p.deal_lost_reason_details = 'Lost after pricing review.';
      }
      if (chance(0.3)) {
        const noteId = String(60_000_000_000 + ++noteSeq);
        const ts = daysAgo(Math.max(0, createdDays - Math.floor(rand() * createdDays)));
        notes.push({
          id: noteId, createdAt: ts, updatedAt: ts,
          properties: { hs_object_id: noteId, hs_timestamp: ts, hs_createdate: ts, hs_lastmodifieddate: ts, hubspot_owner_id: p.hubspot_owner_id ?? OWNER.ae,
            hs_note_body: chance(0.5) ? '<p>#S&amp;OP</p><p>Next steps agreed.</p>' : '<p>Next steps agreed.</p>' },
        });
        associations.push({ fromType: TYPE.note, fromId: noteId, toType: TYPE.deal, toId: id, types: NOTE_DEAL });
      }
    } else {
      const [stage] = pick(DEFAULT_STAGES);
      history = { dealstage: [{ value: stage, timestamp: daysAgo(createdDays), sourceType: 'CRM_UI' }] };
      p = {
        hs_object_id: id, createdate: daysAgo(createdDays), hs_lastmodifieddate: daysAgo(createdDays),
        dealname: `${companyNames[companyIndex]} – Referral`, pipeline: PIPELINE.salesDefault, dealstage: stage,
        amount: String(5_000 + Math.floor(rand() * 50_000)), hubspot_owner_id: pick(OWNERS),
      };
    }
    deals.push({ id, properties: p, createdAt: p.createdate ?? daysAgo(createdDays), updatedAt: p.hs_lastmodifieddate ?? daysAgo(0), history });
    associations.push({ fromType: TYPE.deal, fromId: id, toType: TYPE.company, toId: companyId, types: DEAL_COMPANY });

    for (let c = 0; c < perDeal; c++) makeContact(id, companyId, createdDays, c);
  };

  const makeContact = (dealId: string, companyId: string, createdDays: number, c: number): void => {
      const contactId = String(40_000_000_000 + ++contactSeq);
      const first = pick(FIRST);
      const last = pick(LAST);
      const activity = Math.floor(rand() * 120);
      const cp: Record<string, string> = {
        hs_object_id: contactId, createdate: daysAgo(createdDays + 5), lastmodifieddate: daysAgo(activity),
        firstname: first, lastname: last, jobtitle: pick(TITLES), hubspot_owner_id: owner(),
        hs_last_sales_activity_timestamp: daysAgo(activity), hs_email_optout: chance(0.05) ? 'true' : 'false',
      };
      if (chance(0.92)) cp.email = `${first}.${last}.${contactSeq}@example.com`.toLowerCase();
      if (chance(0.9)) cp.lifecyclestage = pick(LIFECYCLE_VALUES);
      if (chance(0.7)) cp.phone = '+1 (555) 010-3000';
      if (chance(0.5)) cp.number_of_providers = String(1 + Math.floor(rand() * 40));
      if (chance(0.03)) cp.hs_email_hard_bounce_reason_enum = 'MAILBOX_FULL';
      contacts.push({ id: contactId, properties: cp, createdAt: cp.createdate ?? '', updatedAt: cp.lastmodifieddate ?? '' });
      const role = c < ROLES.length && chance(0.7) ? DEAL_CONTACT_ROLE[ROLES[c] ?? ASSOC.champion] : DEAL_CONTACT;
      associations.push({ fromType: TYPE.deal, fromId: dealId, toType: TYPE.contact, toId: contactId, types: role ?? DEAL_CONTACT });
      associations.push({ fromType: TYPE.contact, fromId: contactId, toType: TYPE.company, toId: companyId, types: CONTACT_COMPANY });
  };
  for (let i = 0; i < dealCount; i++) makeDeal(i);

  return {
    ...buildMetadata(),
    objects: { [TYPE.company]: companies, [TYPE.contact]: contacts, [TYPE.deal]: deals, [TYPE.note]: notes },
    associations,
    files: [],
  };
}
