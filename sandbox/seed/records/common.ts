/**
 * Building blocks for the reference portal's records: complete property sets
 * (a record meets a rule unless a record deliberately breaks it), the rules
 * each kind of record is evaluated against (SOP-RULES.md, Resolutions:
 * "Where rules appear"), and expectation helpers that derive `met` from the
 * applicable rules minus the ones a record is declared to fail.
 */
import type { Expectation, PortalBuilder } from '../builder';
import { ASSOC, OWNER, TYPE, type GovernedPipeline, type SalesStage } from '../ids';

export type Props = Record<string, string | undefined>;

// ---------------------------------------------------------------- companies

export interface CompanySpec {
  id: string;
  name: string;
  domain: string | undefined;
  city: string;
  state: string;
  /** Days since the latest activity on the company (ACC-6, ACC-10). */
  activity: number;
  props?: Props;
}

/** A complete company: ACC-1 profile, type, SLA, account team, every S&OP company field. */
export function companyProps(spec: CompanySpec, clock: PortalBuilder['clock']): Props {
  return {
    name: spec.name,
    domain: spec.domain,
    website: spec.domain ? `https://${spec.domain}` : undefined,
    phone: '+1 (617) 555-0142',
    address: '200 Harbor Way, Suite 400',
    city: spec.city,
    state: spec.state,
    zip: '02110',
    country: 'United States',
    industry: 'MEDICAL_PRACTICE',
    annualrevenue: '18500000',
    numberofemployees: '140',
    hubspot_owner_id: OWNER.ae,
    type: 'PROSPECT',
    sla_tier: 'silver',
    account_executive: OWNER.ae,
    solution_engineer: OWNER.se,
    customer_success_manager: OWNER.csm,
    business_unit: 'physician_services',
    provider_specialty: 'Family Medicine',
    number_of_providers: '24',
    number_of_locations: '3',
    current_pm: 'athenaOne',
    current_ehr: 'athenaClinicals',
    current_rcm_processing: 'in_house',
    rcm_rate: '5.5',
    rcm_minimum: '7500',
    support_global_note: 'Billing office closes at 4pm ET on Fridays.',
    division: 'East',
    hs_last_sales_activity_timestamp: clock.daysAgo(spec.activity),
    notes_last_updated: clock.daysAgo(spec.activity + 0.5),
    ...spec.props,
  };
}

export const COMPANY_RULES = ['REC-2', 'REC-3', 'ACC-1', 'ACC-2', 'ACC-4', 'ACC-5', 'ACC-6', 'ACC-9', 'ACC-10'];

export function addCompany(b: PortalBuilder, spec: CompanySpec, failing: string[], note: string, shown: string[] = []): string {
  const props = companyProps(spec, b.clock);
  b.add(TYPE.company, spec.id, props, { created: 400, modified: Math.max(1, spec.activity) });
  b.expect(expectation(TYPE.company, spec.id, props.name ?? '', COMPANY_RULES, failing, note, ['REC-5', ...shown]));
  return spec.id;
}

// ----------------------------------------------------------------- contacts

export interface ContactSpec {
  id: string;
  first: string | undefined;
  last: string | undefined;
  /** Domain for the e-mail; `undefined` with `email` unset → no e-mail. */
  email: string | undefined;
  title: string;
  lifecycle: string | undefined;
  /** Days since the contact's latest activity. */
  activity: number;
  props?: Props;
}

export function contactProps(spec: ContactSpec, clock: PortalBuilder['clock']): Props {
  return {
    firstname: spec.first,
    lastname: spec.last,
    email: spec.email,
    phone: '+1 (617) 555-0199',
    jobtitle: spec.title,
    department: 'Revenue Cycle',
    preferred_channel: 'email',
    seniority_level: 'director',
    marketing_consent: 'granted',
    lifecyclestage: spec.lifecycle,
    hubspot_owner_id: OWNER.rep,
    hs_email_optout: 'false',
    hs_last_sales_activity_timestamp: clock.daysAgo(spec.activity),
    notes_last_updated: clock.daysAgo(spec.activity + 0.25),
    ...spec.props,
  };
}

const MQL = 'marketingqualifiedlead';
const SQL = 'salesqualifiedlead';

