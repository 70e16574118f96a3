/**
 * A second company's playbook (Acme Freight Cloud) and portal through the
 * same engine: other pipelines, stage labels and ids, `x_` properties, a
 * different committee, a hand-off checklist, a custom object found by schema
 * name, its own parameters and health weights. Nothing in the engine may
 * lean on the reference portal.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../lib/rules/evaluate';
import { buildSopNote } from '../../../lib/rules/sop-note';
import type { CompanyResult, DealResult, Evaluation } from '../../../lib/rules/result';
import { ACME_IDS, acmePlaybook, acmePortal } from '../../fixtures/playbooks/acme';
import { NOW, SnapshotBuilder, TYPES, contactProps, daysAgo, pipelineId, stageId } from '../../helpers/snapshot-builder';
import { expectAbsent, expectStatus, guidanceIds } from './cases/support';

const run = (b: SnapshotBuilder): Evaluation => evaluate(b.build(), acmePlaybook, NOW);
const DIRECT = 'Direct Sales';

const READY: Record<string, string | null> = {
  dealname: 'Northwind Logistics',
  amount: '90000',
  hubspot_owner_id: '9100001',
  x_tms_platform: 'sap_tm',
  x_lanes_per_month: '120',
  x_budget_confirmed: 'confirmed',
  x_security_review: 'passed',
  x_pilot_result: 'success',
  x_msa_status: 'signed',
  x_go_live: '2025-05-01',
  x_loss_reason: null,
  x_loss_notes: null,
  x_partner_name: null,
};

function acmeDeal(stage: string, props: Record<string, string | null> = {}, pipeline = DIRECT) {
  const b = new SnapshotBuilder(acmePortal);
  const deal = b.deal('501', {
    ...READY,
    pipeline: pipelineId(acmePortal, TYPES.deal, pipeline),
    dealstage: stageId(acmePortal, TYPES.deal, pipeline, stage),
    ...props,
  });
  const stages = acmePortal.pipelines['0-3']!.find((p) => p.label === pipeline)!.stages;
  const upTo = stages.findIndex((s) => s.label === stage);
  b.history(deal, 'dealstage', stages.slice(0, upTo + 1).map((s, i) => [s.id, daysAgo(50 - i * 5)]));
  const company = b.company('601', { name: 'Northwind', domain: 'northwind.example', hubspot_owner_id: '9100002', x_fleet_size: '40', x_region: 'emea', x_customer_tier: 'growth' });
  b.link(deal, company, [341, 5], [342]);
  const roles: Array<[string, number, string]> = [['Eve', 7, 'Economic Buyer'], ['Sam', 9, 'Sponsor'], ['Tia', 8, 'Technical Evaluator']];
  roles.forEach(([first, typeId, label], i) => {
    const c = b.contact(String(701 + i), { ...contactProps(first, 'Ng'), lifecyclestage: 'opportunity' });
    b.associate(deal, c, [3, { typeId, label }]);
  });
  b.loadedLists(deal, ACME_IDS.onboardingProject);
  b.engagement(deal, 'meeting', daysAgo(2), { hs_meeting_title: 'Tailored demo' });
  b.focus(deal);
  return { b, deal, company };
}

describe('second playbook (Acme Freight Cloud) through the same engine', () => {
  it('gates, labels and parameters come from that playbook: Discovery needs TMS and ≥ 40 lanes (param)', () => {
    const ok = run(acmeDeal('Discovery').b);
    expectStatus(ok, 'ACME-DISC-1', 'met', 'next');
    expectStatus(ok, 'ACME-DISC-2', 'met', 'next');
    expect((ok.result as DealResult).nextStage).toBe('Qualified');
    expect((ok.result as DealResult).path.map((p) => p.label)).toEqual(['Discovery', 'Qualified', 'Solution Design', 'Business Case', 'Negotiation', 'Signed', 'Lost']);
    expect(guidanceIds(ok)).toEqual(['ACME-GUIDE-1']);
    const bad = run(acmeDeal('Discovery', { x_tms_platform: null, x_lanes_per_month: '39' }).b);
    const f = expectStatus(bad, 'ACME-DISC-2', 'missing', 'next');
    expect(f.items[0]).toMatchObject({ label: 'Lanes per month at or above the minimum', current: '39', required: 'at least 40' });
    expect(expectStatus(bad, 'ACME-DISC-1', 'missing').items[0]?.fix?.options.map((o) => o.label)).toEqual(['SAP TM', 'Oracle OTM', 'MercuryGate', 'None', 'Other']);
  });

  it('cumulative gates with its own stages: unconfirmed budget is a violation in Solution Design', () => {
    const e = run(acmeDeal('Solution Design', { x_budget_confirmed: 'unconfirmed' }).b);
    const f = expectStatus(e, 'ACME-QUAL-1', 'violation', 'earlier');
    expect(f.items[0]?.current).toBe('Not yet');
    expectStatus(e, 'ACME-SOL-2', 'met', 'next');
  });

  it('its buying committee: Economic Buyer and Sponsor, and no Detractor', () => {
    expectStatus(run(acmeDeal('Qualified').b), 'ACME-QUAL-2', 'met', 'next');
    const s = acmeDeal('Qualified');
    const d = s.b.contact('799', contactProps('Dan', 'Ng'));
    s.b.associate(s.deal, d, [3, { typeId: 10, label: 'Detractor' }]);
    const e = run(s.b);
    const f = expectStatus(e, 'ACME-QUAL-2', 'missing');
    expect(f.items.filter((i) => i.status === 'missing').map((i) => i.label)).toEqual(['No unhandled Detractor']);
    expect((e.result as DealResult).committee?.members.find((m) => m.name === 'Dan Ng')?.roles).toEqual(['Detractor']);
  });

  it('pipeline scoping: Channel Partners gets its own gate and not the direct ones; Renewals is ungoverned', () => {
    const ch = run(acmeDeal('Registered', {}, 'Channel Partners').b);
    expectStatus(ch, 'ACME-CHAN-1', 'missing', 'next');
    expectAbsent(ch, 'ACME-DISC-1');
    const rn = run(acmeDeal('Renewal Due', {}, 'Renewals').b);
    expect(rn.findings).toEqual([]);
    expect((rn.result as DealResult).pipeline).toEqual({ id: ACME_IDS.pipelines.renewals, label: 'Renewals', governed: false });
  });

  it('the hand-off checklist and #HANDOFF note replace the S&OP', () => {
    const s = acmeDeal('Business Case');
    s.b.engagement(s.deal, 'note', daysAgo(1), { hs_note_body: '<p>#HANDOFF</p>' });
    const e = run(s.b);
    expectStatus(e, 'ACME-BC-2', 'met', 'checklist');
    const sop = (e.result as DealResult).sop!;
    expect(sop.rows.map((r) => [r.label, r.value])).toContainEqual(['Region', 'EMEA']);
    expect(sop.rows.map((r) => [r.label, r.value])).toContainEqual(['Opportunity owner', 'Inès Moreau']);
    expect(sop.noteId).not.toBeNull();
    const note = buildSopNote(s.b.build(), acmePlaybook);
    expect(note.html.startsWith('#HANDOFF')).toBe(true);
    expect(note.html).toContain('Shipper');
  });

  it('won: its own won stage, the MSA attachment, and an onboarding project of a custom object found by name', () => {
    const s = acmeDeal('Signed');
    s.b.file({ id: 'm1', name: 'Northwind MSA countersigned', extension: 'PDF' });
    s.b.engagement(s.deal, 'note', daysAgo(1), { hs_note_body: 'MSA' }, ['m1']);
    const project = s.b.record(ACME_IDS.onboardingProject, '88', { project_name: 'Northwind onboarding' });
    s.b.associate(s.deal, project);
    const e = run(s.b);
    expectStatus(e, 'ACME-WON-1', 'met', 'toWon');
    expectStatus(e, 'ACME-WON-3', 'met', 'afterWon');
    expectStatus(e, 'ACME-WON-4', 'met', 'afterWon');
    const t = acmeDeal('Signed', { x_msa_status: 'sent' });
    t.b.unload(t.deal, ACME_IDS.onboardingProject);
    const f = run(t.b);
    expectStatus(f, 'ACME-WON-1', 'violation', 'toWon');
    expectStatus(f, 'ACME-WON-3', 'violation');
    expectStatus(f, 'ACME-WON-4', 'unknown');
  });

  it('a deal in its lost stage is checked only against the rules entering it', () => {
    const e = run(acmeDeal('Lost', { x_loss_reason: 'price', x_loss_notes: null, x_tms_platform: null }).b);
    expect(e.findings.map((f) => [f.ruleId, f.status])).toEqual([
      ['ACME-LOST-1', 'met'],
      ['ACME-LOST-2', 'violation'],
    ]);
  });

  it('contacts: its lifecycle values, default and transitions', () => {
    const b = new SnapshotBuilder(acmePortal);
    const c = b.contact('701', { ...contactProps('Eve', 'Ng'), lifecyclestage: null, hs_lastactivitydate: daysAgo(3) });
    b.loadedLists(c, TYPES.deal, TYPES.company).engagementsLoaded(c).duplicateCandidates();
    const e = evaluate(b.build(), acmePlaybook, NOW);
    const f = expectStatus(e, 'ACME-LC-1', 'violation', 'lifecycle');
    expect(f.items[0]?.fix?.suggested).toBe('subscriber');
    expect(e.result.kind === 'contact' && e.result.lifecycle?.next).toEqual([
      { value: 'subscriber', label: 'Subscriber', criteria: 'Reads our content; no sales conversation yet.', ruleId: 'ACME-LC-1' },
    ]);
    b.set(c, { lifecyclestage: 'opportunity' });
    const o = evaluate(b.build(), acmePlaybook, NOW);
    expectStatus(o, 'ACME-LC-2', 'violation', 'lifecycle');
    expect(o.result.kind === 'contact' && o.result.lifecycle?.next.map((n) => n.label)).toEqual(['Customer']);
    // Lead staleness uses its own parameter (14 days).
    b.set(c, { lifecyclestage: 'lead', hs_lastactivitydate: daysAgo(15) });
    expectStatus(evaluate(b.build(), acmePlaybook, NOW), 'ACME-LC-3', 'violation');
  });

  it('companies: its tier/region lists and its health weights and threshold', () => {
    const b = new SnapshotBuilder(acmePortal);
    const co = b.company('601', { name: 'Northwind', domain: 'northwind.example', hubspot_owner_id: '9100002', x_region: 'mars', x_customer_tier: 'growth', hs_lastactivitydate: daysAgo(37) });
    b.loadedLists(co, TYPES.contact, TYPES.deal, TYPES.ticket, TYPES.company).engagementsLoaded(co).duplicateCandidates();
    const e = evaluate(b.build(), acmePlaybook, NOW);
    expectStatus(e, 'ACME-ACC-1', 'warning', 'account');
    const h = (e.result as CompanyResult).health!;
    // engagement: 37 days on a 14→60 scale = 50; no open deals: velocity 100; no tickets: support 100.
    expect(h.components.map((c) => [c.name, c.score, c.weight])).toEqual([['engagement', 50, 0.5], ['velocity', 100, 0.25], ['support', 100, 0.25]]);
    expect(h.score).toBe(75);
    expect(h.formula).toBe('0.5 × engagement + 0.25 × velocity + 0.25 × support');
    expectStatus(e, 'ACME-ACC-3', 'met', 'health');
    expect((e.result as CompanyResult).slaTier).toBeNull();
  });
});
