// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { FixControl } from '../../../components/sidebar/FixControl';
import type { Fix } from '../../../lib/rules/result';
import { fakeActions, renderInContext } from '../helpers';
import { company, contact, deal, enumFix, scalarFix } from '../../fixtures/evaluations/build';

const D = deal('9001');

function optionsOf(select: HTMLSelectElement) {
  return [...select.options].filter((o) => o.value !== '').map((o) => [o.value, o.text]);
}

describe('FixControl', () => {
  test('SALES-PRO-6: an enumeration offers exactly the Fix options (narrowed by the rule), none other', () => {
    const fix = enumFix([D], 'contract_status', 'Contract Status', [['proposal_sent', 'Proposal sent'], ['proposal_signed', 'Proposal signed']]);
    const { getByLabelText } = renderInContext(<FixControl fix={fix} ruleId="SALES-PRO-6" />);
    expect(optionsOf(getByLabelText('Contract Status') as HTMLSelectElement)).toEqual([
      ['proposal_sent', 'Proposal sent'],
      ['proposal_signed', 'Proposal signed'],
    ]);
  });

  test('hidden options are not offered', () => {
    const fix: Fix = { ...enumFix([D], 'pricing_model', 'Pricing Model', [['flat_fee', 'Flat Fee'], ['old', 'Old']]), options: [{ value: 'flat_fee', label: 'Flat Fee' }, { value: 'old', label: 'Old', hidden: true }] };
    const { getByLabelText } = renderInContext(<FixControl fix={fix} ruleId="SALES-PRO-4" />);
    expect(optionsOf(getByLabelText('Pricing Model') as HTMLSelectElement)).toEqual([['flat_fee', 'Flat Fee']]);
  });

  test('SALES-PRO-2: the suggested value is preselected and saved with the wire value', async () => {
    const actions = fakeActions();
    const fix = enumFix([D], 'deal_approval_status', 'Deal Approval Status', [['approved', 'Approved']], { suggested: 'approved' });
    const { getByLabelText, getByRole, findByText } = renderInContext(<FixControl fix={fix} ruleId="SALES-PRO-2" />, { actions });
    expect((getByLabelText('Deal Approval Status') as HTMLSelectElement).value).toBe('approved');
    fireEvent.click(getByRole('button', { name: 'Save Deal Approval Status' }));
    await findByText('Saved in HubSpot.');
    expect(actions.updateProperty).toHaveBeenCalledWith({
      targets: [D],
      property: 'deal_approval_status',
      value: 'approved',
      label: 'Set Deal Approval Status to Approved',
    });
  });

  test('SALES-ENG-1: a multi-select enumeration is a checkbox group joined with ; in option order', async () => {
    const actions = fakeActions();
    const fix = enumFix([D], 'hp_products', 'HP Product(s)', [['rcm', 'RCM'], ['credentialing', 'Credentialing'], ['coding', 'Medical Coding']], { multi: true, fieldType: 'checkbox' });
    const { getByRole, getAllByRole, findByText } = renderInContext(<FixControl fix={fix} ruleId="SALES-ENG-1" />, { actions });
    expect(getByRole('group', { name: 'HP Product(s)' })).toBeTruthy();
    const boxes = getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.value)).toEqual(['rcm', 'credentialing', 'coding']);
    fireEvent.click(getByRole('button', { name: 'Save HP Product(s)' }));
    await findByText('Select at least one option.');
    expect(actions.updateProperty).not.toHaveBeenCalled();
    fireEvent.click(boxes[2]!);
    fireEvent.click(boxes[0]!);
    fireEvent.click(getByRole('button', { name: 'Save HP Product(s)' }));
    await waitFor(() => expect(actions.updateProperty).toHaveBeenCalled());
    expect(actions.updateProperty.mock.calls[0]![0]).toMatchObject({ value: 'rcm;coding', label: 'Set HP Product(s) to RCM, Medical Coding' });
  });

  test.each([
    ['number', 'number', 'annual_practice_collections', 'number'],
    ['date', 'date', 'target_go_live_date', 'date'],
    ['string', 'text', 'rate_range', 'text'],
  ])('a %s property gets an input of type %s', (type, fieldType, property, inputType) => {
    const { container } = renderInContext(<FixControl fix={scalarFix([D], property, 'Value', type, fieldType)} ruleId="R" />);
    expect(container.querySelector('input')!.getAttribute('type')).toBe(inputType);
  });

  test('a textarea property gets a textarea; an empty value is not sent', async () => {
    const actions = fakeActions();
    const { container, getByLabelText, getByRole, findByText } = renderInContext(
      <>
        <FixControl fix={scalarFix([D], 'deal_lost_reason_details', 'Deal Lost Reason Details', 'string', 'textarea')} ruleId="SALES-LOST-2" />
        <FixControl fix={scalarFix([D], 'quoted_rcm_rate', 'Quoted RCM Rate', 'number', 'number')} ruleId="SALES-WON-1" />
      </>,
      { actions },
    );
    expect(container.querySelector('textarea')).not.toBeNull();
    // Browsers turn non-numeric input of a number field into '': the rep is told what to enter.
    fireEvent.input(getByLabelText('Quoted RCM Rate'), { target: { value: 'abc' } });
    fireEvent.click(getByRole('button', { name: 'Save Quoted RCM Rate' }));
    expect(await findByText('Enter Quoted RCM Rate.')).toBeTruthy();
    expect(actions.updateProperty).not.toHaveBeenCalled();
  });

  test('SALES-ENG-2: a property on associated contacts lets the rep choose which contact', async () => {
    const actions = fakeActions();
    const fix = scalarFix([contact('2001'), contact('2002')], 'number_of_providers', 'Number of Providers', 'number', 'number');
    const { getByLabelText, getByRole } = renderInContext(<FixControl fix={fix} ruleId="SALES-ENG-2" />, { actions });
    const target = getByLabelText('Save on') as HTMLSelectElement;
    expect([...target.options].map((o) => o.text)).toEqual(['Contact 2001', 'Contact 2002']);
    fireEvent.change(target, { target: { value: '1' } });
    fireEvent.input(getByLabelText('Number of Providers'), { target: { value: '12' } });
    fireEvent.click(getByRole('button', { name: 'Save Number of Providers' }));
    await waitFor(() => expect(actions.updateProperty).toHaveBeenCalled());
    expect(actions.updateProperty.mock.calls[0]![0]).toMatchObject({ targets: [contact('2002')], value: '12', property: 'number_of_providers' });
  });

  test('SALES-POC-1: a property on the company names the company it is saved on', () => {
    const fix = enumFix([company('5001')], 'business_unit', 'Business Unit', [['dental', 'Dental']]);
    const { getByText } = renderInContext(<FixControl fix={fix} ruleId="SALES-POC-1" />);
    const link = getByText('Company 5001') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/contacts/4471200/record/0-2/5001');
    expect(link.closest('p')!.textContent).toBe('Saves on Company 5001');
  });

  test('queued and failed writes say so plainly', async () => {
    const fix = scalarFix([D], 'rate_range', 'Rate Range', 'string', 'text');
    const queued = fakeActions({ updateProperty: vi.fn(async () => ({ ok: true as const, sent: false })) });
    const a = renderInContext(<FixControl fix={fix} ruleId="SALES-PRO-3" />, { actions: queued });
    fireEvent.input(a.getByLabelText('Rate Range'), { target: { value: '4-6%' } });
    fireEvent.click(a.getByRole('button', { name: 'Save Rate Range' }));
    expect(await a.findByText('Queued: it will be sent when HubSpot is reachable.')).toBeTruthy();
    a.unmount();
    const failed = fakeActions({ updateProperty: vi.fn(async () => ({ ok: false as const, error: { code: 'missing-scopes' as const, message: 'MISSING_SCOPES', scopes: ['crm.objects.deals.write'] } })) });
    const b = renderInContext(<FixControl fix={fix} ruleId="SALES-PRO-3" />, { actions: failed });
    fireEvent.input(b.getByLabelText('Rate Range'), { target: { value: '4-6%' } });
    fireEvent.click(b.getByRole('button', { name: 'Save Rate Range' }));
    expect((await b.findByText(/^Not saved:/)).textContent).toContain('crm.objects.deals.write');
  });
});
