/**
 * Per-rule cases for Client Hub communications (CH-1…CH-8). Dates are
 * calendar days in the portal's zone (US/Eastern); NOW is 2025-03-15.
 */
import { expect } from 'vitest';
import { defaultPlaybook } from '../../../../lib/playbook/default';
import { cadenceAfterCall, callLogSpec, isCheckIn, validateCallLog } from '../../../../lib/rules/call-log';
import type { CadenceResult } from '../../../../lib/rules/result';
import { ASSOC, NOW, SnapshotBuilder, TYPES, contactProps, daysAgo, stageId } from '../../../helpers/snapshot-builder';
import { expectAbsent, expectStatus, openItems, run, type RuleCase } from './support';

export const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
export const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';
export const CONNECTED_QUALIFIED = '3c1f5d7e-0b7a-4e55-9d3c-6a2f1b8e9c01';

type Props = Record<string, string | null>;

export interface HubScenario {
  b: SnapshotBuilder;
  hub: string;
  contact: string;
  subscription: string;
}

/** A Client Hub record (the focus) in `stage`, with its primary contact and product subscription. */
export function hubScenario(stage: string, props: Props = {}): HubScenario {
  const b = new SnapshotBuilder();
  const hub = b.record(TYPES.clientHub, '42', {
    hs_object_id: '42',
    hs_pipeline: '88120001',
    hs_pipeline_stage: stageId(b.portal, TYPES.clientHub, 'Client Hub', stage),
    contact_ratio: '1_month',
    last_check_in_date: '2025-02-25',
    next_contact_date: null,
    hubspot_owner_id: '61000004',
    ...props,
  });
  const contact = b.contact('5001', contactProps('Ana', 'Lopez', { lifecyclestage: 'customer' }));
  const subscription = b.record(TYPES.subscription, '77', { product_name: 'RCM Complete', status: 'active' });
  b.link(hub, contact);
  b.link(hub, subscription);
  b.link(subscription, contact, [ASSOC.primaryContact], [ASSOC.primaryContact]);
  b.engagementsLoaded(hub);
  b.focus(hub);
  return { b, hub, contact, subscription };
}

const cadence = (e: { result: unknown }) => e.result as CadenceResult;
const checkIn = (extra: Props = {}): Props => ({
  hs_call_disposition: CONNECTED,
  hs_activity_type: 'Check In - Call',
  hs_call_direction: 'OUTBOUND',
  hs_call_body: 'Client happy; wants quarterly reviews.',
  hs_timestamp: '2025-03-14T16:00:00Z',
  ...extra,
});
const portal = new SnapshotBuilder().portal;

/** A subscription (the focus) with two Primary Contacts and one Client Hub record per pair. */
function subscriptionScenario() {
  const b = new SnapshotBuilder();
  const sub = b.record(TYPES.subscription, '77', { product_name: 'RCM Complete', status: 'active' });
  const c1 = b.contact('5001', contactProps('Ana', 'Lopez'));
  const c2 = b.contact('5002', contactProps('Ben', 'Ortiz'));
  const other = b.contact('5003', contactProps('Cara', 'Diaz'));
  b.link(sub, c1, [ASSOC.primaryContact], [ASSOC.primaryContact]);
  b.link(sub, c2, [ASSOC.primaryContact], [ASSOC.primaryContact]);
  b.link(sub, other, [{ typeId: 205, label: null }], [{ typeId: 206, label: null }]);
  const hub = (id: string, c: string) => {
    const h = b.record(TYPES.clientHub, id, { hs_pipeline: '88120001', hs_pipeline_stage: '160100007' });
    b.link(h, sub).link(h, c);
    return h;
  };
  hub('41', c1);
  hub('42', c2);
  b.loadedLists(other, TYPES.clientHub);
  b.focus(sub);
  return { b, sub, c1, c2, other, hub };
}