/** Rules evaluated on a contact in `lifecycle` (Resolutions: LC-4 SQL only, LC-8/LEAD-1 MQL or SQL, LC-5 not for Exclude from Marketing). */
export function contactRules(lifecycle: string | undefined, primaryContact: boolean): string[] {
  const rules = ['LC-1', 'REC-1', 'REC-3', 'REC-4', 'ACC-8', 'ACC-9'];
  if (lifecycle !== 'exclude_from_marketing') rules.push('LC-5');
  if (lifecycle === SQL) rules.push('LC-4');
  if (lifecycle === MQL || lifecycle === SQL) rules.push('LC-8', 'LEAD-1');
  if (primaryContact) rules.push('CH-1');
  return rules;
}

export interface ContactOptions {
  failing?: string[];
  shown?: string[];
  absent?: string[];
  /** Primary Contact of a Product Subscription (CH-1 applies). */
  primaryContact?: boolean;
  /** Primary company (association 1 + 279). */
  company?: string;
  /** Further, non-primary companies. */
  otherCompanies?: string[];
  created?: number;
}

export function addContact(b: PortalBuilder, spec: ContactSpec, note: string, opts: ContactOptions = {}): string {
  const props = contactProps(spec, b.clock);
  b.add(TYPE.contact, spec.id, props, { created: opts.created ?? 200, modified: Math.max(1, spec.activity) });
  if (opts.company) b.link(TYPE.contact, spec.id, TYPE.company, opts.company, [ASSOC.contactToCompanyPrimary, ASSOC.contactToCompany]);
  for (const other of opts.otherCompanies ?? []) b.link(TYPE.contact, spec.id, TYPE.company, other, [ASSOC.contactToCompany]);
  const name = [props.firstname, props.lastname].filter(Boolean).join(' ') || (props.email ?? spec.id);
  const e = expectation(TYPE.contact, spec.id, name, contactRules(spec.lifecycle, opts.primaryContact ?? false), opts.failing ?? [], note,
    ['CONSENT-1', 'LOG-1', 'REC-5', ...(opts.shown ?? [])]);
  if (opts.absent) e.absent = opts.absent;
  b.expect(e);
  return spec.id;
}

// -------------------------------------------------------------------- deals

export const SOP_DEAL_FIELDS = [
  'hubspot_owner_id', 'pricing_model', 'term_months', 'amount', 'arr_at_signing', 'non_recurring_revenue',
  'target_go_live_date', 'hp_products', 'legacy_pm', 'legacy_ehr', 'tax_id_count', 'annual_practice_charges',
  'annual_practice_collections', 'annual_visits', 'backlog_details', 'user_license_restrictions', 'contract_provisions',
];

const STAGE_ORDER: SalesStage[] = ['sql', 'engaged', 'proposal', 'poc', 'won'];

/** At or past `stage` in the open sequence (Closed – Won counts as past every open stage). */
export function reached(current: SalesStage, stage: SalesStage): boolean {
  if (current === 'lost') return false;
  return STAGE_ORDER.indexOf(current) >= STAGE_ORDER.indexOf(stage);
}

/** Every gate property a deal in `stage` has met, with realistic values. */
export function dealGateProps(stage: SalesStage, clock: PortalBuilder['clock']): Props {
  const props: Props = { enterprise_deal_status: 'no', hp_products: 'rcm;coding' };
  if (reached(stage, 'engaged') || stage === 'lost') props.annual_practice_collections = '4200000';
  if (reached(stage, 'proposal')) {
    Object.assign(props, {
      deal_meeting_required: 'no',
      deal_approval_status: 'approved',
      rate_range: '4.5% – 5.5%',
      pricing_model: 'pct_collections',
      verbal_commit_status: 'yes',
      contract_status: 'proposal_sent',
      client_data_confidence: 'high',
      term_months: '36',
      arr_at_signing: '210000',
      non_recurring_revenue: '15000',
      target_go_live_date: clock.date(60),
      legacy_pm: 'Kareo',
      legacy_ehr: 'eClinicalWorks',
      tax_id_count: '2',
      annual_practice_charges: '9800000',
      annual_visits: '41000',
      backlog_details: 'About 1,100 claims over 90 days in A/R.',
      user_license_restrictions: 'None.',
      contract_provisions: 'Termination for convenience with 90 days notice.',
    });
  }
  if (stage === 'won') {
    Object.assign(props, {
      quoted_rcm_rate: '4.9',
      contract_status: 'proposal_signed',
      onboarding_questionnaire: 'uploaded',
      nda_status: 'signed',
      baa_status: 'signed',
      target_go_live_date: clock.date(45),
    });
  }
  return props;
}

