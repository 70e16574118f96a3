/**
 * Deals in every stage of the three governed pipelines (New Business,
 * Expansion, Upsell) and in HubSpot's ungoverned Sales Pipeline, each with
 * its buying committee, engagements, attachments and tickets. Every governed
 * deal meets the gates it has reached (./common.ts `dealGateProps`) except
 * those it lists as failing, which its data breaks on purpose.
 */
import type { PortalBuilder } from '../builder';
import {
  ASSOC, DISPOSITION, OWNER, PIPELINE, TICKET_STAGE, TYPE, salesStageId, type GovernedPipeline, type SalesStage,
} from '../ids';
import { ALL_DEAL_RULES, dealGateProps, dealRules, dealShown, expectation, type Props } from './common';
import { CO, CO_NAME } from './companies';
import { person, type CoKey } from './people';

export const DEAL = {
  brightwater: '92100000001',
  cedar: '92100000002',
  northgate: '92100000003',
  meadowbrook: '92100000004',
  willow: '92100000005',
  blueHarbor: '92100000006',
  silverline: '92100000007',
  evergreen: '92100000008',
  clearview: '92100000009',
  redwood: '92100000010',
  mapleGrove: '92100000011',
  hillside: '92100000012',
  crescent: '92100000013',
  sunrise: '92100000014',
  oakridge: '92100000015',
  northwind: '92100000016',
  acmeInc: '92100000017',
  riverbendWon: '92100000018',
  summitExpansion: '92100000021',
  lakeside: '92100000022',
  lakesideGroup: '92100000023',
  pinecrest: '92100000024',
  granite: '92100000025',
  clearpath: '92100000026',
  riverbendUpsell: '92100000031',
  summitOrtho: '92100000032',
  acmeLlc: '92100000033',
  tidewaterPoc: '92100000034',
  tidewaterWon: '92100000035',
  graniteLost: '92100000036',
  harbor: '92100000041',
  bold: '92100000042',
} as const;

type Role = 'champion' | 'dm' | 'influencer' | 'blocker';
const ROLE_TYPE: Record<Role, number> = {
  champion: ASSOC.champion, dm: ASSOC.decisionMaker, influencer: ASSOC.influencer, blocker: ASSOC.blocker,
};

interface DealDef {
  id: string;
  company: CoKey;
  product: string;
  pipeline: GovernedPipeline;
  /** Stage entries, oldest first: [stage, days ago]. The last one is the current stage. */
  path: Array<[SalesStage, number]>;
  props?: Props;
  contacts: Array<[id: string, roles: Role[]]>;
  failing?: string[];
  /** Applicable rules the table makes no claim about (the Resolutions leave them open for this record). */
  unclaimed?: string[];
  note: string;
  amount?: string;
}

const PIPELINE_ID: Record<GovernedPipeline, string> = {
  newBusiness: PIPELINE.newBusiness, expansion: PIPELINE.expansion, upsell: PIPELINE.upsell,
};

const LOST_GATES_ONLY = ALL_DEAL_RULES.filter((r) =>
  /^SALES-(SQL-[23]|ENG-|PRO-\d|POC-|WON-)/.test(r));

function addDeal(b: PortalBuilder, d: DealDef): string {
  const { clock } = b;
  const [, created] = d.path[0] ?? ['sql', 30];
  const [stage, entered] = d.path[d.path.length - 1] ?? ['sql', 30];
  const closed = stage === 'won' || stage === 'lost';
  const history = [...d.path].reverse().map(([s, days]) => ({
    value: salesStageId(d.pipeline, s), timestamp: clock.daysAgo(days), sourceType: 'CRM_UI',
  }));
  const name = `${CO_NAME[d.company]} – ${d.product}`;
  b.add(TYPE.deal, d.id, {
    dealname: name,
    pipeline: PIPELINE_ID[d.pipeline],
    dealstage: salesStageId(d.pipeline, stage),
    amount: d.amount ?? '185000',
    closedate: closed ? clock.daysAgo(entered) : clock.daysAhead(45),
    hubspot_owner_id: OWNER.ae,
    dealtype: d.pipeline === 'newBusiness' ? 'newbusiness' : 'existingbusiness',
    notes_last_updated: clock.daysAgo(Math.max(1, entered - 1)),
    ...dealGateProps(stage, clock),
    ...d.props,
  }, { created, modified: Math.max(1, entered), history: { dealstage: history } });
  b.link(TYPE.deal, d.id, TYPE.company, CO[d.company], [ASSOC.dealToCompanyPrimary, ASSOC.dealToCompany]);
  for (const [contact, roles] of d.contacts) {
    // A labelled association also carries the unlabelled HubSpot-defined type, as HubSpot reports it.
    b.link(TYPE.deal, d.id, TYPE.contact, contact, [ASSOC.dealToContact, ...roles.map((r) => ROLE_TYPE[r])]);
  }
  const applicable = dealRules(d.pipeline, stage).filter((r) => !(d.unclaimed ?? []).includes(r));
  const e = expectation(TYPE.deal, d.id, name, applicable, d.failing ?? [], d.note, dealShown(stage));
  if (stage === 'won' && d.pipeline !== 'newBusiness') e.absent = ['SALES-WON-9'];
  if (stage === 'lost') e.absent = LOST_GATES_ONLY;
  b.expect(e);
  return d.id;
}

/** A deal in HubSpot's default Sales Pipeline: none of SALES-*, SOP-*, ACC-7 apply (Resolutions). */
function addUngovernedDeal(b: PortalBuilder, id: string, company: CoKey, product: string, stage: string, created: number, contacts: string[], note: string): void {
  const name = `${CO_NAME[company]} – ${product}`;
  b.add(TYPE.deal, id, {
    dealname: name, pipeline: PIPELINE.salesDefault, dealstage: stage, amount: '42000',
    closedate: stage === 'closedwon' ? b.clock.daysAgo(5) : b.clock.daysAhead(20), hubspot_owner_id: OWNER.rep,
  }, {
    created,
    history: { dealstage: [{ value: stage, timestamp: b.clock.daysAgo(Math.max(1, created - 10)), sourceType: 'CRM_UI' }, { value: 'appointmentscheduled', timestamp: b.clock.daysAgo(created), sourceType: 'CRM_UI' }] },
  });
  b.link(TYPE.deal, id, TYPE.company, CO[company], [ASSOC.dealToCompanyPrimary, ASSOC.dealToCompany]);
  for (const c of contacts) b.link(TYPE.deal, id, TYPE.contact, c, [ASSOC.dealToContact]);
  b.expect({ objectTypeId: TYPE.deal, id, name, met: [], failing: [], absent: [...ALL_DEAL_RULES], note });
}

