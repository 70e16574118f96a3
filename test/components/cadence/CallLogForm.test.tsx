// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render, waitFor } from '@testing-library/preact';
import { CallLogForm } from '../../../components/cadence/CallLogForm';
import { SidebarContext } from '../../../components/sidebar/sidebar-context';
import { cadenceAfterCall } from '../../../lib/rules/call-log';
import { defaultPlaybook } from '../../../lib/playbook/default';
import { NOW as ENGINE_NOW } from '../../helpers/snapshot-builder';
import { hubScenario } from '../../lib/rules/cases/cadence-cases';
import { cadence as defaultCadence } from '../../../lib/playbook/default/client-hub';
import type { CadenceResult } from '../../../lib/rules/result';
import { CONNECTED, NO_ANSWER, callLogSpec, clientHubOverdue } from '../../fixtures/evaluations';
import { NOW, fakeActions, seriousViolations, AXE_TIMEOUT } from '../helpers';

const cadence = clientHubOverdue.result as CadenceResult;

function renderForm(actions: ReturnType<typeof fakeActions> = fakeActions(), result: CadenceResult | null = cadence) {
  const utils = render(
    <SidebarContext.Provider value={{ actions, learnMode: false, portalId: 4471200, record: clientHubOverdue.record, now: NOW }}>
      <CallLogForm spec={callLogSpec} cadence={result} />
    </SidebarContext.Provider>,
  );
  const select = (label: string) => utils.getByLabelText(label) as HTMLSelectElement;
  const fill = (draft: { outcome: string; type: string; direction: string; body: string }) => {
    fireEvent.change(select('Call outcome'), { target: { value: draft.outcome } });
    fireEvent.change(select('Call type'), { target: { value: draft.type } });
    fireEvent.change(select('Direction'), { target: { value: draft.direction } });
    fireEvent.input(utils.getByLabelText('Breakdown of the conversation'), { target: { value: draft.body } });
  };
  return { ...utils, select, fill, actions };
}

const values = (s: HTMLSelectElement) => [...s.options].map((o) => o.value).filter(Boolean);

