/**
 * Product Subscriptions and their Client Hub records (002_cc84a39e7010797c.txt):
 * one and two Primary Contacts, a subscription lacking its record and one with
 * a duplicated record (CH-1); records in every cadence stage, on time and
 * overdue, with the ratio unset, and Completed inside the five-day
 * preparation window (CH-4…CH-8). Dates are calendar dates in the portal's
 * time zone relative to today, with margins of several days either side of
 * every threshold.
 */
import type { PortalBuilder } from '../builder';
import { addDays, addMonths } from '../clock';
import { ASSOC, CLIENT_HUB_STAGE, DISPOSITION, OWNER, PIPELINE, TYPE } from '../ids';
import { expectation } from './common';
import { CO, CO_NAME } from './companies';

type Ratio = '1_week' | '2_weeks' | '1_month' | '2_months' | '3_months' | '6_months';
type Stage = keyof typeof CLIENT_HUB_STAGE;

/** Next contact date = last check-in + Contact Ratio (weeks are 7 days, months calendar months). */
export function nextContactDate(lastCheckIn: string, ratio: Ratio | undefined): string {
  switch (ratio ?? '1_month') {
    case '1_week': return addDays(lastCheckIn, 7);
    case '2_weeks': return addDays(lastCheckIn, 14);
    case '1_month': return addMonths(lastCheckIn, 1);
    case '2_months': return addMonths(lastCheckIn, 2);
    case '3_months': return addMonths(lastCheckIn, 3);
    case '6_months': return addMonths(lastCheckIn, 6);
  }
}

const STAGE_RULES: Record<Stage, string[]> = {
  preparation: ['CH-4'],
  call1: ['CH-4', 'CH-6'],
  call2: ['CH-4', 'CH-6'],
  call3: ['CH-4', 'CH-6', 'CH-7'],
  summaryConnected: ['CH-4', 'CH-8'],
  summaryNotConnected: ['CH-4', 'CH-8'],
  completed: ['CH-4', 'CH-5'],
};

interface HubDef {
  id: string;
  subscription: string;
  contact: string;
  stage: Stage;
  ratio: Ratio | undefined;
  /** Last connected check-in (portal calendar date). */
  lastCheckIn: string;
  /** Days ago the record entered its current stage. */
  entered: number;
  checkInType?: 'Check In - Call' | 'Check In - WhatsApp';
  failing?: string[];
  note: string;
}

const SUB = {
  brightwaterRcm: '73200000001',
  summitEngagement: '73200000002',
  summitDenials: '73200000003',
  northgateCoding: '73200000004',
  cedarRcm: '73200000005',
  cedarCredentialing: '73200000006',
  summitRcm: '73200000007',
  brightwaterCredentialing: '73200000008',
  northgateEngagement: '73200000009',
  summitAnalytics: '73200000010',
  summitCredentialing: '73200000011',
} as const;

// Contacts created with their deals (./deals.ts).
const ELENA = '35100000001', MARCUS = '35100000002', SOFIA = '35100000003', ANA = '35100000006', RAVI = '35100000007';
const LILA = '35100000010', PRIYANKA = '35100000012', NADIA = '35100000013', OWEN = '35100000014', CARMEN = '35100000015';

/** A call at ~10–11am portal time on a calendar date. */
const onDate = (ymd: string) => `${ymd}T15:00:00.000Z`;

function addSubscription(
  b: PortalBuilder, id: string, product: string, company: keyof typeof CO, primaries: string[], failing: string[], note: string,
): void {
  const name = `${product} – ${CO_NAME[company]}`;
  b.add(TYPE.productSubscription, id, { product_name: name, status: 'active', hubspot_owner_id: OWNER.csm }, { created: 300 });
  b.link(TYPE.productSubscription, id, TYPE.company, CO[company], [ASSOC.subscriptionToCompany]);
  for (const contact of primaries) {
    b.link(TYPE.productSubscription, id, TYPE.contact, contact, [ASSOC.subscriptionToContact, ASSOC.primaryContact]);
  }
  b.expect(expectation(TYPE.productSubscription, id, name, ['CH-1'], failing, note));
}

