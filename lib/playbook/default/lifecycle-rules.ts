/**
 * Section 2 of the rule catalog: contact lifecycle, leads, consent and
 * logging (004_39361a476cc68959.txt).
 */
import { activityWithin, all, any, equals, known, not, oneOf, param } from '../builders';
import type { GuideRule, Predicate, Rule } from '../types';
import { SALES_SOP } from './sources';
import { CUSTOMER, EXCLUDE, MQL, RECYCLED, SQL_CONTACT, TARGET } from './lifecycle';
import { CLOSED_LOST } from './pipelines';

const source = (quote: string) => ({ file: SALES_SOP, quote });
const LIFECYCLE = 'lifecyclestage';
const isMqlOrSql: Predicate = oneOf(LIFECYCLE, [MQL, SQL_CONTACT], 'Lifecycle stage is MQL or SQL');

function guide(id: string, title: string, text: string, why: string, quote: string, group?: GuideRule['group']): GuideRule {
  const rule: GuideRule = { id, kind: 'guide', severity: 'required', scope: { object: 'contact' }, title, text, why, source: source(quote) };
  return group ? { ...rule, group } : rule;
}

/** LC-5's "active deal": a Closed – Won deal in a governed pipeline on the contact's primary company. */
const companyHasActiveDeal: Predicate = {
  op: 'associated', object: 'company', primary: true, quantifier: 'any', min: 1,
  label: 'The contact\'s company has a Closed – Won deal',
  where: {
    op: 'associated', object: 'deal', quantifier: 'any', min: 1,
    where: { op: 'inStage', outcome: 'won', governed: true },
  },
};

/** LC-8: why an MQL/SQL contact should be Recycled. "No deals" is not "all lost" (min 1). */
const shouldBeRecycled: Predicate = any([
  equals('hs_email_optout', 'true', 'Unsubscribed from email'),
  known('hs_email_hard_bounce_reason_enum', 'Email hard-bounced'),
  not(known('email'), 'Has no email address'),
  {
    op: 'associated', object: 'deal', quantifier: 'all', min: 1,
    label: 'Every deal is Closed – Lost for a recyclable reason',
    where: all([
      { op: 'inStage', stages: [CLOSED_LOST] },
      oneOf('deal_lost_reason_category', param('recyclableLostReasons')),
    ]),
  },
]);