export const cadenceCases: RuleCase[] = [
  {
    id: 'CH-1',
    pass: {
      name: 'one Client Hub record per Primary Contact, associated with both; shown on the contacts too',
      run: () => {
        const s = subscriptionScenario();
        const f = expectStatus(run(s.b.build()), 'CH-1', 'met', 'subscription');
        expect(f.items.map((i) => [i.label, i.current])).toEqual([
          ['Client Hub record for Ana Lopez', '1 record'],
          ['Client Hub record for Ben Ortiz', '1 record'],
        ]);
        s.b.focus(s.c1);
        expectStatus(run(s.b.build()), 'CH-1', 'met', 'subscription');
        s.b.focus(s.other);
        expectAbsent(run(s.b.build()), 'CH-1');
      },
    },
    fail: {
      name: 'a missing record and a duplicated one are flagged',
      run: () => {
        const s = subscriptionScenario();
        s.hub('43', s.c1);
        const snap = s.b.build();
        snap.associations = snap.associations.filter((a) => a.from !== '2-9000101/42' && a.to !== '2-9000101/42');
        const f = expectStatus(run(snap), 'CH-1', 'violation');
        expect(f.items.map((i) => [i.label, i.status, i.current])).toEqual([
          ['Client Hub record for Ana Lopez', 'missing', '2 records'],
          ['Client Hub record for Ben Ortiz', 'missing', '0 records'],
        ]);
        expectStatus(run({ ...snap, focus: { objectTypeId: TYPES.contact, id: '5002' } }), 'CH-1', 'violation');
      },
    },
  },
  {
    id: 'CH-2',
    pass: {
      name: 'Connected + Check In - Call/WhatsApp + Outbound/Inbound is a check-in: it moves the record and sets the dates',
      run: () => {
        expect(isCheckIn(checkIn(), defaultPlaybook, portal)).toBe(true);
        expect(isCheckIn(checkIn({ hs_activity_type: 'Check In - WhatsApp', hs_call_direction: 'INBOUND' }), defaultPlaybook, portal)).toBe(true);
        const s = hubScenario('Call 1', { contact_ratio: '2_weeks' });
        const snap = s.b.build();
        const spec = callLogSpec(snap, defaultPlaybook)!;
        expect(spec.checkIn.outcomeIds).toEqual([CONNECTED]);
        expect(spec.outcomes.map((o) => o.label)).toContain('Connected – Qualified');
        expect(spec.types.map((t) => t.value)).toEqual(['Check In - Call', 'Check In - WhatsApp', 'Discovery', 'Follow-up', 'Support']);
        expect(spec.directions).toEqual([{ value: 'OUTBOUND', label: 'Outbound' }, { value: 'INBOUND', label: 'Inbound' }]);
        expect(spec.associateWith).toEqual([{ objectTypeId: TYPES.clientHub, id: '42' }, { objectTypeId: TYPES.contact, id: '5001' }]);
        expect(validateCallLog(checkIn(), spec)).toEqual([]);
        const after = cadenceAfterCall(snap, defaultPlaybook, checkIn(), NOW);
        expect(after.moves).toBe(true);
        expect(after.stage).toBe('Summary of Call');
        expect(after.updates).toEqual({ hs_pipeline_stage: '160100005', last_check_in_date: '2025-03-14', next_contact_date: '2025-03-28' });
        expect(after.steps.join(' ')).toContain('NPS survey');
      },
    },
    fail: {
      name: 'no direction, another outcome, or no breakdown: not a check-in / not valid',
      run: () => {
        expect(isCheckIn(checkIn({ hs_call_direction: null }), defaultPlaybook, portal)).toBe(false);
        expect(isCheckIn(checkIn({ hs_call_disposition: CONNECTED_QUALIFIED }), defaultPlaybook, portal)).toBe(false);
        expect(isCheckIn(checkIn({ hs_call_disposition: NO_ANSWER }), defaultPlaybook, portal)).toBe(false);
        const spec = callLogSpec(hubScenario('Call 1').b.build(), defaultPlaybook)!;
        expect(validateCallLog(checkIn({ hs_call_body: '<p> </p>', hs_call_direction: 'SIDEWAYS' }), spec).map((e) => e.field)).toEqual([
          'hs_call_body',
          'hs_call_direction',
        ]);
      },
    },
  },
  {
    id: 'CH-3',
    pass: {
      name: 'a conversation logged with another call type never moves the cadence',
      run: () => {
        const call = checkIn({ hs_activity_type: 'Support' });
        expect(isCheckIn(call, defaultPlaybook, portal)).toBe(false);
        const after = cadenceAfterCall(hubScenario('Call 2').b.build(), defaultPlaybook, call, NOW);
        expect(after).toMatchObject({ moves: false, stage: 'Call 2', updates: {} });
        expect(after.steps[0]).toContain('does not move');
      },
    },
    fail: {
      name: 'the same conversation typed as a check-in would move it',
      run: () => {
        const after = cadenceAfterCall(hubScenario('Call 2').b.build(), defaultPlaybook, checkIn({ hs_activity_type: 'Check In - WhatsApp' }), NOW);
        expect(after.moves).toBe(true);
      },
    },
  },
  {
    id: 'CH-4',
    pass: {
      name: 'a Contact Ratio is set',
      run: () => {
        const e = run(hubScenario('Completed', { contact_ratio: '3_months' }).b.build());
        expectStatus(e, 'CH-4', 'met', 'cadence');
        expect(cadence(e).ratio).toEqual({ value: '3_months', label: '3 Months', isDefault: false });
        expect(cadence(e).nextContactDate).toBe('2025-05-25');
      },
    },
    fail: {
      name: 'unset: flagged, the 1-month default drives the dates and is offered',
      run: () => {
        const e = run(hubScenario('Completed', { contact_ratio: null }).b.build());
        const f = expectStatus(e, 'CH-4', 'violation', 'cadence');
        expect(f.items[0]?.fix?.suggested).toBe('1_month');
        expect(f.items[0]?.fix?.options.map((o) => o.label)).toEqual(['1 Week', '2 Weeks', '1 Month', '2 Months', '3 Months', '6 Months']);
        expect(cadence(e).ratio).toEqual({ value: '1_month', label: '1 Month', isDefault: true });
        expect(cadence(e).nextContactDate).toBe('2025-03-25');
      },
    },
  },
  {
    id: 'CH-5',
    pass: {
      name: 'Completed with the next contact date more than 5 days away',
      run: () => {
        const e = run(hubScenario('Completed', { last_check_in_date: '2025-02-21' }).b.build());
        expectStatus(e, 'CH-5', 'met', 'cadence');
        expect(cadence(e)).toMatchObject({ nextContactDate: '2025-03-21', preparationDate: '2025-03-16', expectedStage: 'Completed' });
      },
    },
    fail: {
      name: 'Completed 5 days or less before the next contact date: should be in Call Preparation',
      run: () => {
        const e = run(hubScenario('Completed', { last_check_in_date: '2025-02-20' }).b.build());
        const f = expectStatus(e, 'CH-5', 'violation', 'cadence');
        expect(f.items[0]?.fix).toMatchObject({ property: 'hs_pipeline_stage', suggested: '160100001', options: [{ value: '160100001', label: 'Call Preparation' }] });
        expect(cadence(e)).toMatchObject({ nextContactDate: '2025-03-20', preparationDate: '2025-03-15', expectedStage: 'Call Preparation' });
      },
    },
  },
  {
    id: 'CH-6',
    pass: {
      name: 'Call 2 on the day Call 3 falls due is not yet overdue; Call 3 has 5 days',
      run: () => {
        const e = run(hubScenario('Call 2', { last_check_in_date: '2025-02-05' }).b.build());
        expectStatus(e, 'CH-6', 'met', 'cadence');
        expect(cadence(e).calls).toEqual([
          { label: 'Call 1', due: '2025-03-05', state: 'done' },
          { label: 'Call 2', due: '2025-03-10', state: 'current' },
          { label: 'Call 3', due: '2025-03-15', state: 'upcoming' },
        ]);
        expectStatus(run(hubScenario('Call 3', { last_check_in_date: '2025-01-28' }).b.build()), 'CH-6', 'met');
      },
    },
    fail: {
      name: 'still in Call 1 after Call 2 fell due; Call 3 more than 5 days past its date',
      run: () => {
        const e = run(hubScenario('Call 1', { last_check_in_date: '2025-02-05' }).b.build());
        expectStatus(e, 'CH-6', 'violation', 'cadence');
        expect(cadence(e)).toMatchObject({ overdue: true, expectedStage: 'Call 3' });
        expect(cadence(e).calls[0]?.state).toBe('overdue');
        expectStatus(run(hubScenario('Call 3', { last_check_in_date: '2025-01-27' }).b.build()), 'CH-6', 'violation');
      },
    },
  },
  {
    id: 'CH-7',
    pass: {
      name: 'on Call 3, a successful check-in or an email since entering it',
      run: () => {
        const s = hubScenario('Call 3', { last_check_in_date: '2025-01-30' });
        s.b.history(s.hub, 'hs_pipeline_stage', [['160100004', daysAgo(3)]]);
        s.b.engagement(s.hub, 'email', daysAgo(1), { hs_email_subject: 'Checking in' });
        expectStatus(run(s.b.build()), 'CH-7', 'met', 'cadence');
        const t = hubScenario('Call 3', { last_check_in_date: '2025-01-30' });
        t.b.engagement(t.hub, 'call', daysAgo(1), checkIn());
        expectStatus(run(t.b.build()), 'CH-7', 'met');
      },
    },
    fail: {
      name: 'only unanswered calls on Call 3; not checked in other stages',
      run: () => {
        const s = hubScenario('Call 3', { last_check_in_date: '2025-01-30' });
        s.b.engagement(s.hub, 'call', daysAgo(1), checkIn({ hs_call_disposition: NO_ANSWER }));
        s.b.engagement(s.hub, 'email', daysAgo(20), { hs_email_subject: 'Last month' });
        expectStatus(run(s.b.build()), 'CH-7', 'missing', 'cadence');
        expectAbsent(run(hubScenario('Call 2').b.build()), 'CH-7');
      },
    },
  },
  {
    id: 'CH-8',
    pass: {
      name: 'connected summary: ratio set and the call summary task completed; steps name the call summary, not the unsuccessful email',
      run: () => {
        const s = hubScenario('Summary of Call');
        s.b.engagement(s.hub, 'task', daysAgo(1), { hs_task_subject: 'Call summary', hs_task_status: 'COMPLETED' });
        const e = run(s.b.build());
        expectStatus(e, 'CH-8', 'met', 'cadence');
        const steps = cadence(e).summarySteps.join(' ');
        expect(steps).toContain('Call summary');
        expect(steps).not.toContain('Unsuccessful call');
        expect(steps).toContain('NPS survey');
      },
    },
    fail: {
      name: 'not-connected summary: ratio must be 1 Month and the unsuccessful-call email task completed',
      run: () => {
        const s = hubScenario('Summary – Not Connected', { contact_ratio: '2_months' });
        s.b.engagement(s.hub, 'task', daysAgo(1), { hs_task_subject: 'Unsuccessful call - check in email', hs_task_status: 'NOT_STARTED' });
        const e = run(s.b.build());
        const f = expectStatus(e, 'CH-8', 'missing', 'cadence');
        expect(openItems(f).map((i) => i.label)).toEqual(['Contact Ratio set to 1 Month', 'Task "Unsuccessful call - check in email" completed']);
        expect(openItems(f)[0]?.fix?.suggested).toBe('1_month');
        expect(cadence(e).summarySteps.join(' ')).toContain('Unsuccessful call - check in email');
      },
    },
  },
];