function addHub(b: PortalBuilder, h: HubDef): void {
  const { clock } = b;
  const next = nextContactDate(h.lastCheckIn, h.ratio);
  const stageId = CLIENT_HUB_STAGE[h.stage];
  const enteredAt = clock.daysAgo(h.entered);
  // The check-in completed the previous cycle before the record entered its current stage.
  const completedAt = onDate(h.lastCheckIn) < enteredAt ? onDate(h.lastCheckIn) : new Date(Date.parse(enteredAt) - 3_600_000).toISOString();
  b.add(TYPE.clientHub, h.id, {
    hs_pipeline: PIPELINE.clientHub,
    hs_pipeline_stage: stageId,
    contact_ratio: h.ratio,
    last_check_in_date: h.lastCheckIn,
    next_contact_date: next,
    hubspot_owner_id: OWNER.csm,
  }, {
    created: 300,
    modified: Math.max(1, h.entered),
    history: {
      hs_pipeline_stage: [
        { value: stageId, timestamp: enteredAt, sourceType: 'AUTOMATION_PLATFORM' },
        { value: CLIENT_HUB_STAGE.completed, timestamp: completedAt, sourceType: 'AUTOMATION_PLATFORM' },
      ].filter((e, i, all) => i === 0 || e.value !== all[0]?.value),
    },
  });
  b.link(TYPE.clientHub, h.id, TYPE.contact, h.contact, [ASSOC.clientHubToContact]);
  b.link(TYPE.clientHub, h.id, TYPE.productSubscription, h.subscription, [ASSOC.clientHubToSubscription]);
  // CH-2: the connected check-in that set the last check-in date.
  const type = h.checkInType ?? 'Check In - Call';
  b.engagement('call', 0, {
    hs_timestamp: onDate(h.lastCheckIn),
    hs_call_title: type,
    hs_call_body: '<p>Monthly check-in: claims flowing, no escalations. Asked about the new location opening.</p>',
    hs_activity_type: type,
    hs_call_disposition: DISPOSITION.connected,
    hs_call_direction: type === 'Check In - WhatsApp' ? 'INBOUND' : 'OUTBOUND',
    hs_call_status: 'COMPLETED',
    hs_call_duration: '540000',
    hubspot_owner_id: OWNER.csm,
  }, [[TYPE.clientHub, h.id], [TYPE.contact, h.contact]]);
  b.expect(expectation(TYPE.clientHub, h.id, h.id, STAGE_RULES[h.stage], h.failing ?? [], h.note, ['CH-2', 'CH-3']));
}

function task(b: PortalBuilder, days: number, subject: string, status: string, hub: string, contact: string): void {
  b.engagement('task', days, {
    hs_task_subject: subject, hs_task_status: status, hs_task_type: subject.includes('email') ? 'EMAIL' : 'CALL',
    hs_task_priority: 'MEDIUM', hubspot_owner_id: OWNER.csm,
  }, [[TYPE.clientHub, hub], [TYPE.contact, contact]]);
}

function attempt(b: PortalBuilder, days: number, disposition: string, type: string, direction: 'INBOUND' | 'OUTBOUND', hub: string, contact: string, body: string): void {
  b.engagement('call', days, {
    hs_call_title: type, hs_call_body: body, hs_activity_type: type, hs_call_disposition: disposition, hs_call_direction: direction,
    hs_call_status: disposition === DISPOSITION.connected ? 'COMPLETED' : 'NO_ANSWER',
    hs_call_duration: disposition === DISPOSITION.connected ? '300000' : '30000', hubspot_owner_id: OWNER.csm,
  }, [[TYPE.clientHub, hub], [TYPE.contact, contact]]);
}

