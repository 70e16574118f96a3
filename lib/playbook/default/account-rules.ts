/**
 * Section 5 of the rule catalog: account and contact management
 * (003_9f5a2f69b4c85b21.txt). A best-practice document, so every rule here is
 * `recommended` (shown as a warning) by default.
 */
import { activityWithin, all, known, oneOf, ownerResolves, param } from '../builders';
import type { HealthSpec, Rule } from '../types';
import { ACCOUNTS_DOC } from './sources';
import { GOVERNED_PIPELINES } from './pipelines';
import { SQL } from './pipelines';

const source = (quote: string) => ({ file: ACCOUNTS_DOC, quote });
const company = { object: 'company' };

export const health: HealthSpec = {
  weights: { engagement: 0.4, velocity: 0.3, support: 0.3 },
  atRisk: 50,
  engagement: { fullDays: 7, zeroDays: 90 },
  velocity: { fullDays: 30, zeroDays: 120 },
  support: { perOpenTicket: 25, surgePenalty: 20, windowDays: 30 },
};

const contactRole = (role: string) => ({
  op: 'associated' as const, object: 'contact', labels: [role], quantifier: 'any' as const, min: 1,
  label: `A ${role} is on the deal`,
});

export const accountRules: Rule[] = [
  {
    id: 'ACC-1', kind: 'check', severity: 'recommended', scope: company,
    title: 'Company profile complete',
    why: 'A full profile (name, domain, phone, address, industry, revenue, headcount) sizes the opportunity and tailors the approach.',
    source: source('Every account starts with a rich company profile that keeps your team aligned.'),
    test: all([
      known('name'), known('domain'), known('phone'), known('address'), known('city'), known('country'),
      known('industry'), known('annualrevenue'), known('numberofemployees'),
    ], 'Company profile'),
  },
  {
    id: 'ACC-2', kind: 'check', severity: 'recommended', scope: company,
    title: 'Account type set',
    why: 'The account type (Prospect, Customer, Partner, Competitor) decides which playbook applies.',
    source: source('Classify every account to drive the right playbook.'),
    test: oneOf('type', ['PROSPECT', 'CUSTOMER', 'PARTNER', 'COMPETITOR'], 'Account type is Prospect, Customer, Partner or Competitor'),
    fix: { property: 'type' },
  },
  {
    id: 'ACC-3', kind: 'view', view: 'hierarchy', severity: 'recommended', scope: company,
    title: 'Account hierarchy',
    why: 'Linking subsidiaries to their parent shows the whole account: revenue, open deals and open tickets across the hierarchy.',
    source: source('Link subsidiaries to a global headquarters for consolidated reporting.'),
  },
  {
    id: 'ACC-4', kind: 'check', severity: 'recommended', scope: company,
    title: 'Account team assigned',
    why: 'Each account needs an Account Executive, a Solution Engineer and a Customer Success Manager, each with a defined role.',
    source: source('Assign an Account Executive, Solution Engineer, and Customer Success Manager to each account with defined roles.'),
    test: all([
      ownerResolves('account_executive', 'Account Executive assigned'),
      ownerResolves('solution_engineer', 'Solution Engineer assigned'),
      ownerResolves('customer_success_manager', 'Customer Success Manager assigned'),
    ], 'Account team'),
  },
  {
    id: 'ACC-5', kind: 'check', severity: 'recommended', scope: company,
    title: 'SLA tier set',
    why: 'The SLA tier (Gold, Silver, Bronze) sets response-time expectations for sales and support.',
    source: source('Tag accounts as Gold, Silver, or Bronze to set response-time expectations across sales and support.'),
    test: oneOf('sla_tier', ['gold', 'silver', 'bronze'], 'SLA tier is Gold, Silver or Bronze'),
    fix: { property: 'sla_tier' },
  },
  {
    id: 'ACC-6', kind: 'check', severity: 'recommended', scope: company,
    title: 'Account health',
    why: 'The health score combines engagement, deal velocity and support trends so at-risk customers are spotted before they churn.',
    source: source('An AI-generated score (0–100) that combines deal velocity, support ticket trends, and engagement signals so you can spot at-risk customers before they churn.'),
    test: { op: 'healthScore', label: 'Health score is not at risk' },
  },
  {
    id: 'ACC-7', kind: 'gate', severity: 'recommended',
    // Listing the pipelines makes the committee rule switchable per pipeline.
    scope: { object: 'deal', pipelines: [...GOVERNED_PIPELINES] },
    stage: SQL, transition: 'leave',
    title: 'Buying committee mapped',
    why: 'Map the buying committee early: at least three contacts, including a Champion and a Decision Maker, before the deal advances past qualification.',
    source: source('Identify at least three contacts—including a Champion and a Decision Maker—before advancing past the Qualification stage.'),
    test: all([
      { op: 'associated', object: 'contact', quantifier: 'any', min: 3, label: 'At least three contacts on the deal' },
      contactRole('Champion'),
      contactRole('Decision Maker'),
    ], 'Buying committee'),
  },
  {
    id: 'ACC-8', kind: 'check', severity: 'recommended', scope: { object: 'contact' },
    title: 'Contact profile complete',
    why: 'Title, department, channel, seniority and consent tell you how, and at what level, to engage this person.',
    source: source('Name, title, email, phone, department, and preferred communication channel.'),
    test: all([
      known('firstname'), known('lastname'), known('jobtitle'), known('email'), known('phone'), known('department'),
      known('preferred_channel'), known('seniority_level'), known('marketing_consent'),
    ], 'Contact profile'),
  },
  {
    id: 'ACC-9', kind: 'check', severity: 'recommended', scope: { object: 'contact', alsoOn: ['company'] },
    title: 'No duplicates',
    why: 'Duplicates split a customer\'s history in two. Merge records rather than creating new ones.',
    source: source('Deduplicate accounts and contacts on a regular cadence. Merge records rather than creating new ones.'),
    test: { op: 'noDuplicates', label: 'No likely duplicate' },
  },
  {
    id: 'ACC-10', kind: 'check', severity: 'recommended', scope: company,
    title: 'Recent activity logged',
    why: 'If it is not in the CRM it did not happen: log interactions the same day. An account with no logged activity for months is drifting.',
    source: source('If it isn\'t in the CRM, it didn\'t happen. Encourage your team to log calls and meetings the same day.'),
    test: activityWithin(param('noActivityDays'), 'Activity logged within the period'),
  },
];
