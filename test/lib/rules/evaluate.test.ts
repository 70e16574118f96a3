/**
 * The shape of an evaluation beyond single rules: which result a record
 * gets, the deal's stage path and next stage, the order of learn mode's
 * next steps, ungoverned pipelines and objects, contact lifecycle and
 * consent, the call log offered on Client Hub records.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../lib/rules/evaluate';
import { defaultPlaybook } from '../../../lib/playbook/default';
import type { ContactResult, DealResult } from '../../../lib/rules/result';
import { NOW, TYPES, compliantDeal, daysAgo, pipelineId, stageId } from '../../helpers/snapshot-builder';
import { contactScenario } from './cases/contact-cases';
import { hubScenario } from './cases/cadence-cases';
import { run } from './cases/support';

const deal = (e: { result: unknown }) => e.result as DealResult;

describe('deal evaluation', () => {
  it('path: stages in displayOrder with done/current/upcoming and open items of the current stage (SALES-PRO-*)', () => {
    const s = compliantDeal('Proposal');
    s.b.set(s.deal, { rate_range: null, verbal_commit_status: 'no' });
    const r = deal(run(s.b.build()));
    expect(r.pipeline).toEqual({ id: '78110001', label: 'New Business', governed: true });
    expect(r.stage).toEqual({ id: '150100003', label: 'Proposal', probability: 0.5 });
    expect(r.nextStage).toBe('Partner of Choice');
    expect(r.path.map((p) => [p.label, p.state, p.openItems])).toEqual([
      ['Sales Qualified Lead (SQL)', 'done', 0],
      ['Engaged', 'done', 0],
      ['Proposal', 'current', 2],
      ['Partner of Choice', 'upcoming', 0],
      ['Closed – Won', 'upcoming', 0],
      ['Closed – Lost', 'upcoming', 0],
    ]);
  });

  it('earlier gates left open count on their stage (cumulative gates: SALES-SQL-2 in Proposal)', () => {
    const s = compliantDeal('Proposal');
    s.b.set(s.deal, { enterprise_deal_status: null });
    const r = deal(run(s.b.build()));
    expect(r.path[0]).toMatchObject({ state: 'done', openItems: 1 });
  });

  it('won and lost paths', () => {
    expect(deal(run(compliantDeal('Closed – Won').b.build())).path.map((p) => p.state)).toEqual(['done', 'done', 'done', 'done', 'won', 'upcoming']);
    // Lost after Engaged (history): the stages reached are done.
    const lost = deal(run(compliantDeal('Closed – Lost').b.build()));
    expect(lost.path.map((p) => p.state)).toEqual(['done', 'done', 'upcoming', 'upcoming', 'upcoming', 'lost']);
    expect(lost.nextStage).toBeNull();
  });

  it('the last open stage leads to the won stage, whose gates are then next steps', () => {
    const s = compliantDeal('Partner of Choice');
    s.b.set(s.deal, { quoted_rcm_rate: null });
    const e = run(s.b.build());
    expect(deal(e).nextStage).toBe('Closed – Won');
    expect(e.nextSteps[0]).toEqual({ ruleId: 'SALES-WON-1', text: expect.stringContaining('To move to Closed – Won: Quoted RCM Rate is known') });
  });

  it('next steps: next-stage gates first, then violations, then recommendations; none for met or unknown', () => {
    const s = compliantDeal('Engaged');
    s.b.set(s.deal, { annual_practice_collections: null, enterprise_deal_status: null });
    const snap = s.b.build();
    snap.associations = snap.associations.map((a) => ({ ...a, types: a.types.filter((t) => t.label !== 'Champion') }));
    const e = run(snap);
    expect(e.nextSteps.map((x) => x.ruleId)).toEqual(['SALES-ENG-3', 'SALES-SQL-2', 'ACC-7']);
    expect(e.nextSteps[0]?.text).toMatch(/^To move to Proposal: /);
    expect(e.nextSteps[1]?.text).toMatch(/^Out of compliance since Sales Qualified Lead \(SQL\)/);
  });

  it('SOP-2 in learn mode: with the checklist complete and no #S&OP note, writing it is a next step', () => {
    const s = compliantDeal('Proposal');
    const snap = s.b.build();
    snap.engagements[s.deal] = snap.engagements[s.deal]!.filter((x) => x.type !== 'note');
    const e = run(snap);
    expect(e.nextSteps.map((x) => x.ruleId)).toEqual(['SALES-PRO-8', 'SOP-2']);
    expect(deal(e).sop).toMatchObject({ complete: true, noteId: null });
  });

  it('ungoverned pipeline: no SALES-*, SOP-*, ACC-7, no committee, no S&OP, no guidance', () => {
    const s = compliantDeal('Proposal');
    s.b.set(s.deal, { pipeline: 'default', dealstage: 'presentationscheduled', enterprise_deal_status: null });
    const e = run(s.b.build());
    expect(e.findings).toEqual([]);
    expect(e.guidance).toEqual([]);
    expect(deal(e)).toMatchObject({ pipeline: { label: 'Sales Pipeline', governed: false }, sop: null, committee: null, nextStage: 'Decision Maker Bought-In' });
  });

  it('records the playbook does not govern get an "other" result and no findings', () => {
    const s = compliantDeal('Proposal');
    const t = s.b.ticket('3001', { subject: 'Implementation', hs_pipeline: '0', hs_pipeline_stage: '1' });
    s.b.focus(t);
    const e = run(s.b.build());
    expect(e).toMatchObject({ object: 'ticket', result: { kind: 'other' }, findings: [], callLog: null, name: 'Implementation' });
    const unknown = run({ ...s.b.build(), focus: { objectTypeId: '2-123', id: '9' } });
    expect(unknown).toMatchObject({ object: null, result: { kind: 'other' }, findings: [], guidance: [] });
  });

  it('is deterministic: the same snapshot and now give the same evaluation', () => {
    const snap = compliantDeal('Proposal').b.build();
    expect(JSON.stringify(evaluate(snap, defaultPlaybook, NOW))).toBe(JSON.stringify(evaluate(snap, defaultPlaybook, NOW)));
  });

  it('a deal moved to another governed pipeline keeps its gates (stage ids of Expansion)', () => {
    const s = compliantDeal('Engaged', 'Expansion');
    expect(deal(run(s.b.build())).stage?.id).toBe(stageId(s.b.portal, TYPES.deal, 'Expansion', 'Engaged'));
    s.b.set(s.deal, { pipeline: pipelineId(s.b.portal, TYPES.deal, 'Expansion'), annual_practice_collections: null });
    expect(run(s.b.build()).findings.find((f) => f.ruleId === 'SALES-ENG-3')?.status).toBe('missing');
  });
});

describe('contact evaluation', () => {
  it('lifecycle: label, definition and the allowed next stages with their criteria', () => {
    const c = run(contactScenario({ lifecyclestage: 'marketingqualifiedlead' }).b.build()).result as ContactResult;
    expect(c.lifecycle).toMatchObject({ value: 'marketingqualifiedlead', label: 'Marketing Qualified Lead' });
    expect(c.lifecycle?.definition).toContain('SDR');
    expect(c.lifecycle?.next.map((n) => [n.label, n.ruleId])).toEqual([
      ['Sales Qualified Lead', 'LC-3'],
      ['Recycled', 'LC-8'],
    ]);
  });

  it('consent: the marketing consent value (label) and the opt-out flag', () => {
    const c = run(contactScenario({ marketing_consent: 'requested', hs_email_optout: 'true' }).b.build()).result as ContactResult;
    expect(c.consent).toEqual({ value: 'requested', optedOut: true });
    const s = contactScenario();
    s.b.drop(s.contact, 'hs_email_optout');
    expect((run(s.b.build()).result as ContactResult).consent?.optedOut).toBeNull();
  });

  it('CH-1 is shown on a contact that is a Primary Contact of a subscription', () => {
    const s = hubScenario('Completed');
    s.b.focus(s.contact).loadedLists(s.contact, TYPES.deal, TYPES.company);
    const e = run(s.b.build());
    expect(e.findings.find((f) => f.ruleId === 'CH-1')).toMatchObject({ status: 'met', group: 'subscription' });
  });
});

describe('Client Hub evaluation', () => {
  it('offers the guided call log on the record (CH-2) and a cadence result', () => {
    const e = run(hubScenario('Call Preparation', { last_check_in_date: '2025-02-18' }).b.build());
    expect(e.callLog?.checkIn.types).toEqual(['Check In - Call', 'Check In - WhatsApp']);
    expect(e.result).toMatchObject({ kind: 'cadence', stage: { label: 'Call Preparation' }, nextContactDate: '2025-03-18', expectedStage: 'Call Preparation', overdue: false });
    // CH-1: a Client Hub record has no name property; it is named after its primary contact.
    expect(e.name).toBe('Client Hub: Ana Lopez');
    expect(e.objectLabel).toBe('Client Hub');
  });

  it('CH-1: without a contact the Client Hub record is named by its label and id, never by a bare id', () => {
    const { b, hub } = hubScenario('Call Preparation');
    const snap = b.build();
    snap.associations = snap.associations.filter((a) => !(a.from === hub && a.to.startsWith('0-1/')));
    expect(run(snap).name).toBe('Client Hub 42');
  });

  it('a record past its next contact date but still in Call Preparation is expected in a call stage', () => {
    const e = run(hubScenario('Call Preparation', { last_check_in_date: '2025-02-08' }).b.build());
    expect(e.result).toMatchObject({ nextContactDate: '2025-03-08', expectedStage: 'Call 2' });
    expect(daysAgo(0)).toContain('2025-03-15');
  });
});

describe('associations as the v4 API lists them', () => {
  it('ACC-7: a contact listed twice (one entry per association type) is one member with both roles', () => {
    const s = compliantDeal('Sales Qualified Lead (SQL)');
    const snap = s.b.build();
    const ana = snap.associations.find((a) => a.from === s.deal && a.to === s.contacts[0]);
    snap.associations.push({ from: s.deal, to: s.contacts[0]!, types: [{ category: 'USER_DEFINED', typeId: 103, label: 'Decision Maker' }] });
    snap.associations = snap.associations.filter((a) => !(a.from === s.deal && a.to === s.contacts[1]));
    expect(ana).toBeDefined();
    const e = run(snap);
    // Two contacts now (Ana twice is one): fewer than three, though both roles are there.
    const f = e.findings.find((x) => x.ruleId === 'ACC-7');
    expect(f?.status).toBe('missing');
    expect(f?.items.filter((i) => i.status === 'missing').map((i) => i.current)).toEqual(['2 contacts']);
    expect(deal(e).committee?.members.map((m) => [m.name, m.roles])).toEqual([
      ['Ana Lopez', ['Champion', 'Decision Maker']],
      ['Cara Diaz', ['Influencer']],
    ]);
  });
});
