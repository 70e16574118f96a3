/**
 * Section 4 of the rule catalog: contact and company records
 * (000_63e9c113d928c869.txt).
 */
import { all, any, known, ownerResolves } from '../builders';
import type { Rule } from '../types';
import { RECORDS_SOP } from './sources';

const source = (quote: string) => ({ file: RECORDS_SOP, quote });

export const recordRules: Rule[] = [
  {
    id: 'REC-1', kind: 'check', severity: 'required', scope: { object: 'contact' },
    title: 'Contact basics filled in',
    why: 'Name, email and lifecycle stage are the fields every report and every colleague relies on.',
    source: source('Familiarize yourself with the information fields for Contacts and Companies in Hubspot, including name, email, lifecycle stage, associations, and owner.'),
    test: all([known('firstname'), known('lastname'), known('email'), known('lifecyclestage')], 'Name, email and lifecycle stage'),
  },
  {
    id: 'REC-2', kind: 'check', severity: 'required', scope: { object: 'company' },
    title: 'Company basics filled in',
    why: 'A company needs its name and domain; the domain is how HubSpot links contacts to it.',
    source: source('Ensure that all relevant fields are completed and up-to-date, including domain, associations, and owner.'),
    test: all([known('name'), known('domain')], 'Name and domain'),
  },
  {
    id: 'REC-3', kind: 'check', severity: 'required', scope: { object: 'contact', alsoOn: ['company'] },
    title: 'Owner assigned',
    why: 'The owner is responsible for the relationship and for keeping the record up to date.',
    source: source('Assign an Owner to each Contact and Company.'),
    test: ownerResolves('hubspot_owner_id', 'Owner is an active HubSpot user'),
    fix: { property: 'hubspot_owner_id' },
  },
  {
    id: 'REC-4', kind: 'check', severity: 'required', scope: { object: 'contact' },
    title: 'Contact associated with a company or deal',
    why: 'A contact with no company or deal is invisible from the accounts and deals it belongs to.',
    source: source('Each Contact can be associated with one or more Companies and/or Deals.'),
    test: any([
      { op: 'associated', object: 'company', quantifier: 'any', min: 1, label: 'Associated with a company' },
      { op: 'associated', object: 'deal', quantifier: 'any', min: 1, label: 'Associated with a deal' },
    ], 'Associated with at least one company or deal'),
  },
  {
    id: 'REC-5', kind: 'guide', severity: 'required', scope: { object: 'contact', alsoOn: ['company'] },
    title: 'Keep records accurate and lawful',
    text: 'Review contacts and companies regularly and correct errors as soon as you find them. Record personal data only as data-protection law and company policy allow.',
    why: 'Accurate data keeps the system trustworthy; privacy law limits what may be recorded.',
    source: source('Correct any errors or inconsistencies as soon as they are identified.'),
  },
];
