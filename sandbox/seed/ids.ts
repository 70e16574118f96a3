/**
 * Ids of the reference portal (../shared/REFERENCE-PORTAL.md) that the seed,
 * the generator and their tests share. Sandbox-only: nothing in lib/rules or
 * components may import this (portal facts reach the product only through
 * the playbook).
 */

export const PORTAL_ID = 4471200;

export const TYPE = {
  contact: '0-1',
  company: '0-2',
  deal: '0-3',
  ticket: '0-5',
  task: '0-27',
  note: '0-46',
  meeting: '0-47',
  call: '0-48',
  email: '0-49',
  clientHub: '2-9000101',
  productSubscription: '2-9000102',
} as const;

export const PIPELINE = {
  newBusiness: '78110001',
  expansion: '78110002',
  upsell: '78110003',
  salesDefault: 'default',
  implementation: '0',
  clientHub: '88120001',
} as const;

export type SalesStage = 'sql' | 'engaged' | 'proposal' | 'poc' | 'won' | 'lost';
export type GovernedPipeline = 'newBusiness' | 'expansion' | 'upsell';

const SALES_STAGE_INDEX: Record<SalesStage, number> = { sql: 1, engaged: 2, proposal: 3, poc: 4, won: 5, lost: 6 };
const PIPELINE_PREFIX: Record<GovernedPipeline, string> = { newBusiness: '1501', expansion: '1502', upsell: '1503' };

/** Stage id of a governed sales pipeline: `150100001` … `150300006`. */
export function salesStageId(pipeline: GovernedPipeline, stage: SalesStage): string {
  return `${PIPELINE_PREFIX[pipeline]}0000${SALES_STAGE_INDEX[stage]}`;
}

export const SALES_STAGE_LABEL: Record<SalesStage, string> = {
  sql: 'Sales Qualified Lead (SQL)',
  engaged: 'Engaged',
  proposal: 'Proposal',
  poc: 'Partner of Choice',
  // En dash, as the portal labels its closed stages.
  won: 'Closed – Won',
  lost: 'Closed – Lost',
};

export const SALES_STAGES: SalesStage[] = ['sql', 'engaged', 'proposal', 'poc', 'won', 'lost'];

export const DEFAULT_STAGES = [
  ['appointmentscheduled', 'Appointment Scheduled', '0.2'],
  ['qualifiedtobuy', 'Qualified To Buy', '0.4'],
  ['presentationscheduled', 'Presentation Scheduled', '0.6'],
  ['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'],
  ['contractsent', 'Contract Sent', '0.9'],
  ['closedwon', 'Closed Won', '1.0'],
  ['closedlost', 'Closed Lost', '0.0'],
] as const;

export const TICKET_STAGE = { new: '1', inProgress: '2', done: '4' } as const;

export const CLIENT_HUB_STAGE = {
  preparation: '160100001',
  call1: '160100002',
  call2: '160100003',
  call3: '160100004',
  summaryConnected: '160100005',
  summaryNotConnected: '160100006',
  completed: '160100007',
} as const;

/** Association type ids. HubSpot's own where HubSpot defines them; the custom-object ones are this portal's. */
export const ASSOC = {
  dealToContact: 3,
  contactToDeal: 4,
  dealToCompany: 341,
  companyToDeal: 342,
  dealToCompanyPrimary: 5,
  companyToDealPrimary: 6,
  contactToCompany: 279,
  companyToContact: 280,
  contactToCompanyPrimary: 1,
  companyToContactPrimary: 2,
  parentToChild: 13,
  childToParent: 14,
  dealToTicket: 27,
  ticketToDeal: 28,
  contactToTicket: 15,
  ticketToContact: 16,
  companyToTicket: 339,
  ticketToCompany: 340,
  companyToTicketPrimary: 25,
  ticketToCompanyPrimary: 26,
  // USER_DEFINED buying-committee labels on deal→contact, and their contact→deal inverses.
  champion: 101,
  influencer: 102,
  decisionMaker: 103,
  blocker: 104,
  championInverse: 105,
  influencerInverse: 106,
  decisionMakerInverse: 107,
  blockerInverse: 108,
  // USER_DEFINED Primary Contact on product_subscription→contact, and its inverse.
  primaryContact: 201,
  primaryContactInverse: 202,
  // Custom-object associations (this portal's definitions, HUBSPOT_DEFINED category).
  clientHubToContact: 9101,
  contactToClientHub: 9102,
  clientHubToSubscription: 9103,
  subscriptionToClientHub: 9104,
  subscriptionToContact: 9105,
  contactToSubscription: 9106,
  subscriptionToCompany: 9107,
  companyToSubscription: 9108,
} as const;

/** Engagement → record association ids (HubSpot-defined), and the record → engagement inverses. */
export const ENGAGEMENT_ASSOC: Record<string, Record<string, [to: number, back: number]>> = {
  [TYPE.note]: { [TYPE.contact]: [202, 201], [TYPE.company]: [190, 189], [TYPE.deal]: [214, 213], [TYPE.ticket]: [228, 227], [TYPE.clientHub]: [9111, 9112] },
  [TYPE.call]: { [TYPE.contact]: [194, 193], [TYPE.company]: [182, 181], [TYPE.deal]: [206, 205], [TYPE.ticket]: [220, 219], [TYPE.clientHub]: [9113, 9114] },
  [TYPE.email]: { [TYPE.contact]: [198, 197], [TYPE.company]: [186, 185], [TYPE.deal]: [210, 209], [TYPE.ticket]: [224, 223], [TYPE.clientHub]: [9115, 9116] },
  [TYPE.meeting]: { [TYPE.contact]: [200, 199], [TYPE.company]: [188, 187], [TYPE.deal]: [212, 211], [TYPE.ticket]: [226, 225], [TYPE.clientHub]: [9117, 9118] },
  [TYPE.task]: { [TYPE.contact]: [204, 203], [TYPE.company]: [192, 191], [TYPE.deal]: [216, 215], [TYPE.ticket]: [230, 229], [TYPE.clientHub]: [9119, 9120] },
};

export const DISPOSITION = {
  busy: '9d9162e7-6cf3-4944-bf63-4dff82258764',
  connected: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
  leftLiveMessage: 'a4c4c377-d246-4b32-a13b-75a56a4cd0ff',
  leftVoicemail: 'b2cf5968-551e-4856-9783-52b3da59a7d0',
  noAnswer: '73a0d17f-1163-4015-bdd5-ec830791da20',
  wrongNumber: '17b47fee-58de-441e-a44c-c6300d46f273',
  connectedQualified: '3c1f5d7e-0b7a-4e55-9d3c-6a2f1b8e9c01',
} as const;

/** The owners, by role in the reference portal. */
export const OWNER = {
  ae: '61000101',
  se: '61000102',
  csm: '61000103',
  rep: '61000104',
  sdr: '61000105',
  vp: '61000106',
} as const;

/** An owner id that does not resolve (REC-3 violation, on purpose). */
export const UNKNOWN_OWNER = '99999999';
