/**
 * Property definitions of the reference portal, per object type: HubSpot's
 * defaults the product reads plus every custom property in
 * ../shared/REFERENCE-PORTAL.md, with HubSpot's `type` / `fieldType` pairs.
 * Owner-valued properties are enumerations whose options are the owners,
 * as HubSpot reports them; pipeline/stage properties list every pipeline's.
 */
import type { PropertyDef } from '../../lib/rules/snapshot';
import type { SeedData, SeedPipeline } from './types';
import { TYPE } from './ids';

type Opt = [value: string, label: string];

const options = (opts: Opt[]) =>
  opts.map(([value, label], displayOrder) => ({ label, value, hidden: false, displayOrder }));

const def = (name: string, label: string, type: string, fieldType: string, hubspotDefined: boolean, opts: Opt[] = []): PropertyDef =>
  ({ name, label, type, fieldType, options: options(opts), hubspotDefined });

// HubSpot-defined properties.
const hs = {
  text: (name: string, label: string) => def(name, label, 'string', 'text', true),
  textarea: (name: string, label: string) => def(name, label, 'string', 'textarea', true),
  html: (name: string, label: string) => def(name, label, 'string', 'html', true),
  phone: (name: string, label: string) => def(name, label, 'string', 'phonenumber', true),
  number: (name: string, label: string) => def(name, label, 'number', 'number', true),
  datetime: (name: string, label: string) => def(name, label, 'datetime', 'date', true),
  date: (name: string, label: string) => def(name, label, 'date', 'date', true),
  select: (name: string, label: string, opts: Opt[]) => def(name, label, 'enumeration', 'select', true, opts),
  radio: (name: string, label: string, opts: Opt[]) => def(name, label, 'enumeration', 'radio', true, opts),
  bool: (name: string, label: string) => def(name, label, 'bool', 'booleancheckbox', true, [['true', 'Yes'], ['false', 'No']]),
};

// The portal's own properties.
const custom = {
  text: (name: string, label: string) => def(name, label, 'string', 'text', false),
  textarea: (name: string, label: string) => def(name, label, 'string', 'textarea', false),
  number: (name: string, label: string) => def(name, label, 'number', 'number', false),
  date: (name: string, label: string) => def(name, label, 'date', 'date', false),
  select: (name: string, label: string, opts: Opt[]) => def(name, label, 'enumeration', 'select', false, opts),
  radio: (name: string, label: string, opts: Opt[]) => def(name, label, 'enumeration', 'radio', false, opts),
  checkbox: (name: string, label: string, opts: Opt[]) => def(name, label, 'enumeration', 'checkbox', false, opts),
};

const YES_NO: Opt[] = [['yes', 'Yes'], ['no', 'No']];
const DOC_STATUS: Opt[] = [['not_required', 'Not Required'], ['sent', 'Sent'], ['signed', 'Signed']];

export const HP_PRODUCTS: Opt[] = [
  ['rcm', 'RCM'],
  ['credentialing', 'Credentialing'],
  ['coding', 'Medical Coding'],
  ['it_services', 'IT Services'],
  ['patient_engagement', 'Patient Engagement'],
];

export const LOST_REASONS: Opt[] = [
  ['price', 'Price'],
  ['competitor', 'Competitor'],
  ['timing', 'Timing'],
  ['no_decision', 'No Decision'],
  ['bad_fit', 'Bad Fit'],
  ['other', 'Other'],
];

