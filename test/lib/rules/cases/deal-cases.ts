/**
 * Per-rule cases for the sales pipelines (catalog section 1) and ACC-7:
 * a compliant governed deal passes; breaking the one thing a rule checks
 * fails it, in the group and with the status the Resolutions give.
 */
import { expect } from 'vitest';
import { buildSopNote } from '../../../../lib/rules/sop-note';
import { defaultPlaybook } from '../../../../lib/playbook/default';
import {
  TYPES, addWonPaperwork, compliantDeal, daysAgo, pipelineId, stageId, type SalesStage,
} from '../../../helpers/snapshot-builder';
import { expectAbsent, expectStatus, guidanceIds, openItems, run, type RuleCase } from './support';

const portal = () => compliantDeal('Proposal').b.portal;
const sid = (stage: SalesStage, pipeline = 'New Business') => stageId(portal(), TYPES.deal, pipeline, stage);

/** A compliant deal in `stage` with `props` changed on the deal. */
function dealWith(stage: SalesStage, props: Record<string, string | null>, pipeline = 'New Business') {
  const s = compliantDeal(stage, pipeline);
  s.b.set(s.deal, props);
  return s;
}

/** A property gate: `leave` gates of `stage` are needed next in it and violated past it. */
function leaveGate(id: string, stage: SalesStage, later: SalesStage, props: Record<string, string | null>): RuleCase {
  return {
    id,
    pass: {
      name: `a deal in ${stage} with the value set meets it`,
      run: () => expectStatus(run(compliantDeal(stage).b.build()), id, 'met', 'next'),
    },
    fail: {
      name: `unset: needed next in ${stage}, a violation in ${later}`,
      run: () => {
        const next = expectStatus(run(dealWith(stage, props).b.build()), id, 'missing', 'next');
        expect(next.stage).toBe(stage);
        expect(openItems(next).length).toBeGreaterThan(0);
        const past = expectStatus(run(dealWith(later, props).b.build()), id, 'violation', 'earlier');
        expect(past.stage).toBe(stage);
      },
    },
  };
}

/** `enter` Closed – Won gates: "to close as won" on open deals, violated on won deals. */
function wonGate(id: string, props: Record<string, string | null>): RuleCase {
  return {
    id,
    pass: {
      name: 'a won deal with the value set meets it',
      run: () => expectStatus(run(addWonPaperwork(compliantDeal('Closed – Won')).b.build()), id, 'met', 'toWon'),
    },
    fail: {
      name: 'unset: to close as won on an open deal, a violation on a won deal',
      run: () => {
        expectStatus(run(dealWith('Partner of Choice', props).b.build()), id, 'missing', 'toWon');
        const s = addWonPaperwork(dealWith('Closed – Won', props));
        expectStatus(run(s.b.build()), id, 'violation', 'toWon');
      },
    },
  };
}

function guide(id: string, stage: SalesStage, elsewhere: SalesStage): RuleCase {
  return {
    id,
    pass: {
      name: `shown as guidance on a deal in ${stage}`,
      run: () => {
        const e = run(compliantDeal(stage).b.build());
        expect(guidanceIds(e)).toContain(id);
        expect(e.guidance.find((g) => g.ruleId === id)?.text.length).toBeGreaterThan(20);
      },
    },
    fail: {
      name: `not shown in ${elsewhere} nor in the ungoverned Sales Pipeline`,
      run: () => {
        expect(guidanceIds(run(compliantDeal(elsewhere).b.build()))).not.toContain(id);
        const s = compliantDeal(stage);
        s.b.set(s.deal, { pipeline: 'default', dealstage: 'appointmentscheduled' });
        expect(guidanceIds(run(s.b.build()))).not.toContain(id);
      },
    },
  };
}

