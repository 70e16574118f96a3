/**
 * The Client Hub check-in cadence and the guided call log
 * (002_cc84a39e7010797c.txt).
 */
import type { Cadence, CallLogForm } from '../types';
import {
  CALL_PREPARATION, CALL_STAGES, CLIENT_HUB_PIPELINE, COMPLETED, SUMMARY_CONNECTED, SUMMARY_NOT_CONNECTED,
} from './pipelines';

export const CHECK_IN_TYPES = ['Check In - Call', 'Check In - WhatsApp'];

export const callLog: CallLogForm = {
  appliesTo: ['clientHub'],
  directions: ['OUTBOUND', 'INBOUND'],
  // Every outcome and every call type may be logged (CH-3: conversations outside
  // the check-in are logged too); only `checkIn` calls move the cadence.
  outcomes: [],
  types: [],
  required: ['hs_call_disposition', 'hs_activity_type', 'hs_call_direction', 'hs_call_body'],
  bodyPrompt: 'Breakdown of the conversation: what was discussed, how the client is doing, any follow-ups.',
  checkIn: {
    outcomes: ['Connected'],
    types: CHECK_IN_TYPES,
    directions: ['OUTBOUND', 'INBOUND'],
    explanation: 'A successful check-in is logged with Call Outcome "Connected", Call Type "Check In - Call" or "Check In - WhatsApp", Direction Outbound or Inbound, and a breakdown of the conversation. Only such calls move the Client Hub record through its pipeline.',
  },
  otherCallsExplanation: 'A conversation outside the monthly check-in is logged with any other Call Type, so it does not move the Client Hub pipeline.',
  associateWith: ['contact'],
};

export const cadence: Cadence = {
  object: 'clientHub',
  pipeline: CLIENT_HUB_PIPELINE,
  ratioProperty: 'contact_ratio',
  lastCheckInProperty: 'last_check_in_date',
  nextContactDateProperty: 'next_contact_date',
  ratios: {
    '1_week': { weeks: 1 },
    '2_weeks': { weeks: 2 },
    '1_month': { months: 1 },
    '2_months': { months: 2 },
    '3_months': { months: 3 },
    '6_months': { months: 6 },
  },
  defaultRatio: '1_month',
  prepLeadDays: 5,
  callSpacingDays: 5,
  stages: {
    preparation: CALL_PREPARATION,
    calls: [...CALL_STAGES],
    summaryConnected: SUMMARY_CONNECTED,
    summaryNotConnected: SUMMARY_NOT_CONNECTED,
    completed: COMPLETED,
  },
  notConnectedRatio: '1_month',
  tasks: {
    calls: ['Check in call 1', 'Check in call 2', 'Check in call 3'],
    // The SOP repeats the unsuccessful-email task under the connected summary: a copy error (CH-8).
    summaryConnected: 'Call summary',
    summaryNotConnected: 'Unsuccessful call - check in email',
  },
  npsSurvey: 'Once the summary task is complete the record moves to Completed and the NPS survey is sent to the client.',
};
