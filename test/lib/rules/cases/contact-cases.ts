/**
 * Per-rule cases on contacts (catalog sections 2 and 4, ACC-8, ACC-9):
 * lifecycle, leads, consent and logging guidance, record hygiene.
 */
import { expect } from 'vitest';
import {
  ASSOC, SnapshotBuilder, TYPES, contactProps, daysAgo, pipelineId, stageId, COMPLIANT_COMPANY,
} from '../../../helpers/snapshot-builder';
import { expectAbsent, expectStatus, guidanceIds, openItems, run, type RuleCase } from './support';

type Props = Record<string, string | null>;

export interface ContactScenario {
  b: SnapshotBuilder;
  contact: string;
  company: string | null;
}

/**
 * A contact (the focus) with everything loaded: its primary company, its
 * deals (`deals`: stage label per deal, in New Business unless a pipeline is
 * given), engagements, duplicate candidates, product subscriptions.
 */
export function contactScenario(
  props: Props = {},
  opts: { company?: boolean; deals?: Array<{ stage: string; pipeline?: string; props?: Props; onCompany?: boolean }>; companyDeals?: Array<{ stage: string; pipeline?: string }> } = {},
): ContactScenario {
  const b = new SnapshotBuilder();
  const contact = b.contact('5001', contactProps('Ana', 'Lopez', { hs_last_sales_activity_timestamp: daysAgo(5), ...props }));
  b.engagementsLoaded(contact).duplicateCandidates().loadedLists(contact, TYPES.company, TYPES.deal, TYPES.subscription);
  let company: string | null = null;
  const dealRecord = (id: string, stage: string, pipeline = 'New Business', p: Props = {}) =>
    b.deal(id, {
      dealname: `Deal ${id}`,
      pipeline: pipelineId(b.portal, TYPES.deal, pipeline),
      dealstage: stageId(b.portal, TYPES.deal, pipeline, stage),
      ...p,
    });
  if (opts.company !== false) {
    company = b.company('7001', { ...COMPLIANT_COMPANY });
    b.link(contact, company, [ASSOC.contactToCompany, ASSOC.contactToCompanyPrimary], [ASSOC.companyToContact]);
    b.loadedLists(company, TYPES.deal);
    (opts.companyDeals ?? []).forEach((d, i) => {
      const k = dealRecord(String(9100 + i), d.stage, d.pipeline);
      b.link(company!, k, [ASSOC.companyToDeal], [ASSOC.dealToCompany, ASSOC.dealToCompanyPrimary]);
    });
  }
  (opts.deals ?? []).forEach((d, i) => {
    const k = dealRecord(String(9000 + i), d.stage, d.pipeline, d.props);
    b.link(contact, k, [ASSOC.contactToDeal], [ASSOC.dealToContact]);
    if (company && d.onCompany) b.link(company, k, [ASSOC.companyToDeal], [ASSOC.dealToCompany, ASSOC.dealToCompanyPrimary]);
  });
  b.focus(contact);
  return { b, contact, company };
}

const contactGuide = (id: string, shownFor: string, notFor: string): RuleCase => ({
  id,
  pass: {
    name: `shown on a contact in ${shownFor}`,
    run: () => expect(guidanceIds(run(contactScenario({ lifecyclestage: shownFor }).b.build()))).toContain(id),
  },
  fail: {
    name: `not on a contact in ${notFor}, nor on a deal`,
    run: () => {
      expect(guidanceIds(run(contactScenario({ lifecyclestage: notFor }).b.build()))).not.toContain(id);
      const s = contactScenario({}, { deals: [{ stage: 'Sales Qualified Lead (SQL)' }] });
      s.b.focus('0-3/9000');
      expect(guidanceIds(run(s.b.build()))).not.toContain(id);
    },
  },
});

const alwaysGuide = (id: string): RuleCase => ({
  id,
  pass: {
    name: 'shown on every contact',
    run: () => {
      for (const lc of ['target', 'customer', null]) expect(guidanceIds(run(contactScenario({ lifecyclestage: lc }).b.build()))).toContain(id);
    },
  },
  fail: {
    name: 'not on deals',
    run: () => {
      const s = contactScenario({}, { deals: [{ stage: 'Engaged' }] });
      s.b.focus('0-3/9000');
      expect(guidanceIds(run(s.b.build()))).not.toContain(id);
    },
  },
});

