import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../lib/playbook/default/index';
import { propertiesByObject, ruleMayApply, viewRequirements, type FocusContext, type RecordNeeds } from '../../../lib/playbook/requirements';
import type { Playbook, Rule } from '../../../lib/playbook/types';

const pb = defaultPlaybook;
const child = (n: RecordNeeds, object: string, primaryOnly?: boolean) =>
  n.associations.find((a) => a.object === object && (primaryOnly === undefined || a.primaryOnly === primaryOnly));
const rule = (id: string): Rule => pb.rules.find((r) => r.id === id)!;

const dealIn = (pipeline: string, stage: string, extra: Partial<FocusContext['pipeline'] & object> = {}): FocusContext => ({
  properties: {},
  pipeline: {
    label: pipeline, stageLabel: stage,
    isClosed: stage.startsWith('Closed'), probability: stage === 'Closed – Won' ? 1 : stage === 'Closed – Lost' ? 0 : 0.3, ...extra,
  },
});

describe('viewRequirements: deal', () => {
  const req = viewRequirements(pb, 'deal');

  it('SALES-SQL-2/3, SALES-PRO-*, SALES-WON-1…6, SALES-LOST-*: the gate properties on the deal', () => {
    expect(req.propertiesByObject.deal).toEqual(expect.arrayContaining([
      'enterprise_deal_status', 'hp_products', 'deal_meeting_required', 'deal_approval_status', 'rate_range',
      'pricing_model', 'verbal_commit_status', 'contract_status', 'client_data_confidence', 'quoted_rcm_rate',
      'onboarding_questionnaire', 'target_go_live_date', 'nda_status', 'baa_status',
      'deal_lost_reason_category', 'deal_lost_reason_details', 'pipeline', 'dealstage',
    ]));
  });

  it('SALES-SQL-1 and SALES-ENG-4 read the dealstage history', () => {
    expect(req.historyByObject.deal).toEqual(['dealstage']);
  });

  it('SOP-1: the checklist on the deal and on its primary company', () => {
    expect(req.propertiesByObject.deal).toEqual(expect.arrayContaining(['hubspot_owner_id', 'term_months', 'arr_at_signing', 'contract_provisions']));
    const company = child(req.focus, 'company', true)!;
    expect(company.needs.properties).toEqual(expect.arrayContaining(['name', 'business_unit', 'rcm_rate', 'rcm_minimum', 'support_global_note', 'division']));
  });

  it('SALES-ENG-2 and ACC-7: the deal\'s contacts with Number of Providers (labels come with the list)', () => {
    const contact = child(req.focus, 'contact')!;
    expect(contact.needs.properties).toEqual(expect.arrayContaining(['number_of_providers', 'firstname', 'lastname']));
    expect(contact.primaryOnly).toBe(false);
  });

  it('SALES-ENG-4 and SALES-PRO-8 are probes: notes with their body, and the other types only if needed', () => {
    const e = req.focus.engagements!;
    expect(e.probes).toEqual(expect.arrayContaining([
      { types: ['note', 'call', 'email', 'meeting'], sinceStage: 'Engaged' },
      { types: ['note'], contains: '#S&OP' },
    ]));
    expect(e.properties.note).toEqual(expect.arrayContaining(['hs_timestamp', 'hs_attachment_ids', 'hs_note_body']));
  });

  it('SALES-WON-7/8/9: attachments, files, the company name and tickets only for won deals; WON-9 only in New Business', () => {
    const engaged = viewRequirements(pb, 'deal', dealIn('New Business', 'Engaged'));
    expect(engaged.rules).not.toContain('SALES-WON-7');
    expect(engaged.focus.files).toBe(false);
    expect(engaged.focus.engagements!.required).toEqual([]);
    expect(child(engaged.focus, 'ticket')).toBeUndefined();

    const won = viewRequirements(pb, 'deal', dealIn('New Business', 'Closed – Won'));
    expect(won.rules).toEqual(expect.arrayContaining(['SALES-WON-7', 'SALES-WON-8', 'SALES-WON-9']));
    expect(won.focus.files).toBe(true);
    expect(won.focus.engagements!.required).toEqual(['note', 'call', 'email', 'meeting', 'task']);
    expect(child(won.focus, 'ticket')!.needs.properties).toContain('subject');
    expect(child(won.focus, 'company', true)!.needs.properties).toContain('name');

    const expansion = viewRequirements(pb, 'deal', dealIn('Expansion', 'Closed – Won'));
    expect(expansion.rules).not.toContain('SALES-WON-9');
    expect(child(expansion.focus, 'ticket')).toBeUndefined();
  });

  it('a deal in an ungoverned pipeline needs no SALES-*, SOP-* or ACC-7 data', () => {
    const req2 = viewRequirements(pb, 'deal', dealIn('Sales Pipeline', 'Qualified To Buy'));
    expect(req2.rules).toEqual([]);
    expect(req2.focus.associations).toEqual([]);
    expect(req2.focus.engagements).toBeNull();
  });

  it('ACC-7 follows its pipeline list: switched off for a pipeline the playbook leaves out', () => {
    const narrowed: Playbook = {
      ...pb,
      rules: pb.rules.map((r) => (r.id === 'ACC-7' ? { ...r, scope: { ...r.scope, pipelines: ['Upsell'] } } : r)),
    };
    expect(ruleMayApply(narrowed, narrowed.rules.find((r) => r.id === 'ACC-7')!, 'deal', dealIn('New Business', 'Engaged'))).toBe(false);
    expect(ruleMayApply(narrowed, narrowed.rules.find((r) => r.id === 'ACC-7')!, 'deal', dealIn('Upsell', 'Engaged'))).toBe(true);
  });
});

