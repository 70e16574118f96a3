// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { clientHubOverdue } from '../../fixtures/evaluations';
import { model, renderSidebar } from '../helpers';

describe('Client Hub view', () => {
  test('CH-6: stage, call due dates and the overdue warning in words', () => {
    const { container, getByRole } = renderSidebar(model(clientHubOverdue));
    const cadence = container.querySelector('[data-section="cadence"]')!;
    expect(getByRole('alert').textContent).toBe('Overdue: this record is past its call date.');
    const calls = [...cadence.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(calls).toEqual([
      ['Call 1', 'Mar 1, 2025', 'done'],
      ['Call 2', 'Mar 6, 2025', 'OVERDUE'],
      ['Call 3', 'Mar 11, 2025', 'upcoming'],
    ]);
    expect(cadence.querySelector('[data-expected-stage]')!.textContent).toBe('Call 3');
    expect(cadence.querySelector('[data-rule-id="CH-6"]')!.getAttribute('data-status')).toBe('violation');
  });

  test('CH-1: the header names the record and its playbook object ("Client Hub"), not a bare id', () => {
    const { container } = renderSidebar(model({ ...clientHubOverdue, name: 'Client Hub: Ana Lopez', objectLabel: 'Client Hub' }));
    expect(container.querySelector('#sop-record-name')!.textContent).toBe('Client Hub: Ana Lopez');
    expect(container.querySelector('.sop-header__app')!.textContent).toBe('SOP Sidebar · Client Hub');
  });

  test('CH-4: an unset Contact Ratio shows the default and offers it as the fix', () => {
    const { container } = renderSidebar(model(clientHubOverdue));
    expect(container.querySelector('[data-section="cadence"] .sop-facts')!.textContent).toContain('Contact Ratio1 month (default; not set on the record)');
    const select = container.querySelector('[data-rule-id="CH-4"] select') as HTMLSelectElement;
    expect(select.value).toBe('1_month');
  });

  test('CH-8: the summary steps are listed and the guided call log is offered', () => {
    const { container } = renderSidebar(model(clientHubOverdue));
    expect([...container.querySelectorAll('[data-section="cadence"] .sop-steps li')].map((li) => li.textContent)).toEqual([
      'Set Contact Ratio',
      'Complete the call summary task',
      'Send the NPS survey',
    ]);
    expect(container.querySelector('[data-section="call-log"]')).not.toBeNull();
  });
});