export const contactCases: RuleCase[] = [
  {
    id: 'LC-1',
    pass: { name: 'a lifecycle stage is set', run: () => expectStatus(run(contactScenario({ lifecyclestage: 'target' }).b.build()), 'LC-1', 'met', 'lifecycle') },
    fail: {
      name: 'no stage fails (not read as Target); the fix offers Target',
      run: () => {
        const e = run(contactScenario({ lifecyclestage: null }).b.build());
        const f = expectStatus(e, 'LC-1', 'violation', 'lifecycle');
        expect(f.items[0]?.fix?.suggested).toBe('target');
        expect(f.items[0]?.fix?.options.map((o) => o.label)).toContain('Target');
        expect(e.result.kind === 'contact' && e.result.lifecycle?.next.map((n) => n.label)).toEqual(['Target']);
      },
    },
  },
  contactGuide('LC-2', 'target', 'customer'),
  contactGuide('LC-3', 'marketingqualifiedlead', 'target'),
  {
    id: 'LC-4',
    pass: {
      name: 'an SQL contact with activity within 30 days; other stages are not checked',
      run: () => {
        expectStatus(run(contactScenario({ hs_last_sales_activity_timestamp: daysAgo(29) }).b.build()), 'LC-4', 'met', 'lifecycle');
        expectAbsent(run(contactScenario({ lifecyclestage: 'marketingqualifiedlead', hs_last_sales_activity_timestamp: daysAgo(90) }).b.build()), 'LC-4');
      },
    },
    fail: {
      name: 'an SQL contact whose latest activity (properties and engagements) is 31 days old',
      run: () => {
        const s = contactScenario({ hs_last_sales_activity_timestamp: daysAgo(40), notes_last_updated: daysAgo(31) });
        s.b.engagement(s.contact, 'email', daysAgo(35));
        const f = expectStatus(run(s.b.build()), 'LC-4', 'violation', 'lifecycle');
        expect(f.items[0]?.current).toContain(daysAgo(31).slice(0, 10));
      },
    },
  },
  {
    id: 'LC-5',
    pass: {
      name: 'Customer whose company has a won deal in a governed pipeline; Exclude from Marketing is exempt',
      run: () => {
        const s = contactScenario({ lifecyclestage: 'customer' }, { companyDeals: [{ stage: 'Closed – Won' }] });
        expectStatus(run(s.b.build()), 'LC-5', 'met', 'lifecycle');
        expectAbsent(run(contactScenario({ lifecyclestage: 'exclude_from_marketing' }, { companyDeals: [{ stage: 'Closed – Won' }] }).b.build()), 'LC-5');
      },
    },
    fail: {
      name: 'a mismatch either way (won only in the ungoverned Sales Pipeline does not count)',
      run: () => {
        const s = contactScenario({ lifecyclestage: 'customer' }, { companyDeals: [{ stage: 'Closed Won', pipeline: 'Sales Pipeline' }] });
        expectStatus(run(s.b.build()), 'LC-5', 'violation');
        const t = contactScenario({ lifecyclestage: 'salesqualifiedlead' }, { companyDeals: [{ stage: 'Closed – Won', pipeline: 'Upsell' }] });
        const f = expectStatus(run(t.b.build()), 'LC-5', 'violation');
        expect(f.items[0]?.fix?.suggested).toBe('customer');
      },
    },
  },
  contactGuide('LC-6', 'target', 'salesqualifiedlead'),
  contactGuide('LC-7', 'target', 'customer'),
  {
    id: 'LC-8',
    pass: {
      name: 'an engaged MQL with email; no deals does not count as all lost',
      run: () => {
        expectStatus(run(contactScenario({ lifecyclestage: 'marketingqualifiedlead' }).b.build()), 'LC-8', 'met', 'lifecycle');
        const s = contactScenario({}, { deals: [{ stage: 'Closed – Lost', props: { deal_lost_reason_category: 'price' } }] });
        expectStatus(run(s.b.build()), 'LC-8', 'met');
      },
    },
    fail: {
      name: 'unsubscribed, bounced, no email, or every deal lost for a recyclable reason: should be Recycled',
      run: () => {
        for (const props of [{ hs_email_optout: 'true' }, { hs_email_hard_bounce_reason_enum: 'UNKNOWN_USER' }, { email: null }] as Props[]) {
          const f = expectStatus(run(contactScenario({ lifecyclestage: 'marketingqualifiedlead', ...props }).b.build()), 'LC-8', 'violation');
          expect(f.items[0]?.fix?.suggested).toBe('recycled');
          expect(f.items[0]?.current).not.toBeNull();
        }
        const s = contactScenario({}, {
          deals: [
            { stage: 'Closed – Lost', props: { deal_lost_reason_category: 'timing' } },
            { stage: 'Closed – Lost', props: { deal_lost_reason_category: 'no_decision' } },
          ],
        });
        expectStatus(run(s.b.build()), 'LC-8', 'violation');
      },
    },
  },
  {
    id: 'LEAD-1',
    pass: {
      name: 'an MQL that has not opted out and engaged within 30 days; the rep confirmation is shown, never failing',
      run: () => {
        const e = run(contactScenario({ lifecyclestage: 'marketingqualifiedlead', hs_last_sales_activity_timestamp: daysAgo(10) }).b.build());
        const f = expectStatus(e, 'LEAD-1', 'met', 'lead');
        const manual = f.items.find((i) => i.label.startsWith('You confirm'));
        expect(manual?.status).toBe('unknown');
        expect(e.result.kind === 'contact' && e.result.lead).toEqual({ eligible: true });
      },
    },
    fail: {
      name: 'opted out: the failing condition is named; no verdict on a Target (not evaluated)',
      run: () => {
        const e = run(contactScenario({ lifecyclestage: 'salesqualifiedlead', hs_email_optout: 'true' }).b.build());
        const f = expectStatus(e, 'LEAD-1', 'violation', 'lead');
        expect(openItems(f).map((i) => i.label)).toEqual(['Has not unsubscribed or opted out']);
        expect(e.result.kind === 'contact' && e.result.lead).toEqual({ eligible: false });
        const stale = run(contactScenario({ hs_last_sales_activity_timestamp: daysAgo(45) }).b.build());
        expect(openItems(expectStatus(stale, 'LEAD-1', 'violation')).map((i) => i.label)).toEqual(['Engaged recently']);
        const t = run(contactScenario({ lifecyclestage: 'target' }).b.build());
        expectAbsent(t, 'LEAD-1');
        expect(t.result.kind === 'contact' && t.result.lead).toBeNull();
      },
    },
  },
  alwaysGuide('CONSENT-1'),
  alwaysGuide('LOG-1'),
  {
    id: 'REC-1',
    pass: { name: 'first and last name, email, lifecycle stage', run: () => expectStatus(run(contactScenario().b.build()), 'REC-1', 'met', 'hygiene') },
    fail: {
      name: 'a first name alone is not a name',
      run: () => {
        const f = expectStatus(run(contactScenario({ lastname: '' }).b.build()), 'REC-1', 'violation', 'hygiene');
        expect(openItems(f).map((i) => i.fix?.property)).toEqual(['lastname']);
      },
    },
  },
  {
    id: 'REC-3',
    pass: {
      name: 'contact and company owners resolve to portal owners',
      run: () => {
        expectStatus(run(contactScenario().b.build()), 'REC-3', 'met', 'hygiene');
        const s = contactScenario();
        s.b.focus(s.company!);
        expectStatus(run(s.b.build()), 'REC-3', 'met', 'hygiene');
      },
    },
    fail: {
      name: 'an owner id that is no HubSpot user, or none; the fix lists the owners',
      run: () => {
        const f = expectStatus(run(contactScenario({ hubspot_owner_id: '99999' }).b.build()), 'REC-3', 'violation');
        expect(f.items[0]?.current).toBe('99999');
        expect(f.items[0]?.fix?.options.map((o) => o.label)).toContain('Maya Chen');
        const s = contactScenario();
        s.b.set(s.company!, { hubspot_owner_id: null }).focus(s.company!);
        expectStatus(run(s.b.build()), 'REC-3', 'violation');
      },
    },
  },
  {
    id: 'REC-4',
    pass: {
      name: 'associated with a company, or only with a deal',
      run: () => {
        expectStatus(run(contactScenario().b.build()), 'REC-4', 'met', 'hygiene');
        expectStatus(run(contactScenario({}, { company: false, deals: [{ stage: 'Engaged' }] }).b.build()), 'REC-4', 'met');
      },
    },
    fail: {
      name: 'neither a company nor a deal',
      run: () => expectStatus(run(contactScenario({}, { company: false }).b.build()), 'REC-4', 'violation', 'hygiene'),
    },
  },
  {
    id: 'ACC-8',
    pass: { name: 'the full contact profile', run: () => expectStatus(run(contactScenario().b.build()), 'ACC-8', 'met', 'profile') },
    fail: {
      name: 'no department and an unknown seniority: a warning (recommended)',
      run: () => {
        const f = expectStatus(run(contactScenario({ department: null, seniority_level: 'intern' }).b.build()), 'ACC-8', 'warning', 'profile');
        expect(openItems(f).map((i) => i.fix?.property)).toEqual(['department', 'seniority_level']);
      },
    },
  },
  {
    id: 'ACC-9',
    pass: {
      name: 'candidates with other emails are not duplicates',
      run: () => {
        const s = contactScenario();
        const other = s.b.contact('5002', contactProps('Ana', 'Lopez', { email: 'ana@elsewhere.example' }));
        s.b.duplicateCandidates(other);
        const e = run(s.b.build());
        expectStatus(e, 'ACC-9', 'met', 'duplicates');
        expect(e.result.kind === 'contact' && e.result.duplicates).toEqual([]);
      },
    },
    fail: {
      name: 'the same email in another case is a likely duplicate, linked',
      run: () => {
        const s = contactScenario();
        const other = s.b.contact('5002', contactProps('A.', 'Lopez', { email: ' ANA.LOPEZ@riversidefp.example' }));
        s.b.duplicateCandidates(other, s.contact);
        const e = run(s.b.build());
        const f = expectStatus(e, 'ACC-9', 'warning');
        expect(f.items[0]?.current).toBe('A. Lopez');
        expect(e.result.kind === 'contact' && e.result.duplicates).toEqual([{ objectTypeId: TYPES.contact, id: '5002' }]);
      },
    },
  },
];
