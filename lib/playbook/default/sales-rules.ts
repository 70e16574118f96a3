/**
 * Section 1 of the rule catalog: the governed sales pipelines
 * (004_39361a476cc68959.txt). Stage gates are `leave` rules of the stage they
 * let a deal out of, so they read as "needed next" in that stage and as a
 * violation once the deal is past it (gates are cumulative). Closing gates are
 * `enter` rules of the closed stage.
 */
import { equals, hasAny, known, oneOf } from '../builders';
import type { GateRule, GuideRule, CheckRule, Predicate, Rule } from '../types';
import { SALES_SOP } from './sources';
import { CLOSED_LOST, CLOSED_WON, ENGAGED, PARTNER_OF_CHOICE, PROPOSAL, SQL } from './pipelines';

const source = (quote: string) => ({ file: SALES_SOP, quote });
const dealScope = { object: 'deal' };

function gate(
  id: string,
  stage: string,
  transition: 'leave' | 'enter',
  title: string,
  test: Predicate,
  why: string,
  quote: string,
  fix?: GateRule['fix'],
): GateRule {
  const rule: GateRule = {
    id, kind: 'gate', title, why, source: source(quote), scope: dealScope,
    severity: 'required', stage, transition, test,
  };
  return fix ? { ...rule, fix } : rule;
}

function guide(id: string, title: string, text: string, why: string, quote: string, stage?: string): GuideRule {
  const rule: GuideRule = { id, kind: 'guide', title, text, why, source: source(quote), scope: dealScope, severity: 'required' };
  return stage ? { ...rule, stage } : rule;
}

const processRules: Rule[] = [
  {
    id: 'SALES-SQL-1', kind: 'gate', severity: 'required', scope: dealScope,
    title: 'Start in SQL and move stage by stage',
    why: 'Every deal begins in Sales Qualified Lead and moves through the stages in order, so each stage\'s information is gathered before the next one starts. A deal created past SQL, or one that skipped a stage, is missing that work.',
    source: source('Deal must be in SQL Stage of the correct pipeline (New Business or Expansion)'),
    test: { op: 'stageOrder', label: 'Deal started in SQL and has not skipped a stage' },
  },
];

const sqlRules: Rule[] = [
  gate('SALES-SQL-2', SQL, 'leave', 'Enterprise Deal Status is known',
    known('enterprise_deal_status', 'Enterprise Deal Status is Yes or No'),
    'Whether this is an enterprise deal decides who reviews it later; "No" counts as known, blank does not.',
    'Enterprise Deal Status is known (equals yes or no)'),
  gate('SALES-SQL-3', SQL, 'leave', 'HP Product(s) are known',
    hasAny('hp_products', 'At least one HP Product is selected'),
    'Knowing which products the prospect needs shapes the research done in SQL and the proposal that follows.',
    'HP product(s) are known.'),
  guide('SALES-SQL-G1', 'Request financials; send the BAA/NDA first',
    'While the deal is in SQL, request the prospect\'s financials. Send any required BAA and/or NDA before you receive that data.',
    'Financial data is protected information: the BAA/NDA must be in place before it reaches us.',
    'In this stage you will be requesting financials, sending out any required BAA and/ or NDA prior to receipt of this data in most cases.',
    SQL),
  guide('SALES-SQL-G2', 'Assess the PM/EMR situation',
    'Assess the prospect\'s PM/EMR situation and look for a chance to add IT or other solutions to the RCM services you will present.',
    'Add-on solutions are easiest to include while the scope is still being researched.',
    'As part of the stages (See below), reps will assess the PM/EMR situation with the prospect and determine if there is an opportunity to add IT or other offered solutions to the RCM services that we will initially present to the prospect.',
    SQL),
  guide('SALES-SQL-G3', 'Lost in SQL? Change the lifecycle stage instead',
    'If the opportunity is lost while the deal is still in SQL, change the contact\'s lifecycle stage rather than closing a deal: no deal is in process yet.',
    'In SQL there is no real deal in process yet, so the contact\'s lifecycle stage is what records the outcome.',
    'Note that if the deal is lost at any point during this or any stage, you would simply alter the Lifecycle stage as no deal is in process yet.',
    SQL),
];