describe('CallLogForm (guided call log)', () => {
  test('CH-2: the selects offer only the spec’s outcomes, types and directions', () => {
    const { select } = renderForm();
    expect(values(select('Call outcome'))).toEqual(callLogSpec.outcomes.map((o) => o.id));
    expect(values(select('Call type'))).toEqual(callLogSpec.types.map((t) => t.value));
    expect(values(select('Direction'))).toEqual(callLogSpec.directions.map((d) => d.value));
    expect([...select('Call outcome').options].map((o) => o.text).slice(1)).toEqual(['Connected', 'No answer', 'Connected – Qualified']);
  });

  test('CH-2 / CH-3: explains check-in vs other calls and says which one the draft is', () => {
    const { getByText, fill, container } = renderForm();
    expect(getByText(callLogSpec.checkIn.explanation)).toBeTruthy();
    expect(getByText(callLogSpec.otherCallsExplanation)).toBeTruthy();
    fill({ outcome: CONNECTED, type: 'Check In - Call', direction: 'OUTBOUND', body: 'x' });
    expect(container.querySelector('[data-check-in]')!.getAttribute('data-check-in')).toBe('true');
    fill({ outcome: CONNECTED, type: 'Support', direction: 'OUTBOUND', body: 'x' });
    expect(container.querySelector('[data-check-in]')!.getAttribute('data-check-in')).toBe('false');
    expect(container.querySelector('[data-check-in]')!.textContent).toContain('does not move the check-in cadence');
  });

  test('CH-2: the conversation breakdown and every select are required, with messages tied to the fields', async () => {
    const { getByRole, findByText, actions, select } = renderForm();
    fireEvent.click(getByRole('button', { name: 'Log call' }));
    expect(await findByText('Write the breakdown of the conversation.')).toBeTruthy();
    expect(select('Call outcome').getAttribute('aria-invalid')).toBe('true');
    expect(select('Call outcome').getAttribute('aria-describedby')).toBe('sop-call-outcomeId-error');
    expect(actions.logCall).not.toHaveBeenCalled();
  });

  test('the draft is restored for the record and saved as the rep types (survives a closed tab)', async () => {
    vi.useFakeTimers();
    try {
      const saved = { outcomeId: NO_ANSWER, type: 'Support', direction: 'INBOUND', body: 'Half-written notes', when: '2025-03-10T09:30' };
      const actions = fakeActions({ loadDraft: vi.fn(async () => saved) });
      const { getByLabelText } = renderForm(actions);
      await vi.waitFor(() => expect((getByLabelText('Breakdown of the conversation') as HTMLTextAreaElement).value).toBe('Half-written notes'));
      fireEvent.input(getByLabelText('Breakdown of the conversation'), { target: { value: 'Half-written notes, more' } });
      expect(actions.saveDraft).not.toHaveBeenCalled();
      vi.advanceTimersByTime(400);
      expect(actions.saveDraft).toHaveBeenCalledWith({ ...saved, body: 'Half-written notes, more' });
    } finally {
      vi.useRealTimers();
    }
  });

  test('a failed send keeps the draft and says why', async () => {
    const actions = fakeActions({ logCall: vi.fn(async () => ({ ok: false as const, error: { code: 'expired-token' as const, message: 'EXPIRED_AUTHENTICATION' } })) });
    const { getByRole, fill, findByText, getByLabelText } = renderForm(actions);
    fill({ outcome: CONNECTED, type: 'Check In - Call', direction: 'OUTBOUND', body: 'Client happy' });
    fireEvent.click(getByRole('button', { name: 'Log call' }));
    expect((await findByText(/Not logged \(your draft is kept\)/)).textContent).toContain('expired');
    expect(actions.saveDraft).toHaveBeenCalledWith(expect.objectContaining({ body: 'Client happy' }));
    expect(actions.saveDraft).not.toHaveBeenCalledWith(null);
    expect((getByLabelText('Breakdown of the conversation') as HTMLTextAreaElement).value).toBe('Client happy');
  });

  /** The background's answer to call.log on the Client Hub record: the engine's cadenceAfterCall, as writes.ts sends it. */
  function logged(call: Record<string, string>) {
    const after = cadenceAfterCall(hubScenario('Call 2').b.build(), defaultPlaybook, call, ENGINE_NOW);
    const wire = { ...after, updates: Object.entries(after.updates).map(([property, value]) => ({ property, value })) };
    return fakeActions({ logCall: vi.fn(async () => ({ ok: true as const, sent: true, cadence: wire })) });
  }

  test('CH-8: after a successful check-in on a Client Hub record, shows where it goes next and applies it', async () => {
    const actions = logged({ hs_call_disposition: CONNECTED, hs_activity_type: 'Check In - WhatsApp', hs_call_direction: 'INBOUND', hs_timestamp: '2025-03-14T16:00:00Z' });
    const { getByRole, fill, findByText, container } = renderForm(actions);
    fill({ outcome: CONNECTED, type: 'Check In - WhatsApp', direction: 'INBOUND', body: 'All good' });
    fireEvent.input(container.querySelector('#sop-call-when')!, { target: { value: '2025-03-10T09:30' } });
    fireEvent.click(getByRole('button', { name: 'Log call' }));
    expect(await findByText('Call logged in HubSpot.')).toBeTruthy();
    expect(actions.logCall).toHaveBeenCalledWith({ outcomeId: CONNECTED, type: 'Check In - WhatsApp', direction: 'INBOUND', body: 'All good', when: '2025-03-10T09:30' });
    expect(actions.saveDraft).toHaveBeenLastCalledWith(null);
    const preview = container.querySelector('[data-cadence-preview="moves"]')!;
    expect(preview.querySelector('[data-next-stage]')!.textContent).toBe(`Call 2 → ${defaultCadence.stages.summaryConnected}`);
    const steps = [...preview.querySelectorAll('.sop-steps li')].map((li) => li.textContent ?? '');
    expect(steps[0]).toContain('the next contact date is 2025-04-14');
    expect(steps.join(' ')).toMatch(/NPS/);
    fireEvent.click(getByRole('button', { name: `Apply: move to ${defaultCadence.stages.summaryConnected}` }));
    await waitFor(() => expect(actions.applyCadence).toHaveBeenCalled());
    const applied = Object.fromEntries(actions.applyCadence.mock.calls[0]![0].map((u: { property: string; value: string }) => [u.property, u.value]));
    expect(applied).toMatchObject({ hs_pipeline_stage: '160100005', last_check_in_date: '2025-03-14', next_contact_date: '2025-04-14' });
  });

  test('CH-3: a call outside the check-in is logged; the record stays where it is (no apply)', async () => {
    const actions = logged({ hs_call_disposition: CONNECTED, hs_activity_type: 'Support', hs_call_direction: 'OUTBOUND' });
    const { getByRole, fill, findByText, container, queryByRole } = renderForm(actions);
    fill({ outcome: CONNECTED, type: 'Support', direction: 'OUTBOUND', body: 'Billing question' });
    fireEvent.click(getByRole('button', { name: 'Log call' }));
    expect(await findByText('Call logged in HubSpot.')).toBeTruthy();
    const preview = container.querySelector('[data-cadence-preview="stays"]')!;
    expect(preview.querySelector('[data-next-stage]')!.textContent).toBe('stays in Call 2');
    expect(preview.textContent).toContain(defaultPlaybook.callLog!.otherCallsExplanation);
    expect(queryByRole('button', { name: /^Apply/ })).toBeNull();
  });

  test('on a record without a cadence, a logged call shows no cadence preview', async () => {
    const { getByRole, fill, findByText, container } = renderForm(fakeActions(), null);
    fill({ outcome: CONNECTED, type: 'Check In - Call', direction: 'OUTBOUND', body: 'Hello' });
    fireEvent.click(getByRole('button', { name: 'Log call' }));
    await findByText('Call logged in HubSpot.');
    expect(container.querySelector('[data-cadence-preview]')).toBeNull();
  });

  test('axe: the form has no serious violations, also with errors shown', async () => {
    const { getByRole, container, findByText } = renderForm();
    expect(await seriousViolations(container)).toEqual([]);
    fireEvent.click(getByRole('button', { name: 'Log call' }));
    await findByText('Choose the call outcome.');
    expect(await seriousViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);
});