describe('viewRequirements: contact', () => {
  const req = viewRequirements(pb, 'contact');

  it('REC-1, ACC-8, LC-1: the contact\'s own fields, HubSpot\'s opt-out for LEAD-1', () => {
    expect(req.propertiesByObject.contact).toEqual(expect.arrayContaining([
      'firstname', 'lastname', 'email', 'lifecyclestage', 'jobtitle', 'phone', 'department', 'preferred_channel',
      'seniority_level', 'marketing_consent', 'hs_email_optout', 'hs_email_hard_bounce_reason_enum', 'hubspot_owner_id',
    ]));
  });

  it('LC-5: the primary company\'s deals with their pipeline and stage', () => {
    const company = child(req.focus, 'company', true)!;
    const deals = child(company.needs, 'deal')!;
    expect(deals.needs.properties).toEqual(expect.arrayContaining(['pipeline', 'dealstage']));
  });

  it('LC-8 and REC-4: the contact\'s own deals with the lost reason', () => {
    expect(child(req.focus, 'deal')!.needs.properties).toEqual(expect.arrayContaining(['deal_lost_reason_category', 'dealstage']));
  });

  it('LC-4 and LEAD-1: activity windows, satisfied by the activity properties before engagements', () => {
    expect(req.focus.engagements!.activityWithin).toEqual([{ param: 'staleSqlDays' }, { param: 'leadEngagementDays' }]);
    expect(req.propertiesByObject.contact).toEqual(expect.arrayContaining(['hs_last_sales_activity_timestamp', 'notes_last_updated']));
  });

  it('LC-4, LC-8, LEAD-1 do not apply to a Customer: no activity needed then', () => {
    const customer = viewRequirements(pb, 'contact', { properties: { lifecyclestage: 'customer' }, pipeline: null });
    expect(customer.rules).not.toContain('LC-4');
    expect(customer.rules).not.toContain('LEAD-1');
    expect(customer.rules).toContain('LC-5');
    expect(customer.focus.engagements).toBeNull();
    const excluded = viewRequirements(pb, 'contact', { properties: { lifecyclestage: 'exclude_from_marketing' }, pipeline: null });
    expect(excluded.rules).not.toContain('LC-5');
  });

  it('CH-1 on a Primary Contact: its subscriptions, their labelled contacts and Client Hub records', () => {
    const sub = child(req.focus, 'productSubscription')!;
    expect(child(sub.needs, 'contact')).toBeDefined();
    expect(child(child(sub.needs, 'clientHub')!.needs, 'contact')).toBeDefined();
    expect(child(child(req.focus, 'clientHub')!.needs, 'productSubscription')).toBeDefined();
  });

  it('ACC-9: duplicates searched by email', () => {
    expect(req.focus.duplicates).toBe(true);
    expect(req.propertiesByObject.contact).toContain('email');
  });
});

