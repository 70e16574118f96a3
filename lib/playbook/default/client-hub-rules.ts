/**
 * Section 3 of the rule catalog: Client Hub communications
 * (002_cc84a39e7010797c.txt). The date arithmetic lives in the engine's
 * `cadence` checks, parameterized by `Playbook.cadence`.
 */
import type { CheckRule, FormRule, Predicate, Rule } from '../types';
import { CLIENT_HUB_SOP } from './sources';

const source = (quote: string) => ({ file: CLIENT_HUB_SOP, quote });
const hub = { object: 'clientHub' };

function check(id: string, title: string, test: Predicate, why: string, quote: string, fix?: CheckRule['fix']): CheckRule {
  const rule: CheckRule = { id, kind: 'check', severity: 'required', scope: hub, title, test, why, source: source(quote) };
  return fix ? { ...rule, fix } : rule;
}

export const clientHubRules: Rule[] = [
  {
    id: 'CH-1', kind: 'check', severity: 'required',
    // Shown on the Product Subscription and on each of its Primary Contacts (Resolutions).
    scope: { object: 'productSubscription', alsoOn: ['contact'] },
    title: 'One Client Hub record per Primary Contact',
    why: 'Each Primary Contact of a Product Subscription gets exactly one Client Hub record, associated with both; two primary contacts mean two records.',
    source: source('If you have 2 "Primary Contacts" associated to a Product Subscription, 2 Client Hub records will be created.'),
    test: {
      op: 'onePerPair', object: 'clientHub', pairWith: 'contact', pairLabels: ['Primary Contact'],
      label: 'Exactly one Client Hub record for each Primary Contact',
    },
  },
  {
    id: 'CH-2', kind: 'form', form: 'callLog', severity: 'required', scope: hub,
    title: 'Log a successful check-in',
    why: 'Only a call logged as Connected, with a Check In call type and a direction, moves the Client Hub record; the breakdown tells the team how the client is doing.',
    source: source('Once you have successfully communicated with a client that has a Client Hub record, you will log the call outcome and note a breakdown of the conversation within Activities and Log Call.'),
  },
  {
    id: 'CH-3', kind: 'form', form: 'callLog', severity: 'required', scope: hub,
    title: 'Log other conversations with another call type',
    why: 'A conversation outside the monthly check-in must not move the pipeline, so it is logged with a call type other than the two check-in types.',
    source: source('When speaking with the relevant contact within the Client Hub Record, which is outside of the monthly call, you will be logging the Call Type as anything other than, “Check In - Call” or “Check In - WhatsApp”'),
  },
  check('CH-4', 'Contact Ratio is set',
    { op: 'cadence', check: 'ratioSet', label: 'Contact Ratio is set' },
    'The Contact Ratio is the client\'s preferred check-in cadence; it sets every future date. The default is 1 month.',
    'Once you complete your initial communication with a client, you will determine their preferred contact ratio (default is 1 month).',
    { property: 'contact_ratio', suggest: '1_month' }),
  check('CH-5', 'In Call Preparation five days ahead',
    { op: 'cadence', check: 'preparation', label: 'In Call Preparation when the next contact date is 5 days away or less' },
    'Moving to Call Preparation five days before the next contact date shows the check-in in your working week.',
    'Five days before that specified date, your record will change from “Completed” to “Call Preparation”, to give you visibility of your working week.'),
  check('CH-6', 'Check-in calls on time',
    { op: 'cadence', check: 'overdue', label: 'Not overdue in a call stage' },
    'Call 1 is due on the next contact date, Call 2 five days later, Call 3 five days after that; a record left in a call stage past the next call\'s date is overdue.',
    'Call 2 - 5 days after your initial call, the record will move into the Call 2 stage and a task will be assigned to you to contact the client'),
  {
    id: 'CH-7', kind: 'form', form: 'callLog', severity: 'required', scope: hub,
    stage: 'Call 3',
    title: 'Final call: connect or email',
    why: 'On the third attempt you either log a successful check-in or email the client, so no client is left without contact.',
    source: source('On the final call, you will either log a successful call outcome, or communicate with the client via email.'),
    test: { op: 'cadence', check: 'call3Contact', label: 'A successful check-in or an email since entering Call 3' },
  },
  {
    id: 'CH-8', kind: 'form', form: 'cadence', severity: 'required', scope: hub,
    title: 'Close the summary',
    why: 'After the calls, set the Contact Ratio (1 month when you did not connect), complete the summary task so the record moves to Completed, and the NPS survey goes out.',
    source: source('Once task is complete, the record will move to the Completed stage and send out the NPS survey'),
    test: { op: 'cadence', check: 'summary', label: 'Summary steps done' },
    fix: { property: 'contact_ratio' },
  } satisfies FormRule,
];
