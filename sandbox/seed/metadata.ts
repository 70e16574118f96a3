/**
 * The reference portal's metadata (../shared/REFERENCE-PORTAL.md): account,
 * tokens, owners, pipelines, properties, schemas, association labels and call
 * outcomes. Shared by the reference seed and the large-portal generator, so
 * both serve the same portal shape.
 */
import type { SeedData, SeedPipeline } from './types';
import {
  ASSOC, CLIENT_HUB_STAGE, DEFAULT_STAGES, DISPOSITION, ENGAGEMENT_ASSOC, OWNER, PIPELINE, PORTAL_ID, SALES_STAGES,
  SALES_STAGE_LABEL, TYPE, salesStageId, type GovernedPipeline,
} from './ids';
import { propertiesFor } from './properties';

export type SeedMetadata = Omit<SeedData, 'objects' | 'associations' | 'files'>;

export const account: SeedData['account'] = {
  portalId: PORTAL_ID,
  timeZone: 'US/Eastern',
  companyCurrency: 'USD',
  dataHostingLocation: 'na1',
  uiDomain: 'app.hubspot.com',
};

const OBJECT_SCOPES = ['contacts', 'companies', 'deals', 'tickets', 'custom', 'line_items', 'products', 'quotes'];
const READ_ONLY_SCOPES = [
  ...OBJECT_SCOPES.map((o) => `crm.objects.${o}.read`),
  'crm.objects.owners.read',
  'crm.schemas.contacts.read',
  'crm.schemas.companies.read',
  'crm.schemas.deals.read',
  'crm.schemas.custom.read',
  'crm.lists.read',
  'files.ui_hidden.read',
  'sales-email-read',
  'oauth',
];

const FULL_SCOPES = [
  ...READ_ONLY_SCOPES,
  ...OBJECT_SCOPES.map((o) => `crm.objects.${o}.write`),
  'crm.schemas.custom.write',
  'crm.lists.write',
  // HubSpot's legacy `tickets` scope grants writes too, so only the full token has it.
  'tickets',
  'files',
  'e-commerce',
];

export const tokens: SeedData['tokens'] = [
  { token: 'sandbox-token', scopes: FULL_SCOPES },
  { token: 'sandbox-readonly-token', scopes: READ_ONLY_SCOPES },
  { token: 'sandbox-expired-token', scopes: FULL_SCOPES, expired: true },
];