describe('viewRequirements: company, Client Hub, Product Subscription', () => {
  it('ACC-3: the hierarchy, with each descendant\'s deals and tickets for the roll-ups', () => {
    const req = viewRequirements(pb, 'company');
    const h = req.focus.hierarchy!;
    expect(h).toMatchObject({ parentToChild: 13, childToParent: 14 });
    expect(h.descendants.properties).toEqual(expect.arrayContaining(['name', 'annualrevenue']));
    expect(child(h.descendants, 'deal')!.needs.properties).toEqual(expect.arrayContaining(['pipeline', 'dealstage']));
    expect(child(h.descendants, 'ticket')!.needs.properties).toEqual(expect.arrayContaining(['hs_pipeline', 'hs_pipeline_stage']));
  });

  it('ACC-6: company activity, its contacts\' activity, deal stage time and ticket dates', () => {
    const req = viewRequirements(pb, 'company');
    expect(req.focus.engagements!.required).toEqual(['note', 'call', 'email', 'meeting', 'task']);
    expect(child(req.focus, 'contact')!.needs.properties).toEqual(expect.arrayContaining(['hs_last_sales_activity_timestamp', 'notes_last_updated']));
    expect(req.historyByObject.deal).toEqual(['dealstage']);
    expect(req.propertiesByObject.deal).toContain('hs_v2_date_entered_current_stage');
    expect(req.propertiesByObject.ticket).toEqual(expect.arrayContaining(['createdate', 'hs_pipeline_stage']));
  });

  it('ACC-1/2/4/5, REC-2/3: the company profile and account team', () => {
    expect(viewRequirements(pb, 'company').propertiesByObject.company).toEqual(expect.arrayContaining([
      'name', 'domain', 'phone', 'address', 'city', 'country', 'industry', 'annualrevenue', 'numberofemployees',
      'type', 'sla_tier', 'account_executive', 'solution_engineer', 'customer_success_manager', 'hubspot_owner_id',
    ]));
  });

  it('CH-4…CH-8: cadence properties, stage history, calls, emails and tasks of the Client Hub record', () => {
    const req = viewRequirements(pb, 'clientHub');
    expect(req.propertiesByObject.clientHub).toEqual(expect.arrayContaining(['contact_ratio', 'last_check_in_date', 'next_contact_date', 'hs_pipeline', 'hs_pipeline_stage']));
    expect(req.historyByObject.clientHub).toEqual(['hs_pipeline_stage']);
    expect(req.focus.engagements!.required).toEqual(['call', 'email', 'task']);
    expect(req.focus.engagements!.properties.call).toEqual(expect.arrayContaining(['hs_call_disposition', 'hs_activity_type', 'hs_call_direction']));
    expect(child(req.focus, 'contact')).toBeDefined();
  });

  it('CH-1 on a Product Subscription: its contacts (labels), its Client Hub records and theirs contacts', () => {
    const req = viewRequirements(pb, 'productSubscription');
    expect(req.rules).toEqual(['CH-1']);
    expect(child(req.focus, 'contact')).toBeDefined();
    expect(child(child(req.focus, 'clientHub')!.needs, 'contact')).toBeDefined();
  });
});

describe('the playbook decides, never the code', () => {
  it('a renamed property and a disabled rule change what is loaded', () => {
    const renamed: Playbook = {
      ...pb,
      rules: pb.rules
        .filter((r) => r.id !== 'ACC-7')
        .map((r) => (r.id === 'SALES-PRO-3' ? { ...r, test: { op: 'known' as const, property: 'x_rate_band' } } : r)),
    };
    const req = viewRequirements(renamed, 'deal');
    expect(req.propertiesByObject.deal).toContain('x_rate_band');
    expect(req.propertiesByObject.deal).not.toContain('rate_range');
    const disabled: Playbook = { ...pb, rules: pb.rules.map((r) => (r.id === 'SOP-1' || r.id === 'SOP-2' ? { ...r, enabled: false } : r)) };
    expect(viewRequirements(disabled, 'deal').rules).not.toContain('SOP-1');
    expect(propertiesByObject(disabled).deal).not.toContain('arr_at_signing');
  });

  it('rules of other objects never leak in', () => {
    expect(ruleMayApply(pb, rule('LC-1'), 'deal')).toBe(false);
    expect(ruleMayApply(pb, rule('REC-3'), 'company')).toBe(true);
    expect(viewRequirements(pb, 'ticket').rules).toEqual([]);
  });

  it('every object\'s properties, over every view (for a compliance scan)', () => {
    const all = propertiesByObject(pb);
    expect(Object.keys(all).sort()).toEqual(['clientHub', 'company', 'contact', 'deal', 'productSubscription', 'ticket']);
    expect(all.deal).toContain('deal_lost_reason_category');
  });
});