/** An S&OP note as HubSpot stores it (HTML, so `&` arrives as `&amp;`); `plain` keeps a literal `#S&OP`. */
const SOP_NOTE = (company: string, plain = false) =>
  `<p>${plain ? '#S&OP' : '#S&amp;OP'}</p><ul><li>Company Name: ${company.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</li>` +
  '<li>Pricing Model: Percentage of Collections</li><li>Term (Months): 36</li><li>Legacy PM: Kareo</li>' +
  '<li>Legacy EHR: eClinicalWorks</li><li>Backlog Details: About 1,100 claims over 90 days in A/R.</li></ul>';

const note = (b: PortalBuilder, days: number, body: string, targets: Array<[string, string]>, attachments?: string[]) =>
  b.engagement('note', days, {
    hs_note_body: body, hubspot_owner_id: OWNER.ae, hs_attachment_ids: attachments?.join(';'),
  }, targets);

const call = (
  b: PortalBuilder, days: number, type: string, disposition: string, direction: 'INBOUND' | 'OUTBOUND', body: string,
  targets: Array<[string, string]>, owner: string = OWNER.ae,
) => b.engagement('call', days, {
  hs_call_title: `${type} call`,
  hs_call_body: body,
  hs_activity_type: type,
  hs_call_disposition: disposition,
  hs_call_direction: direction,
  hs_call_status: disposition === DISPOSITION.busy ? 'BUSY' : disposition === DISPOSITION.noAnswer ? 'NO_ANSWER' : 'COMPLETED',
  hs_call_duration: disposition === DISPOSITION.connected || disposition === DISPOSITION.connectedQualified ? '1260000' : '24000',
  hubspot_owner_id: owner,
}, targets);

const deal = (id: string): [string, string] => [TYPE.deal, id];
const contact = (id: string): [string, string] => [TYPE.contact, id];
const company = (key: CoKey): [string, string] => [TYPE.company, CO[key]];

const SQL = 'salesqualifiedlead';
const CUSTOMER = 'customer';
const ADDITIONAL = 'additional_sales_contact';
const MQL = 'marketingqualifiedlead';

