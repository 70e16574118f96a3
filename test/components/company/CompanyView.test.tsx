// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { companyAtRisk } from '../../fixtures/evaluations';
import { model, renderSidebar } from '../helpers';

const section = (root: Element, id: string) => root.querySelector(`[data-section="${id}"]`)!;

describe('Company view', () => {
  test('ACC-1: profile completeness and the missing fields', () => {
    const { container } = renderSidebar(model(companyAtRisk));
    const profile = section(container, 'profile');
    expect(profile.querySelector('[data-profile]')!.textContent).toBe('5 of 7 profile fields filled; missing: Phone, Annual revenue.');
    expect(profile.querySelector('progress')!.getAttribute('value')).toBe('5');
  });

  test('ACC-2 / ACC-4 / ACC-5 / ACC-10: account type, SLA tier, team and the no-activity flag', () => {
    const { container } = renderSidebar(model(companyAtRisk));
    const account = section(container, 'account');
    const facts = account.querySelector('.sop-facts')!.textContent;
    expect(facts).toContain('Account typeCustomer');
    expect(facts).toContain('SLA tiernot set');
    expect(facts).toContain('Account ExecutiveDana Whitfield');
    expect(facts).toContain('Solution Engineernot assigned');
    expect(account.querySelector('[data-last-activity]')!.textContent).toBe('59 days ago');
    expect(account.querySelector('[data-rule-id="ACC-10"]')!.getAttribute('data-status')).toBe('warning');
    expect(account.querySelector('[data-rule-id="ACC-5"] select')).not.toBeNull();
  });

  test('ACC-3: hierarchy tree with this company marked and the roll-ups', () => {
    const { container } = renderSidebar(model(companyAtRisk));
    const tree = section(container, 'hierarchy');
    expect(tree.querySelector('[aria-current="page"]')!.textContent).toBe('Riverside Family Practice (this company)');
    expect([...tree.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Riverside Health Group', '/contacts/4471200/record/0-2/5000'],
      ['Riverside Urgent Care', '/contacts/4471200/record/0-2/5002'],
    ]);
    expect(tree.querySelector('[data-rollup]')!.textContent).toBe('Annual revenue (sum)12,500,000Open deals3Open tickets2Companies counted1');
  });

  test('ACC-6: health score with each component, its weight and the formula; at risk in words', () => {
    const { container } = renderSidebar(model(companyAtRisk));
    const health = section(container, 'health');
    expect(health.querySelector('[data-health-score]')!.getAttribute('data-health-score')).toBe('42');
    expect(health.textContent).toContain('At risk');
    const rows = [...health.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['EngagementLast activity 73 days ago', '20', '0.4'],
      ['VelocityOpen deals average 70 days in stage', '55', '0.3'],
      ['Support1 open ticket; more tickets this month', '55', '0.3'],
    ]);
    expect(health.textContent).toContain('Formula: 0.4 × engagement + 0.3 × velocity + 0.3 × support');
  });

  test('REC-2 / ACC-9: hygiene and duplicates', () => {
    const { container } = renderSidebar(model(companyAtRisk));
    expect(section(container, 'hygiene').querySelector('[data-rule-id="REC-2"]')!.getAttribute('data-status')).toBe('met');
    expect(section(container, 'duplicates').querySelector('a')!.getAttribute('href')).toBe('/contacts/4471200/record/0-2/5099');
  });
});