const GATES: Record<Exclude<SalesStage, 'lost'>, string[]> = {
  sql: ['SALES-SQL-2', 'SALES-SQL-3'],
  engaged: ['SALES-ENG-1', 'SALES-ENG-2', 'SALES-ENG-3', 'SALES-ENG-4'],
  proposal: ['SALES-PRO-1', 'SALES-PRO-2', 'SALES-PRO-3', 'SALES-PRO-4', 'SALES-PRO-5', 'SALES-PRO-6', 'SALES-PRO-7', 'SALES-PRO-8', 'SOP-1'],
  poc: ['SALES-POC-1'],
  won: ['SALES-WON-1', 'SALES-WON-2', 'SALES-WON-3', 'SALES-WON-4', 'SALES-WON-5', 'SALES-WON-6', 'SALES-WON-7', 'SALES-WON-8'],
};

/**
 * Evaluable rules on a governed deal in `stage` (Resolutions, Deals): the gates
 * of every stage it left plus those of its own stage (cumulative), SOP-1 from
 * Proposal on, the after-won checks (WON-9 only in New Business), stage order
 * and the buying committee throughout; a Closed – Lost deal only SALES-LOST-*.
 */
export function dealRules(pipeline: GovernedPipeline, stage: SalesStage): string[] {
  if (stage === 'lost') return ['SALES-LOST-1', 'SALES-LOST-2'];
  const rules = ['SALES-SQL-1', 'ACC-7'];
  for (const s of STAGE_ORDER) if (reached(stage, s)) rules.push(...GATES[s as Exclude<SalesStage, 'lost'>]);
  if (stage === 'won' && pipeline === 'newBusiness') rules.push('SALES-WON-9');
  return rules;
}

/** Guides and forms shown on a governed deal in `stage`. */
export function dealShown(stage: SalesStage): string[] {
  switch (stage) {
    case 'sql': return ['SALES-SQL-G1', 'SALES-SQL-G2', 'SALES-SQL-G3'];
    case 'proposal': return ['SALES-PRO-G1', 'SOP-2'];
    case 'won': return ['SALES-BACK-G1'];
    default: return [];
  }
}

export const ALL_DEAL_RULES = [
  'SALES-SQL-1', 'SALES-SQL-2', 'SALES-SQL-3', 'SALES-SQL-G1', 'SALES-SQL-G2', 'SALES-SQL-G3',
  'SALES-ENG-1', 'SALES-ENG-2', 'SALES-ENG-3', 'SALES-ENG-4', 'SALES-PRO-G1',
  'SALES-PRO-1', 'SALES-PRO-2', 'SALES-PRO-3', 'SALES-PRO-4', 'SALES-PRO-5', 'SALES-PRO-6', 'SALES-PRO-7', 'SALES-PRO-8',
  'SOP-1', 'SOP-2', 'SALES-POC-1',
  'SALES-WON-1', 'SALES-WON-2', 'SALES-WON-3', 'SALES-WON-4', 'SALES-WON-5', 'SALES-WON-6', 'SALES-WON-7', 'SALES-WON-8', 'SALES-WON-9',
  'SALES-LOST-1', 'SALES-LOST-2', 'SALES-BACK-G1', 'ACC-7',
];

// ------------------------------------------------------------- expectations

export function expectation(
  objectTypeId: string, id: string, name: string, applicable: string[], failing: string[], note: string, shown: string[] = [],
): Expectation {
  for (const rule of failing) {
    if (!applicable.includes(rule)) throw new Error(`Seed expectation: ${objectTypeId}/${id} fails ${rule}, which does not apply to it`);
  }
  return {
    objectTypeId,
    id,
    name,
    met: applicable.filter((r) => !failing.includes(r)),
    failing: [...failing],
    ...(shown.length ? { shown } : {}),
    note,
  };
}