export function addClientHub(b: PortalBuilder): void {
  const { clock } = b;
  const d = clock.date;

  addSubscription(b, SUB.brightwaterRcm, 'RCM Platform', 'brightwater', [ELENA, MARCUS], [], 'Two Primary Contacts, two Client Hub records.');
  addSubscription(b, SUB.summitEngagement, 'Patient Engagement', 'summit', [NADIA, OWEN], [], 'Two Primary Contacts, two Client Hub records.');
  addSubscription(b, SUB.summitDenials, 'Denial Management', 'summit', [CARMEN], [], 'One Primary Contact, one record.');
  addSubscription(b, SUB.northgateCoding, 'Medical Coding', 'northgate', [LILA], [], 'One Primary Contact, one record.');
  addSubscription(b, SUB.cedarRcm, 'RCM Platform', 'cedar', [ANA], ['CH-1'], 'Duplicated: two Client Hub records for the same Primary Contact.');
  addSubscription(b, SUB.cedarCredentialing, 'Credentialing', 'cedar', [RAVI], ['CH-1'], 'Missing: its Primary Contact has no Client Hub record.');
  addSubscription(b, SUB.summitRcm, 'RCM Platform', 'summit', [NADIA], [], 'One Primary Contact, one record.');
  addSubscription(b, SUB.brightwaterCredentialing, 'Credentialing', 'brightwater', [SOFIA], [], 'One Primary Contact, one record.');
  addSubscription(b, SUB.northgateEngagement, 'Patient Engagement', 'northgate', [LILA, PRIYANKA], [], 'Two Primary Contacts, two records.');
  addSubscription(b, SUB.summitAnalytics, 'Analytics', 'summit', [CARMEN], [], 'One Primary Contact, one record.');
  addSubscription(b, SUB.summitCredentialing, 'Credentialing', 'summit', [OWEN], [], 'One Primary Contact, one record.');

  // Call Preparation: next contact date 3 days away.
  addHub(b, { id: '73100000001', subscription: SUB.brightwaterRcm, contact: ELENA, stage: 'preparation', ratio: '1_month',
    lastCheckIn: addMonths(d(3), -1), entered: 2, note: 'Call Preparation, next contact date in about 3 days.' });

  // Call 1 on time: due 2 days ago, Call 2 due in 3 days.
  addHub(b, { id: '73100000002', subscription: SUB.brightwaterRcm, contact: MARCUS, stage: 'call1', ratio: '2_weeks',
    lastCheckIn: d(-16), entered: 2, note: 'Call 1, on time (due 2 days ago; Call 2 due in 3 days).' });
  task(b, 2, 'Check in call 1', 'NOT_STARTED', '73100000002', MARCUS);
  attempt(b, 1, DISPOSITION.noAnswer, 'Check In - Call', 'OUTBOUND', '73100000002', MARCUS, '<p>No answer.</p>');

  // Call 1 overdue: due 9 days ago, Call 2 was due 4 days ago.
  addHub(b, { id: '73100000003', subscription: SUB.summitEngagement, contact: NADIA, stage: 'call1', ratio: '2_weeks',
    lastCheckIn: d(-23), entered: 9, failing: ['CH-6'], note: 'Call 1, overdue (Call 2 was due 4 days ago).' });
  task(b, 9, 'Check in call 1', 'NOT_STARTED', '73100000003', NADIA);

  // Call 2 on time: Call 2 due 2 days ago, Call 3 due in 3 days.
  addHub(b, { id: '73100000004', subscription: SUB.summitEngagement, contact: OWEN, stage: 'call2', ratio: '1_week',
    lastCheckIn: d(-14), entered: 2, note: 'Call 2, on time (Call 3 due in 3 days).' });
  attempt(b, 6, DISPOSITION.busy, 'Check In - Call', 'OUTBOUND', '73100000004', OWEN, '<p>Busy.</p>');
  task(b, 2, 'Check in call 2', 'NOT_STARTED', '73100000004', OWEN);

  // Call 2 overdue: next contact date ~16 days ago, Call 3 was due ~6 days ago.
  addHub(b, { id: '73100000005', subscription: SUB.summitDenials, contact: CARMEN, stage: 'call2', ratio: '1_month',
    lastCheckIn: addMonths(d(-16), -1), entered: 11, failing: ['CH-6'], note: 'Call 2, overdue (Call 3 was due about 6 days ago).' });
  attempt(b, 11, DISPOSITION.leftVoicemail, 'Check In - Call', 'OUTBOUND', '73100000005', CARMEN, '<p>Left voicemail.</p>');
  task(b, 11, 'Check in call 2', 'NOT_STARTED', '73100000005', CARMEN);

  // Call 3, on time, and the client was e-mailed after entering Call 3 (CH-7 met).
  addHub(b, { id: '73100000006', subscription: SUB.northgateCoding, contact: LILA, stage: 'call3', ratio: '2_weeks',
    lastCheckIn: d(-25), entered: 1.5, note: 'Call 3 (due yesterday) and the client was e-mailed since: CH-7 met.' });
  attempt(b, 1.2, DISPOSITION.noAnswer, 'Check In - WhatsApp', 'OUTBOUND', '73100000006', LILA, '<p>No reply on WhatsApp.</p>');
  b.engagement('email', 0.2, {
    hs_email_subject: 'Checking in – Northgate coding', hs_email_text: 'Tried to reach you for our monthly check-in; reply with a good time.',
    hs_email_direction: 'EMAIL', hs_email_status: 'SENT', hubspot_owner_id: OWNER.csm,
  }, [[TYPE.clientHub, '73100000006'], [TYPE.contact, LILA]]);

  // Call 3 overdue, and only a Support call since entering it: not a check-in (CH-3), so CH-7 fails.
  addHub(b, { id: '73100000007', subscription: SUB.cedarRcm, contact: ANA, stage: 'call3', ratio: '1_month',
    lastCheckIn: addMonths(d(-22), -1), entered: 12, failing: ['CH-6', 'CH-7'],
    note: 'Call 3, overdue; since entering it only a Support call (not a check-in) and no e-mail.' });
  attempt(b, 6, DISPOSITION.connected, 'Support', 'INBOUND', '73100000007', ANA, '<p>Ana called about an ERA posting question; not a check-in.</p>');

  // Summary of Call, steps done (ratio set, summary task completed).
  addHub(b, { id: '73100000008', subscription: SUB.summitRcm, contact: NADIA, stage: 'summaryConnected', ratio: '2_months',
    lastCheckIn: d(-2), entered: 1, note: 'Summary of Call with the ratio set and the call-summary task completed.' });
  task(b, 1, 'Call summary', 'COMPLETED', '73100000008', NADIA);

  // Summary – Not Connected, steps not done: ratio 3 months (should be 1 month), task open.
  addHub(b, { id: '73100000009', subscription: SUB.brightwaterCredentialing, contact: SOFIA, stage: 'summaryNotConnected', ratio: '3_months',
    lastCheckIn: d(-110), entered: 3, failing: ['CH-8'],
    note: 'Summary – Not Connected with Contact Ratio 3 months (must be 1 month) and the check-in e-mail task open.' });
  task(b, 3, 'Unsuccessful call - check in email', 'NOT_STARTED', '73100000009', SOFIA);

  // Summary – Not Connected, steps done.
  addHub(b, { id: '73100000014', subscription: SUB.summitCredentialing, contact: OWEN, stage: 'summaryNotConnected', ratio: '1_month',
    lastCheckIn: addMonths(d(-16), -1), entered: 1, note: 'Summary – Not Connected with ratio 1 month and the check-in e-mail task completed.' });
  task(b, 0.5, 'Unsuccessful call - check in email', 'COMPLETED', '73100000014', OWEN);

  // Completed, next contact date ~3 weeks away (a WhatsApp check-in).
  addHub(b, { id: '73100000010', subscription: SUB.northgateEngagement, contact: LILA, stage: 'completed', ratio: '1_month',
    lastCheckIn: d(-8), entered: 7, checkInType: 'Check In - WhatsApp', note: 'Completed; next contact date about 3 weeks away.' });

  // Completed, but the next contact date is 3 days away: should be in Call Preparation (CH-5).
  addHub(b, { id: '73100000011', subscription: SUB.northgateEngagement, contact: PRIYANKA, stage: 'completed', ratio: '2_weeks',
    lastCheckIn: d(-11), entered: 10, failing: ['CH-5'], note: 'Completed, next contact date in 3 days: should already be in Call Preparation.' });

  // Completed with no Contact Ratio (CH-4; the 1-month default puts the next date ~3 weeks out).
  addHub(b, { id: '73100000012', subscription: SUB.summitAnalytics, contact: CARMEN, stage: 'completed', ratio: undefined,
    lastCheckIn: d(-6), entered: 5, failing: ['CH-4'], note: 'Completed with Contact Ratio unset.' });

  // The duplicate for Cedar Valley's RCM Platform / Ana Costa pair (CH-1).
  addHub(b, { id: '73100000013', subscription: SUB.cedarRcm, contact: ANA, stage: 'completed', ratio: '1_month',
    lastCheckIn: d(-5), entered: 4, note: 'Completed; the second record for the same subscription and contact (CH-1 on the subscription).' });
}
