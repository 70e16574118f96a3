import { describe, expect, it } from 'vitest';
import { activitySatisfied, enteredStageAt, probeSatisfied } from '../../../lib/hubspot/engagement-probes';
import { defaultPlaybook } from '../../../lib/playbook/default/index';
import type { Engagement, PipelineMeta, RecordData } from '../../../lib/rules/snapshot';

const DAY = 86_400_000;
const now = Date.parse('2026-05-20T12:00:00Z');
const ago = (d: number) => new Date(now - d * DAY).toISOString();
const pipelines: PipelineMeta[] = [{
  id: 'p1', label: 'New Business', displayOrder: 0,
  stages: ['SQL', 'Engaged', 'Proposal'].map((label, i) => ({ id: `s${i}`, label, displayOrder: i, isClosed: false, probability: 0.1 })),
}];
const deal = (history: Array<[string, number]>): RecordData => ({
  objectTypeId: '0-3', id: '1', properties: { pipeline: 'p1', dealstage: history[history.length - 1]![0] },
  history: { dealstage: history.map(([value, d]) => ({ value, timestamp: ago(d) })).reverse() },
});
const eng = (type: Engagement['type'], days: number, properties: Record<string, string> = {}): Engagement =>
  ({ type, id: String(days), timestamp: ago(days), properties, attachmentIds: [] });
const nextSteps = { types: ['note', 'call', 'email', 'meeting'] as Engagement['type'][], sinceStage: 'Engaged' };

describe('engagement probes (SALES-ENG-4, SALES-PRO-8)', () => {
  it('the latest entry into the stage, from the stage history', () => {
    expect(enteredStageAt(deal([['s0', 30], ['s1', 20], ['s0', 15], ['s1', 10]]), pipelines, 'engaged')).toBe(now - 10 * DAY);
    expect(enteredStageAt(deal([['s0', 30]]), pipelines, 'Engaged')).toBeNull();
  });

  it('SALES-ENG-4: met only by an engagement after entering Engaged', () => {
    const rec = deal([['s0', 30], ['s1', 20]]);
    expect(probeSatisfied(nextSteps, rec, [eng('note', 25)], pipelines, defaultPlaybook, now)).toBe(false);
    expect(probeSatisfied(nextSteps, rec, [eng('call', 5)], pipelines, defaultPlaybook, now)).toBe(true);
    expect(probeSatisfied(nextSteps, rec, [eng('task', 5)], pipelines, defaultPlaybook, now)).toBe(false);
  });

  it('SALES-ENG-4: without an entry into Engaged any such engagement counts, as the engine reads it', () => {
    expect(probeSatisfied(nextSteps, deal([['s0', 30]]), [eng('note', 25)], pipelines, defaultPlaybook, now)).toBe(true);
  });

  it('SALES-PRO-8: the body contains #S&OP after decoding HTML', () => {
    const probe = { types: ['note'] as Engagement['type'][], contains: '#S&OP' };
    const rec = deal([['s2', 3]]);
    expect(probeSatisfied(probe, rec, [eng('note', 1, { hs_note_body: '<p>#S&amp;OP</p>' })], pipelines, defaultPlaybook, now)).toBe(true);
    expect(probeSatisfied(probe, rec, [eng('note', 1, { hs_note_body: '<p>S&amp;OP</p>' })], pipelines, defaultPlaybook, now)).toBe(false);
  });

  it('a window in days, with a day of margin for the portal calendar', () => {
    const probe = { types: ['note'] as Engagement['type'][], withinDays: 30 };
    const rec = deal([['s0', 40]]);
    expect(probeSatisfied(probe, rec, [eng('note', 28)], pipelines, defaultPlaybook, now)).toBe(true);
    expect(probeSatisfied(probe, rec, [eng('note', 29.9)], pipelines, defaultPlaybook, now)).toBe(false);
  });
});

describe('activitySatisfied (LC-4, LEAD-1)', () => {
  const contact = (props: Record<string, string | null>): RecordData => ({ objectTypeId: '0-1', id: '2', properties: props });
  const windows = [{ param: 'staleSqlDays' }, { param: 'leadEngagementDays' }];
  const props = ['hs_last_sales_activity_timestamp', 'notes_last_updated'];

  it('recent activity properties make the engagements unnecessary', () => {
    expect(activitySatisfied(contact({ notes_last_updated: ago(3) }), props, windows, defaultPlaybook, now)).toBe(true);
    expect(activitySatisfied(contact({ hs_last_sales_activity_timestamp: String(now - 2 * DAY) }), props, windows, defaultPlaybook, now)).toBe(true);
  });

  it('old, missing or unknown-parameter activity does not', () => {
    expect(activitySatisfied(contact({ notes_last_updated: ago(45) }), props, windows, defaultPlaybook, now)).toBe(false);
    expect(activitySatisfied(contact({}), props, windows, defaultPlaybook, now)).toBe(false);
    expect(activitySatisfied(contact({ notes_last_updated: ago(1) }), props, [{ param: 'nope' }], defaultPlaybook, now)).toBe(false);
  });
});
