/**
 * The S&OP checklist (SOP-1) and the note the product can write (SOP-2),
 * 004_39361a476cc68959.txt. The checklist is every property the `#S&OP`
 * snippet pulls from the deal and its company, in the SOP's order.
 */
import type { ChecklistItem, Rule } from '../types';
import { SALES_SOP } from './sources';
import { PROPOSAL } from './pipelines';

const item = (object: string, property: string, label: string): ChecklistItem => ({ object, property, label });

export const sopChecklist: ChecklistItem[] = [
  item('deal', 'hubspot_owner_id', 'Deal Owner'),
  item('deal', 'pricing_model', 'Pricing Model'),
  item('deal', 'term_months', 'Term (Months)'),
  item('deal', 'amount', 'Deal Amount'),
  item('deal', 'arr_at_signing', 'Annual Recurring Revenue (ARR) at Signing'),
  item('deal', 'non_recurring_revenue', 'Non-Recurring Revenue'),
  item('deal', 'target_go_live_date', 'Target Go Live Date'),
  item('deal', 'hp_products', 'HP Product'),
  item('deal', 'legacy_pm', 'Legacy PM'),
  item('deal', 'legacy_ehr', 'Legacy EHR'),
  item('deal', 'tax_id_count', 'How many Tax IDs will be used by this practice?'),
  item('deal', 'annual_practice_charges', 'Annual Practice Charges'),
  item('deal', 'annual_practice_collections', 'Annual Practice Collections'),
  item('deal', 'annual_visits', 'Annual Visits'),
  item('deal', 'backlog_details', 'Backlog Details'),
  item('deal', 'user_license_restrictions', 'Are there any user license restrictions?'),
  item('deal', 'contract_provisions', 'Any specific contract provisions or handling we need to be aware of?'),
  item('company', 'name', 'Company Name'),
  item('company', 'business_unit', 'Business Unit'),
  item('company', 'provider_specialty', 'Provider Specialty'),
  item('company', 'number_of_providers', '# of Providers'),
  item('company', 'number_of_locations', 'Number of locations'),
  item('company', 'current_pm', 'Current PM'),
  item('company', 'current_ehr', 'Current EHR'),
  item('company', 'current_rcm_processing', 'Current RCM Processing'),
  item('company', 'rcm_rate', 'RCM Rate'),
  item('company', 'rcm_minimum', 'Minimum'),
  item('company', 'support_global_note', 'Support Global Note'),
  item('company', 'division', 'Division'),
];

export const sopNote = { tag: '#S&OP', checklist: 'sop', associateWith: ['deal', 'company'] };

export const sopRules: Rule[] = [
  {
    id: 'SOP-1', kind: 'check', severity: 'required', scope: { object: 'deal' },
    // From Proposal on: in Proposal it is what the #S&OP note needs next, after that a violation (Resolutions).
    stage: PROPOSAL, transition: 'leave',
    title: 'S&OP checklist complete',
    why: 'The #S&OP snippet pulls these deal and company properties into the note operations plans from. Fill every one before adding the snippet, so the note is complete.',
    source: {
      file: SALES_SOP,
      quote: 'Please ensure that the following are populated prior to adding the snippet in your notes so that you have complete data:',
    },
    test: { op: 'checklist', list: 'sop', label: 'Every S&OP item is filled in' },
  },
  {
    id: 'SOP-2', kind: 'form', form: 'sopNote', severity: 'required', scope: { object: 'deal' },
    stage: PROPOSAL, transition: 'leave',
    title: 'Write the S&OP note',
    why: 'The S&OP note must carry the deal\'s and company\'s values; the sidebar writes it for you from the checklist, on the deal and its company.',
    source: {
      file: SALES_SOP,
      quote: 'S&OP Snippet is intended to pull in properties from both the Deal and the Company objects.',
    },
  },
];
