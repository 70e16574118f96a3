// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { dealEngagedMulti, dealProposal, dealUngoverned, dealWon } from '../../fixtures/evaluations';
import type { DealResult } from '../../../lib/rules/result';
import { fakeActions, model, renderSidebar } from '../helpers';

const section = (root: Element, id: string) => root.querySelector(`[data-section="${id}"]`);
const rules = (el: Element | null) => [...(el?.querySelectorAll('[data-rule-id]') ?? [])].map((f) => `${f.getAttribute('data-rule-id')}:${f.getAttribute('data-status')}`);

describe('Deal view', () => {
  test('SALES-SQL-1: the stage path lists every stage in order, marks the current one in words and shows probabilities', () => {
    const { getByRole } = renderSidebar(model(dealProposal));
    const path = getByRole('list', { name: 'Stage path' });
    const stages = [...path.querySelectorAll('li')];
    expect(stages.map((s) => s.querySelector('.sop-path__label')!.textContent)).toEqual((dealProposal.result as DealResult).path.map((p) => p.label));
    const current = stages.find((s) => s.getAttribute('aria-current') === 'step')!;
    expect(current.textContent).toContain('Proposal');
    expect(current.textContent).toContain('current stage');
    expect(current.textContent).toContain('50%');
    expect(current.textContent).toContain('5 open');
  });

  test('SALES-PRO-*: the next stage’s gates are their own section, each missing item with value, requirement, why + rule ID and a fix', () => {
    const { container } = renderSidebar(model(dealProposal));
    const next = section(container, 'next')!;
    expect(next.querySelector('h3')!.textContent).toBe('To move to Partner of Choice');
    expect(rules(next)).toEqual(['SALES-PRO-2:missing', 'SALES-PRO-3:missing', 'SALES-PRO-4:missing', 'SALES-PRO-6:missing', 'SALES-PRO-8:missing', 'SALES-PRO-1:met']);
    const pro2 = next.querySelector('[data-rule-id="SALES-PRO-2"]')!;
    expect(pro2.querySelector('.sop-item__facts')!.textContent).toBe('NowPendingRequiredApproved');
    expect(pro2.querySelector('.sop-why')!.textContent).toContain('(SALES-PRO-2)');
    expect(pro2.querySelector('form[data-fix-property="deal_approval_status"]')).not.toBeNull();
    // A met gate sits folded under the count, not among the open ones.
    expect(next.querySelector('details [data-rule-id="SALES-PRO-1"]')).not.toBeNull();
  });

  test('SALES-ENG-2: earlier-stage gates left open are flagged as out of compliance, fixable on the contact', () => {
    const { container } = renderSidebar(model(dealProposal));
    const earlier = section(container, 'earlier')!;
    expect(rules(earlier)).toEqual(['SALES-ENG-2:violation', 'SALES-SQL-2:met']);
    const eng2 = earlier.querySelector('[data-rule-id="SALES-ENG-2"]')!;
    expect(eng2.querySelector('.sop-badge')!.textContent).toContain('Out of compliance');
    expect(eng2.querySelector('.sop-item__facts a')!.getAttribute('href')).toBe('/contacts/4471200/record/0-1/2001');
    // Fix targets and links read the contacts' names the evaluation gives (buying committee).
    expect([...eng2.querySelectorAll('select[id$="-target"] option')].map((o) => o.textContent)).toEqual(['Maria Lopez', 'Dr. Ken Ito']);
    expect(eng2.querySelector('.sop-item__facts a')!.textContent).toBe('Maria Lopez');
  });

  test('SALES-WON-* and SALES-LOST-* are separate sections (to close as won / lost)', () => {
    const { container } = renderSidebar(model(dealProposal));
    expect(rules(section(container, 'toWon'))).toEqual(['SALES-WON-2:missing', 'SALES-WON-4:missing']);
    expect(rules(section(container, 'toLost'))).toEqual(['SALES-LOST-1:missing', 'SALES-LOST-2:missing']);
    expect(section(container, 'toWon')!.querySelector('input[type="date"]')).not.toBeNull();
  });

  test('ACC-7: the buying committee lists contacts with their roles and the committee status', () => {
    const { container } = renderSidebar(model(dealProposal));
    const committee = section(container, 'committee')!;
    const members = [...committee.querySelectorAll('.sop-committee li')].map((li) => li.textContent);
    expect(members).toEqual(['Maria Lopez — Champion', 'Dr. Ken Ito — Decision Maker', 'Sam Green — no role']);
    expect(committee.querySelector('.sop-committee .sop-badge')!.textContent).toContain('Met');
    expect(rules(committee)).toEqual(['ACC-7:met']);
  });

  test('SOP-1: the checklist shows deal and company rows with values (escaped) and lists the gaps', () => {
    const { container } = renderSidebar(model(dealProposal));
    const sop = section(container, 'sop')!;
    expect([...sop.querySelectorAll('caption')].map((c) => c.textContent)).toEqual(['Deal', 'Company']);
    const legacy = [...sop.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === 'Legacy PM')!;
    expect(legacy.querySelector('td')!.textContent).toBe('<b>Kareo</b>');
    expect(legacy.querySelector('b')).toBeNull();
    expect(sop.textContent).toContain('2 items are missing: Pricing Model (Deal), Business Unit (Company).');
  });

  test('SOP-2: with gaps the S&OP note button asks for confirmation first, then creates the note', async () => {
    const actions = fakeActions();
    const { getByRole, findByText } = renderSidebar(model(dealProposal), actions);
    const button = getByRole('button', { name: 'Create S&OP note' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(getByRole('checkbox', { name: /Create the note anyway/ }));
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect(await findByText('S&OP note created on the deal and its company.')).toBeTruthy();
    expect(actions.createSopNote).toHaveBeenCalledWith(true);
  });

  test('SOP-2: a complete checklist enables the button at once (no confirmation)', async () => {
    const complete = { ...dealProposal, result: { ...(dealProposal.result as DealResult), sop: { complete: true, noteId: null, rows: (dealProposal.result as DealResult).sop!.rows.map((r) => ({ ...r, known: true, value: r.value ?? 'x' })) } } };
    const actions = fakeActions();
    const { getByRole, queryByRole } = renderSidebar(model(complete), actions);
    expect(queryByRole('checkbox', { name: /Create the note anyway/ })).toBeNull();
    fireEvent.click(getByRole('button', { name: 'Create S&OP note' }));
    await waitFor(() => expect(actions.createSopNote).toHaveBeenCalledWith(false));
  });

  test('SOP-2: an existing S&OP note is shown instead of the button', () => {
    const { container, queryByRole } = renderSidebar(model(dealWon));
    expect(container.querySelector('[data-sop-note="77001"]')!.textContent).toContain('already on this deal');
    expect(queryByRole('button', { name: 'Create S&OP note' })).toBeNull();
  });

  test('SALES-WON-7/8/9: follow-ups after closing won', () => {
    const { container } = renderSidebar(model(dealWon));
    expect(rules(section(container, 'afterWon'))).toEqual(['SALES-WON-7:violation', 'SALES-WON-8:violation', 'SALES-WON-9:met']);
    expect(container.querySelector('[aria-current="step"]')).toBeNull();
    expect(container.querySelector('[data-stage-state="won"]')!.textContent).toContain('won');
  });

  test('a deal in a pipeline the playbook does not govern says so and shows no gates', () => {
    const { container } = renderSidebar(model(dealUngoverned));
    expect(section(container, 'stage')!.textContent).toContain('The Sales Pipeline pipeline is not governed by the playbook');
    expect(container.querySelectorAll('[data-rule-id]')).toHaveLength(0);
    expect(section(container, 'next')).toBeNull();
  });

  test('SALES-ENG-1: HP Product(s) is fixed with a checkbox per product', () => {
    const { container } = renderSidebar(model(dealEngagedMulti));
    const eng1 = container.querySelector('[data-rule-id="SALES-ENG-1"]')!;
    expect([...eng1.querySelectorAll('input[type="checkbox"]')].map((i) => i.getAttribute('value'))).toEqual(['rcm', 'credentialing', 'coding']);
  });

  test('guidance for the stage is shown with its rule ID', () => {
    const { container } = renderSidebar(model(dealProposal));
    expect(section(container, 'guidance')!.querySelector('[data-guide-id="SALES-PRO-G1"]')!.textContent).toContain('(SALES-PRO-G1)');
  });

  test('a rendering error in a view is caught and shown plainly, not a blank sidebar', () => {
    const broken = { ...dealProposal, result: { ...(dealProposal.result as DealResult), path: null as never } };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { container } = renderSidebar(model(broken));
    spy.mockRestore();
    expect(container.querySelector('[data-sop-root]')).not.toBeNull();
    expect(container.querySelector('[data-error-code="internal"]')).not.toBeNull();
  });
});
