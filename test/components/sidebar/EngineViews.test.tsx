// @vitest-environment happy-dom
/**
 * The sidebar over the REAL engine: snapshots built with the engine's test
 * helpers, evaluated with the default playbook, rendered. Whatever the engine
 * reports must be on screen exactly once with its rule ID and status, every
 * fix must offer exactly the options the engine narrowed, and every view
 * must pass axe.
 */
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../lib/rules/evaluate';
import { defaultPlaybook } from '../../../lib/playbook/default';
import type { Evaluation } from '../../../lib/rules/result';
import { NOW as ENGINE_NOW, TYPES, compliantDeal } from '../../helpers/snapshot-builder';
import { contactScenario } from '../../lib/rules/cases/contact-cases';
import { addDeal, addTicket, companyScenario } from '../../lib/rules/cases/company-cases';
import { hubScenario } from '../../lib/rules/cases/cadence-cases';
import { model, renderSidebar, seriousViolations, AXE_TIMEOUT } from '../helpers';

const run = (snap: Parameters<typeof evaluate>[0]) => evaluate(snap, defaultPlaybook, ENGINE_NOW);

function proposalWithGaps(): Evaluation {
  const s = compliantDeal('Proposal');
  s.b.set(s.deal, { deal_approval_status: 'pending', rate_range: null, contract_status: 'not_started', hp_products: null, pricing_model: null });
  for (const c of s.contacts) s.b.set(c, { number_of_providers: null });
  s.b.set(s.company, { business_unit: null });
  return run(s.b.build());
}

function wonWithoutPaperwork(): Evaluation {
  return run(compliantDeal('Closed – Won').b.build());
}

function ungovernedDeal(): Evaluation {
  const s = compliantDeal('Proposal');
  s.b.set(s.deal, { pipeline: 'default', dealstage: 'appointmentscheduled' });
  return run(s.b.build());
}

function mqlContact(): Evaluation {
  return run(contactScenario({ lifecyclestage: 'marketingqualifiedlead', email: null, hs_last_sales_activity_timestamp: null }).b.build());
}

function noStageContact(): Evaluation {
  return run(contactScenario({ lifecyclestage: null }).b.build());
}

function companyWithGaps(): Evaluation {
  const s = companyScenario({ sla_tier: null, phone: null, type: 'prospect', hs_last_sales_activity_timestamp: null });
  addDeal(s, '9101', 'Engaged', 100);
  addTicket(s, '301', true, 5);
  addTicket(s, '302', true, 10);
  return run(s.b.build());
}

function hubCall2(): Evaluation {
  return run(hubScenario('Call 2', { contact_ratio: null, last_check_in_date: '2025-01-20' }).b.build());
}

function subscription(): Evaluation {
  const s = hubScenario('Completed');
  s.b.focus(s.subscription);
  return run(s.b.build());
}

const scenarios: Array<[string, () => Evaluation]> = [
  ['deal in Proposal with gaps', proposalWithGaps],
  ['won deal without paperwork', wonWithoutPaperwork],
  ['deal in an ungoverned pipeline', ungovernedDeal],
  ['MQL contact', mqlContact],
  ['contact without stage', noStageContact],
  ['company with gaps', companyWithGaps],
  ['Client Hub record in Call 2', hubCall2],
  ['product subscription', subscription],
];

const multiset = (list: string[]) => [...list].sort();

describe.each(scenarios)('engine → sidebar: %s', (_name, make) => {
  const evaluation = make();

  test('every finding is shown exactly once with its rule ID and status', () => {
    const { container } = renderSidebar(model(evaluation, { learnMode: true }));
    const shown = [...container.querySelectorAll('[data-rule-id]')].map((el) => `${el.getAttribute('data-rule-id')}:${el.getAttribute('data-status')}`);
    expect(multiset(shown)).toEqual(multiset(evaluation.findings.map((f) => `${f.ruleId}:${f.status}`)));
  });

  test('every open item with a fix has a control offering exactly the fix’s options', () => {
    const { container } = renderSidebar(model(evaluation));
    for (const finding of evaluation.findings) {
      if (finding.status === 'met') continue;
      const card = [...container.querySelectorAll(`[data-rule-id="${finding.ruleId}"]`)].find((el) => el.getAttribute('data-status') === finding.status)!;
      for (const item of finding.items) {
        if (item.status !== 'missing' || !item.fix) continue;
        const form = card.querySelector(`form[data-fix-property="${item.fix.property}"]`);
        expect(form, `${finding.ruleId} ${item.label}`).not.toBeNull();
        const allowed = item.fix.options.filter((o) => !o.hidden).map((o) => o.value);
        if (item.fix.type === 'enumeration' && item.fix.multi) {
          expect([...form!.querySelectorAll('input[type="checkbox"]')].map((i) => i.getAttribute('value'))).toEqual(allowed);
        } else if (item.fix.type === 'enumeration') {
          const select = form!.querySelector(`select[id$="-value"]`) as HTMLSelectElement;
          expect([...select.options].map((o) => o.value).filter(Boolean)).toEqual(allowed);
        }
      }
    }
  });

  test('learn mode shows the SOP sentence of every open finding', () => {
    const { container } = renderSidebar(model(evaluation, { learnMode: true }));
    for (const finding of evaluation.findings.filter((f) => f.status !== 'met' && f.source.quote)) {
      const card = container.querySelector(`[data-rule-id="${finding.ruleId}"][data-status="${finding.status}"]`)!;
      expect(card.querySelector('blockquote')?.textContent, finding.ruleId).toBe(finding.source.quote);
    }
  });

  test('axe: no serious or critical violations', async () => {
    const { container } = renderSidebar(model(evaluation, { learnMode: true }));
    expect(await seriousViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);
});

describe('engine → sidebar: specifics', () => {
  test('SALES-ENG-2 over the engine: the item lives on the contacts and names them', () => {
    const e = proposalWithGaps();
    const eng2 = e.findings.find((f) => f.ruleId === 'SALES-ENG-2')!;
    expect(eng2.status).toBe('violation');
    const { container } = renderSidebar(model(e));
    const card = container.querySelector('[data-section="earlier"] [data-rule-id="SALES-ENG-2"]')!;
    const fix = eng2.items.find((i) => i.fix)!.fix!;
    expect(fix.targets.every((t) => t.objectTypeId === TYPES.contact)).toBe(true);
    if (fix.targets.length > 1) expect(card.querySelector('select[id$="-target"]')).not.toBeNull();
    else expect(card.querySelector('.sop-fix__target a')).not.toBeNull();
  });

  test('a product subscription (CH-1) is shown; an ungoverned deal shows no SALES-* finding', () => {
    expect(subscription().findings.some((f) => f.ruleId === 'CH-1')).toBe(true);
    expect(ungovernedDeal().findings.filter((f) => f.ruleId.startsWith('SALES-'))).toEqual([]);
  });
});

describe('engine → sidebar: findings without a dedicated place', () => {
  test('CH-1 on a product subscription gets its own titled section', () => {
    const { container } = renderSidebar(model(subscription()));
    const section = container.querySelector('[data-section="other-subscription"]')!;
    expect(section.querySelector('h3')!.textContent).toBe('Client Hub records');
    expect(section.querySelector('[data-rule-id="CH-1"]')).not.toBeNull();
  });
});
