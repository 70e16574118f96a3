// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { contactMql, contactNoStage } from '../../fixtures/evaluations';
import { fakeActions, model, renderSidebar } from '../helpers';

const section = (root: Element, id: string) => root.querySelector(`[data-section="${id}"]`)!;

describe('Contact view', () => {
  test('LC-3 / LC-8: lifecycle stage with its definition and the allowed next stages with their criteria', () => {
    const { container } = renderSidebar(model(contactMql));
    const lifecycle = section(container, 'lifecycle');
    expect(lifecycle.textContent).toContain('Marketing Qualified Lead: Engaged with us in a meaningful way');
    const next = [...lifecycle.querySelectorAll('[data-next-stage]')].map((li) => li.textContent);
    expect(next).toEqual([
      'Sales Qualified Lead: A rep or SDR connected and verified the prospect is exploring a decision. (LC-3)',
      'Recycled: Bounced, unsubscribed or no email. (LC-8)',
    ]);
  });

  test('LC-1: a contact without a lifecycle stage is out of compliance and the fix offers Target', async () => {
    const actions = fakeActions();
    const { container, getByRole } = renderSidebar(model(contactNoStage), actions);
    const lc1 = container.querySelector('[data-rule-id="LC-1"]')!;
    expect(lc1.getAttribute('data-status')).toBe('violation');
    const select = lc1.querySelector('select')!;
    expect([...select.options].filter((o) => o.value).map((o) => o.text)).toEqual(['Target']);
    expect(select.value).toBe('target');
    fireEvent.click(getByRole('button', { name: 'Save Lifecycle Stage' }));
    await waitFor(() => expect(actions.updateProperty).toHaveBeenCalledWith(expect.objectContaining({ property: 'lifecyclestage', value: 'target' })));
  });

  test('LEAD-1: says the contact is not a lead and which condition fails (the rep’s confirmation never fails)', () => {
    const { container } = renderSidebar(model(contactMql));
    const lead = section(container, 'lead');
    expect(lead.querySelector('[data-lead-eligible]')!.getAttribute('data-lead-eligible')).toBe('false');
    const items = [...lead.querySelectorAll('[data-item-status]')].map((i) => `${i.querySelector('.sop-item__label')!.textContent}=${i.getAttribute('data-item-status')}`);
    expect(items).toEqual(['Lifecycle is MQL or SQL=met', 'Not opted out=met', 'Engaged in the last 30 days=missing', 'Rep confirms positive interest=unknown']);
  });

  test('LEAD-1: no lead verdict where the rule is not evaluated (lead is null outside MQL/SQL)', () => {
    const target = { ...contactMql, result: { ...contactMql.result, lead: null } } as typeof contactMql;
    const { container } = renderSidebar(model(target));
    expect(container.querySelector('[data-lead-eligible]')).toBeNull();
    expect(container.textContent).not.toContain('not a lead');
  });

  test('CONSENT-1: consent status and the consent email template guidance', () => {
    const { container } = renderSidebar(model(contactMql));
    const consent = section(container, 'consent');
    expect(consent.querySelector('.sop-facts')!.textContent).toBe('ConsentrequestedOpted out of emailNo');
    expect(consent.querySelector('[data-guide-id="CONSENT-1"]')!.textContent).toContain('"Email Marketing Consent form"');
    // Shown once: not repeated in the general guidance list.
    expect(section(container, 'guidance').querySelector('[data-guide-id="CONSENT-1"]')).toBeNull();
    expect(section(container, 'guidance').querySelector('[data-guide-id="LOG-1"]')).not.toBeNull();
  });

  test('REC-1 / REC-3 / ACC-8: record hygiene; unknown is shown as not loaded, never as met', () => {
    const { container } = renderSidebar(model(contactMql));
    const hygiene = section(container, 'hygiene');
    const shown = [...hygiene.querySelectorAll('[data-rule-id]')].map((f) => `${f.getAttribute('data-rule-id')}:${f.getAttribute('data-status')}`);
    expect(shown).toEqual(['REC-1:violation', 'ACC-8:warning', 'REC-3:unknown']);
    expect(hygiene.querySelector('[data-rule-id="REC-3"] .sop-badge')!.textContent).toContain('Not loaded');
    expect(hygiene.querySelector('[data-rule-id="ACC-8"]')!.textContent).toContain('Recommended practice');
  });

  test('ACC-9: likely duplicates are linked, with the advice to merge', () => {
    const { container } = renderSidebar(model(contactMql));
    const dup = section(container, 'duplicates');
    expect(dup.querySelector('a')!.getAttribute('href')).toBe('/contacts/4471200/record/0-1/2091');
    expect(dup.textContent).toContain('Merge these into one record');
    expect(dup.querySelector('[data-rule-id="ACC-9"]')!.getAttribute('data-status')).toBe('warning');
  });
});
