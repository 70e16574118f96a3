// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent } from '@testing-library/preact';
import { clientHubOverdue, companyAtRisk, contactMql, contactNoStage, dealProposal, dealUngoverned, dealWon, otherRecord } from '../../fixtures/evaluations';
import { findingsOf, model, renderSidebar, seriousViolations, AXE_TIMEOUT } from '../helpers';

describe('Sidebar shell: DOM contract', () => {
  test('root carries data-sop-root, data-record and data-state=ready', () => {
    const { container } = renderSidebar(model(dealProposal));
    const root = container.querySelector('[data-sop-root]')!;
    expect(root.tagName).toBe('ASIDE');
    expect(root.getAttribute('aria-label')).toBe('SOP Sidebar');
    expect(root.getAttribute('data-record')).toBe('0-3/9001');
    expect(root.getAttribute('data-state')).toBe('ready');
  });

  test('loading shows a skeleton and data-state=loading', () => {
    const { container, getByText } = renderSidebar(model(null, { phase: 'loading' }));
    expect(container.querySelector('[data-sop-root]')!.getAttribute('data-state')).toBe('loading');
    expect(getByText('Loading SOP checks…').closest('[role="status"]')!.getAttribute('aria-busy')).toBe('true');
    expect(container.querySelectorAll('[data-rule-id]')).toHaveLength(0);
  });

  test('every finding of the evaluation is rendered once with its rule id and status', () => {
    for (const evaluation of [dealProposal, dealWon, contactMql, contactNoStage, companyAtRisk, clientHubOverdue]) {
      const { container, unmount } = renderSidebar(model(evaluation));
      const shown = findingsOf(container).sort((a, b) => a.ruleId!.localeCompare(b.ruleId!));
      const expected = evaluation.findings.map((f) => ({ ruleId: f.ruleId, status: f.status })).sort((a, b) => a.ruleId.localeCompare(b.ruleId));
      expect(shown).toEqual(expected);
      unmount();
    }
  });

  test('record name from HubSpot is escaped, never parsed as HTML', () => {
    const { container } = renderSidebar(model(contactMql));
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('h2')!.textContent).toBe('Maria <script>alert(1)</script> Lopez');
  });

  test('header buttons refresh, toggle learn mode and collapse', () => {
    const { getByRole, actions, controls } = renderSidebar(model(dealProposal));
    fireEvent.click(getByRole('button', { name: 'Refresh checks' }));
    fireEvent.click(getByRole('button', { name: 'Learn mode' }));
    fireEvent.click(getByRole('button', { name: 'Collapse SOP Sidebar' }));
    expect(actions.refresh).toHaveBeenCalledTimes(1);
    expect(controls.toggleLearnMode).toHaveBeenCalledTimes(1);
    expect(controls.toggleCollapsed).toHaveBeenCalledTimes(1);
  });

  test('collapsed: a slim tab that keeps the DOM contract and counts open items', () => {
    const { container, getByRole, controls } = renderSidebar(model(dealProposal, { ui: { collapsed: true, width: 360 } }));
    const root = container.querySelector('[data-sop-root]')!;
    expect(root.getAttribute('data-collapsed')).toBe('true');
    expect(root.getAttribute('data-state')).toBe('ready');
    const open = dealProposal.findings.filter((f) => f.status === 'violation' || f.status === 'missing').length;
    const tab = getByRole('button', { name: `Open SOP Sidebar: ${open} open items` });
    fireEvent.click(tab);
    expect(controls.toggleCollapsed).toHaveBeenCalled();
    expect(container.querySelectorAll('[data-rule-id]')).toHaveLength(0);
  });

  test('learn mode heads the sidebar with the next steps and shows SOP quotes', () => {
    const { container, getByRole } = renderSidebar(model(dealProposal, { learnMode: true }));
    const heading = getByRole('heading', { name: 'What to do next on this record' });
    const steps = heading.closest('section')!.querySelectorAll('li');
    expect([...steps].map((s) => s.getAttribute('data-step-rule'))).toEqual(['SALES-ENG-2', 'SALES-PRO-2']);
    const first = container.querySelector('.sop-body section');
    expect(first?.getAttribute('data-section')).toBe('next-steps');
    const pro2 = container.querySelector('[data-rule-id="SALES-PRO-2"]')!;
    expect(pro2.querySelector('blockquote')!.textContent).toBe('Deal Approval Status: Approved (if no meeting is required, mark as approved)');
    expect(pro2.querySelector('figcaption')!.textContent).toContain('004_39361a476cc68959.txt');
  });

  test('learn mode off: no next-steps list, no quotes, but the why and rule ID stay', () => {
    const { container, queryByRole } = renderSidebar(model(dealProposal, { learnMode: false }));
    expect(queryByRole('heading', { name: 'What to do next on this record' })).toBeNull();
    expect(container.querySelector('[data-learn-quote]')).toBeNull();
    expect(container.querySelector('[data-rule-id="SALES-PRO-2"] .sop-why')!.textContent).toContain('(SALES-PRO-2)');
  });

  test.each([
    ['deal in Proposal', dealProposal],
    ['won deal', dealWon],
    ['ungoverned deal', dealUngoverned],
    ['contact', contactMql],
    ['contact without stage', contactNoStage],
    ['company', companyAtRisk],
    ['client hub', clientHubOverdue],
    ['other object', otherRecord],
  ])('axe: no serious or critical violations (%s, learn mode on)', async (_name, evaluation) => {
    const { container } = renderSidebar(model(evaluation, { learnMode: true }));
    expect(await seriousViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);

  test('axe: loading, collapsed and error states are accessible', async () => {
    for (const m of [
      model(null, { phase: 'loading' }),
      model(dealProposal, { ui: { collapsed: true, width: 360 } }),
      model(null, { phase: 'error', error: { code: 'no-token', message: 'No token' } }),
    ]) {
      const { container, unmount } = renderSidebar(m);
      expect(await seriousViolations(container)).toEqual([]);
      unmount();
    }
  }, AXE_TIMEOUT);
});

describe('axe helper', () => {
  test('reports a real serious violation (so the checks above can fail)', async () => {
    const { render } = await import('@testing-library/preact');
    const { container } = render(
      <aside aria-label="x">
        <select>
          <option>a</option>
        </select>
        <button type="button" />
      </aside>,
    );
    const found = await seriousViolations(container);
    expect(found.some((v) => v.startsWith('button-name'))).toBe(true);
    expect(found.some((v) => v.startsWith('select-name'))).toBe(true);
  }, AXE_TIMEOUT);
});