export const lifecycleRules: Rule[] = [
  {
    id: 'LC-1', kind: 'check', severity: 'required', scope: { object: 'contact' },
    title: 'Lifecycle stage is set',
    why: 'Every contact has a lifecycle stage; new contacts start as Target. A blank stage hides the contact from every lifecycle report.',
    source: source('By default, the Lifecycle Stage field value is set to “Target”.'),
    test: known(LIFECYCLE, 'Lifecycle Stage is set'),
    fix: { property: LIFECYCLE, suggest: TARGET },
  },
  guide('LC-2', 'Target → MQL',
    'Move a Target to Marketing Qualified Lead once they engage in a meaningful way (website, trade show…). An MQL goes to the SDR team for immediate outreach. Current customers are never MQLs.',
    'MQL is the hand-off from marketing to the SDR team.',
    'Marketing Qualified Lead (MQL) To be used when a Target engages with us (explores website, gives us information at a trade show, etc.) in any meaningful way, it becomes an MQL and moves to the SDR team for immediate outreach to see if we can engage them directly.'),
  guide('LC-3', 'MQL → SQL',
    'Only move an MQL to Sales Qualified Lead after you (or an SDR) connected with the prospect and verified they are exploring a decision. If not, leave them at MQL and marketing keeps nurturing.',
    'SQL means a rep owns an active engagement; it must be earned by a real conversation.',
    'Sales Qualified Lead (SQL): Someone on the sales team (Rep or SDR) has connected with the prospect and verified that they are, in fact, exploring a decision at some level.'),
  {
    id: 'LC-4', kind: 'check', severity: 'required',
    scope: { object: 'contact', when: equals(LIFECYCLE, SQL_CONTACT) },
    title: 'Stalled SQL needs evaluation',
    why: 'SQL contacts may sit without movement for a while, but they must be evaluated periodically: either re-engage or change the stage.',
    source: source('Prospects may remain at the SQL stage for some time without movement, but if so, we’ll need to periodically evaluate.'),
    test: activityWithin(param('staleSqlDays'), 'Activity within the evaluation period'),
  },
  {
    id: 'LC-5', kind: 'check', severity: 'required',
    scope: { object: 'contact', when: not(equals(LIFECYCLE, EXCLUDE)) },
    title: 'Customer only with an active deal',
    why: 'Customer means the contact\'s company has an active deal with us. A Customer without one, or a contact whose company has one but is not marked Customer, skews every report.',
    source: source('Customer: To be used when the contact is associated with a company that has an active deal with HPI.'),
    test: {
      op: 'iff',
      left: equals(LIFECYCLE, CUSTOMER, 'Lifecycle stage is Customer'),
      right: companyHasActiveDeal,
      label: 'Customer exactly when the company has a Closed – Won deal',
    },
    fix: { property: LIFECYCLE },
  },
  guide('LC-6', 'Exclude from Marketing',
    'Use Exclude from Marketing for junk contacts: not a customer and not a potential lead. These are reviewed quarterly to find out why they were created, and deleted where appropriate.',
    'Junk contacts must not receive our content, and their source should be fixed.',
    'These contacts should be reviewed quarterly to determine how and why they are being created so corrective actions can be taken, and the contacts can be deleted, if appropriate.'),
  guide('LC-7', 'Additional Sales Contact',
    'Use Additional Sales Contact for an extra person Sales works with on a deal already in process, instead of creating a second deal.',
    'It prevents a duplicate deal from being created.',
    'Additional Sales Contact: To be used if there is an additional contact the Sales team needs to work with during the deal process. This prevents a duplicate deal from being created.'),
  {
    id: 'LC-8', kind: 'check', severity: 'required',
    scope: { object: 'contact', when: isMqlOrSql },
    title: 'Recycle contacts that left active marketing',
    why: 'An MQL or SQL that bounced, unsubscribed, has no email, or whose deals were all lost for a recyclable reason should be Recycled so sales follows up.',
    source: source('Recycled: When a contacts’ lifecycle has previously been marked as MQL or SQL and for some reason (bounced email, unsubscribed email, no email, etc.) has been removed from active marketing contact status.'),
    test: not(shouldBeRecycled, 'No reason to recycle this contact'),
    fix: { property: LIFECYCLE, suggest: RECYCLED },
  },
  {
    id: 'LEAD-1', kind: 'check', severity: 'required',
    scope: { object: 'contact', when: isMqlOrSql },
    title: 'Is this contact a lead?',
    why: 'Not every contact is a lead. A lead is an MQL or SQL who has not opted out, engaged recently, and whose activity is positive and interested.',
    source: source('A contact/ company should be moved to a LEAD if the following applies:'),
    test: all([
      isMqlOrSql,
      not(equals('hs_email_optout', 'true'), 'Has not unsubscribed or opted out'),
      activityWithin(param('leadEngagementDays'), 'Engaged recently'),
      { op: 'manual', label: 'You confirm the activity is positive and the contact is interested in learning more' },
    ], 'Lead conditions'),
  },
  guide('CONSENT-1', 'Ask for marketing consent one-to-one',
    'Mass marketing email without consent is prohibited. Ask for consent one-to-one using the email template "Email Marketing Consent form"; the recipient only submits their email address.',
    'Marketing to contacts without consent breaks the law and our policy.',
    'To request consent from a prospect, please use the email template titled “Email Marketing Consent form” when sending the marketing consent form.',
    // Shown beside the contact's consent status, where the rep decides whether to email.
    'consent'),
  guide('LOG-1', 'Log every email, call and meeting the same day',
    'Log every email, call and meeting in HubSpot on the day it happens.',
    'Reporting and your credit for each activity depend on it being logged.',
    'Note: please remember to log all emails, calls and/ or meetings in Hubspot to ensure you get credit for each activity.'),
];