const owner = (id: string, firstName: string, lastName: string, userId: number, team: string) => ({
  id,
  // Accents dropped from the address only (Lucía Álvarez → lucia.alvarez@…).
  email: `${firstName}.${lastName}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase() + '@healthprime.example',
  firstName,
  lastName,
  userId,
  teams: [{ id: team === 'Sales' ? '510001' : '510002', name: team, primary: true }],
  archived: false,
});

export const owners: SeedData['owners'] = [
  owner(OWNER.ae, 'Maya', 'Chen', 8810101, 'Sales'), // Account Executive
  owner(OWNER.se, 'Daniel', 'Okafor', 8810102, 'Sales'), // Solution Engineer
  owner(OWNER.csm, 'Priya', 'Raman', 8810103, 'Client Success'), // Customer Success Manager
  owner(OWNER.rep, 'Tom', 'Becker', 8810104, 'Sales'),
  owner(OWNER.sdr, 'Lucía', 'Álvarez', 8810105, 'Sales'),
  owner(OWNER.vp, 'Grace', 'Whitfield', 8810106, 'Sales'),
];

const OPEN_PROBABILITY = ['0.1', '0.3', '0.5', '0.8'];

function salesPipeline(key: GovernedPipeline, id: string, label: string, displayOrder: number): SeedPipeline {
  return {
    id,
    label,
    displayOrder,
    stages: SALES_STAGES.map((stage, i) => ({
      id: salesStageId(key, stage),
      label: SALES_STAGE_LABEL[stage],
      displayOrder: i,
      metadata: {
        isClosed: stage === 'won' || stage === 'lost' ? 'true' : 'false',
        probability: stage === 'won' ? '1.0' : stage === 'lost' ? '0.0' : (OPEN_PROBABILITY[i] ?? '0.1'),
      },
    })),
  };
}

export const pipelines: SeedData['pipelines'] = {
  [TYPE.deal]: [
    {
      id: PIPELINE.salesDefault,
      label: 'Sales Pipeline',
      displayOrder: 0,
      stages: DEFAULT_STAGES.map(([id, label, probability], i) => ({
        id,
        label,
        displayOrder: i,
        metadata: { isClosed: id === 'closedwon' || id === 'closedlost' ? 'true' : 'false', probability },
      })),
    },
    salesPipeline('newBusiness', PIPELINE.newBusiness, 'New Business', 1),
    salesPipeline('expansion', PIPELINE.expansion, 'Expansion', 2),
    salesPipeline('upsell', PIPELINE.upsell, 'Upsell', 3),
  ],
  [TYPE.ticket]: [
    {
      id: PIPELINE.implementation,
      label: 'Implementation',
      displayOrder: 0,
      stages: [
        { id: '1', label: 'New', displayOrder: 0, metadata: { ticketState: 'OPEN', isClosed: 'false' } },
        { id: '2', label: 'In Progress', displayOrder: 1, metadata: { ticketState: 'OPEN', isClosed: 'false' } },
        { id: '4', label: 'Done', displayOrder: 2, metadata: { ticketState: 'CLOSED', isClosed: 'true' } },
      ],
    },
  ],
  [TYPE.clientHub]: [
    {
      id: PIPELINE.clientHub,
      label: 'Client Hub',
      displayOrder: 0,
      stages: (
        [
          [CLIENT_HUB_STAGE.preparation, 'Call Preparation'],
          [CLIENT_HUB_STAGE.call1, 'Call 1'],
          [CLIENT_HUB_STAGE.call2, 'Call 2'],
          [CLIENT_HUB_STAGE.call3, 'Call 3'],
          [CLIENT_HUB_STAGE.summaryConnected, 'Summary of Call'],
          // En dash, as in the portal.
          [CLIENT_HUB_STAGE.summaryNotConnected, 'Summary – Not Connected'],
          [CLIENT_HUB_STAGE.completed, 'Completed'],
        ] as const
      ).map(([id, label], i) => ({
        id,
        label,
        displayOrder: i,
        metadata: { isClosed: id === CLIENT_HUB_STAGE.completed ? 'true' : 'false' },
      })),
    },
  ],
};

export const schemas: SeedData['schemas'] = [
  {
    objectTypeId: TYPE.clientHub,
    name: 'client_hub',
    labels: { singular: 'Client Hub', plural: 'Client Hubs' },
    primaryDisplayProperty: 'hs_object_id',
  },
  {
    objectTypeId: TYPE.productSubscription,
    name: 'product_subscription',
    labels: { singular: 'Product Subscription', plural: 'Product Subscriptions' },
    primaryDisplayProperty: 'product_name',
  },
];

type Label = SeedData['associationLabels'][number];
const hd = (fromType: string, toType: string, typeId: number): Label =>
  ({ fromType, toType, category: 'HUBSPOT_DEFINED', typeId, label: null });
const hdLabelled = (fromType: string, toType: string, typeId: number, label: string): Label =>
  ({ fromType, toType, category: 'HUBSPOT_DEFINED', typeId, label });
const ud = (fromType: string, toType: string, typeId: number, label: string): Label =>
  ({ fromType, toType, category: 'USER_DEFINED', typeId, label });

const engagementLabels: Label[] = Object.entries(ENGAGEMENT_ASSOC).flatMap(([from, targets]) =>
  Object.entries(targets).flatMap(([to, [there, back]]) => [hd(from, to, there), hd(to, from, back)]));

export const associationLabels: SeedData['associationLabels'] = [
  hd(TYPE.deal, TYPE.contact, ASSOC.dealToContact),
  hd(TYPE.contact, TYPE.deal, ASSOC.contactToDeal),
  hd(TYPE.deal, TYPE.company, ASSOC.dealToCompany),
  hd(TYPE.company, TYPE.deal, ASSOC.companyToDeal),
  // HubSpot labels its primary associations "Primary" (HUBSPOT_DEFINED).
  hdLabelled(TYPE.deal, TYPE.company, ASSOC.dealToCompanyPrimary, 'Primary'),
  hdLabelled(TYPE.company, TYPE.deal, ASSOC.companyToDealPrimary, 'Primary'),
  hd(TYPE.contact, TYPE.company, ASSOC.contactToCompany),
  hd(TYPE.company, TYPE.contact, ASSOC.companyToContact),
  hdLabelled(TYPE.contact, TYPE.company, ASSOC.contactToCompanyPrimary, 'Primary'),
  hdLabelled(TYPE.company, TYPE.contact, ASSOC.companyToContactPrimary, 'Primary'),
  hdLabelled(TYPE.company, TYPE.company, ASSOC.parentToChild, 'Child Company'),
  hdLabelled(TYPE.company, TYPE.company, ASSOC.childToParent, 'Parent Company'),
  hd(TYPE.deal, TYPE.ticket, ASSOC.dealToTicket),
  hd(TYPE.ticket, TYPE.deal, ASSOC.ticketToDeal),
  hd(TYPE.contact, TYPE.ticket, ASSOC.contactToTicket),
  hd(TYPE.ticket, TYPE.contact, ASSOC.ticketToContact),
  hd(TYPE.company, TYPE.ticket, ASSOC.companyToTicket),
  hd(TYPE.ticket, TYPE.company, ASSOC.ticketToCompany),
  hdLabelled(TYPE.company, TYPE.ticket, ASSOC.companyToTicketPrimary, 'Primary'),
  hdLabelled(TYPE.ticket, TYPE.company, ASSOC.ticketToCompanyPrimary, 'Primary'),
  ...engagementLabels,
  ud(TYPE.deal, TYPE.contact, ASSOC.champion, 'Champion'),
  ud(TYPE.deal, TYPE.contact, ASSOC.influencer, 'Influencer'),
  ud(TYPE.deal, TYPE.contact, ASSOC.decisionMaker, 'Decision Maker'),
  ud(TYPE.deal, TYPE.contact, ASSOC.blocker, 'Blocker'),
  ud(TYPE.contact, TYPE.deal, ASSOC.championInverse, 'Champion'),
  ud(TYPE.contact, TYPE.deal, ASSOC.influencerInverse, 'Influencer'),
  ud(TYPE.contact, TYPE.deal, ASSOC.decisionMakerInverse, 'Decision Maker'),
  ud(TYPE.contact, TYPE.deal, ASSOC.blockerInverse, 'Blocker'),
  hd(TYPE.clientHub, TYPE.contact, ASSOC.clientHubToContact),
  hd(TYPE.contact, TYPE.clientHub, ASSOC.contactToClientHub),
  hd(TYPE.clientHub, TYPE.productSubscription, ASSOC.clientHubToSubscription),
  hd(TYPE.productSubscription, TYPE.clientHub, ASSOC.subscriptionToClientHub),
  hd(TYPE.productSubscription, TYPE.contact, ASSOC.subscriptionToContact),
  hd(TYPE.contact, TYPE.productSubscription, ASSOC.contactToSubscription),
  hd(TYPE.productSubscription, TYPE.company, ASSOC.subscriptionToCompany),
  hd(TYPE.company, TYPE.productSubscription, ASSOC.companyToSubscription),
  ud(TYPE.productSubscription, TYPE.contact, ASSOC.primaryContact, 'Primary Contact'),
  ud(TYPE.contact, TYPE.productSubscription, ASSOC.primaryContactInverse, 'Primary Contact'),
];

/** The inverse of every association type id, by `${fromType}>${toType}>${typeId}`. */
export const inverseTypeId: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const pairs: Array<[string, string, number, number]> = [
    [TYPE.deal, TYPE.contact, ASSOC.dealToContact, ASSOC.contactToDeal],
    [TYPE.deal, TYPE.company, ASSOC.dealToCompany, ASSOC.companyToDeal],
    [TYPE.deal, TYPE.company, ASSOC.dealToCompanyPrimary, ASSOC.companyToDealPrimary],
    [TYPE.contact, TYPE.company, ASSOC.contactToCompany, ASSOC.companyToContact],
    [TYPE.contact, TYPE.company, ASSOC.contactToCompanyPrimary, ASSOC.companyToContactPrimary],
    [TYPE.company, TYPE.company, ASSOC.parentToChild, ASSOC.childToParent],
    [TYPE.deal, TYPE.ticket, ASSOC.dealToTicket, ASSOC.ticketToDeal],
    [TYPE.contact, TYPE.ticket, ASSOC.contactToTicket, ASSOC.ticketToContact],
    [TYPE.company, TYPE.ticket, ASSOC.companyToTicket, ASSOC.ticketToCompany],
    [TYPE.company, TYPE.ticket, ASSOC.companyToTicketPrimary, ASSOC.ticketToCompanyPrimary],
    [TYPE.deal, TYPE.contact, ASSOC.champion, ASSOC.championInverse],
    [TYPE.deal, TYPE.contact, ASSOC.influencer, ASSOC.influencerInverse],
    [TYPE.deal, TYPE.contact, ASSOC.decisionMaker, ASSOC.decisionMakerInverse],
    [TYPE.deal, TYPE.contact, ASSOC.blocker, ASSOC.blockerInverse],
    [TYPE.clientHub, TYPE.contact, ASSOC.clientHubToContact, ASSOC.contactToClientHub],
    [TYPE.clientHub, TYPE.productSubscription, ASSOC.clientHubToSubscription, ASSOC.subscriptionToClientHub],
    [TYPE.productSubscription, TYPE.contact, ASSOC.subscriptionToContact, ASSOC.contactToSubscription],
    [TYPE.productSubscription, TYPE.company, ASSOC.subscriptionToCompany, ASSOC.companyToSubscription],
    [TYPE.productSubscription, TYPE.contact, ASSOC.primaryContact, ASSOC.primaryContactInverse],
    ...Object.entries(ENGAGEMENT_ASSOC).flatMap(([from, targets]) =>
      Object.entries(targets).map(([to, [there, back]]): [string, string, number, number] => [from, to, there, back])),
  ];
  for (const [from, to, there, back] of pairs) {
    map.set(`${from}>${to}>${there}`, back);
    map.set(`${to}>${from}>${back}`, there);
  }
  return map;
})();

export const callDispositions: SeedData['callDispositions'] = [
  { id: DISPOSITION.busy, label: 'Busy' },
  { id: DISPOSITION.connected, label: 'Connected' },
  { id: DISPOSITION.leftLiveMessage, label: 'Left live message' },
  { id: DISPOSITION.leftVoicemail, label: 'Left voicemail' },
  { id: DISPOSITION.noAnswer, label: 'No answer' },
  { id: DISPOSITION.wrongNumber, label: 'Wrong number' },
  // The portal's own outcome; en dash as the portal spells it.
  { id: DISPOSITION.connectedQualified, label: 'Connected – Qualified' },
];

/** Everything but the records: the same for the reference portal and generated ones. */
export function buildMetadata(): SeedMetadata {
  return {
    account: { ...account },
    tokens: tokens.map((t) => ({ ...t, scopes: [...t.scopes] })),
    owners: owners.map((o) => ({ ...o, teams: [...o.teams] })),
    pipelines: structuredClone(pipelines),
    properties: propertiesFor(owners, pipelines),
    schemas: structuredClone(schemas),
    associationLabels: associationLabels.map((l) => ({ ...l })),
    callDispositions: callDispositions.map((d) => ({ ...d })),
  };
}