export const dealCases: RuleCase[] = [
  {
    id: 'SALES-SQL-1',
    pass: {
      name: 'history SQL → Engaged → Proposal, or moving back / to lost, is in order',
      run: () => {
        expectStatus(run(compliantDeal('Proposal').b.build()), 'SALES-SQL-1', 'met', 'process');
        const s = compliantDeal('Engaged');
        s.b.history(s.deal, 'dealstage', [
          [sid('Sales Qualified Lead (SQL)'), daysAgo(50)],
          [sid('Engaged'), daysAgo(40)],
          [sid('Sales Qualified Lead (SQL)'), daysAgo(30)],
          [sid('Engaged'), daysAgo(20)],
        ]);
        expectStatus(run(s.b.build()), 'SALES-SQL-1', 'met');
      },
    },
    fail: {
      name: 'a skipped stage or a deal created past SQL is flagged',
      run: () => {
        const s = compliantDeal('Proposal');
        s.b.history(s.deal, 'dealstage', [[sid('Sales Qualified Lead (SQL)'), daysAgo(50)], [sid('Proposal'), daysAgo(40)]]);
        const f = expectStatus(run(s.b.build()), 'SALES-SQL-1', 'violation', 'process');
        expect(f.items[0]?.current).toContain('Engaged');
        const t = compliantDeal('Engaged');
        t.b.history(t.deal, 'dealstage', [[sid('Engaged'), daysAgo(50)]]);
        expectStatus(run(t.b.build()), 'SALES-SQL-1', 'violation');
      },
    },
  },
  leaveGate('SALES-SQL-2', 'Sales Qualified Lead (SQL)', 'Engaged', { enterprise_deal_status: null }),
  leaveGate('SALES-SQL-3', 'Sales Qualified Lead (SQL)', 'Proposal', { hp_products: '' }),
  guide('SALES-SQL-G1', 'Sales Qualified Lead (SQL)', 'Engaged'),
  guide('SALES-SQL-G2', 'Sales Qualified Lead (SQL)', 'Proposal'),
  guide('SALES-SQL-G3', 'Sales Qualified Lead (SQL)', 'Closed – Lost'),
  leaveGate('SALES-ENG-1', 'Engaged', 'Partner of Choice', { hp_products: ' ; ' }),
  {
    id: 'SALES-ENG-2',
    pass: {
      name: 'Number of Providers set on one associated contact is enough',
      run: () => {
        const s = compliantDeal('Engaged');
        s.b.set(s.contacts[0]!, { number_of_providers: null }).set(s.contacts[1]!, { number_of_providers: null });
        expectStatus(run(s.b.build()), 'SALES-ENG-2', 'met', 'next');
      },
    },
    fail: {
      name: 'set on the deal but on no contact: missing, fixable on the contacts',
      run: () => {
        const s = compliantDeal('Engaged');
        for (const c of s.contacts) s.b.set(c, { number_of_providers: null });
        s.b.set(s.deal, { number_of_providers: '8' });
        const f = expectStatus(run(s.b.build()), 'SALES-ENG-2', 'missing', 'next');
        const fix = f.items[0]?.fix;
        expect(fix?.property).toBe('number_of_providers');
        expect(fix?.targets.map((t) => t.objectTypeId)).toEqual([TYPES.contact, TYPES.contact, TYPES.contact]);
      },
    },
  },
  leaveGate('SALES-ENG-3', 'Engaged', 'Proposal', { annual_practice_collections: '  ' }),
  {
    id: 'SALES-ENG-4',
    pass: {
      name: 'a call logged after entering Engaged (or any, without history)',
      run: () => {
        expectStatus(run(compliantDeal('Engaged').b.build()), 'SALES-ENG-4', 'met', 'next');
        const s = compliantDeal('Engaged');
        const snap = s.b.build();
        delete snap.records[s.deal]!.history;
        expectStatus(run(snap), 'SALES-ENG-4', 'met');
      },
    },
    fail: {
      name: 'only engagements from before the latest entry into Engaged',
      run: () => {
        const s = compliantDeal('Engaged');
        const snap = s.b.build();
        snap.engagements[s.deal] = snap.engagements[s.deal]!.map((e) => ({ ...e, timestamp: daysAgo(55) }));
        expectStatus(run(snap), 'SALES-ENG-4', 'missing', 'next');
      },
    },
  },
  guide('SALES-PRO-G1', 'Proposal', 'Engaged'),
  leaveGate('SALES-PRO-1', 'Proposal', 'Partner of Choice', { deal_meeting_required: null }),
  {
    id: 'SALES-PRO-2',
    pass: { name: 'Deal Approval Status Approved', run: () => expectStatus(run(compliantDeal('Proposal').b.build()), 'SALES-PRO-2', 'met') },
    fail: {
      name: 'Pending: missing, the fix offers only Approved',
      run: () => {
        const f = expectStatus(run(dealWith('Proposal', { deal_approval_status: 'pending' }).b.build()), 'SALES-PRO-2', 'missing', 'next');
        expect(f.items[0]?.current).toBe('Pending');
        expect(f.items[0]?.fix?.options).toEqual([{ value: 'approved', label: 'Approved' }]);
        expect(f.items[0]?.fix?.suggested).toBe('approved');
      },
    },
  },
  leaveGate('SALES-PRO-3', 'Proposal', 'Closed – Won', { rate_range: null }),
  leaveGate('SALES-PRO-4', 'Proposal', 'Partner of Choice', { pricing_model: 'made_up_value' }),
  {
    id: 'SALES-PRO-5',
    pass: { name: 'Verbal Commit Status Yes', run: () => expectStatus(run(compliantDeal('Proposal').b.build()), 'SALES-PRO-5', 'met') },
    fail: {
      name: '"No" is known but not Yes',
      run: () => {
        const f = expectStatus(run(dealWith('Proposal', { verbal_commit_status: 'no' }).b.build()), 'SALES-PRO-5', 'missing');
        expect(f.items[0]?.current).toBe('No');
      },
    },
  },
  {
    id: 'SALES-PRO-6',
    pass: {
      name: 'Proposal sent (or the later Proposal signed)',
      run: () => expectStatus(run(dealWith('Proposal', { contract_status: 'proposal_sent' }).b.build()), 'SALES-PRO-6', 'met'),
    },
    fail: {
      name: 'Not Started',
      run: () => {
        const f = expectStatus(run(dealWith('Proposal', { contract_status: 'not_started' }).b.build()), 'SALES-PRO-6', 'missing');
        expect(f.items[0]?.fix?.options.map((o) => o.label)).toEqual(['Proposal sent', 'Proposal signed']);
      },
    },
  },
  leaveGate('SALES-PRO-7', 'Proposal', 'Partner of Choice', { client_data_confidence: null }),
  {
    id: 'SALES-PRO-8',
    pass: {
      name: 'a note whose decoded body contains #S&OP (any case)',
      run: () => {
        const s = compliantDeal('Proposal');
        const snap = s.b.build();
        snap.engagements[s.deal] = snap.engagements[s.deal]!.filter((e) => e.type !== 'note');
        snap.engagements[s.deal]!.push({ type: 'note', id: 'n1', timestamp: daysAgo(1), properties: { hs_note_body: '<div>Summary <b>#s&amp;op</b></div>' }, attachmentIds: [] });
        expectStatus(run(snap), 'SALES-PRO-8', 'met', 'next');
      },
    },
    fail: {
      name: 'no note with the snippet ("S&OP" without # does not count)',
      run: () => {
        const s = compliantDeal('Proposal');
        const snap = s.b.build();
        snap.engagements[s.deal] = snap.engagements[s.deal]!.filter((e) => e.type !== 'note');
        snap.engagements[s.deal]!.push({ type: 'note', id: 'n1', timestamp: daysAgo(1), properties: { hs_note_body: 'S&amp;OP to follow' }, attachmentIds: [] });
        expectStatus(run(snap), 'SALES-PRO-8', 'missing', 'next');
      },
    },
  },
  {
    id: 'SOP-1',
    pass: {
      name: 'every deal and company item filled: met from Proposal on, rows carry option labels',
      run: () => {
        const e = run(compliantDeal('Proposal').b.build());
        expectStatus(e, 'SOP-1', 'met', 'checklist');
        const sop = e.result.kind === 'deal' ? e.result.sop : null;
        expect(sop?.complete).toBe(true);
        expect(sop?.rows).toHaveLength(29);
        expect(sop?.rows.find((r) => r.property === 'pricing_model')?.value).toBe('Percentage of Collections');
        expect(sop?.rows.find((r) => r.property === 'hubspot_owner_id')?.value).toBe('Maya Chen');
        expect(sop?.noteId).not.toBeNull();
        expectAbsent(run(compliantDeal('Engaged').b.build()), 'SOP-1');
      },
    },
    fail: {
      name: 'a company item (RCM Rate) missing: needed in Proposal, a violation after',
      run: () => {
        const s = compliantDeal('Proposal');
        s.b.set(s.company, { rcm_rate: null });
        const f = expectStatus(run(s.b.build()), 'SOP-1', 'missing', 'checklist');
        const open = openItems(f);
        expect(open).toHaveLength(1);
        expect(open[0]?.label).toContain('RCM Rate');
        expect(open[0]?.fix?.targets).toEqual([{ objectTypeId: TYPES.company, id: '7001' }]);
        const t = compliantDeal('Partner of Choice');
        t.b.set(t.company, { rcm_rate: null });
        expectStatus(run(t.b.build()), 'SOP-1', 'violation', 'checklist');
      },
    },
  },
  {
    id: 'SOP-2',
    pass: {
      name: 'buildSopNote: body starts with #S&OP and lists every SOP-1 item with its value',
      run: () => {
        const s = compliantDeal('Proposal');
        const snap = s.b.build();
        const note = buildSopNote(snap, defaultPlaybook, run(snap));
        expect(note.html.startsWith('#S&OP')).toBe(true);
        expect(note.rows).toHaveLength(defaultPlaybook.checklists.sop!.length);
        expect(note.missing).toEqual([]);
        for (const item of defaultPlaybook.checklists.sop!) expect(note.html).toContain(item.label.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
        expect(note.html).toContain('Percentage of Collections');
      },
    },
    fail: {
      name: 'values from HubSpot are HTML-escaped (a <script> and quotes in a value)',
      run: () => {
        const s = compliantDeal('Proposal');
        s.b.set(s.deal, { legacy_pm: '<script>alert("x")</script>', backlog_details: `Tom's "backlog" & more` });
        s.b.set(s.company, { division: null });
        const note = buildSopNote(s.b.build(), defaultPlaybook);
        expect(note.html).not.toContain('<script>');
        expect(note.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
        expect(note.html).toContain('Tom&#39;s &quot;backlog&quot; &amp; more');
        expect(note.missing.map((r) => r.property)).toEqual(['division']);
      },
    },
  },
  {
    id: 'SALES-POC-1',
    pass: {
      name: 'Business Unit on the primary company, in Partner of Choice',
      run: () => {
        expectStatus(run(compliantDeal('Partner of Choice').b.build()), 'SALES-POC-1', 'met', 'next');
        expectAbsent(run(compliantDeal('Proposal').b.build()), 'SALES-POC-1');
      },
    },
    fail: {
      name: 'no Business Unit: needed in Partner of Choice, a violation once won',
      run: () => {
        const s = compliantDeal('Partner of Choice');
        s.b.set(s.company, { business_unit: null });
        const f = expectStatus(run(s.b.build()), 'SALES-POC-1', 'missing', 'next');
        expect(f.items[0]?.fix?.targets).toEqual([{ objectTypeId: TYPES.company, id: '7001' }]);
        expect(f.items[0]?.record).toEqual({ objectTypeId: TYPES.company, id: '7001' });
        const w = addWonPaperwork(compliantDeal('Closed – Won'));
        w.b.set(w.company, { business_unit: null });
        expectStatus(run(w.b.build()), 'SALES-POC-1', 'violation', 'earlier');
      },
    },
  },
  wonGate('SALES-WON-1', { quoted_rcm_rate: null }),
  wonGate('SALES-WON-2', { contract_status: 'proposal_sent' }),
  wonGate('SALES-WON-3', { onboarding_questionnaire: 'not_started' }),
  wonGate('SALES-WON-4', { target_go_live_date: '' }),
  wonGate('SALES-WON-5', { nda_status: null }),
  wonGate('SALES-WON-6', { baa_status: null }),
  {
    id: 'SALES-WON-7',
    pass: {
      name: 'a PDF with "contract" in its name attached through a note',
      run: () => expectStatus(run(addWonPaperwork(compliantDeal('Closed – Won')).b.build()), 'SALES-WON-7', 'met', 'afterWon'),
    },
    fail: {
      name: 'only a Word contract: a violation; not checked before won',
      run: () => {
        const s = addWonPaperwork(compliantDeal('Closed – Won'));
        s.b.file({ id: 'f1', name: 'Riverside signed contract', extension: 'docx' });
        expectStatus(run(s.b.build()), 'SALES-WON-7', 'violation', 'afterWon');
        expectAbsent(run(compliantDeal('Partner of Choice').b.build()), 'SALES-WON-7');
      },
    },
  },
  {
    id: 'SALES-WON-8',
    pass: {
      name: '<Company Name>_Calculator, compared case-insensitively after trimming',
      run: () => {
        const s = addWonPaperwork(compliantDeal('Closed – Won'));
        s.b.file({ id: 'f2', name: '  riverside family practice_calculator ', extension: 'xlsx' });
        expectStatus(run(s.b.build()), 'SALES-WON-8', 'met', 'afterWon');
      },
    },
    fail: {
      name: 'a calculator named for another company',
      run: () => {
        const s = addWonPaperwork(compliantDeal('Closed – Won'));
        s.b.file({ id: 'f2', name: 'Riverside_Calculator', extension: 'xlsx' });
        expectStatus(run(s.b.build()), 'SALES-WON-8', 'violation');
      },
    },
  },
  {
    id: 'SALES-WON-9',
    pass: {
      name: 'an Implementation ticket on a won New Business deal',
      run: () => expectStatus(run(addWonPaperwork(compliantDeal('Closed – Won')).b.build()), 'SALES-WON-9', 'met', 'afterWon'),
    },
    fail: {
      name: 'no implementation ticket: a violation in New Business, not checked in Expansion',
      run: () => {
        const s = addWonPaperwork(compliantDeal('Closed – Won'));
        s.b.set('0-5/3001', { subject: 'Billing question' });
        expectStatus(run(s.b.build()), 'SALES-WON-9', 'violation');
        const x = compliantDeal('Closed – Won', 'Expansion');
        expectAbsent(run(x.b.build()), 'SALES-WON-9');
      },
    },
  },
  {
    id: 'SALES-LOST-1',
    pass: {
      name: 'a lost deal with a reason category; checked against the lost gates only',
      run: () => {
        const s = compliantDeal('Closed – Lost');
        s.b.set(s.deal, { enterprise_deal_status: null, quoted_rcm_rate: null });
        const e = run(s.b.build());
        expectStatus(e, 'SALES-LOST-1', 'met', 'toLost');
        expect(e.findings.map((f) => f.ruleId).sort()).toEqual(['SALES-LOST-1', 'SALES-LOST-2']);
      },
    },
    fail: {
      name: 'no category: "to close as lost" on an open deal, a violation on a lost one',
      run: () => {
        expectStatus(run(compliantDeal('Engaged').b.build()), 'SALES-LOST-1', 'missing', 'toLost');
        const s = compliantDeal('Closed – Lost');
        s.b.set(s.deal, { deal_lost_reason_category: null });
        expectStatus(run(s.b.build()), 'SALES-LOST-1', 'violation', 'toLost');
      },
    },
  },
  {
    id: 'SALES-LOST-2',
    pass: { name: 'a lost deal with details', run: () => expectStatus(run(compliantDeal('Closed – Lost').b.build()), 'SALES-LOST-2', 'met', 'toLost') },
    fail: {
      name: 'blank details on a lost deal',
      run: () => {
        const s = compliantDeal('Closed – Lost');
        s.b.set(s.deal, { deal_lost_reason_details: ' ' });
        expectStatus(run(s.b.build()), 'SALES-LOST-2', 'violation', 'toLost');
      },
    },
  },
  guide('SALES-BACK-G1', 'Closed – Won', 'Partner of Choice'),
  {
    id: 'ACC-7',
    pass: {
      name: 'three contacts with a Champion and a Decision Maker, before leaving SQL',
      run: () => {
        const e = run(compliantDeal('Sales Qualified Lead (SQL)').b.build());
        expectStatus(e, 'ACC-7', 'met', 'next');
        const c = e.result.kind === 'deal' ? e.result.committee : null;
        expect(c?.status).toBe('met');
        expect(c?.members.map((m) => [m.name, m.roles])).toEqual([
          ['Ana Lopez', ['Champion']],
          ['Ben Ortiz', ['Decision Maker']],
          ['Cara Diaz', ['Influencer']],
        ]);
      },
    },
    fail: {
      name: 'no Decision Maker: needed in SQL; a warning (recommended) once past SQL; not in Sales Pipeline',
      run: () => {
        const strip = (stage: SalesStage) => {
          const s = compliantDeal(stage);
          const snap = s.b.build();
          snap.associations = snap.associations.map((a) => ({ ...a, types: a.types.filter((t) => t.label !== 'Decision Maker') }));
          return snap;
        };
        const f = expectStatus(run(strip('Sales Qualified Lead (SQL)')), 'ACC-7', 'missing', 'next');
        expect(openItems(f).map((i) => i.label)).toEqual(['A Decision Maker is on the deal']);
        expectStatus(run(strip('Proposal')), 'ACC-7', 'warning', 'earlier');
        const u = compliantDeal('Proposal');
        u.b.set(u.deal, { pipeline: pipelineId(u.b.portal, TYPES.deal, 'Sales Pipeline'), dealstage: 'qualifiedtobuy' });
        expectAbsent(run(u.b.build()), 'ACC-7');
      },
    },
  },
];

