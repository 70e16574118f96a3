/**
 * The contact lifecycle as the SOP defines it (004_39361a476cc68959.txt):
 * the seven values, what each means, and when a contact moves between them.
 */
import type { Lifecycle } from '../types';

export const TARGET = 'target';
export const MQL = 'marketingqualifiedlead';
export const SQL_CONTACT = 'salesqualifiedlead';
export const CUSTOMER = 'customer';
export const EXCLUDE = 'exclude_from_marketing';
export const ADDITIONAL = 'additional_sales_contact';
export const RECYCLED = 'recycled';

export const lifecycle: Lifecycle = {
  object: 'contact',
  property: 'lifecyclestage',
  defaultValue: TARGET,
  stages: [
    {
      value: TARGET, label: 'Target', ruleId: 'LC-1',
      definition: 'The broadest list: new contacts, often from a database, still to be reviewed for qualification. The default for every new contact.',
    },
    {
      value: MQL, label: 'Marketing Qualified Lead', ruleId: 'LC-2',
      definition: 'A Target who engaged with us in a meaningful way (website, trade show…). Goes to the SDR team for immediate outreach. Not a current customer.',
    },
    {
      value: SQL_CONTACT, label: 'Sales Qualified Lead', ruleId: 'LC-3',
      definition: 'A rep or SDR connected with the prospect and verified they are exploring a decision. The rep owns the engagement; stalled SQLs are evaluated periodically.',
    },
    {
      value: CUSTOMER, label: 'Customer', ruleId: 'LC-5',
      definition: 'The contact\'s company has an active (Closed – Won) deal with us.',
    },
    {
      value: EXCLUDE, label: 'Exclude from Marketing', ruleId: 'LC-6',
      definition: 'A junk contact: not a customer and not a potential lead. Reviewed quarterly and deleted where appropriate.',
    },
    {
      value: ADDITIONAL, label: 'Additional Sales Contact', ruleId: 'LC-7',
      definition: 'An extra contact Sales works with during a deal already in process; using it prevents a duplicate deal.',
    },
    {
      value: RECYCLED, label: 'Recycled', ruleId: 'LC-8',
      definition: 'Was MQL or SQL but left active marketing status (bounced, unsubscribed, no email), or all its deals were lost for a recyclable reason. Needs sales follow-up.',
    },
  ],
  transitions: [
    { from: TARGET, to: MQL, ruleId: 'LC-2', criteria: 'The contact engaged meaningfully (website, trade show…) and is not a current customer.' },
    { from: TARGET, to: EXCLUDE, ruleId: 'LC-6', criteria: 'The contact is junk: not a customer and not a potential lead.' },
    { from: TARGET, to: ADDITIONAL, ruleId: 'LC-7', criteria: 'The contact is an extra person on a deal already in process.' },
    { from: MQL, to: SQL_CONTACT, ruleId: 'LC-3', criteria: 'A rep or SDR connected and verified the prospect is exploring a decision. Otherwise it stays MQL and marketing nurtures it.' },
    { from: MQL, to: RECYCLED, ruleId: 'LC-8', criteria: 'The email bounced, the contact unsubscribed or has no email, or all its deals were lost for a recyclable reason.' },
    { from: SQL_CONTACT, to: CUSTOMER, ruleId: 'LC-5', criteria: 'The contact\'s company has a Closed – Won deal.' },
    { from: SQL_CONTACT, to: RECYCLED, ruleId: 'LC-8', criteria: 'The email bounced, the contact unsubscribed or has no email, or all its deals were lost for a recyclable reason.' },
    { from: SQL_CONTACT, to: MQL, ruleId: 'LC-3', criteria: 'The prospect turned out not to be exploring a decision: marketing nurtures it again.' },
    { from: RECYCLED, to: MQL, ruleId: 'LC-2', criteria: 'The recycled contact engaged meaningfully again.' },
    { from: CUSTOMER, to: RECYCLED, ruleId: 'SALES-BACK-G1', criteria: 'The deal backed out after signing: the rep who sold it updates the lifecycle stage.' },
  ],
};