const engagedRules: Rule[] = [
  gate('SALES-ENG-1', ENGAGED, 'leave', 'Likely scope of services selected',
    hasAny('hp_products', 'HP Product(s) has every needed product selected'),
    'The likely scope of services is what the proposal prices. The field must not be empty; whether every needed product is selected is your judgement.',
    'Likely scope of services (all necessary HP Products are selected)'),
  gate('SALES-ENG-2', ENGAGED, 'leave', 'Number of Providers on the contact',
    {
      op: 'associated', object: 'contact', quantifier: 'any', min: 1,
      where: known('number_of_providers'),
      label: 'Number of Providers is set on an associated contact',
    },
    'Provider count drives pricing. The SOP keeps it on the contact record, not the deal.',
    'Number of Providers (is updated in the associated contact record)',
    { object: 'contact', property: 'number_of_providers' }),
  gate('SALES-ENG-3', ENGAGED, 'leave', 'Annual Practice Collections estimated',
    known('annual_practice_collections', 'Annual Practice Collections is set (an estimate is fine)'),
    'High-level metrics size the opportunity; an educated guess is acceptable at this stage.',
    'High-level metrics on the prospect (even if it is an educated guess) and update to “Annual Practice Collections” in the deal.'),
  gate('SALES-ENG-4', ENGAGED, 'leave', 'Next steps logged on the deal',
    {
      op: 'engagement', types: ['note', 'call', 'email', 'meeting'], sinceStage: ENGAGED,
      label: 'A note, call, email or meeting logged on the deal since it entered Engaged',
    },
    'Whoever picks the deal up next needs to see the agreed next steps on the deal itself.',
    'Next steps are detailed in notes, email or call log on the deal.'),
];

const proposalRules: Rule[] = [
  guide('SALES-PRO-G1', 'What to deliver in Proposal',
    'Deliver the proposal, term sheet or quote email; the pricing model behind the quote; volume data from the prospect (claims, providers, locations); and the estimated decision date. Deal probability is calculated automatically. Calculators in use: HPI Sales Calculator, Small Kareo Practice Calculator.',
    'The Proposal stage is where the quote is delivered and the S&OP information is gathered.',
    'The Proposal stage is where the sales representative has delivered a pricing quote/proposal.',
    PROPOSAL),
  gate('SALES-PRO-1', PROPOSAL, 'leave', 'Deal Meeting Required is known',
    known('deal_meeting_required', 'Deal Meeting Required is Yes or No'),
    'Whether a deal meeting is needed decides the approval path.',
    'Deal Meeting Required is known (equals yes or no)'),
  gate('SALES-PRO-2', PROPOSAL, 'leave', 'Deal approved',
    equals('deal_approval_status', 'approved', 'Deal Approval Status is Approved'),
    'A deal is only offered to the client once approved. If no deal meeting is required, mark it Approved.',
    'Deal Approval Status is known and is equal to “Approved”. (if no deal meeting is required, please mark approved and proceed)',
    { property: 'deal_approval_status', suggest: 'approved' }),
  gate('SALES-PRO-3', PROPOSAL, 'leave', 'Rate Range is known',
    known('rate_range'), 'The rate range quoted is needed for approval and for the S&OP.', 'Rate Range is known'),
  gate('SALES-PRO-4', PROPOSAL, 'leave', 'Pricing Model is known',
    known('pricing_model'), 'The pricing model behind the quote must be recorded with the quote.', 'Pricing Model is known'),
  gate('SALES-PRO-5', PROPOSAL, 'leave', 'Verbal commit received',
    equals('verbal_commit_status', 'yes', 'Verbal Commit Status is Yes'),
    'A deal becomes Partner of Choice only once the prospect has verbally committed.',
    'Verbal Commit Status is Yes',
    { property: 'verbal_commit_status', suggest: 'yes' }),
  gate('SALES-PRO-6', PROPOSAL, 'leave', 'Proposal sent',
    oneOf('contract_status', ['proposal_sent', 'proposal_signed'], 'Contract Status is Proposal sent (or signed)'),
    'The proposal must be with the client before the deal can move on.',
    'Contract Status= Proposal sent',
    { property: 'contract_status', suggest: 'proposal_sent' }),
  gate('SALES-PRO-7', PROPOSAL, 'leave', 'Confidence in client data is known',
    known('client_data_confidence', 'Level of Confidence in Client Data is known'),
    'How far the client\'s numbers can be trusted affects pricing risk.',
    'Level of Confidence in Client Data is known.'),
  gate('SALES-PRO-8', PROPOSAL, 'leave', 'S&OP note on the deal',
    { op: 'engagement', types: ['note'], contains: '#S&OP', label: 'A note on the deal contains #S&OP' },
    'The S&OP note hands the deal\'s and company\'s key facts to operations planning. Fill in the S&OP checklist first, then add the note.',
    'S &OP Required Information is populated. (Go to Notes in Hubspot and type #S&OP)'),
];

const partnerRules: Rule[] = [
  gate('SALES-POC-1', PARTNER_OF_CHOICE, 'leave', 'Business Unit on the company',
    {
      op: 'associated', object: 'company', primary: true, quantifier: 'any', min: 1,
      where: known('business_unit'),
      label: 'Business Unit is set on the deal\'s company',
    },
    'Once chosen as partner, the company must be assigned to the business unit that will serve it.',
    'At this stage, the sales representative will need to ensure that the “Business Unit” is populated.',
    { object: 'company', property: 'business_unit' }),
];

