/**
 * The default playbook follows the catalog's Resolutions (SOP-RULES.md).
 * Structural checks on the data; the engine tests check the behaviour.
 */
import { describe, expect, it } from 'vitest';
import { defaultPlaybook as pb } from '../../../lib/playbook/default';
import type { Predicate, Rule } from '../../../lib/playbook/types';

function rule(id: string): Rule {
  const found = pb.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

function test(id: string): Predicate | undefined {
  const r = rule(id);
  return r.kind === 'gate' || r.kind === 'check' || r.kind === 'form' ? r.test : undefined;
}

function staged(id: string): { stage?: string; transition?: string } {
  const r = rule(id);
  return r.kind === 'gate' || r.kind === 'check' || r.kind === 'form' ? { stage: r.stage, transition: r.transition } : {};
}

const WON = 'Closed – Won';
const LOST = 'Closed – Lost';

describe('default playbook: sales pipelines', () => {
  it('the three governed pipelines have the six stages in order, with en-dash closed stages', () => {
    for (const label of ['New Business', 'Expansion', 'Upsell']) {
      const p = pb.pipelines.find((x) => x.label === label);
      expect(p).toMatchObject({
        object: 'deal', governed: true, wonStage: WON, lostStage: LOST,
        stages: ['Sales Qualified Lead (SQL)', 'Engaged', 'Proposal', 'Partner of Choice', WON, LOST],
      });
    }
    expect(pb.pipelines.find((x) => x.label === 'Sales Pipeline')?.governed).toBe(false);
    expect(pb.pipelines.find((x) => x.object === 'clientHub')?.label).toBe('Client Hub');
    expect(pb.pipelines.find((x) => x.object === 'ticket')?.label).toBe('Implementation');
  });

  it('SALES-SQL-1 reads the stage order in every stage', () => {
    expect(test('SALES-SQL-1')).toMatchObject({ op: 'stageOrder' });
    expect(staged('SALES-SQL-1')).toEqual({ stage: undefined, transition: undefined });
  });

  it.each([
    ['SALES-SQL-2', 'Sales Qualified Lead (SQL)', { op: 'known', property: 'enterprise_deal_status' }],
    ['SALES-SQL-3', 'Sales Qualified Lead (SQL)', { op: 'hasAny', property: 'hp_products' }],
    ['SALES-ENG-1', 'Engaged', { op: 'hasAny', property: 'hp_products' }],
    ['SALES-ENG-2', 'Engaged', { op: 'associated', object: 'contact', where: { op: 'known', property: 'number_of_providers' } }],
    ['SALES-ENG-3', 'Engaged', { op: 'known', property: 'annual_practice_collections' }],
    ['SALES-ENG-4', 'Engaged', { op: 'engagement', types: ['note', 'call', 'email', 'meeting'], sinceStage: 'Engaged' }],
    ['SALES-PRO-1', 'Proposal', { op: 'known', property: 'deal_meeting_required' }],
    ['SALES-PRO-2', 'Proposal', { op: 'equals', property: 'deal_approval_status', value: 'approved' }],
    ['SALES-PRO-3', 'Proposal', { op: 'known', property: 'rate_range' }],
    ['SALES-PRO-4', 'Proposal', { op: 'known', property: 'pricing_model' }],
    ['SALES-PRO-5', 'Proposal', { op: 'equals', property: 'verbal_commit_status', value: 'yes' }],
    ['SALES-PRO-6', 'Proposal', { op: 'oneOf', property: 'contract_status', values: ['proposal_sent', 'proposal_signed'] }],
    ['SALES-PRO-7', 'Proposal', { op: 'known', property: 'client_data_confidence' }],
    ['SALES-PRO-8', 'Proposal', { op: 'engagement', types: ['note'], contains: '#S&OP' }],
    ['SALES-POC-1', 'Partner of Choice', { op: 'associated', object: 'company', primary: true, where: { op: 'known', property: 'business_unit' } }],
  ])('%s is needed to leave %s', (id, stage, predicate) => {
    expect(rule(id).kind).toBe('gate');
    expect(staged(id)).toEqual({ stage, transition: 'leave' });
    expect(test(id)).toMatchObject(predicate);
  });

  it.each([
    ['SALES-WON-1', { op: 'known', property: 'quoted_rcm_rate' }],
    ['SALES-WON-2', { op: 'equals', property: 'contract_status', value: 'proposal_signed' }],
    ['SALES-WON-3', { op: 'equals', property: 'onboarding_questionnaire', value: 'uploaded' }],
    ['SALES-WON-4', { op: 'known', property: 'target_go_live_date' }],
    ['SALES-WON-5', { op: 'known', property: 'nda_status' }],
    ['SALES-WON-6', { op: 'known', property: 'baa_status' }],
  ])('%s is needed to enter Closed – Won', (id, predicate) => {
    expect(staged(id)).toEqual({ stage: WON, transition: 'enter' });
    expect(test(id)).toMatchObject(predicate);
  });

  it.each([
    ['SALES-LOST-1', 'deal_lost_reason_category'],
    ['SALES-LOST-2', 'deal_lost_reason_details'],
  ])('%s is needed to enter Closed – Lost', (id, property) => {
    expect(staged(id)).toEqual({ stage: LOST, transition: 'enter' });
    expect(test(id)).toMatchObject({ op: 'known', property });
  });

  it('SALES-WON-7/8/9 are checks on won deals; WON-9 on New Business only', () => {
    for (const id of ['SALES-WON-7', 'SALES-WON-8', 'SALES-WON-9']) {
      expect(rule(id).kind).toBe('check');
      expect(rule(id).scope.when).toEqual({ op: 'inStage', outcome: 'won' });
    }
    expect(test('SALES-WON-7')).toMatchObject({ op: 'attachment', extension: 'pdf', nameContains: 'contract' });
    expect(test('SALES-WON-8')).toMatchObject({ op: 'attachment', nameEquals: '{company.name}_Calculator' });
    expect(rule('SALES-WON-9').scope.pipelines).toEqual(['New Business']);
    const won9 = test('SALES-WON-9');
    expect(won9).toMatchObject({ op: 'associated', object: 'ticket', where: { op: 'matches', property: 'subject' } });
    if (won9?.op === 'associated' && won9.where?.op === 'matches') {
      const re = new RegExp(won9.where.pattern, won9.where.flags);
      expect(re.test('Implementation – Acme Clinic')).toBe(true);
      expect(re.test('Support: Implementation question')).toBe(false);
    }
  });

  it('SOP-1 checks the S&OP checklist from Proposal on; SOP-2 writes the note', () => {
    expect(rule('SOP-1').kind).toBe('check');
    expect(staged('SOP-1')).toEqual({ stage: 'Proposal', transition: 'leave' });
    expect(test('SOP-1')).toMatchObject({ op: 'checklist', list: 'sop' });
    expect(rule('SOP-2')).toMatchObject({ kind: 'form', form: 'sopNote' });
    expect(pb.sopNote).toEqual({ tag: '#S&OP', checklist: 'sop', associateWith: ['deal', 'company'] });
  });

  it('SOP-1 lists the catalog\'s 17 deal and 12 company items, in order', () => {
    const items = pb.checklists['sop'] ?? [];
    expect(items.filter((i) => i.object === 'deal').map((i) => i.label)).toEqual([
      'Deal Owner', 'Pricing Model', 'Term (Months)', 'Deal Amount', 'Annual Recurring Revenue (ARR) at Signing',
      'Non-Recurring Revenue', 'Target Go Live Date', 'HP Product', 'Legacy PM', 'Legacy EHR',
      'How many Tax IDs will be used by this practice?', 'Annual Practice Charges', 'Annual Practice Collections',
      'Annual Visits', 'Backlog Details', 'Are there any user license restrictions?',
      'Any specific contract provisions or handling we need to be aware of?',
    ]);
    expect(items.filter((i) => i.object === 'company').map((i) => i.label)).toEqual([
      'Company Name', 'Business Unit', 'Provider Specialty', '# of Providers', 'Number of locations', 'Current PM',
      'Current EHR', 'Current RCM Processing', 'RCM Rate', 'Minimum', 'Support Global Note', 'Division',
    ]);
  });

  it('ACC-7 guards leaving SQL, per listed pipeline, with three contacts incl. Champion and Decision Maker', () => {
    expect(rule('ACC-7')).toMatchObject({ kind: 'gate', severity: 'recommended', scope: { pipelines: ['New Business', 'Expansion', 'Upsell'] } });
    expect(staged('ACC-7')).toEqual({ stage: 'Sales Qualified Lead (SQL)', transition: 'leave' });
    const text = JSON.stringify(test('ACC-7'));
    expect(text).toContain('"min":3');
    expect(text).toContain('"labels":["Champion"]');
    expect(text).toContain('"labels":["Decision Maker"]');
  });

  it('guides carry their text and, for SQL/Proposal guidance, their stage', () => {
    const guides = pb.rules.filter((r) => r.kind === 'guide');
    expect(guides.map((g) => g.id).sort()).toEqual([
      'CONSENT-1', 'LC-2', 'LC-3', 'LC-6', 'LC-7', 'LOG-1', 'REC-5',
      'SALES-BACK-G1', 'SALES-PRO-G1', 'SALES-SQL-G1', 'SALES-SQL-G2', 'SALES-SQL-G3',
    ]);
    for (const g of guides) if (g.kind === 'guide') expect(g.text.length).toBeGreaterThan(30);
    expect(rule('SALES-SQL-G1')).toMatchObject({ stage: 'Sales Qualified Lead (SQL)' });
    expect(rule('SALES-PRO-G1')).toMatchObject({ stage: 'Proposal' });
    expect(JSON.stringify(rule('SALES-PRO-G1'))).toContain('Small Kareo Practice Calculator');
    expect(JSON.stringify(rule('CONSENT-1'))).toContain('Email Marketing Consent form');
  });
});

describe('default playbook: contacts', () => {
  it('LC-1 fails on a blank stage and offers Target', () => {
    expect(test('LC-1')).toEqual({ op: 'known', property: 'lifecyclestage', label: 'Lifecycle Stage is set' });
    expect(rule('LC-1')).toMatchObject({ fix: { property: 'lifecyclestage', suggest: 'target' } });
  });

  it('LC-4 flags SQL contacts idle for staleSqlDays (30)', () => {
    expect(rule('LC-4').scope.when).toMatchObject({ op: 'equals', property: 'lifecyclestage', value: 'salesqualifiedlead' });
    expect(test('LC-4')).toMatchObject({ op: 'activityWithin', days: { param: 'staleSqlDays' } });
    expect(pb.parameters['staleSqlDays']).toBe(30);
  });

  it('LC-5 is Customer ⇔ a won governed deal on the primary company, exempting Exclude from Marketing', () => {
    expect(rule('LC-5').scope.when).toEqual({ op: 'not', of: { op: 'equals', property: 'lifecyclestage', value: 'exclude_from_marketing' } });
    expect(test('LC-5')).toMatchObject({
      op: 'iff',
      left: { op: 'equals', property: 'lifecyclestage', value: 'customer' },
      right: { op: 'associated', object: 'company', primary: true, where: { op: 'associated', object: 'deal', where: { op: 'inStage', outcome: 'won', governed: true } } },
    });
  });

  it('LC-8 applies to MQL/SQL only; all-lost needs at least one deal; reasons are a parameter', () => {
    expect(rule('LC-8').scope.when).toMatchObject({ op: 'oneOf', property: 'lifecyclestage', values: ['marketingqualifiedlead', 'salesqualifiedlead'] });
    const text = JSON.stringify(test('LC-8'));
    expect(text).toContain('"quantifier":"all","min":1');
    expect(text).toContain('{"param":"recyclableLostReasons"}');
    expect(text).toContain('hs_email_optout');
    expect(text).toContain('hs_email_hard_bounce_reason_enum');
    expect(pb.parameters['recyclableLostReasons']).toEqual(['timing', 'no_decision']);
    expect(rule('LC-8')).toMatchObject({ fix: { property: 'lifecyclestage', suggest: 'recycled' } });
  });

  it('LEAD-1 lists each condition, the rep\'s confirmation as a manual item', () => {
    expect(rule('LEAD-1').scope.when).toMatchObject({ op: 'oneOf', property: 'lifecyclestage' });
    const lead = test('LEAD-1');
    expect(lead?.op).toBe('all');
    if (lead?.op === 'all') {
      expect(lead.of.map((p) => p.op)).toEqual(['oneOf', 'not', 'activityWithin', 'manual']);
    }
    expect(pb.parameters['leadEngagementDays']).toBe(30);
  });

  it('REC-1..4 and the lifecycle section', () => {
    expect(JSON.stringify(test('REC-1'))).toMatch(/firstname.*lastname.*email.*lifecyclestage/);
    expect(JSON.stringify(test('REC-2'))).toMatch(/name.*domain/);
    expect(rule('REC-3').scope).toEqual({ object: 'contact', alsoOn: ['company'] });
    expect(test('REC-3')).toMatchObject({ op: 'ownerResolves', property: 'hubspot_owner_id' });
    expect(JSON.stringify(test('REC-4'))).toMatch(/"object":"company".*"object":"deal"/);
    expect(pb.lifecycle?.stages.map((s) => s.value)).toEqual([
      'target', 'marketingqualifiedlead', 'salesqualifiedlead', 'customer', 'exclude_from_marketing', 'additional_sales_contact', 'recycled',
    ]);
    expect(pb.lifecycle?.defaultValue).toBe('target');
  });
});

describe('default playbook: Client Hub and accounts', () => {
  it('CH-1 pairs Client Hub records with Primary Contacts, on subscriptions and contacts', () => {
    expect(rule('CH-1').scope).toEqual({ object: 'productSubscription', alsoOn: ['contact'] });
    expect(test('CH-1')).toMatchObject({ op: 'onePerPair', object: 'clientHub', pairWith: 'contact', pairLabels: ['Primary Contact'] });
  });

  it('CH-2/CH-3: only Connected check-in calls move the cadence; every outcome may be logged', () => {
    expect(pb.callLog?.checkIn).toMatchObject({ outcomes: ['Connected'], types: ['Check In - Call', 'Check In - WhatsApp'], directions: ['OUTBOUND', 'INBOUND'] });
    expect(pb.callLog?.outcomes).toEqual([]);
    expect(pb.callLog?.required).toContain('hs_call_body');
    expect(rule('CH-2')).toMatchObject({ kind: 'form', form: 'callLog' });
    expect(rule('CH-3')).toMatchObject({ kind: 'form', form: 'callLog' });
  });

  it('CH-4..8 are cadence checks with the SOP\'s numbers', () => {
    expect(test('CH-4')).toMatchObject({ op: 'cadence', check: 'ratioSet' });
    expect(rule('CH-4')).toMatchObject({ fix: { property: 'contact_ratio', suggest: '1_month' } });
    expect(test('CH-5')).toMatchObject({ op: 'cadence', check: 'preparation' });
    expect(test('CH-6')).toMatchObject({ op: 'cadence', check: 'overdue' });
    expect(test('CH-7')).toMatchObject({ op: 'cadence', check: 'call3Contact' });
    expect(test('CH-8')).toMatchObject({ op: 'cadence', check: 'summary' });
    expect(pb.cadence).toMatchObject({
      pipeline: 'Client Hub', defaultRatio: '1_month', notConnectedRatio: '1_month', prepLeadDays: 5, callSpacingDays: 5,
      stages: {
        preparation: 'Call Preparation', calls: ['Call 1', 'Call 2', 'Call 3'], summaryConnected: 'Summary of Call',
        summaryNotConnected: 'Summary – Not Connected', completed: 'Completed',
      },
      tasks: { calls: ['Check in call 1', 'Check in call 2', 'Check in call 3'], summaryConnected: 'Call summary', summaryNotConnected: 'Unsuccessful call - check in email' },
    });
    expect(pb.cadence?.ratios).toEqual({
      '1_week': { weeks: 1 }, '2_weeks': { weeks: 2 }, '1_month': { months: 1 }, '2_months': { months: 2 }, '3_months': { months: 3 }, '6_months': { months: 6 },
    });
  });

  it('ACC-1..10 are recommended, with the health formula of ACC-6', () => {
    for (const r of pb.rules.filter((x) => x.id.startsWith('ACC-'))) expect(r.severity).toBe('recommended');
    expect(JSON.stringify(test('ACC-1'))).toMatch(/name.*domain.*phone.*address.*city.*country.*industry.*annualrevenue.*numberofemployees/);
    expect(test('ACC-2')).toMatchObject({ op: 'oneOf', property: 'type', values: ['PROSPECT', 'CUSTOMER', 'PARTNER', 'COMPETITOR'] });
    expect(rule('ACC-3')).toMatchObject({ kind: 'view', view: 'hierarchy' });
    expect(JSON.stringify(test('ACC-4'))).toMatch(/account_executive.*solution_engineer.*customer_success_manager/);
    expect(test('ACC-5')).toMatchObject({ op: 'oneOf', property: 'sla_tier', values: ['gold', 'silver', 'bronze'] });
    expect(test('ACC-6')).toMatchObject({ op: 'healthScore' });
    expect(pb.health).toEqual({
      weights: { engagement: 0.4, velocity: 0.3, support: 0.3 }, atRisk: 50,
      engagement: { fullDays: 7, zeroDays: 90 }, velocity: { fullDays: 30, zeroDays: 120 },
      support: { perOpenTicket: 25, surgePenalty: 20, windowDays: 30 },
    });
    expect(JSON.stringify(test('ACC-8'))).toMatch(/jobtitle.*department.*preferred_channel.*seniority_level.*marketing_consent/);
    expect(rule('ACC-9').scope).toEqual({ object: 'contact', alsoOn: ['company'] });
    expect(test('ACC-10')).toMatchObject({ op: 'activityWithin', days: { param: 'noActivityDays' } });
    expect(pb.parameters['noActivityDays']).toBe(90);
  });

  it('objects, associations and activity properties as the reference portal defines them', () => {
    expect(pb.objects['clientHub']).toMatchObject({ name: 'client_hub' });
    expect(pb.objects['clientHub']?.objectTypeId).toBeUndefined();
    expect(pb.objects['productSubscription']).toMatchObject({ name: 'product_subscription' });
    expect(pb.associations.primary).toEqual([{ from: 'deal', to: 'company', typeId: 5 }, { from: 'contact', to: 'company', typeId: 1 }]);
    expect([pb.associations.parentToChild, pb.associations.childToParent]).toEqual([13, 14]);
    expect(pb.associations.labels.map((l) => l.label)).toEqual(['Champion', 'Influencer', 'Decision Maker', 'Blocker', 'Primary Contact']);
    expect(pb.activityProperties).toEqual({
      contact: ['hs_last_sales_activity_timestamp', 'notes_last_updated'],
      company: ['hs_last_sales_activity_timestamp', 'notes_last_updated'],
      deal: ['notes_last_updated'],
    });
  });
});
