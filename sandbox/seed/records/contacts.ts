/**
 * Contacts that exist to show the lifecycle, lead and record-hygiene rules:
 * every lifecycle stage and none, opted out, bounced, no e-mail, a stale SQL,
 * lifecycle/deal mismatches (LC-5), no company or deal, no owner or one that
 * does not resolve, partial profiles. Committee contacts live with their deals.
 */
import type { PortalBuilder } from '../builder';
import { UNKNOWN_OWNER } from '../ids';
import { person } from './people';

export function addLifecycleContacts(b: PortalBuilder): void {
  // LC-5 both ways at a company with a Closed – Won deal.
  person(b, '35100000004', 'Tyler', 'Brooks', 'brightwater', 'Front Desk Lead', 'target',
    'Target at a company with a Closed – Won deal: should be Customer (LC-5).', { failing: ['LC-5'], shown: ['LC-2'] });
  person(b, '35100000005', 'Brightwater', 'Reception', 'brightwater', 'Reception', 'exclude_from_marketing',
    'Junk shared inbox, Exclude from Marketing: exempt from LC-5 despite the company\'s win; partial profile.', {
      email: 'info@brightwaterfm.com', failing: ['ACC-8'], shown: ['LC-6'], absent: ['LC-5'],
      props: { department: undefined, seniority_level: undefined, preferred_channel: undefined, marketing_consent: 'none' },
    });

  // LC-1 / REC-1: no lifecycle stage at all (not read as Target).
  person(b, '35100000080', 'Morgan', 'Ellis', 'granite', 'Operations Analyst', undefined,
    'No lifecycle stage (LC-1; REC-1 needs it too).', { failing: ['LC-1', 'REC-1'] });

  // LC-8 / LEAD-1 conditions.
  person(b, '35100000081', 'Heather', 'Quinn', 'meadowbrook', 'Clinical Director', 'marketingqualifiedlead',
    'MQL who unsubscribed: should be Recycled (LC-8) and is not a lead (LEAD-1).',
    { failing: ['LC-8', 'LEAD-1'], props: { hs_email_optout: 'true', marketing_consent: 'none' } });
  person(b, '35100000082', 'Curtis', 'Vaughn', 'willow', 'Practice Manager', 'marketingqualifiedlead',
    'MQL whose e-mail hard-bounced: should be Recycled (LC-8); still a lead by LEAD-1\'s conditions.',
    { failing: ['LC-8'], props: { hs_email_hard_bounce_reason_enum: 'MAILBOX_FULL' } });
  person(b, '35100000083', 'Yusuf', 'Demir', 'hillside', 'Physician', 'salesqualifiedlead',
    'SQL with no e-mail: should be Recycled (LC-8); REC-1 and ACC-8 miss the e-mail.',
    { email: null, failing: ['LC-8', 'REC-1', 'ACC-8'] });
  person(b, '35100000084', 'Brenda', 'Wallace', 'clearview', 'Office Manager', 'salesqualifiedlead',
    'Stale SQL: no activity for 45 days (LC-4), so not a lead (LEAD-1).', { activity: 45, failing: ['LC-4', 'LEAD-1'] });
  person(b, '35100000086', 'Ryan', 'Mitchell', 'pinecrest', 'Practice Administrator', 'marketingqualifiedlead',
    'Healthy MQL with no deals ("no deals" is not "all lost": LC-8 met) and recent activity (LEAD-1 met).', { shown: ['LC-3'] });

  // Every other stage, fully compliant.
  person(b, '35100000085', 'Olivia', 'Grant', 'blueHarbor', 'Nurse Manager', 'target',
    'A complete Target contact.', { shown: ['LC-2'] });
  person(b, '35100000087', 'Stacy', 'Moore', 'oakridge', 'Billing Manager', 'recycled',
    'Recycled after the Oakridge deal was lost; quiet, like her company.', { activity: 130 });

  // REC-4: no company and no deal.
  person(b, '35100000088', 'Alex', 'Turner', undefined, 'Healthcare consultant', 'target',
    'Associated with no company and no deal (REC-4).', { failing: ['REC-4'], email: 'alex.turner.rcm@gmail.com' });

  // REC-3: no owner; an owner id that does not resolve.
  person(b, '35100000089', 'Keisha', 'Banks', 'lakesideGroup', 'Scheduling Lead', 'target',
    'No contact owner (REC-3).', { failing: ['REC-3'], props: { hubspot_owner_id: undefined } });
  person(b, '35100000090', 'Samir', 'Nasser', 'harbor', 'Medical Director', 'target',
    `Owner id ${UNKNOWN_OWNER} does not resolve to an owner (REC-3).`, { failing: ['REC-3'], props: { hubspot_owner_id: UNKNOWN_OWNER } });

  // ACC-8: partial profile.
  person(b, '35100000091', 'Lena', 'Fischer', 'evergreen', 'Research Coordinator', 'target',
    'Partial ACC-8 profile: no phone, department or seniority.',
    { failing: ['ACC-8'], props: { phone: undefined, department: undefined, seniority_level: undefined } });
}
