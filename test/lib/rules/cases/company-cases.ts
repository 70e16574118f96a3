/**
 * Per-rule cases on companies (REC-2, REC-5, ACC-1…ACC-6, ACC-9, ACC-10).
 */
import { expect } from 'vitest';
import { defaultPlaybook } from '../../../../lib/playbook/default';
import { evaluate } from '../../../../lib/rules/evaluate';
import type { CompanyResult } from '../../../../lib/rules/result';
import { ASSOC, COMPLIANT_COMPANY, NOW, SnapshotBuilder, TYPES, contactProps, daysAgo, pipelineId, stageId } from '../../../helpers/snapshot-builder';
import { expectStatus, guidanceIds, openItems, run, type RuleCase } from './support';

type Props = Record<string, string | null>;

export interface CompanyScenario {
  b: SnapshotBuilder;
  company: string;
}

/** A company (the focus) with its contacts, deals and tickets loaded (none unless added). */
export function companyScenario(props: Props = {}): CompanyScenario {
  const b = new SnapshotBuilder();
  const company = b.company('7001', { ...COMPLIANT_COMPANY, hs_last_sales_activity_timestamp: daysAgo(3), ...props });
  b.engagementsLoaded(company).duplicateCandidates().loadedLists(company, TYPES.contact, TYPES.deal, TYPES.ticket, TYPES.company);
  return { b, company };
}

export function addDeal(s: CompanyScenario, id: string, stage: string, enteredDaysAgo: number, companyKey = s.company): string {
  const { b } = s;
  const pipeline = 'New Business';
  const k = b.deal(id, {
    dealname: `Deal ${id}`,
    pipeline: pipelineId(b.portal, TYPES.deal, pipeline),
    dealstage: stageId(b.portal, TYPES.deal, pipeline, stage),
  });
  b.history(k, 'dealstage', [[stageId(b.portal, TYPES.deal, pipeline, stage), daysAgo(enteredDaysAgo)]]);
  b.associate(companyKey, k, [ASSOC.companyToDeal]);
  return k;
}

export function addTicket(s: CompanyScenario, id: string, open: boolean, createdDaysAgo: number, companyKey = s.company): string {
  const k = s.b.ticket(id, { subject: `Ticket ${id}`, hs_pipeline: '0', hs_pipeline_stage: open ? '1' : '4', createdate: daysAgo(createdDaysAgo) });
  s.b.associate(companyKey, k, [ASSOC.companyToTicket]);
  return k;
}

/** ACC-6's worked example: engagement 48 days, one open deal 75 days in stage, one open ticket and a surge. */
function healthScenario(extraOpenTickets = 0): CompanyScenario {
  const s = companyScenario({ hs_last_sales_activity_timestamp: daysAgo(60), notes_last_updated: daysAgo(48) });
  const c = s.b.contact('5001', contactProps('Ana', 'Lopez', { hs_last_sales_activity_timestamp: daysAgo(50) }));
  s.b.associate(s.company, c, [ASSOC.companyToContact]);
  addDeal(s, '9001', 'Proposal', 75);
  addDeal(s, '9002', 'Closed – Won', 10);
  addTicket(s, '3001', true, 5);
  addTicket(s, '3002', false, 10);
  addTicket(s, '3003', false, 40);
  for (let i = 0; i < extraOpenTickets; i++) addTicket(s, String(3100 + i), true, 100);
  return s;
}

const company = (r: { result: unknown }) => r.result as CompanyResult;

