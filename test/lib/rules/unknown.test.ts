/**
 * Resolutions, Display and scope: "A rule whose data is not loaded shows as
 * unknown, never as met." Each case removes exactly the data a rule reads:
 * an association list not in loadedAssociations, an engagements key, the
 * stage history, a property key (absent ≠ null), duplicate candidates.
 */
import { describe, expect, it } from 'vitest';
import { TYPES, compliantDeal, daysAgo } from '../../helpers/snapshot-builder';
import { contactScenario } from './cases/contact-cases';
import { companyScenario } from './cases/company-cases';
import { hubScenario } from './cases/cadence-cases';
import { expectStatus, run } from './cases/support';
import type { CompanyResult } from '../../../lib/rules/result';

describe('data not in the snapshot is unknown, never met', () => {
  it('SALES-ENG-2: the deal→contact list not loaded (even with a contact that has the value)', () => {
    const s = compliantDeal('Engaged');
    s.b.unload(s.deal, TYPES.contact);
    expectStatus(run(s.b.build()), 'SALES-ENG-2', 'unknown');
  });

  it('SALES-ENG-2 / ACC-7: contacts associated but their records not loaded (dangling keys)', () => {
    const s = compliantDeal('Engaged');
    for (const c of s.contacts) s.b.forget(c);
    const e = run(s.b.build());
    expectStatus(e, 'SALES-ENG-2', 'unknown');
    // ACC-7 counts associations and labels, which are loaded: still decidable.
    expectStatus(e, 'ACC-7', 'met');
  });

  it('SALES-PRO-8 / SALES-ENG-4: engagements of the deal not loaded', () => {
    const snap = compliantDeal('Proposal').b.build();
    delete snap.engagements['0-3/9001'];
    const e = run(snap);
    expectStatus(e, 'SALES-PRO-8', 'unknown');
    expectStatus(e, 'SALES-ENG-4', 'unknown');
    expect(e.result.kind === 'deal' && e.result.sop?.noteId).toBeNull();
  });

  it('SALES-SQL-1: no dealstage history', () => {
    const snap = compliantDeal('Proposal').b.build();
    delete snap.records['0-3/9001']!.history;
    expectStatus(run(snap), 'SALES-SQL-1', 'unknown');
  });

  it('SALES-SQL-2: the property absent from `properties` is unknown; null is missing', () => {
    const s = compliantDeal('Sales Qualified Lead (SQL)');
    s.b.drop(s.deal, 'enterprise_deal_status');
    const f = expectStatus(run(s.b.build()), 'SALES-SQL-2', 'unknown');
    expect(f.items[0]?.status).toBe('unknown');
    s.b.set(s.deal, { enterprise_deal_status: null });
    expectStatus(run(s.b.build()), 'SALES-SQL-2', 'missing');
  });

  it('SOP-1 / SALES-POC-1: the deal→company list not loaded (no primary edge known)', () => {
    const s = compliantDeal('Partner of Choice');
    s.b.unload(s.deal, TYPES.company);
    const snap = s.b.build();
    snap.associations = snap.associations.filter((a) => !(a.from === s.deal && a.to === s.company));
    const e = run(snap);
    const f = expectStatus(e, 'SOP-1', 'unknown');
    expect(f.items.filter((i) => i.status === 'unknown').map((i) => i.label)).toContain('Company: Business Unit');
    expectStatus(e, 'SALES-POC-1', 'unknown');
    // A primary-typed edge names the primary company even when the list is incomplete.
    s.b.unload(s.deal, TYPES.company);
    expectStatus(run(s.b.build()), 'SOP-1', 'met');
  });

  it('SALES-WON-7/8: attachment metadata not loaded', () => {
    const s = compliantDeal('Closed – Won');
    s.b.engagement(s.deal, 'note', daysAgo(1), { hs_note_body: 'files' }, ['f404']);
    const e = run(s.b.build());
    expectStatus(e, 'SALES-WON-7', 'unknown');
    expectStatus(e, 'SALES-WON-8', 'unknown');
  });

  it('ACC-9: duplicate candidates not searched', () => {
    const snap = contactScenario().b.build();
    delete snap.duplicateCandidates;
    expectStatus(run(snap), 'ACC-9', 'unknown');
  });

  it('LC-5: the company→deal list not loaded', () => {
    const s = contactScenario({ lifecyclestage: 'customer' });
    s.b.unload(s.company!, TYPES.deal);
    expectStatus(run(s.b.build()), 'LC-5', 'unknown');
  });

  it('REC-4: neither the company nor the deal list loaded', () => {
    const s = contactScenario({}, { company: false });
    s.b.unload(s.contact, TYPES.company).unload(s.contact, TYPES.deal);
    expectStatus(run(s.b.build()), 'REC-4', 'unknown');
  });

  it('LC-4 / LEAD-1: activity properties absent and engagements not loaded', () => {
    const s = contactScenario({ hs_last_sales_activity_timestamp: daysAgo(50) });
    s.b.drop(s.contact, 'notes_last_updated');
    const snap = s.b.build();
    delete snap.engagements[s.contact];
    const e = run(snap);
    expectStatus(e, 'LC-4', 'unknown');
    expectStatus(e, 'LEAD-1', 'unknown');
    expect(e.result.kind === 'contact' && e.result.lead).toEqual({ eligible: null });
  });

  it('LC-4: whether it applies is unknown when the lifecycle stage is not loaded', () => {
    const s = contactScenario();
    s.b.drop(s.contact, 'lifecyclestage');
    const e = run(s.b.build());
    expectStatus(e, 'LC-4', 'unknown');
    expectStatus(e, 'LC-1', 'unknown');
  });

  it('ACC-6: tickets not loaded: no score', () => {
    const s = companyScenario();
    s.b.unload(s.company, TYPES.ticket);
    const e = run(s.b.build());
    const f = expectStatus(e, 'ACC-6', 'unknown');
    expect(f.items[0]?.current).toContain('tickets');
    expect((e.result as CompanyResult).health).toBeNull();
  });

  it('REC-3: an owner id when the portal lists no owners', () => {
    const s = contactScenario();
    const snap = s.b.build();
    const e = run({ ...snap, portal: { ...snap.portal, owners: [] } });
    expectStatus(e, 'REC-3', 'unknown');
  });

  it('CH-4: the Contact Ratio property not loaded', () => {
    const s = hubScenario('Completed');
    s.b.drop(s.hub, 'contact_ratio');
    expectStatus(run(s.b.build()), 'CH-4', 'unknown');
  });

  it('CH-7: engagements of the Client Hub record not loaded', () => {
    const snap = hubScenario('Call 3').b.build();
    delete snap.engagements['2-9000101/42'];
    expectStatus(run(snap), 'CH-7', 'unknown');
  });

  it('CH-1: the subscription→contact list not loaded', () => {
    const s = hubScenario('Completed');
    s.b.unload(s.subscription, TYPES.contact).focus(s.subscription);
    expectStatus(run(s.b.build()), 'CH-1', 'unknown');
  });

  it('unknown findings are not next steps and never counted as met', () => {
    const snap = compliantDeal('Proposal').b.build();
    delete snap.engagements['0-3/9001'];
    delete snap.records['0-3/9001']!.history;
    const e = run(snap);
    const unknown = e.findings.filter((f) => f.status === 'unknown').map((f) => f.ruleId);
    expect(unknown).toEqual(expect.arrayContaining(['SALES-SQL-1', 'SALES-ENG-4', 'SALES-PRO-8']));
    expect(e.nextSteps.map((s) => s.ruleId)).not.toEqual(expect.arrayContaining(unknown));
  });
});