export const LIFECYCLE_STAGES: Opt[] = [
  ['target', 'Target'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['customer', 'Customer'],
  ['exclude_from_marketing', 'Exclude from Marketing'],
  ['additional_sales_contact', 'Additional Sales Contact'],
  ['recycled', 'Recycled'],
];

export const INDUSTRIES: Opt[] = [
  ['HOSPITAL_HEALTH_CARE', 'Hospital & Health Care'],
  ['MEDICAL_PRACTICE', 'Medical Practice'],
  ['MENTAL_HEALTH_CARE', 'Mental Health Care'],
  ['HEALTH_WELLNESS_AND_FITNESS', 'Health, Wellness and Fitness'],
  ['MEDICAL_DEVICES', 'Medical Devices'],
  ['PHARMACEUTICALS', 'Pharmaceuticals'],
  ['INSURANCE', 'Insurance'],
  ['INFORMATION_TECHNOLOGY_AND_SERVICES', 'Information Technology and Services'],
  ['COMPUTER_SOFTWARE', 'Computer Software'],
  ['HOSPITALITY', 'Hospitality'],
];

export const CALL_TYPES: Opt[] = [
  ['Check In - Call', 'Check In - Call'],
  ['Check In - WhatsApp', 'Check In - WhatsApp'],
  ['Discovery', 'Discovery'],
  ['Follow-up', 'Follow-up'],
  ['Support', 'Support'],
];

const BOUNCE_REASONS: Opt[] = [
  ['UNKNOWN_USER', 'Unknown user'],
  ['MAILBOX_FULL', 'Mailbox full'],
  ['DNS_FAILURE', 'DNS failure'],
  ['POLICY', 'Policy'],
  ['SPAM', 'Spam'],
  ['OTHER', 'Other'],
];

type Owners = SeedData['owners'];

const ownerOptions = (owners: Owners): Opt[] =>
  owners.map((o) => [o.id, `${o.firstName} ${o.lastName}`]);

const ownerProp = (owners: Owners, name = 'hubspot_owner_id', label = 'Owner', hubspotDefined = true): PropertyDef =>
  def(name, label, 'enumeration', 'select', hubspotDefined, ownerOptions(owners));

const pipelineProps = (pipelines: SeedPipeline[], pipelineName: string, stageName: string, stageLabel: string): PropertyDef[] => [
  hs.select(pipelineName, 'Pipeline', pipelines.map((p) => [p.id, p.label])),
  hs.radio(stageName, stageLabel, pipelines.flatMap((p) => p.stages.map((s): Opt => [s.id, s.label]))),
];

/** Every object has these (HubSpot sends them without being asked). */
const base = (createdName = 'createdate', modifiedName = 'hs_lastmodifieddate'): PropertyDef[] => [
  hs.number('hs_object_id', 'Record ID'),
  hs.datetime(createdName, 'Create Date'),
  hs.datetime(modifiedName, 'Last Modified Date'),
];

const activity = (): PropertyDef[] => [
  hs.datetime('notes_last_updated', 'Last Activity Date'),
  hs.datetime('hs_last_sales_activity_timestamp', 'Last Engagement Date'),
  hs.datetime('hs_lastactivitydate', 'Last Activity Date (any)'),
];

function dealProperties(owners: Owners, pipelines: SeedPipeline[]): PropertyDef[] {
  return [
    ...base(),
    hs.text('dealname', 'Deal Name'),
    hs.number('amount', 'Amount'),
    ...pipelineProps(pipelines, 'pipeline', 'dealstage', 'Deal Stage'),
    hs.datetime('closedate', 'Close Date'),
    ownerProp(owners, 'hubspot_owner_id', 'Deal Owner'),
    hs.datetime('notes_last_updated', 'Last Activity Date'),
    hs.datetime('hs_lastactivitydate', 'Last Activity Date (any)'),
    hs.select('dealtype', 'Deal Type', [['newbusiness', 'New Business'], ['existingbusiness', 'Existing Business']]),
    custom.radio('enterprise_deal_status', 'Enterprise Deal Status', YES_NO),
    custom.checkbox('hp_products', 'HP Product(s)', HP_PRODUCTS),
    custom.number('annual_practice_collections', 'Annual Practice Collections'),
    custom.radio('deal_meeting_required', 'Deal Meeting Required', YES_NO),
    custom.select('deal_approval_status', 'Deal Approval Status', [['pending', 'Pending'], ['approved', 'Approved'], ['rejected', 'Rejected']]),
    custom.text('rate_range', 'Rate Range'),
    custom.select('pricing_model', 'Pricing Model', [
      ['pct_collections', 'Percentage of Collections'], ['flat_fee', 'Flat Fee'], ['per_claim', 'Per Claim'], ['hybrid', 'Hybrid'],
    ]),
    custom.radio('verbal_commit_status', 'Verbal Commit Status', YES_NO),
    custom.select('contract_status', 'Contract Status', [
      ['not_started', 'Not Started'], ['proposal_sent', 'Proposal sent'], ['proposal_signed', 'Proposal signed'],
    ]),
    custom.select('client_data_confidence', 'Level of Confidence in Client Data', [['high', 'High'], ['medium', 'Medium'], ['low', 'Low']]),
    custom.number('term_months', 'Term (Months)'),
    custom.number('arr_at_signing', 'Annual Recurring Revenue (ARR) at Signing'),
    custom.number('non_recurring_revenue', 'Non-Recurring Revenue'),
    custom.date('target_go_live_date', 'Projected/Target Go-Live Date'),
    custom.text('legacy_pm', 'Legacy PM'),
    custom.text('legacy_ehr', 'Legacy EHR'),
    custom.number('tax_id_count', 'How many Tax IDs will be used by this practice?'),
    custom.number('annual_practice_charges', 'Annual Practice Charges'),
    custom.number('annual_visits', 'Annual Visits'),
    custom.textarea('backlog_details', 'Backlog Details'),
    custom.textarea('user_license_restrictions', 'Are there any user license restrictions?'),
    custom.textarea('contract_provisions', 'Any specific contract provisions or handling we need to be aware of?'),
    custom.number('quoted_rcm_rate', 'Quoted RCM Rate'),
    custom.select('onboarding_questionnaire', 'Onboarding Questionnaire', [['not_started', 'Not Started'], ['uploaded', 'Uploaded']]),
    custom.select('nda_status', 'NDA Status', DOC_STATUS),
    custom.select('baa_status', 'BAA Status', DOC_STATUS),
    custom.select('deal_lost_reason_category', 'Deal Lost Reason Category', LOST_REASONS),
    custom.textarea('deal_lost_reason_details', 'Deal Lost Reason Details'),
  ];
}

function contactProperties(owners: Owners): PropertyDef[] {
  return [
    ...base('createdate', 'lastmodifieddate'),
    hs.text('firstname', 'First Name'),
    hs.text('lastname', 'Last Name'),
    hs.text('email', 'Email'),
    hs.phone('phone', 'Phone Number'),
    hs.text('jobtitle', 'Job Title'),
    hs.text('company', 'Company Name'),
    hs.radio('lifecyclestage', 'Lifecycle Stage', LIFECYCLE_STAGES),
    ownerProp(owners, 'hubspot_owner_id', 'Contact Owner'),
    hs.bool('hs_email_optout', 'Unsubscribed from all email'),
    hs.select('hs_email_hard_bounce_reason_enum', 'Email hard bounce reason', BOUNCE_REASONS),
    ...activity(),
    custom.number('number_of_providers', 'Number of Providers'),
    custom.text('department', 'Department'),
    custom.select('preferred_channel', 'Preferred channel', [['email', 'Email'], ['phone', 'Phone'], ['whatsapp', 'WhatsApp'], ['linkedin', 'LinkedIn']]),
    custom.select('seniority_level', 'Seniority', [
      ['c_level', 'C-Level'], ['vp', 'VP'], ['director', 'Director'], ['manager', 'Manager'], ['individual_contributor', 'Individual Contributor'],
    ]),
    custom.select('marketing_consent', 'Marketing consent', [['granted', 'Granted'], ['requested', 'Requested'], ['none', 'None']]),
  ];
}

function companyProperties(owners: Owners): PropertyDef[] {
  return [
    ...base(),
    hs.text('name', 'Company Name'),
    hs.text('domain', 'Company Domain Name'),
    hs.text('website', 'Website URL'),
    hs.phone('phone', 'Phone Number'),
    hs.text('address', 'Street Address'),
    hs.text('city', 'City'),
    hs.text('state', 'State/Region'),
    hs.text('zip', 'Postal Code'),
    hs.text('country', 'Country/Region'),
    hs.select('industry', 'Industry', INDUSTRIES),
    hs.number('annualrevenue', 'Annual Revenue'),
    hs.number('numberofemployees', 'Number of Employees'),
    ownerProp(owners, 'hubspot_owner_id', 'Company Owner'),
    hs.number('hs_parent_company_id', 'Parent Company'),
    hs.select('type', 'Type', [['PROSPECT', 'Prospect'], ['CUSTOMER', 'Customer'], ['PARTNER', 'Partner'], ['COMPETITOR', 'Competitor']]),
    ...activity(),
    custom.select('business_unit', 'Business Unit', [
      ['physician_services', 'Physician Services'], ['hospital_services', 'Hospital Services'], ['dental', 'Dental'],
    ]),
    custom.text('provider_specialty', 'Provider Specialty'),
    custom.number('number_of_providers', '# of Providers'),
    custom.number('number_of_locations', 'Number of locations'),
    custom.text('current_pm', 'Current PM'),
    custom.text('current_ehr', 'Current EHR'),
    custom.select('current_rcm_processing', 'Current RCM Processing', [['in_house', 'In-house'], ['outsourced', 'Outsourced'], ['none', 'None']]),
    custom.number('rcm_rate', 'RCM Rate'),
    custom.number('rcm_minimum', 'Minimum'),
    custom.textarea('support_global_note', 'Support Global Note'),
    custom.text('division', 'Division'),
    custom.select('sla_tier', 'SLA tier', [['gold', 'Gold'], ['silver', 'Silver'], ['bronze', 'Bronze']]),
    ownerProp(owners, 'account_executive', 'Account Executive', false),
    ownerProp(owners, 'solution_engineer', 'Solution Engineer', false),
    ownerProp(owners, 'customer_success_manager', 'Customer Success Manager', false),
  ];
}

function ticketProperties(owners: Owners, pipelines: SeedPipeline[]): PropertyDef[] {
  return [
    ...base(),
    hs.text('subject', 'Ticket name'),
    hs.textarea('content', 'Ticket description'),
    ...pipelineProps(pipelines, 'hs_pipeline', 'hs_pipeline_stage', 'Ticket status'),
    hs.select('hs_ticket_priority', 'Priority', [['LOW', 'Low'], ['MEDIUM', 'Medium'], ['HIGH', 'High'], ['URGENT', 'Urgent']]),
    ownerProp(owners, 'hubspot_owner_id', 'Ticket owner'),
    hs.datetime('closed_date', 'Close date'),
  ];
}

const engagementBase = (owners: Owners): PropertyDef[] => [
  ...base('hs_createdate', 'hs_lastmodifieddate'),
  hs.datetime('hs_timestamp', 'Activity date'),
  ownerProp(owners, 'hubspot_owner_id', 'Activity assigned to'),
];

function noteProperties(owners: Owners): PropertyDef[] {
  return [
    ...engagementBase(owners),
    hs.html('hs_note_body', 'Note body'),
    // HubSpot stores attachments as `;`-separated file ids.
    hs.text('hs_attachment_ids', 'Attached file IDs'),
  ];
}

function callProperties(owners: Owners): PropertyDef[] {
  return [
    ...engagementBase(owners),
    hs.html('hs_call_body', 'Call notes'),
    hs.text('hs_call_title', 'Call Title'),
    hs.select('hs_call_direction', 'Call direction', [['INBOUND', 'Inbound'], ['OUTBOUND', 'Outbound']]),
    // A GUID from /calling/v1/dispositions (the portal's outcomes, not property options).
    hs.text('hs_call_disposition', 'Call outcome'),
    hs.select('hs_call_status', 'Call status', [
      ['BUSY', 'Busy'], ['CALLING_CRM_USER', 'Calling CRM user'], ['CANCELED', 'Canceled'], ['COMPLETED', 'Completed'],
      ['CONNECTING', 'Connecting'], ['FAILED', 'Failed'], ['IN_PROGRESS', 'In progress'], ['MISSED', 'Missed'],
      ['NO_ANSWER', 'No answer'], ['QUEUED', 'Queued'], ['RINGING', 'Ringing'],
    ]),
    hs.number('hs_call_duration', 'Call duration (ms)'),
    hs.select('hs_activity_type', 'Call and meeting type', CALL_TYPES),
    hs.text('hs_attachment_ids', 'Attached file IDs'),
  ];
}

function emailProperties(owners: Owners): PropertyDef[] {
  return [
    ...engagementBase(owners),
    hs.text('hs_email_subject', 'Email subject'),
    hs.textarea('hs_email_text', 'Email body'),
    hs.select('hs_email_direction', 'Email direction', [
      ['EMAIL', 'Sent by the rep'], ['INCOMING_EMAIL', 'Reply from the contact'], ['FORWARDED_EMAIL', 'Forwarded'],
    ]),
    hs.select('hs_email_status', 'Email send status', [['SENT', 'Sent'], ['BOUNCED', 'Bounced'], ['FAILED', 'Failed'], ['SCHEDULED', 'Scheduled']]),
    hs.text('hs_attachment_ids', 'Attached file IDs'),
  ];
}

function meetingProperties(owners: Owners): PropertyDef[] {
  return [
    ...engagementBase(owners),
    hs.text('hs_meeting_title', 'Meeting name'),
    hs.html('hs_meeting_body', 'Meeting description'),
    hs.datetime('hs_meeting_start_time', 'Start time'),
    hs.datetime('hs_meeting_end_time', 'End time'),
    hs.select('hs_meeting_outcome', 'Meeting outcome', [
      ['SCHEDULED', 'Scheduled'], ['COMPLETED', 'Completed'], ['RESCHEDULED', 'Rescheduled'], ['NO_SHOW', 'No show'], ['CANCELED', 'Canceled'],
    ]),
    hs.select('hs_activity_type', 'Call and meeting type', CALL_TYPES),
  ];
}

function taskProperties(owners: Owners): PropertyDef[] {
  return [
    ...engagementBase(owners),
    hs.text('hs_task_subject', 'Task title'),
    hs.html('hs_task_body', 'Notes'),
    hs.select('hs_task_status', 'Task status', [
      ['NOT_STARTED', 'Not started'], ['IN_PROGRESS', 'In progress'], ['WAITING', 'Waiting'], ['COMPLETED', 'Completed'], ['DEFERRED', 'Deferred'],
    ]),
    hs.select('hs_task_type', 'Task type', [['CALL', 'Call'], ['EMAIL', 'Email'], ['TODO', 'To-do']]),
    hs.select('hs_task_priority', 'Priority', [['NONE', 'None'], ['LOW', 'Low'], ['MEDIUM', 'Medium'], ['HIGH', 'High']]),
  ];
}

export const CONTACT_RATIOS: Opt[] = [
  ['1_week', '1 Week'],
  ['2_weeks', '2 Weeks'],
  ['1_month', '1 Month'],
  ['2_months', '2 Months'],
  ['3_months', '3 Months'],
  ['6_months', '6 Months'],
];

function clientHubProperties(owners: Owners, pipelines: SeedPipeline[]): PropertyDef[] {
  return [
    ...base('hs_createdate', 'hs_lastmodifieddate'),
    ...pipelineProps(pipelines, 'hs_pipeline', 'hs_pipeline_stage', 'Pipeline stage'),
    custom.select('contact_ratio', 'Contact | Ratio', CONTACT_RATIOS),
    custom.date('next_contact_date', 'Next contact date'),
    custom.date('last_check_in_date', 'Last check-in date'),
    ownerProp(owners),
  ];
}

function productSubscriptionProperties(owners: Owners): PropertyDef[] {
  return [
    ...base('hs_createdate', 'hs_lastmodifieddate'),
    custom.text('product_name', 'Product name'),
    custom.select('status', 'Status', [['active', 'Active'], ['paused', 'Paused'], ['cancelled', 'Cancelled']]),
    ownerProp(owners),
  ];
}

/** The portal's property definitions by objectTypeId. */
export function propertiesFor(owners: Owners, pipelines: SeedData['pipelines']): Record<string, PropertyDef[]> {
  return {
    [TYPE.contact]: contactProperties(owners),
    [TYPE.company]: companyProperties(owners),
    [TYPE.deal]: dealProperties(owners, pipelines[TYPE.deal] ?? []),
    [TYPE.ticket]: ticketProperties(owners, pipelines[TYPE.ticket] ?? []),
    [TYPE.task]: taskProperties(owners),
    [TYPE.note]: noteProperties(owners),
    [TYPE.meeting]: meetingProperties(owners),
    [TYPE.call]: callProperties(owners),
    [TYPE.email]: emailProperties(owners),
    [TYPE.clientHub]: clientHubProperties(owners, pipelines[TYPE.clientHub] ?? []),
    [TYPE.productSubscription]: productSubscriptionProperties(owners),
  };
}