export const companyCases: RuleCase[] = [
  {
    id: 'REC-2',
    pass: { name: 'name and domain', run: () => expectStatus(run(companyScenario().b.build()), 'REC-2', 'met', 'hygiene') },
    fail: { name: 'no domain', run: () => expectStatus(run(companyScenario({ domain: null }).b.build()), 'REC-2', 'violation', 'hygiene') },
  },
  {
    id: 'REC-5',
    pass: {
      name: 'shown on companies and contacts',
      run: () => {
        expect(guidanceIds(run(companyScenario().b.build()))).toContain('REC-5');
        const s = companyScenario();
        const c = s.b.contact('5001', contactProps('Ana', 'Lopez'));
        s.b.focus(c);
        expect(guidanceIds(run(s.b.build()))).toContain('REC-5');
      },
    },
    fail: {
      name: 'not on deals',
      run: () => {
        const s = companyScenario();
        s.b.focus(addDeal(s, '9001', 'Engaged', 3));
        expect(guidanceIds(run(s.b.build()))).not.toContain('REC-5');
      },
    },
  },
  {
    id: 'ACC-1',
    pass: {
      name: 'the full company profile',
      run: () => {
        const e = run(companyScenario().b.build());
        expectStatus(e, 'ACC-1', 'met', 'profile');
        expect(company(e).profile).toEqual({ filled: 9, total: 9, missing: [] });
      },
    },
    fail: {
      name: 'no phone and no city: a warning listing what is missing',
      run: () => {
        const e = run(companyScenario({ phone: null, city: '' }).b.build());
        const f = expectStatus(e, 'ACC-1', 'warning', 'profile');
        expect(openItems(f).map((i) => i.fix?.property)).toEqual(['phone', 'city']);
        expect(company(e).profile).toEqual({ filled: 7, total: 9, missing: ['Phone Number', 'City'] });
      },
    },
  },
  {
    id: 'ACC-2',
    pass: {
      name: 'Customer, compared case-insensitively',
      run: () => {
        const e = run(companyScenario({ type: 'customer' }).b.build());
        expectStatus(e, 'ACC-2', 'met', 'account');
        expect(company(e).accountType).toBe('Customer');
      },
    },
    fail: {
      name: 'a type outside Prospect, Customer, Partner, Competitor',
      run: () => {
        const f = expectStatus(run(companyScenario({ type: 'VENDOR' }).b.build()), 'ACC-2', 'warning', 'account');
        expect(f.items[0]?.fix?.options.map((o) => o.label)).toEqual(['Prospect', 'Customer', 'Partner', 'Competitor']);
      },
    },
  },
  {
    id: 'ACC-3',
    pass: {
      name: 'hierarchy tree and roll-ups over the company and all its descendants',
      run: () => {
        const s = companyScenario({ annualrevenue: '1000000' });
        const { b } = s;
        const parent = b.company('7000', { name: 'Riverside Health Group', annualrevenue: '9000000' });
        const c1 = b.company('7002', { name: 'Riverside North', annualrevenue: '250000' });
        const c2 = b.company('7003', { name: 'Riverside South', annualrevenue: null });
        const g = b.company('7004', { name: 'Riverside North Clinic', annualrevenue: '1,500' });
        b.link(parent, s.company, [ASSOC.parentToChild], [ASSOC.childToParent]);
        b.link(s.company, c1, [ASSOC.parentToChild], [ASSOC.childToParent]);
        b.associate(c2, s.company, [ASSOC.childToParent]);
        b.associate(c1, g, [ASSOC.parentToChild]);
        const d1 = addDeal(s, '9001', 'Engaged', 3);
        addDeal(s, '9002', 'Closed – Won', 3, c1);
        addDeal(s, '9003', 'Proposal', 3, c1);
        b.associate(g, d1, [ASSOC.companyToDeal]);
        addDeal(s, '9004', 'Proposal', 3, parent);
        addTicket(s, '3001', true, 3, c2);
        addTicket(s, '3002', false, 3, c2);
        const r = company(run(b.build()));
        expect(r.rollup).toEqual({ annualRevenue: 1_251_500, openDeals: 2, openTickets: 1, companies: 4 });
        expect(r.hierarchy?.focusPath).toEqual(['7000', '7001']);
        const names = (n: NonNullable<CompanyResult['hierarchy']>['root']): unknown => [n.name, n.children.map(names)];
        expect(names(r.hierarchy!.root)).toEqual([
          'Riverside Health Group',
          [['Riverside Family Practice', [['Riverside North', [['Riverside North Clinic', []]]], ['Riverside South', []]]]],
        ]);
      },
    },
    fail: {
      name: 'no view without the rule, or without the company associations loaded',
      run: () => {
        const s = companyScenario();
        const snap = s.b.build();
        const off = { ...defaultPlaybook, rules: defaultPlaybook.rules.filter((r) => r.id !== 'ACC-3') };
        expect(company(evaluate(snap, off, NOW)).rollup).toBeNull();
        expect(company(run(snap)).rollup).toEqual({ annualRevenue: 5_000_000, openDeals: 0, openTickets: 0, companies: 1 });
        s.b.unload(s.company, TYPES.company);
        const r = company(run(s.b.build()));
        expect(r.hierarchy).toBeNull();
        expect(r.rollup).toBeNull();
      },
    },
  },
  {
    id: 'ACC-4',
    pass: {
      name: 'Account Executive, Solution Engineer and Customer Success Manager assigned, with names',
      run: () => {
        const e = run(companyScenario().b.build());
        expectStatus(e, 'ACC-4', 'met', 'account');
        expect(company(e).team).toEqual([
          { role: 'Account Executive', ownerId: '61000001', ownerName: 'Maya Chen' },
          { role: 'Solution Engineer', ownerId: '61000003', ownerName: 'Priya Raman' },
          { role: 'Customer Success Manager', ownerId: '61000004', ownerName: 'Tom Becker' },
        ]);
      },
    },
    fail: {
      name: 'no Customer Success Manager',
      run: () => {
        const e = run(companyScenario({ customer_success_manager: null }).b.build());
        const f = expectStatus(e, 'ACC-4', 'warning', 'account');
        expect(openItems(f).map((i) => i.label)).toEqual(['Customer Success Manager assigned']);
        expect(company(e).team[2]).toEqual({ role: 'Customer Success Manager', ownerId: null, ownerName: null });
      },
    },
  },
  {
    id: 'ACC-5',
    pass: {
      name: 'SLA tier Gold',
      run: () => {
        const e = run(companyScenario().b.build());
        expectStatus(e, 'ACC-5', 'met', 'account');
        expect(company(e).slaTier).toBe('gold');
      },
    },
    fail: {
      name: 'Platinum is not a tier',
      run: () => expectStatus(run(companyScenario({ sla_tier: 'platinum' }).b.build()), 'ACC-5', 'warning', 'account'),
    },
  },
  {
    id: 'ACC-6',
    pass: {
      name: 'the exact formula: 0.4 × engagement + 0.3 × velocity + 0.3 × support, each component shown',
      run: () => {
        const e = run(healthScenario().b.build());
        expectStatus(e, 'ACC-6', 'met', 'health');
        const h = company(e).health!;
        const engagement = (100 * (90 - 48)) / (90 - 7);
        const velocity = (100 * (120 - 75)) / (120 - 30);
        const support = 100 - 25 - 20;
        expect(h.components.map((c) => [c.name, c.score, c.weight])).toEqual([
          ['engagement', Math.round(engagement * 10) / 10, 0.4],
          ['velocity', 50, 0.3],
          ['support', 55, 0.3],
        ]);
        expect(h.score).toBe(Math.round(0.4 * engagement + 0.3 * velocity + 0.3 * support));
        expect(h.score).toBe(52);
        expect(h.atRisk).toBe(false);
        expect(h.formula).toBe('0.4 × engagement + 0.3 × velocity + 0.3 × support');
      },
    },
    fail: {
      name: 'two more open tickets bring it below 50: at risk',
      run: () => {
        const e = run(healthScenario(2).b.build());
        expectStatus(e, 'ACC-6', 'warning', 'health');
        const h = company(e).health!;
        expect(h.components[2]?.score).toBe(100 - 3 * 25 - 20);
        expect(h.atRisk).toBe(true);
        expect(h.score).toBeLessThan(50);
      },
    },
  },
  {
    id: 'ACC-9',
    pass: {
      name: 'a different domain and name is no duplicate',
      run: () => {
        const s = companyScenario();
        s.b.duplicateCandidates(s.b.company('7009', { name: 'Lakeside Clinic', domain: 'lakeside.example' }));
        expectStatus(run(s.b.build()), 'ACC-9', 'met', 'duplicates');
      },
    },
    fail: {
      name: 'the same domain with www., or the same name without punctuation and suffix',
      run: () => {
        const s = companyScenario();
        const a = s.b.company('7008', { name: 'Other', domain: 'https://WWW.riversidefp.example/' });
        const c = s.b.company('7009', { name: 'Riverside Family Practice, P.C.', domain: 'rfp.example' });
        s.b.duplicateCandidates(a, c);
        const e = run(s.b.build());
        expectStatus(e, 'ACC-9', 'warning', 'duplicates');
        expect(company(e).duplicates.map((r) => r.id)).toEqual(['7008', '7009']);
      },
    },
  },
  {
    id: 'ACC-10',
    pass: {
      name: 'activity within 90 days',
      run: () => {
        const e = run(companyScenario({ hs_last_sales_activity_timestamp: daysAgo(90) }).b.build());
        expectStatus(e, 'ACC-10', 'met', 'account');
        expect(company(e).lastActivity).toBe(daysAgo(90).slice(0, 10));
      },
    },
    fail: {
      name: 'nothing logged for 91 days',
      run: () => expectStatus(run(companyScenario({ hs_last_sales_activity_timestamp: daysAgo(91) }).b.build()), 'ACC-10', 'warning'),
    },
  },
];
