// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { appError } from '../../../lib/messages/errors';
import { lintReport } from '../../../lib/options/lint-report';
import { checkDraft } from '../../../lib/options/draft';
import { initialState } from '../../../lib/options/controller';
import { seriousViolations } from '../helpers';
import { defaultJson, info, noToken, settings, status } from '../../lib/options/fixtures';
import { readyState, renderPage } from './render';
import { OptionsPage } from '../../../components/options/OptionsPage';
import { NOW } from '../../lib/options/fixtures';

describe('options page', () => {
  test('links to the compliance scan page (admin.html) from the navigation', () => {
    const { getByTestId } = renderPage(readyState());
    const link = getByTestId('admin-link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('chrome-extension://test/admin.html');
    expect(link.textContent).toBe('Compliance scan');
  });

  test('landmarks, one h1, a heading per section and a skip link', () => {
    const { getByRole, getAllByRole } = renderPage(readyState());
    expect(getByRole('main')).toBeTruthy();
    expect(getByRole('navigation', { name: 'Sections' })).toBeTruthy();
    expect(getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Options']);
    expect(getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'HubSpot token', 'API limit', 'Learn mode', 'Playbook', 'Check against your portal',
    ]);
    expect(getByRole('link', { name: 'Skip to settings' }).getAttribute('href')).toBe('#main');
  });

  test('no serious or critical axe violations (connected, with a lint report and an open editor with errors)', async () => {
    const draft = defaultJson.replace('"kind": "gate"', '"kind": "gat"');
    const state = readyState({
      editor: { open: true, text: draft, check: checkDraft(draft), pending: false, dirty: true },
      lint: { busy: false, error: null, notice: 'Found 1 error and 0 warnings.', subject: 'active', at: '2025-03-10T12:00:00.000Z',
        report: lintReport({ portalId: 4471200, issues: [{ severity: 'error', path: 'pipelines[0].label', message: 'no pipeline', fix: 'Use "New Business".' }] }) },
      token: { busy: false, action: 'save', notice: null, error: appError('invalid-token', '401') },
    });
    const { container } = renderPage(state);
    expect(await seriousViolations(container)).toEqual([]);
  }, 60_000);

  test('no serious or critical axe violations without a token and with everything managed', async () => {
    const state = readyState({
      status: noToken(),
      settings: settings({ managed: ['apiTier', 'learnMode.enabled', 'learnMode.days', 'playbook', 'allowedPortalIds'], allowedPortalIds: [4471200] }),
      playbook: info(undefined, { source: 'managed' }),
    });
    const { container } = renderPage(state);
    expect(await seriousViolations(container)).toEqual([]);
  }, 60_000);

  test('loading, then a background that does not answer shows the error and a retry', () => {
    const loading = renderPage({ ...initialState() });
    expect(loading.getByRole('status').textContent).toContain('Loading settings');
    loading.unmount();
    const failed = renderPage({ ...initialState(), phase: 'failed', loadError: appError('unavailable', 'no answer') });
    expect(failed.getByRole('alert').textContent).toContain('The SOP Sidebar background is not answering.');
    fireEvent.click(failed.getByRole('button', { name: 'Try again' }));
    expect(failed.actions.reload).toHaveBeenCalled();
  });
});

describe('token section', () => {
  test('the verified portal: id, domain, time zone, never the token', () => {
    const { getByTestId, container } = renderPage(readyState());
    const facts = getByTestId('portal-details');
    expect(within(facts).getByText('4471200')).toBeTruthy();
    expect(within(facts).getByText('app.hubspot.com')).toBeTruthy();
    expect(within(facts).getByText('US/Eastern')).toBeTruthy();
    expect(container.querySelector('[data-token-state]')?.getAttribute('data-token-state')).toBe('ok');
    expect((container.querySelector('#token-input') as HTMLInputElement).value).toBe('');
  });

  test('currency and data hosting show when the status carries them', () => {
    const withDetails = status({ companyCurrency: 'USD', dataHostingLocation: 'na1' });
    const { getByTestId } = renderPage(readyState({ status: withDetails }));
    expect(within(getByTestId('portal-details')).getByText('USD')).toBeTruthy();
    expect(within(getByTestId('portal-details')).getByText('na1')).toBeTruthy();
  });

  test('the token field is masked, Show reveals it, and Verify and save sends it', async () => {
    const { getByLabelText, getByRole, actions } = renderPage(readyState({ status: noToken() }));
    const input = getByLabelText('Private app access token') as HTMLInputElement;
    expect(input.type).toBe('password');
    fireEvent.input(input, { target: { value: 'pat-na1-secret-1234' } });
    fireEvent.click(getByRole('button', { name: 'Show' }));
    expect((getByLabelText('Private app access token') as HTMLInputElement).type).toBe('text');
    expect(getByRole('button', { name: 'Hide' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(getByRole('button', { name: 'Verify and save' }));
    await waitFor(() => expect(actions.saveToken).toHaveBeenCalledWith('pat-na1-secret-1234'));
    // Saved: the field is cleared and masked again.
    await waitFor(() => expect((getByLabelText('Private app access token') as HTMLInputElement).value).toBe(''));
    expect((getByLabelText('Private app access token') as HTMLInputElement).type).toBe('password');
  });

  test.each([
    ['invalid-token', 'HubSpot did not accept this token.'],
    ['expired-token', 'The token has expired or was rotated.'],
    ['offline', 'HubSpot cannot be reached.'],
    ['rate-limited', 'HubSpot is rate limiting requests from this portal.'],
    ['missing-scopes', 'The private app lacks scopes.'],
  ] as const)('a %s error is announced with its text and the field points at it', (code, title) => {
    const { getByRole, getByLabelText } = renderPage(readyState({ token: { busy: false, action: 'save', notice: null, error: appError(code, 'raw') } }));
    const alert = getByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe(code);
    expect(alert.textContent).toContain(title);
    expect(alert.textContent).toContain('Your saved token was not changed.');
    expect(getByLabelText('Replace with a new access token').getAttribute('aria-describedby')).toContain('token-error');
  });

  test('Remove token asks first (focus on Cancel), then removes', () => {
    const { getByRole, actions } = renderPage(readyState());
    fireEvent.click(getByRole('button', { name: 'Remove token' }));
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(actions.removeToken).not.toHaveBeenCalled();
    fireEvent.click(within(getByRole('group', { name: /Remove the token/ })).getByRole('button', { name: 'Remove token' }));
    expect(actions.removeToken).toHaveBeenCalled();
  });

  test('the scope table names each feature\'s scope and marks what HubSpot reported missing', () => {
    const { getByTestId, container } = renderPage(readyState({ status: status({ token: 'missing-scopes', missingScopes: ['crm.objects.contacts.write'] }) }));
    const row = container.querySelector('[data-feature="log-calls"]')!;
    expect(row.getAttribute('data-blocked')).toBe('true');
    expect(row.textContent).toContain('crm.objects.contacts.write');
    expect(row.textContent).toContain('Missing');
    expect(container.querySelector('[data-feature="read-deals"]')!.textContent).toContain('Not refused so far');
    expect(getByTestId('blocked-features').textContent).toContain('Logging calls needs crm.objects.contacts.write — missing');
  });

  test('without a token the scope table is a setup guide (no status column)', () => {
    const { getByTestId } = renderPage(readyState({ status: noToken() }));
    expect(within(getByTestId('scope-table')).queryByText('Status')).toBeNull();
    expect(within(getByTestId('scope-table')).getByText('Logging calls')).toBeTruthy();
  });
});

describe('managed policy', () => {
  const managedState = readyState({
    settings: settings({ managed: ['apiTier', 'learnMode.enabled', 'learnMode.days', 'playbook', 'allowedPortalIds'], allowedPortalIds: [4471200], apiTier: 190 }),
    playbook: info(undefined, { source: 'managed' }),
  });

  test('locked fields are disabled with "Set by your administrator"', () => {
    const { getAllByRole, getByLabelText, getByRole, container, getByTestId } = renderPage(managedState);
    expect(getByTestId('policy-banner')).toBeTruthy();
    for (const radio of getAllByRole('radio') as HTMLInputElement[]) expect(radio.disabled).toBe(true);
    expect((getByRole('radio', { name: /Professional or Enterprise/ }) as HTMLInputElement).checked).toBe(true);
    expect((getByLabelText('Learning period after install (days)') as HTMLInputElement).disabled).toBe(true);
    for (const name of ['Import file…', 'Edit in place', 'Reset to default…']) {
      expect((getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    // Export stays available: reading a managed playbook is fine.
    expect((getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(false);
    const notes = [...container.querySelectorAll('[data-managed]')].map((n) => n.textContent);
    expect(notes.length).toBe(5);
    expect(notes.every((t) => t?.includes('Set by your administrator'))).toBe(true);
    expect(notes.some((t) => t?.includes('portal 4471200'))).toBe(true);
    expect(getByTestId('playbook-summary').textContent).toContain('Set by your administrator');
  });

  test('unmanaged fields stay editable next to managed ones', () => {
    const { getByRole, getByLabelText } = renderPage(readyState({ settings: settings({ managed: ['apiTier'] }) }));
    expect((getByRole('radio', { name: /Free or Starter/ }) as HTMLInputElement).disabled).toBe(true);
    expect((getByRole('radio', { name: /Always on/ }) as HTMLInputElement).disabled).toBe(false);
    expect((getByLabelText('Learning period after install (days)') as HTMLInputElement).disabled).toBe(false);
  });

  test('a policy playbook that did not validate is reported as ignored, with its errors by path', () => {
    const errors = [{ path: '$.pipelines[0].stages', message: 'Expected at least one stage' }];
    const { getByTestId } = renderPage(readyState({ settings: settings({ managed: ['playbook'] }), playbook: info(undefined, { managedRejected: { errors } }) }));
    const alert = getByTestId('managed-playbook-ignored');
    expect(alert.textContent).toContain('not valid');
    expect(alert.textContent).toContain('$.pipelines[0].stages');
    expect(alert.textContent).toContain('Expected at least one stage');
  });
});

describe('settings', () => {
  test('choosing a plan saves its tier; learn mode choices and the period', () => {
    const { getByRole, getByLabelText, actions } = renderPage(readyState());
    fireEvent.click(getByRole('radio', { name: /API limit increase/ }));
    expect(actions.setApiTier).toHaveBeenCalledWith(250);
    fireEvent.click(getByRole('radio', { name: /Off/ }));
    expect(actions.setLearnMode).toHaveBeenCalledWith('off');
    const days = getByLabelText('Learning period after install (days)');
    fireEvent.input(days, { target: { value: '21' } });
    fireEvent.click(getByRole('button', { name: 'Save period' }));
    expect(actions.setLearnDays).toHaveBeenCalledWith(21);
  });

  test('a chosen plan shows at once while saving, and the saved one comes back if saving fails', () => {
    const { getByRole, rerender, actions } = renderPage(readyState());
    const pro = () => getByRole('radio', { name: /Professional or Enterprise/ }) as HTMLInputElement;
    fireEvent.click(pro());
    rerender(<OptionsPage state={readyState({ apiTier: { busy: true, error: null, notice: null } })} actions={actions} now={NOW} />);
    expect(pro().checked).toBe(true);
    rerender(<OptionsPage state={readyState({ apiTier: { busy: false, error: appError('forbidden', 'policy'), notice: null } })} actions={actions} now={NOW} />);
    expect(pro().checked).toBe(false);
    expect((getByRole('radio', { name: /Free or Starter/ }) as HTMLInputElement).checked).toBe(true);
    expect(getByRole('alert').textContent).toContain('This change is not allowed here.');
  });

  test('an invalid period is flagged and cannot be saved', () => {
    const { getByRole, getByLabelText } = renderPage(readyState());
    const days = getByLabelText('Learning period after install (days)');
    fireEvent.input(days, { target: { value: '400' } });
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(getByRole('alert').textContent).toContain('0 to 365');
    expect((getByRole('button', { name: 'Save period' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('learn mode says whether it is on now and why', () => {
    const { getByTestId } = renderPage(readyState());
    expect(getByTestId('learn-state').textContent).toMatch(/On now.*automatic, until/);
  });
});