export function addDeals(b: PortalBuilder): void {
  const { clock } = b;

  // ---------------------------------------------------------- New Business

  // The model New Business win: clean history, every gate, contract PDF, calculator, implementation ticket.
  const elena = person(b, '35100000001', 'Elena', 'Park', 'brightwater', 'Practice Administrator', CUSTOMER,
    'Champion on the model win; Primary Contact of the RCM Platform subscription.', { providers: '24', primaryContact: true });
  const marcus = person(b, '35100000002', 'Marcus', 'Reed', 'brightwater', 'Chief Financial Officer', CUSTOMER,
    'Decision Maker on the model win; Primary Contact of the RCM Platform subscription.', { primaryContact: true, props: { seniority_level: 'c_level' } });
  const sofia = person(b, '35100000003', 'Sofia', 'Nguyen', 'brightwater', 'Billing Manager', CUSTOMER,
    'Influencer; Primary Contact of the Credentialing subscription.', { primaryContact: true, props: { seniority_level: 'manager' } });
  addDeal(b, {
    id: DEAL.brightwater, company: 'brightwater', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 120], ['engaged', 100], ['proposal', 80], ['poc', 60], ['won', 40]],
    contacts: [[elena, ['champion']], [marcus, ['dm']], [sofia, ['influencer']]],
    note: 'Clean history through every stage; signed contract PDF, Brightwater Family Medicine_Calculator and implementation ticket.',
    amount: '240000',
  });
  note(b, 112, '<p>Discovery: 24 providers across 3 sites, in-house billing, A/R over 90 days is growing.</p>', [deal(DEAL.brightwater), contact(elena)]);
  call(b, 95, 'Discovery', DISPOSITION.connectedQualified, 'OUTBOUND', '<p>Walked through scope: RCM plus coding review. Next step: financials by Friday.</p>', [deal(DEAL.brightwater), contact(elena)]);
  note(b, 75, SOP_NOTE(CO_NAME.brightwater, true), [deal(DEAL.brightwater), company('brightwater')]);
  b.engagement('meeting', 62, { hs_meeting_title: 'Brightwater – proposal review', hs_meeting_outcome: 'COMPLETED', hubspot_owner_id: OWNER.ae,
    hs_meeting_start_time: clock.daysAgo(62), hs_meeting_end_time: clock.daysAgo(61.96) }, [deal(DEAL.brightwater), contact(marcus)]);
  const bwContract = b.file('Signed contract - Brightwater', 'pdf', 40);
  const bwCalc = b.file('Brightwater Family Medicine_Calculator', 'xlsx', 40, 48_310);
  note(b, 40, '<p>Signed contract and final calculator attached.</p>', [deal(DEAL.brightwater)], [bwContract, bwCalc]);
  const bwTicket = b.add(TYPE.ticket, '44100000001', {
    subject: 'Implementation – Brightwater Family Medicine', content: 'Onboarding kickoff, payer enrollment, clearinghouse setup.',
    hs_pipeline: PIPELINE.implementation, hs_pipeline_stage: TICKET_STAGE.inProgress, hs_ticket_priority: 'HIGH', hubspot_owner_id: OWNER.csm,
  }, { created: 38 });
  b.link(TYPE.deal, DEAL.brightwater, TYPE.ticket, bwTicket, [ASSOC.dealToTicket]);
  b.link(TYPE.ticket, bwTicket, TYPE.company, CO.brightwater, [ASSOC.ticketToCompanyPrimary, ASSOC.ticketToCompany]);

  // A win with every closing gate but none of the after-won paperwork done right.
  const ana = person(b, '35100000006', 'Ana', 'Costa', 'cedar', 'Practice Manager', CUSTOMER,
    'Champion; Primary Contact of a subscription with two Client Hub records for her (duplicate).', { providers: '12', primaryContact: true, failing: ['CH-1'] });
  const ravi = person(b, '35100000007', 'Ravi', 'Shah', 'cedar', 'Managing Partner', CUSTOMER,
    'Decision Maker; Primary Contact of a subscription with no Client Hub record.', { primaryContact: true, failing: ['CH-1'], props: { seniority_level: 'c_level' } });
  const jordan = person(b, '35100000008', 'Jordan', 'Miles', 'cedar', 'Billing Lead', CUSTOMER,
    'Duplicate of contact 35100000009 (same e-mail, different case).', { failing: ['ACC-9'] });
  person(b, '35100000009', 'Jordan', 'Miles', 'cedar', 'Billing Lead', CUSTOMER,
    'Duplicate of contact 35100000008 (Jordan.Miles@CedarValleyCardio.com).', { failing: ['ACC-9'], email: 'Jordan.Miles@CedarValleyCardio.com', created: 20 });
  addDeal(b, {
    id: DEAL.cedar, company: 'cedar', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 150], ['engaged', 120], ['proposal', 90], ['poc', 60], ['won', 30]],
    contacts: [[ana, ['champion']], [ravi, ['dm']], [jordan, ['influencer']]],
    failing: ['SALES-WON-7', 'SALES-WON-8', 'SALES-WON-9'],
    note: 'Won, but the contract is a .docx (not a PDF), the calculator is misnamed "Cedar Valley_Calculator_v2", and its only ticket is not an implementation ticket.',
  });
  call(b, 110, 'Follow-up', DISPOSITION.leftVoicemail, 'OUTBOUND', '<p>Left voicemail about the financials request.</p>', [deal(DEAL.cedar), contact(ana)]);
  call(b, 108, 'Follow-up', DISPOSITION.connected, 'INBOUND', '<p>Ana called back: sending 12 months of A/R aging. Next step: proposal on the 20th.</p>', [deal(DEAL.cedar), contact(ana)]);
  note(b, 85, SOP_NOTE(CO_NAME.cedar), [deal(DEAL.cedar), company('cedar')]);
  const cvDocx = b.file('Signed contract - Cedar Valley', 'docx', 30, 96_200);
  const cvCalc = b.file('Cedar Valley_Calculator_v2', 'xlsx', 30, 51_003);
  note(b, 30, '<p>Contract countersigned; calculator attached.</p>', [deal(DEAL.cedar)], [cvDocx, cvCalc]);
  const cvTicket = b.add(TYPE.ticket, '44100000008', {
    subject: 'Billing setup question', content: 'Which clearinghouse ID to use for the cardiology group?',
    hs_pipeline: PIPELINE.implementation, hs_pipeline_stage: TICKET_STAGE.done, hs_ticket_priority: 'LOW', hubspot_owner_id: OWNER.csm,
    closed_date: clock.daysAgo(22),
  }, { created: 25 });
  b.link(TYPE.deal, DEAL.cedar, TYPE.ticket, cvTicket, [ASSOC.dealToTicket]);
  b.link(TYPE.ticket, cvTicket, TYPE.company, CO.cedar, [ASSOC.ticketToCompanyPrimary, ASSOC.ticketToCompany]);

  // Closed – Won without its closing gates; after-won paperwork present (case-insensitive calculator name).
  const lila = person(b, '35100000010', 'Lila', 'Moreno', 'northgate', 'Practice Administrator', CUSTOMER,
    'Champion; Primary Contact of two subscriptions, one Client Hub record each.', { providers: '18', primaryContact: true });
  const hannah = person(b, '35100000011', 'Hannah', 'Brooks', 'northgate', 'Medical Director', CUSTOMER, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const priyanka = person(b, '35100000012', 'Priyanka', 'Desai', 'northgate', 'Revenue Cycle Manager', CUSTOMER,
    'Influencer; second Primary Contact of the Patient Engagement subscription.', { primaryContact: true, props: { seniority_level: 'manager' } });
  addDeal(b, {
    id: DEAL.northgate, company: 'northgate', product: 'Medical Coding', pipeline: 'newBusiness',
    path: [['sql', 90], ['engaged', 70], ['proposal', 50], ['poc', 30], ['won', 10]],
    contacts: [[lila, ['champion']], [hannah, ['dm']], [priyanka, ['influencer']]],
    props: { quoted_rcm_rate: undefined, contract_status: 'proposal_sent', onboarding_questionnaire: 'not_started', nda_status: undefined, baa_status: 'sent' },
    failing: ['SALES-WON-1', 'SALES-WON-2', 'SALES-WON-3', 'SALES-WON-5'],
    note: 'Won with no Quoted RCM Rate, Contract Status still "Proposal sent", questionnaire not uploaded, NDA Status unset; contract PDF, calculator and implementation ticket present.',
  });
  call(b, 65, 'Discovery', DISPOSITION.connected, 'OUTBOUND', '<p>Coding volumes: 41k visits. Next step: send coding audit sample.</p>', [deal(DEAL.northgate), contact(lila)]);
  note(b, 45, `<div>Deal summary</div><div>#S&amp;OP</div><div>${CO_NAME.northgate.replace("'", '&#39;')}</div>`, [deal(DEAL.northgate), company('northgate')]);
  const ngContract = b.file('Northgate - Contract (signed)', 'pdf', 10);
  const ngCalc = b.file("NORTHGATE WOMEN'S HEALTH_Calculator", 'xlsx', 10, 47_120);
  note(b, 10, '<p>Signed contract + calculator.</p>', [deal(DEAL.northgate)], [ngContract, ngCalc]);
  const ngTicket = b.add(TYPE.ticket, '44100000002', {
    subject: "Implementation – Northgate Women's Health", content: 'Coding workflow onboarding.',
    hs_pipeline: PIPELINE.implementation, hs_pipeline_stage: TICKET_STAGE.new, hs_ticket_priority: 'MEDIUM', hubspot_owner_id: OWNER.csm,
  }, { created: 9 });
  b.link(TYPE.deal, DEAL.northgate, TYPE.ticket, ngTicket, [ASSOC.dealToTicket]);
  b.link(TYPE.ticket, ngTicket, TYPE.company, CO.northgate, [ASSOC.ticketToCompanyPrimary, ASSOC.ticketToCompany]);

  // SQL, ready to move on: both SQL gates and a full buying committee.
  const rachel = person(b, '35100000019', 'Rachel', 'Adler', 'meadowbrook', 'Executive Director', SQL, 'Champion on a qualified deal.', { providers: '15' });
  const benjamin = person(b, '35100000020', 'Benjamin', 'Cho', 'meadowbrook', 'Chief Financial Officer', ADDITIONAL, 'Decision Maker (Additional Sales Contact).', { shown: ['LC-7'] });
  const maria = person(b, '35100000021', 'Maria', 'Santos', 'meadowbrook', 'Office Manager', ADDITIONAL, 'Influencer (Additional Sales Contact).');
  const victor = person(b, '35100000075', 'Victor', 'Hale', undefined, 'Independent billing consultant', ADDITIONAL,
    'On a deal but with no company: REC-4 is met through the deal.');
  addDeal(b, {
    id: DEAL.meadowbrook, company: 'meadowbrook', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 6]],
    contacts: [[rachel, ['champion']], [benjamin, ['dm']], [maria, ['influencer']], [victor, []]],
    note: 'In SQL with Enterprise Deal Status and HP Product(s) known and a full buying committee.',
  });
  call(b, 4, 'Discovery', DISPOSITION.connected, 'OUTBOUND', '<p>Intro call; requested financials and sent the NDA/BAA.</p>', [deal(DEAL.meadowbrook), contact(rachel)]);

  // SQL, gates open: no Enterprise Deal Status, no HP Product(s), a two-person committee without a Decision Maker.
  const kevin = person(b, '35100000022', 'Kevin', "O'Neill", 'willow', 'Practice Owner', SQL, 'Champion on an SQL deal with open gates.', { props: { seniority_level: 'c_level' } });
  const laura = person(b, '35100000023', 'Laura', 'Bishop', 'willow', 'Office Manager', ADDITIONAL, 'On the deal without a role label.');
  addDeal(b, {
    id: DEAL.willow, company: 'willow', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 12]],
    props: { enterprise_deal_status: undefined, hp_products: undefined },
    contacts: [[kevin, ['champion']], [laura, []]],
    failing: ['SALES-SQL-2', 'SALES-SQL-3', 'ACC-7'],
    note: 'In SQL with no Enterprise Deal Status or HP Product(s), and only two contacts (no Decision Maker).',
  });

  // Engaged, ready to move on.
  const simone = person(b, '35100000024', 'Simone', 'Laurent', 'blueHarbor', 'Medical Director', SQL, 'Champion; holds Number of Providers for the deal.', { providers: '9' });
  const ethan = person(b, '35100000025', 'Ethan', 'Walsh', 'blueHarbor', 'Chief Financial Officer', ADDITIONAL, 'Decision Maker.');
  const naomi = person(b, '35100000026', 'Naomi', 'Fisher', 'blueHarbor', 'Billing Manager', ADDITIONAL, 'Influencer.');
  addDeal(b, {
    id: DEAL.blueHarbor, company: 'blueHarbor', product: 'Credentialing', pipeline: 'newBusiness',
    path: [['sql', 40], ['engaged', 20]],
    contacts: [[simone, ['champion']], [ethan, ['dm']], [naomi, ['influencer']]],
    note: 'Engaged with every Engaged gate met, including a note logged after it entered Engaged.',
  });
  call(b, 30, 'Discovery', DISPOSITION.connected, 'OUTBOUND', '<p>Qualified: 9 dermatologists, payer enrollment backlog.</p>', [deal(DEAL.blueHarbor), contact(simone)]);
  note(b, 6, '<p>Next steps: Simone sends payer list; we scope credentialing for 9 providers; proposal call booked.</p>', [deal(DEAL.blueHarbor), contact(simone)]);

  // Engaged, gates open: no providers on any contact, no collections estimate, engagements only before Engaged; no Decision Maker.
  const greg = person(b, '35100000027', 'Greg', 'Palmer', 'silverline', 'Clinic Director', SQL, 'Champion, without Number of Providers.');
  const tanya = person(b, '35100000028', 'Tanya', 'Reeves', 'silverline', 'Front Office Lead', ADDITIONAL, 'Influencer.', { props: { seniority_level: 'individual_contributor' } });
  const howard = person(b, '35100000029', 'Howard', 'Lin', 'silverline', 'Regional Director', ADDITIONAL, 'Blocker.', { props: { seniority_level: 'vp' } });
  addDeal(b, {
    id: DEAL.silverline, company: 'silverline', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 35], ['engaged', 25]],
    props: { annual_practice_collections: undefined },
    contacts: [[greg, ['champion']], [tanya, ['influencer']], [howard, ['blocker']]],
    failing: ['SALES-ENG-2', 'SALES-ENG-3', 'SALES-ENG-4', 'ACC-7'],
    note: 'Engaged with no Number of Providers on its contacts, no Annual Practice Collections, only an engagement from before it entered Engaged, and a committee of Champion/Influencer/Blocker (no Decision Maker).',
  });
  call(b, 30, 'Discovery', DISPOSITION.connected, 'OUTBOUND', '<p>First call with Greg; interested in RCM.</p>', [deal(DEAL.silverline), contact(greg)]);
  call(b, 3, 'Follow-up', DISPOSITION.wrongNumber, 'OUTBOUND', '<p>Number on file reaches a different clinic.</p>', [contact(tanya)], OWNER.sdr);

  // Proposal, ready: every Proposal gate; the S&OP note body is HTML-encoded (#S&amp;OP).
  const alicia = person(b, '35100000030', 'Alicia', 'Romero', 'evergreen', 'Practice Administrator', SQL, 'Champion.', { providers: '31' });
  const samuel = person(b, '35100000031', 'Samuel', 'Okoro', 'evergreen', 'Chief Medical Officer', ADDITIONAL, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const jenna = person(b, '35100000032', 'Jenna', 'Holt', 'evergreen', 'Controller', CUSTOMER,
    'Marked Customer, but Evergreen has no Closed – Won deal (LC-5 mismatch).', { failing: ['LC-5'] });
  addDeal(b, {
    id: DEAL.evergreen, company: 'evergreen', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 60], ['engaged', 45], ['proposal', 20]],
    contacts: [[alicia, ['champion']], [samuel, ['dm']], [jenna, ['influencer']]],
    note: 'Proposal with every Proposal gate met and a complete S&OP checklist; the #S&OP note is stored HTML-encoded.',
  });
  b.engagement('email', 40, { hs_email_subject: 'Evergreen – next steps', hs_email_text: 'Attached the data request; proposal review on Tuesday.',
    hs_email_direction: 'EMAIL', hs_email_status: 'SENT', hubspot_owner_id: OWNER.ae }, [deal(DEAL.evergreen), contact(alicia)]);
  note(b, 15, SOP_NOTE(CO_NAME.evergreen), [deal(DEAL.evergreen), company('evergreen')]);

  // Proposal, gates open: every Proposal gate missing and the note lacks the #S&OP tag.
  const frank = person(b, '35100000033', 'Frank', 'DeLuca', 'clearview', 'Administrator', SQL, 'Champion.', { providers: '7' });
  const monica = person(b, '35100000034', 'Monica', 'Hale', 'clearview', 'Owner, OD', ADDITIONAL, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const paul = person(b, '35100000035', 'Paul', 'Grant', 'clearview', 'Billing Supervisor', ADDITIONAL, 'Influencer.', { props: { seniority_level: 'manager' } });
  addDeal(b, {
    id: DEAL.clearview, company: 'clearview', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 50], ['engaged', 40], ['proposal', 15]],
    props: {
      deal_meeting_required: undefined, deal_approval_status: 'pending', rate_range: '   ', pricing_model: undefined,
      verbal_commit_status: 'no', contract_status: 'not_started', client_data_confidence: undefined,
    },
    contacts: [[frank, ['champion']], [monica, ['dm']], [paul, ['influencer']]],
    failing: ['SALES-PRO-1', 'SALES-PRO-2', 'SALES-PRO-3', 'SALES-PRO-4', 'SALES-PRO-5', 'SALES-PRO-6', 'SALES-PRO-7', 'SALES-PRO-8', 'SOP-1'],
    note: 'Proposal with every Proposal gate open (Rate Range is only whitespace, approval Pending, verbal commit No, contract Not Started) and a note that mentions S&OP without the #S&OP tag.',
  });
  call(b, 35, 'Follow-up', DISPOSITION.busy, 'OUTBOUND', '<p>Line busy.</p>', [deal(DEAL.clearview), contact(frank)]);
  b.engagement('meeting', 33, { hs_meeting_title: 'Clearview – scope', hs_meeting_outcome: 'COMPLETED', hubspot_owner_id: OWNER.ae,
    hs_meeting_body: '<p>Next steps: pricing options for 7 providers.</p>' }, [deal(DEAL.clearview), contact(frank)]);
  note(b, 10, '<p>S&amp;OP to follow once financials arrive.</p>', [deal(DEAL.clearview)]);

  // Partner of Choice, ready (the S&OP tag in lower case).
  const ivy = person(b, '35100000036', 'Ivy', 'Chen', 'redwood', 'Practice Administrator', SQL, 'Champion.', { providers: '14' });
  const robert = person(b, '35100000037', 'Robert', 'Kline', 'redwood', 'Chief Financial Officer', ADDITIONAL, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const leah = person(b, '35100000038', 'Leah', 'Morgan', 'redwood', 'Surgery Scheduler', ADDITIONAL, 'Influencer.', { props: { seniority_level: 'individual_contributor' } });
  addDeal(b, {
    id: DEAL.redwood, company: 'redwood', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 70], ['engaged', 55], ['proposal', 35], ['poc', 10]],
    contacts: [[ivy, ['champion']], [robert, ['dm']], [leah, ['influencer']]],
    note: 'Partner of Choice with every gate so far met; its S&OP note uses the tag in lower case (#s&op).',
  });
  call(b, 50, 'Discovery', DISPOSITION.leftLiveMessage, 'OUTBOUND', '<p>Left a message with the front desk.</p>', [deal(DEAL.redwood), contact(ivy)]);
  call(b, 48, 'Follow-up', DISPOSITION.connected, 'INBOUND', '<p>Ivy: board meets on the 3rd; next step is a pricing walkthrough.</p>', [deal(DEAL.redwood), contact(ivy)]);
  note(b, 30, SOP_NOTE(CO_NAME.redwood).replace('#S&amp;OP', '#s&amp;op'), [deal(DEAL.redwood), company('redwood')]);

  // Partner of Choice, gates open: no Business Unit on the company (POC-1, SOP-1) and an earlier gate left open.
  const omar = person(b, '35100000039', 'Omar', 'Haddad', 'mapleGrove', 'Practice Manager', SQL, 'Champion.', { providers: '11' });
  const beth = person(b, '35100000040', 'Beth', 'Carter', 'mapleGrove', 'Physician Owner', ADDITIONAL, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const chris = person(b, '35100000041', 'Chris', 'Young', 'mapleGrove', 'Billing Specialist', ADDITIONAL, 'Influencer.', { props: { seniority_level: 'individual_contributor' } });
  addDeal(b, {
    id: DEAL.mapleGrove, company: 'mapleGrove', product: 'Medical Coding', pipeline: 'newBusiness',
    path: [['sql', 80], ['engaged', 60], ['proposal', 40], ['poc', 12]],
    props: { verbal_commit_status: 'no' },
    contacts: [[omar, ['champion']], [beth, ['dm']], [chris, ['influencer']]],
    failing: ['SALES-PRO-5', 'SOP-1', 'SALES-POC-1'],
    note: 'Partner of Choice whose company has no Business Unit (POC-1, and SOP-1 lacks it) and whose Verbal Commit Status is still No (an earlier gate left open).',
  });
  note(b, 55, '<p>Next steps: coding audit on 200 charts, then pricing.</p>', [deal(DEAL.mapleGrove)]);
  note(b, 38, SOP_NOTE(CO_NAME.mapleGrove), [deal(DEAL.mapleGrove), company('mapleGrove')]);

  // SALES-SQL-1: skipped Engaged (SQL → Proposal).
  const diane = person(b, '35100000042', 'Diane', 'Foster', 'hillside', 'Practice Administrator', SQL, 'Champion.', { providers: '16' });
  const mark = person(b, '35100000043', 'Mark', 'Ellis', 'hillside', 'Managing Physician', ADDITIONAL, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const sara = person(b, '35100000044', 'Sara', 'Kim', 'hillside', 'Billing Manager', ADDITIONAL, 'Influencer.', { props: { seniority_level: 'manager' } });
  addDeal(b, {
    id: DEAL.hillside, company: 'hillside', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 40], ['proposal', 20]],
    contacts: [[diane, ['champion']], [mark, ['dm']], [sara, ['influencer']]],
    failing: ['SALES-SQL-1'],
    // It never entered Engaged, so "after the latest entry into Engaged" has no anchor.
    unclaimed: ['SALES-ENG-4'],
    note: 'Skipped Engaged: dealstage history goes SQL → Proposal. Every property gate is met.',
  });
  note(b, 18, SOP_NOTE(CO_NAME.hillside), [deal(DEAL.hillside), company('hillside')]);

  // SALES-SQL-1: created past SQL (first history entry is Engaged).
  const louis = person(b, '35100000045', 'Louis', 'Broussard', 'crescent', 'Practice Owner', SQL, 'Champion.', { providers: '5', props: { seniority_level: 'c_level' } });
  const claire = person(b, '35100000046', 'Claire', 'Thibodeaux', 'crescent', 'Office Manager', ADDITIONAL, 'Decision Maker.');
  const andre = person(b, '35100000047', 'André', 'Batiste', 'crescent', 'Biller', ADDITIONAL, 'Influencer.', { props: { seniority_level: 'individual_contributor' } });
  addDeal(b, {
    id: DEAL.crescent, company: 'crescent', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['engaged', 18]],
    contacts: [[louis, ['champion']], [claire, ['dm']], [andre, ['influencer']]],
    failing: ['SALES-SQL-1'],
    note: 'Created directly in Engaged (never in SQL). Its Engaged gates are met.',
  });
  note(b, 5, '<p>Next steps: Louis shares the payer mix; proposal next week.</p>', [deal(DEAL.crescent), contact(louis)]);

  // Moving backwards is not a skip; but the only next-steps note predates the latest entry into Engaged.
  const nina = person(b, '35100000048', 'Nina', 'Patel', 'sunrise', 'Clinic Manager', SQL, 'Champion.', { providers: '6' });
  const jim = person(b, '35100000049', 'Jim', 'Sorensen', 'sunrise', 'Medical Director', ADDITIONAL, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const kara = person(b, '35100000050', 'Kara', 'Webb', 'sunrise', 'Sleep Tech Lead', ADDITIONAL, 'Influencer.', { props: { seniority_level: 'individual_contributor' } });
  addDeal(b, {
    id: DEAL.sunrise, company: 'sunrise', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 60], ['engaged', 50], ['proposal', 30], ['engaged', 10]],
    contacts: [[nina, ['champion']], [jim, ['dm']], [kara, ['influencer']]],
    failing: ['SALES-ENG-4'],
    note: 'Moved back from Proposal to Engaged (not a skip: SALES-SQL-1 met); its only note predates the latest entry into Engaged.',
  });
  note(b, 40, '<p>Next steps: send proposal draft.</p>', [deal(DEAL.sunrise), contact(nina)]);

  // Closed – Lost for a recyclable reason (timing): its MQL/SQL contacts should be Recycled (LC-8).
  const walter = person(b, '35100000051', 'Walter', 'Hughes', 'oakridge', 'Practice Manager', MQL,
    'MQL whose only deal was lost for timing: should be Recycled (LC-8); quiet for 95 days (LEAD-1).', { activity: 95, failing: ['LC-8', 'LEAD-1'] });
  const dana = person(b, '35100000052', 'Dana', 'Fox', 'oakridge', 'Physician Partner', SQL,
    'SQL whose only deal was lost for timing: should be Recycled (LC-8); quiet for 98 days (LC-4, LEAD-1).',
    { activity: 98, failing: ['LC-4', 'LC-8', 'LEAD-1'], props: { seniority_level: 'c_level' } });
  addDeal(b, {
    id: DEAL.oakridge, company: 'oakridge', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 200], ['engaged', 180], ['lost', 150]],
    props: { deal_lost_reason_category: 'timing', deal_lost_reason_details: 'Revisit after their EHR migration in Q3.' },
    contacts: [[walter, ['champion']], [dana, ['dm']]],
    note: 'Closed – Lost from Engaged with both lost-reason fields (timing).',
  });
  note(b, 175, '<p>Next steps: wait for EHR vendor decision.</p>', [deal(DEAL.oakridge)]);

  // Closed – Lost without reasons.
  const peter = person(b, '35100000053', 'Peter', 'Lindqvist', 'northwind', 'Chiropractor, Owner', SQL,
    'SQL whose only deal was lost without a reason: nothing says recycle (LC-8 met).', { props: { seniority_level: 'c_level' } });
  addDeal(b, {
    id: DEAL.northwind, company: 'northwind', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 90], ['engaged', 70], ['proposal', 50], ['lost', 20]],
    props: { deal_lost_reason_category: undefined, deal_lost_reason_details: undefined },
    contacts: [[peter, ['champion']]],
    failing: ['SALES-LOST-1', 'SALES-LOST-2'],
    note: 'Closed – Lost from Proposal with neither lost-reason field.',
  });

  // Closed – Lost in SQL for a non-recyclable reason (price).
  const gina = person(b, '35100000054', 'Gina', 'Russo', 'acmeInc', 'Office Manager', SQL,
    'SQL whose only deal was lost on price (not recyclable): LC-8 met.');
  addDeal(b, {
    id: DEAL.acmeInc, company: 'acmeInc', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 30], ['lost', 25]],
    props: { deal_lost_reason_category: 'price', deal_lost_reason_details: 'Chose a cheaper offshore vendor.' },
    contacts: [[gina, ['champion']]],
    note: 'Closed – Lost straight from SQL, with both lost-reason fields (price).',
  });

  // Riverbend's original win, long ago (makes its contacts Customers).
  const hana = person(b, '35100000016', 'Hana', 'Sato', 'riverbend', 'Office Manager', CUSTOMER, 'Champion at an at-risk customer; no activity for 105 days.', { activity: 105, providers: '8' });
  const victorAmes = person(b, '35100000017', 'Victor', 'Ames', 'riverbend', 'Owner, DDS', CUSTOMER, 'Decision Maker at an at-risk customer.', { activity: 110, props: { seniority_level: 'c_level' } });
  const rosa = person(b, '35100000018', 'Rosa', 'Díaz', 'riverbend', 'Billing Coordinator', CUSTOMER, 'Influencer at an at-risk customer.', { activity: 101, props: { seniority_level: 'individual_contributor' } });
  addDeal(b, {
    id: DEAL.riverbendWon, company: 'riverbend', product: 'RCM Services', pipeline: 'newBusiness',
    path: [['sql', 520], ['engaged', 490], ['proposal', 460], ['poc', 430], ['won', 400]],
    contacts: [[hana, ['champion']], [victorAmes, ['dm']], [rosa, ['influencer']]],
    note: 'An old, fully documented win (contract PDF, calculator, implementation ticket long done).',
  });
  note(b, 480, '<p>Next steps: dental payer list.</p>', [deal(DEAL.riverbendWon)]);
  note(b, 455, SOP_NOTE(CO_NAME.riverbend), [deal(DEAL.riverbendWon)]);
  const rbContract = b.file('Riverbend Dental - signed contract', 'pdf', 400);
  const rbCalc = b.file('Riverbend Dental Group_Calculator', 'xlsx', 400, 45_800);
  note(b, 400, '<p>Contract and calculator.</p>', [deal(DEAL.riverbendWon)], [rbContract, rbCalc]);
  const rbImpl = b.add(TYPE.ticket, '44100000009', {
    subject: 'Implementation – Riverbend Dental Group', content: 'Dental RCM onboarding.', hs_pipeline: PIPELINE.implementation,
    hs_pipeline_stage: TICKET_STAGE.done, hubspot_owner_id: OWNER.csm, closed_date: clock.daysAgo(340),
  }, { created: 398 });
  b.link(TYPE.deal, DEAL.riverbendWon, TYPE.ticket, rbImpl, [ASSOC.dealToTicket]);
  b.link(TYPE.ticket, rbImpl, TYPE.company, CO.riverbend, [ASSOC.ticketToCompanyPrimary, ASSOC.ticketToCompany]);

  // ------------------------------------------------------------- Expansion

  const nadia = person(b, '35100000013', 'Nadia', 'Farouk', 'summit', 'VP Revenue Cycle', CUSTOMER,
    'Champion; Primary Contact of two subscriptions.', { providers: '88', primaryContact: true, props: { seniority_level: 'vp' } });
  const owen = person(b, '35100000014', 'Owen', 'Price', 'summit', 'Chief Financial Officer', CUSTOMER,
    'Decision Maker; Primary Contact of two subscriptions.', { primaryContact: true, props: { seniority_level: 'c_level' } });
  const carmen = person(b, '35100000015', 'Carmen', 'Ruiz', 'summit', 'Director of Operations', CUSTOMER,
    'Influencer; Primary Contact of two subscriptions.', { primaryContact: true });
  addDeal(b, {
    id: DEAL.summitExpansion, company: 'summit', product: 'Patient Engagement', pipeline: 'expansion',
    path: [['sql', 100], ['engaged', 85], ['proposal', 60], ['poc', 40], ['won', 20]],
    contacts: [[nadia, ['champion']], [owen, ['dm']], [carmen, ['influencer']]],
    note: 'Expansion win with contract PDF and calculator; no implementation ticket, and none is needed outside New Business.',
    amount: '96000',
  });
  b.engagement('email', 80, { hs_email_subject: 'Patient engagement rollout – next steps', hs_email_text: 'Next steps: pilot at Pediatrics.',
    hs_email_direction: 'INCOMING_EMAIL', hs_email_status: 'SENT', hubspot_owner_id: OWNER.ae }, [deal(DEAL.summitExpansion), contact(nadia)]);
  note(b, 55, SOP_NOTE(CO_NAME.summit), [deal(DEAL.summitExpansion), company('summit')]);
  const smContract = b.file('Summit expansion contract - signed', 'pdf', 20);
  const smCalc = b.file('Summit Health Partners_Calculator', 'xlsx', 20, 44_990);
  note(b, 20, '<p>Signed expansion contract and calculator.</p>', [deal(DEAL.summitExpansion)], [smContract, smCalc]);

  // Expansion in SQL, ready.
  const brian = person(b, '35100000055', 'Brian', 'Foley', 'lakeside', 'Practice Administrator', SQL, 'Champion.', { providers: '20' });
  const erin = person(b, '35100000056', 'Erin', 'Nash', 'lakeside', 'Chief Operating Officer', ADDITIONAL, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const colin = person(b, '35100000057', 'Colin', 'Reyes', 'lakeside', 'Coding Manager', ADDITIONAL, 'Influencer.', { props: { seniority_level: 'manager' } });
  addDeal(b, {
    id: DEAL.lakeside, company: 'lakeside', product: 'Medical Coding', pipeline: 'expansion',
    path: [['sql', 9]],
    contacts: [[brian, ['champion']], [erin, ['dm']], [colin, ['influencer']]],
    note: 'Expansion in SQL with both SQL gates and a full committee.',
  });

  // Expansion in Engaged with no HP Product(s): fails the SQL gate it left and the Engaged one it needs.
  const keith = person(b, '35100000058', 'Keith', 'Moss', 'lakesideGroup', 'Practice Manager', SQL, 'Champion, alone on the deal.', { providers: '20' });
  addDeal(b, {
    id: DEAL.lakesideGroup, company: 'lakesideGroup', product: 'IT Services', pipeline: 'expansion',
    path: [['sql', 30], ['engaged', 14]],
    props: { hp_products: undefined },
    contacts: [[keith, ['champion']]],
    failing: ['SALES-SQL-3', 'SALES-ENG-1', 'ACC-7'],
    note: 'Engaged with HP Product(s) empty (fails SQL-3 left open and ENG-1) and a one-person committee.',
  });
  b.engagement('meeting', 7, { hs_meeting_title: 'Lakeside IT review', hs_meeting_outcome: 'COMPLETED', hubspot_owner_id: OWNER.se,
    hs_meeting_body: '<p>Next steps: inventory of workstations.</p>' }, [deal(DEAL.lakesideGroup), contact(keith)]);

  // Expansion in Proposal: all properties, but no #S&OP note at all.
  const quinn = person(b, '35100000059', 'Quinn', 'Harper', 'pinecrest', 'Practice Manager', SQL, 'Champion.', { providers: '10' });
  const nora = person(b, '35100000060', 'Nora', 'Blake', 'pinecrest', 'Lead Pediatrician', ADDITIONAL, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const ian = person(b, '35100000061', 'Ian', 'Wolfe', 'pinecrest', 'Billing Lead', ADDITIONAL, 'Influencer.');
  addDeal(b, {
    id: DEAL.pinecrest, company: 'pinecrest', product: 'Credentialing', pipeline: 'expansion',
    path: [['sql', 45], ['engaged', 35], ['proposal', 12]],
    contacts: [[quinn, ['champion']], [nora, ['dm']], [ian, ['influencer']]],
    failing: ['SALES-PRO-8'],
    note: 'Proposal with every property gate and the S&OP checklist complete, but no #S&OP note yet.',
  });
  call(b, 20, 'Follow-up', DISPOSITION.connected, 'OUTBOUND', '<p>Next steps: credentialing roster by Monday.</p>', [deal(DEAL.pinecrest), contact(quinn)]);

  // Expansion in Partner of Choice, ready.
  const tessa = person(b, '35100000062', 'Tessa', 'Grant', 'granite', 'Practice Administrator', SQL, 'Champion.', { providers: '22' });
  const miles = person(b, '35100000063', 'Miles', 'Carver', 'granite', 'Chief Executive Officer', ADDITIONAL, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const june = person(b, '35100000064', 'June', 'Abbott', 'granite', 'Surgery Coordinator', ADDITIONAL, 'Influencer.');
  addDeal(b, {
    id: DEAL.granite, company: 'granite', product: 'Patient Engagement', pipeline: 'expansion',
    path: [['sql', 75], ['engaged', 60], ['proposal', 40], ['poc', 15]],
    contacts: [[tessa, ['champion']], [miles, ['dm']], [june, ['influencer']]],
    note: 'Expansion in Partner of Choice with every gate met.',
  });
  call(b, 55, 'Discovery', DISPOSITION.connected, 'OUTBOUND', '<p>Next steps: reminders pilot for 2 clinics.</p>', [deal(DEAL.granite), contact(tessa)]);
  note(b, 35, SOP_NOTE(CO_NAME.granite), [deal(DEAL.granite), company('granite')]);

  // Expansion lost for "no decision" (recyclable).
  const irene = person(b, '35100000065', 'Irene', 'Walsh', 'clearpath', 'Partnerships Manager', MQL,
    'MQL whose only deal was lost for no decision: should be Recycled (LC-8).', { failing: ['LC-8'] });
  addDeal(b, {
    id: DEAL.clearpath, company: 'clearpath', product: 'IT Services', pipeline: 'expansion',
    path: [['sql', 70], ['engaged', 60], ['proposal', 45], ['lost', 15]],
    props: { deal_lost_reason_category: 'no_decision', deal_lost_reason_details: 'Board never voted; revisit next budget cycle.' },
    contacts: [[irene, ['champion']]],
    note: 'Closed – Lost from Proposal with both lost-reason fields (no decision).',
  });

  // ---------------------------------------------------------------- Upsell

  // Stuck 130 days in Proposal at an at-risk customer (ACC-6 velocity 0); Level of Confidence unknown.
  addDeal(b, {
    id: DEAL.riverbendUpsell, company: 'riverbend', product: 'Patient Engagement', pipeline: 'upsell',
    path: [['sql', 200], ['engaged', 170], ['proposal', 130]],
    props: { client_data_confidence: undefined },
    contacts: [[hana, ['champion']], [victorAmes, ['dm']], [rosa, ['influencer']]],
    failing: ['SALES-PRO-7'],
    note: 'Upsell 130 days in Proposal (drags Riverbend\'s health), Level of Confidence in Client Data unknown.',
  });
  note(b, 150, '<p>Next steps: pricing for reminders add-on.</p>', [deal(DEAL.riverbendUpsell)]);
  note(b, 125, SOP_NOTE(CO_NAME.riverbend), [deal(DEAL.riverbendUpsell)]);

  // Upsell in SQL at a subsidiary: a one-person committee.
  const derek = person(b, '35100000066', 'Derek', 'Stone', 'summitOrtho', 'Practice Manager', SQL, 'Champion, alone on the deal.');
  addDeal(b, {
    id: DEAL.summitOrtho, company: 'summitOrtho', product: 'Medical Coding', pipeline: 'upsell',
    path: [['sql', 8]],
    contacts: [[derek, ['champion']]],
    failing: ['ACC-7'],
    note: 'Upsell in SQL at a subsidiary (counts in the Summit roll-up) with one contact only.',
  });

  // Upsell in Engaged, ready.
  const felix = person(b, '35100000067', 'Felix', 'Brandt', 'acmeLlc', 'IT Director', SQL, 'Champion.', { providers: '4' });
  const wendy = person(b, '35100000068', 'Wendy', 'Ortiz', 'acmeLlc', 'Owner', ADDITIONAL, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const hugo = person(b, '35100000069', 'Hugo', 'Lam', 'acmeLlc', 'Office Manager', ADDITIONAL, 'Influencer.');
  addDeal(b, {
    id: DEAL.acmeLlc, company: 'acmeLlc', product: 'IT Services', pipeline: 'upsell',
    path: [['sql', 28], ['engaged', 16]],
    contacts: [[felix, ['champion']], [wendy, ['dm']], [hugo, ['influencer']]],
    note: 'Upsell in Engaged with every Engaged gate met (next steps in an e-mail).',
  });
  b.engagement('email', 9, { hs_email_subject: 'Re: IT assessment', hs_email_text: 'Next steps: on-site assessment on the 14th.',
    hs_email_direction: 'INCOMING_EMAIL', hs_email_status: 'SENT', hubspot_owner_id: OWNER.se }, [deal(DEAL.acmeLlc), contact(felix)]);

  // Tidewater: an Upsell in Partner of Choice and an Upsell win without the signed contract PDF.
  const marisol = person(b, '35100000070', 'Marisol', 'Vega', 'tidewater', 'Practice Administrator', CUSTOMER, 'Champion.', { providers: '13' });
  const grant = person(b, '35100000071', 'Nathan', 'Cole', 'tidewater', 'Medical Director', CUSTOMER, 'Decision Maker.', { props: { seniority_level: 'c_level' } });
  const yara = person(b, '35100000072', 'Yara', 'Haddad', 'tidewater', 'Billing Manager', CUSTOMER, 'Influencer.', { props: { seniority_level: 'manager' } });
  addDeal(b, {
    id: DEAL.tidewaterPoc, company: 'tidewater', product: 'Credentialing', pipeline: 'upsell',
    path: [['sql', 50], ['engaged', 40], ['proposal', 25], ['poc', 5]],
    contacts: [[marisol, ['champion']], [grant, ['dm']], [yara, ['influencer']]],
    note: 'Upsell in Partner of Choice with every gate met.',
  });
  call(b, 35, 'Follow-up', DISPOSITION.connected, 'OUTBOUND', '<p>Next steps: credentialing roster.</p>', [deal(DEAL.tidewaterPoc), contact(marisol)]);
  note(b, 22, SOP_NOTE(CO_NAME.tidewater), [deal(DEAL.tidewaterPoc), company('tidewater')]);
  addDeal(b, {
    id: DEAL.tidewaterWon, company: 'tidewater', product: 'RCM Services', pipeline: 'upsell',
    path: [['sql', 140], ['engaged', 120], ['proposal', 100], ['poc', 80], ['won', 60]],
    contacts: [[marisol, ['champion']], [grant, ['dm']], [yara, ['influencer']]],
    props: { target_go_live_date: undefined, baa_status: undefined },
    failing: ['SOP-1', 'SALES-WON-4', 'SALES-WON-6', 'SALES-WON-7'],
    note: 'Upsell win with no Target Go-Live Date (WON-4, and the S&OP checklist lacks it), no BAA Status, and no signed contract PDF; the calculator is attached. WON-9 does not apply outside New Business.',
  });
  call(b, 115, 'Discovery', DISPOSITION.noAnswer, 'OUTBOUND', '<p>No answer.</p>', [deal(DEAL.tidewaterWon)]);
  call(b, 114, 'Discovery', DISPOSITION.connected, 'INBOUND', '<p>Next steps: A/R review.</p>', [deal(DEAL.tidewaterWon), contact(marisol)]);
  note(b, 95, SOP_NOTE(CO_NAME.tidewater), [deal(DEAL.tidewaterWon)]);
  const twCalc = b.file('Tidewater Pain Management_Calculator', 'xlsx', 60, 43_002);
  note(b, 60, '<p>Final calculator attached; contract to follow.</p>', [deal(DEAL.tidewaterWon)], [twCalc]);

  // Upsell lost to a competitor, with reasons; no contacts.
  addDeal(b, {
    id: DEAL.graniteLost, company: 'granite', product: 'IT Services', pipeline: 'upsell',
    path: [['sql', 60], ['engaged', 50], ['lost', 35]],
    props: { deal_lost_reason_category: 'competitor', deal_lost_reason_details: 'Went with their EHR vendor\'s managed IT bundle.' },
    contacts: [],
    note: 'Upsell lost to a competitor, both reasons set.',
  });

  // --------------------------------------------------- ungoverned pipeline

  const joe = person(b, '35100000073', 'Joe', 'Santangelo', 'harbor', 'Clinic Director', SQL, 'SQL at a company with an incomplete profile.');
  addUngovernedDeal(b, DEAL.harbor, 'harbor', 'Urgent care billing', 'qualifiedtobuy', 25, [joe],
    'HubSpot\'s default Sales Pipeline: no SALES-*, SOP-* or ACC-7 finding, however empty the deal.');
  const scripty = person(b, '35100000074', '<script>alert("xss")</script>', 'O\'Brien & "Sons"', 'bold', 'Partner <Manager>', CUSTOMER,
    'Name full of markup and quotes (escaping). Customer, but its company\'s only win is in the ungoverned pipeline (LC-5 mismatch).',
    { failing: ['LC-5'], email: 'obrien+sons@boldandco.com' });
  addUngovernedDeal(b, DEAL.bold, 'bold', 'Referral agreement', 'closedwon', 30, [scripty],
    'Closed Won in the ungoverned Sales Pipeline: no SALES-* findings, and it does not make its contacts Customers (LC-5).');
}
