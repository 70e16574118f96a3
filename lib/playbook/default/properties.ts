/**
 * Every property a rule, checklist or form names: the portal's internal name,
 * the label the SOP uses, and the HubSpot type lint expects (a type mismatch
 * would change what a rule means, e.g. `compare` on a string).
 */
import type { PlaybookProperty } from '../types';

type Row = [name: string, label: string, type?: PlaybookProperty['type']];

const on = (object: string, rows: Row[]): PlaybookProperty[] =>
  rows.map(([name, label, type]) => (type ? { object, name, label, type } : { object, name, label }));

const deal: Row[] = [
  ['dealname', 'Deal Name', 'string'],
  ['dealstage', 'Deal Stage', 'enumeration'],
  ['pipeline', 'Pipeline', 'enumeration'],
  ['hubspot_owner_id', 'Deal Owner', 'enumeration'],
  ['amount', 'Deal Amount', 'number'],
  ['closedate', 'Estimated decision date', 'datetime'],
  ['notes_last_updated', 'Last Activity Date', 'datetime'],
  ['enterprise_deal_status', 'Enterprise Deal Status', 'enumeration'],
  ['hp_products', 'HP Product(s)', 'enumeration'],
  ['annual_practice_collections', 'Annual Practice Collections', 'number'],
  ['deal_meeting_required', 'Deal Meeting Required', 'enumeration'],
  ['deal_approval_status', 'Deal Approval Status', 'enumeration'],
  ['rate_range', 'Rate Range', 'string'],
  ['pricing_model', 'Pricing Model', 'enumeration'],
  ['verbal_commit_status', 'Verbal Commit Status', 'enumeration'],
  ['contract_status', 'Contract Status', 'enumeration'],
  ['client_data_confidence', 'Level of Confidence in Client Data', 'enumeration'],
  ['term_months', 'Term (Months)', 'number'],
  ['arr_at_signing', 'Annual Recurring Revenue (ARR) at Signing', 'number'],
  ['non_recurring_revenue', 'Non-Recurring Revenue', 'number'],
  ['target_go_live_date', 'Projected/Target Go-Live Date', 'date'],
  ['legacy_pm', 'Legacy PM', 'string'],
  ['legacy_ehr', 'Legacy EHR', 'string'],
  ['tax_id_count', 'How many Tax IDs will be used by this practice?', 'number'],
  ['annual_practice_charges', 'Annual Practice Charges', 'number'],
  ['annual_visits', 'Annual Visits', 'number'],
  ['backlog_details', 'Backlog Details', 'string'],
  ['user_license_restrictions', 'Are there any user license restrictions?', 'string'],
  ['contract_provisions', 'Any specific contract provisions or handling we need to be aware of?', 'string'],
  ['quoted_rcm_rate', 'Quoted RCM Rate', 'number'],
  ['onboarding_questionnaire', 'Onboarding Questionnaire', 'enumeration'],
  ['nda_status', 'NDA Status', 'enumeration'],
  ['baa_status', 'BAA Status', 'enumeration'],
  ['deal_lost_reason_category', 'Deal Lost Reason Category', 'enumeration'],
  ['deal_lost_reason_details', 'Deal Lost Reason Details', 'string'],
];

const contact: Row[] = [
  ['firstname', 'First Name', 'string'],
  ['lastname', 'Last Name', 'string'],
  ['email', 'Email', 'string'],
  ['phone', 'Phone Number', 'string'],
  ['jobtitle', 'Job Title', 'string'],
  ['lifecyclestage', 'Lifecycle Stage', 'enumeration'],
  ['hubspot_owner_id', 'Contact Owner', 'enumeration'],
  ['hs_email_optout', 'Unsubscribed from all email', 'bool'],
  ['hs_email_hard_bounce_reason_enum', 'Email hard bounce reason', 'enumeration'],
  ['notes_last_updated', 'Last Activity Date', 'datetime'],
  ['hs_last_sales_activity_timestamp', 'Last Engagement Date', 'datetime'],
  ['number_of_providers', 'Number of Providers', 'number'],
  ['department', 'Department', 'string'],
  ['preferred_channel', 'Preferred channel', 'enumeration'],
  ['seniority_level', 'Seniority', 'enumeration'],
  ['marketing_consent', 'Marketing consent', 'enumeration'],
];

const company: Row[] = [
  ['name', 'Company Name', 'string'],
  ['domain', 'Company Domain Name', 'string'],
  ['phone', 'Phone Number', 'string'],
  ['address', 'Street Address', 'string'],
  ['city', 'City', 'string'],
  ['country', 'Country/Region', 'string'],
  ['industry', 'Industry', 'enumeration'],
  ['annualrevenue', 'Annual Revenue', 'number'],
  ['numberofemployees', 'Number of Employees', 'number'],
  ['hubspot_owner_id', 'Company Owner', 'enumeration'],
  ['hs_parent_company_id', 'Parent Company', 'number'],
  ['type', 'Account type', 'enumeration'],
  ['notes_last_updated', 'Last Activity Date', 'datetime'],
  ['hs_last_sales_activity_timestamp', 'Last Engagement Date', 'datetime'],
  ['business_unit', 'Business Unit', 'enumeration'],
  ['provider_specialty', 'Provider Specialty', 'string'],
  ['number_of_providers', '# of Providers', 'number'],
  ['number_of_locations', 'Number of locations', 'number'],
  ['current_pm', 'Current PM', 'string'],
  ['current_ehr', 'Current EHR', 'string'],
  ['current_rcm_processing', 'Current RCM Processing', 'enumeration'],
  ['rcm_rate', 'RCM Rate', 'number'],
  ['rcm_minimum', 'Minimum', 'number'],
  ['support_global_note', 'Support Global Note', 'string'],
  ['division', 'Division', 'string'],
  ['sla_tier', 'SLA tier', 'enumeration'],
  ['account_executive', 'Account Executive', 'enumeration'],
  ['solution_engineer', 'Solution Engineer', 'enumeration'],
  ['customer_success_manager', 'Customer Success Manager', 'enumeration'],
];

const ticket: Row[] = [
  ['subject', 'Ticket name', 'string'],
  ['hs_pipeline', 'Pipeline', 'enumeration'],
  ['hs_pipeline_stage', 'Ticket status', 'enumeration'],
];

const clientHub: Row[] = [
  ['hs_object_id', 'Record ID', 'number'],
  ['hs_pipeline', 'Pipeline', 'enumeration'],
  ['hs_pipeline_stage', 'Stage', 'enumeration'],
  ['contact_ratio', 'Contact | Ratio', 'enumeration'],
  ['next_contact_date', 'Next contact date', 'date'],
  ['last_check_in_date', 'Last check-in date', 'date'],
  ['hubspot_owner_id', 'Owner', 'enumeration'],
];

const productSubscription: Row[] = [
  ['product_name', 'Product name', 'string'],
  ['status', 'Status', 'enumeration'],
];

export const properties: PlaybookProperty[] = [
  ...on('deal', deal),
  ...on('contact', contact),
  ...on('company', company),
  ...on('ticket', ticket),
  ...on('clientHub', clientHub),
  ...on('productSubscription', productSubscription),
];