const wonRules: Rule[] = [
  gate('SALES-WON-1', CLOSED_WON, 'enter', 'Quoted RCM Rate is known',
    known('quoted_rcm_rate'), 'The rate quoted is what onboarding and billing will use.', 'Quoted RCM Rate is known'),
  gate('SALES-WON-2', CLOSED_WON, 'enter', 'Proposal signed',
    equals('contract_status', 'proposal_signed', 'Contract Status is Proposal signed'),
    'A deal is won only when the contract is signed.',
    'Contract Status= Proposal signed*',
    { property: 'contract_status', suggest: 'proposal_signed' }),
  gate('SALES-WON-3', CLOSED_WON, 'enter', 'Onboarding questionnaire uploaded',
    equals('onboarding_questionnaire', 'uploaded', 'Onboarding Questionnaire is Uploaded'),
    'The onboarding team starts from the questionnaire.',
    'Onboarding Questionnaire= Uploaded*',
    { property: 'onboarding_questionnaire', suggest: 'uploaded' }),
  gate('SALES-WON-4', CLOSED_WON, 'enter', 'Target go-live date is known',
    known('target_go_live_date', 'Projected/Target Go-Live Date is known'),
    'Implementation plans backwards from the go-live date.',
    'Projected/ Target Go-Live Date = known*'),
  gate('SALES-WON-5', CLOSED_WON, 'enter', 'NDA Status is known',
    known('nda_status'), 'Legal needs to know where the NDA stands before hand-off.', 'NDA Status= Known*'),
  gate('SALES-WON-6', CLOSED_WON, 'enter', 'BAA Status is known',
    known('baa_status'), 'Protected health data may only flow under a BAA; its status must be recorded.', 'BAA Status= Known*'),
];

const wonScope = (pipelines?: string[]) => ({
  object: 'deal',
  ...(pipelines ? { pipelines } : {}),
  when: { op: 'inStage', outcome: 'won' } as Predicate,
});

function afterWon(id: string, title: string, test: Predicate, why: string, quote: string, pipelines?: string[]): CheckRule {
  return { id, kind: 'check', severity: 'required', scope: wonScope(pipelines), title, test, why, source: source(quote) };
}

const afterWonRules: Rule[] = [
  afterWon('SALES-WON-7', 'Signed contract PDF attached',
    { op: 'attachment', extension: 'pdf', nameContains: 'contract', label: 'A PDF whose name contains "contract" is attached to the deal' },
    'The signed contract belongs with the deal so anyone can find what was agreed.',
    'Be sure to download a PDF copy of your signed contract and upload in deal attachments.'),
  afterWon('SALES-WON-8', 'Final pricing tool attached',
    { op: 'attachment', nameEquals: '{company.name}_Calculator', label: 'The final pricing tool is attached as <Company Name>_Calculator' },
    'The final calculator shows how the price was built; the fixed name makes it findable.',
    'A final copy of your pricing tool must also be uploaded and named “Company Name_Calculator” to the deal attachments as well.'),
  afterWon('SALES-WON-9', 'Implementation ticket created',
    {
      op: 'associated', object: 'ticket', quantifier: 'any', min: 1,
      where: { op: 'matches', property: 'subject', pattern: '^\\s*Implementation', flags: 'i' },
      label: 'An Implementation ticket is associated with the deal',
    },
    'New business hands over to the onboarding team through the implementation ticket.',
    'Closed – Won: any deal that turns into a signed contract for new business will have an implementation ticket automatically created for the onboarding team.',
    ['New Business']),
];

const lostRules: Rule[] = [
  gate('SALES-LOST-1', CLOSED_LOST, 'enter', 'Lost reason category set',
    known('deal_lost_reason_category', 'Deal Lost Reason Category is set'),
    'Lost reasons decide which lost deals are recycled for new business later.',
    'Deal Object: Deal Lost Reason Category *'),
  gate('SALES-LOST-2', CLOSED_LOST, 'enter', 'Lost reason details set',
    known('deal_lost_reason_details', 'Deal Lost Reason Details is set'),
    'The details tell the next rep what went wrong.',
    'Deal Object: Deal Lost Reason Details*'),
  guide('SALES-BACK-G1', 'Deal backed out after signing',
    'If the client backs out after signing, the Sales VP works with implementation to update the Client Status and the deal; you, the rep who sold it, update the contact\'s lifecycle stage.',
    'A deal that falls through after signing must not keep counting as a customer.',
    'When this occurs, the Sales VP will work with the implementation team to update the Client Status and deal accordingly. The Sales Representative who sold the deal is responsible for the contact lifecycle stage update.',
    CLOSED_WON),
];

export const salesRules: Rule[] = [
  ...processRules,
  ...sqlRules,
  ...engagedRules,
  ...proposalRules,
  ...partnerRules,
  ...wonRules,
  ...afterWonRules,
  ...lostRules,
];
