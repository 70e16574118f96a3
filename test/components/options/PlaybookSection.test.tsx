// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { PlaybookEditor } from '../../../components/options/PlaybookEditor';
import { appError } from '../../../lib/messages/errors';
import { checkDraft } from '../../../lib/options/draft';
import { lintReport } from '../../../lib/options/lint-report';
import { initialState } from '../../../lib/options/controller';
import { defaultJson, info, noToken } from '../../lib/options/fixtures';
import { readyState, renderPage } from './render';
import { defaultPlaybook } from '../../../lib/playbook/default/index';

const editor = (text: string, extra: Partial<ReturnType<typeof initialState>['editor']> = {}) => ({
  open: true, text, check: checkDraft(text), pending: false, dirty: true, ...extra,
});

function renderEditor(text: string, extra: Partial<ReturnType<typeof initialState>['editor']> = {}) {
  const calls = { save: 0, lint: 0, close: 0, changes: [] as string[] };
  const result = render(
    <PlaybookEditor
      editor={editor(text, extra)}
      rejected={null}
      busy={false}
      lintBusy={false}
      onChange={(t) => calls.changes.push(t)}
      onSave={() => calls.save++}
      onClose={() => calls.close++}
      onLint={() => calls.lint++}
    />,
  );
  return { ...result, calls };
}

describe('playbook view', () => {
  test('name, company, version, source and rule counts by kind', () => {
    const { getByTestId } = renderPage(readyState());
    const card = getByTestId('playbook-summary');
    expect(card.textContent).toContain(defaultPlaybook.name);
    expect(card.textContent).toContain(defaultPlaybook.company);
    expect(card.textContent).toContain(`version ${defaultPlaybook.version}`);
    expect(card.getAttribute('data-source')).toBe('default');
    const gates = defaultPlaybook.rules.filter((r) => r.kind === 'gate').length;
    expect(card.querySelector('[data-kind="gate"]')!.textContent).toContain(`${gates} gates`);
    expect(within(card).getByText(`${defaultPlaybook.rules.length} rules`)).toBeTruthy();
  });

  test('the rules read-only, grouped by SOP document, with ID, kind and title (SALES-SQL-1 first)', () => {
    const { getByTestId } = renderPage(readyState());
    const list = getByTestId('rule-list');
    const sections = [...list.querySelectorAll('details > summary')].map((s) => s.textContent);
    expect(sections.length).toBe(defaultPlaybook.sources.length);
    expect(sections[0]).toContain(defaultPlaybook.sources[0]!.title);
    expect(list.querySelectorAll('[data-rule-id]').length).toBe(defaultPlaybook.rules.length);
    const first = list.querySelector('[data-rule-id="SALES-SQL-1"]')!;
    expect(first.textContent).toContain('Gate');
    expect(list.querySelector('input, textarea, select')).toBeNull();
  });

  test('an imported playbook says when; reset asks first', () => {
    const state = readyState({ playbook: info(undefined, { source: 'imported', importedAt: '2025-03-09T10:00:00.000Z' }) });
    const { getByRole, actions, getByTestId } = renderPage(state);
    expect(getByTestId('playbook-summary').textContent).toContain('Imported');
    fireEvent.click(getByRole('button', { name: 'Reset to default…' }));
    expect(actions.askReset).toHaveBeenCalled();
  });

  test('the reset confirmation resets or cancels', () => {
    const state = readyState({ playbook: info(undefined, { source: 'imported' }), playbookOp: { ...initialState().playbookOp, confirmingReset: true } });
    const { getByRole, actions } = renderPage(state);
    const group = getByRole('group', { name: /with the default playbook/ });
    fireEvent.click(within(group).getByRole('button', { name: 'Reset to default' }));
    expect(actions.resetPlaybook).toHaveBeenCalled();
    fireEvent.keyDown(group, { key: 'Escape' });
    expect(actions.cancelReset).toHaveBeenCalled();
  });

  test('Reset is off while the default is active', () => {
    const { getByRole } = renderPage(readyState());
    expect((getByRole('button', { name: 'Reset to default…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('choosing a file imports its name and text', async () => {
    const { getByTestId, actions } = renderPage(readyState());
    const input = getByTestId('playbook-file') as HTMLInputElement;
    const file = new File(['{"x": 1}'], 'mine.playbook.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(actions.importPlaybook).toHaveBeenCalledWith('mine.playbook.json', '{"x": 1}'));
  });

  test('a refused import is announced and lists each path — message; the active playbook stays', () => {
    const state = readyState({
      playbookOp: {
        ...initialState().playbookOp,
        action: 'import',
        rejected: { from: 'file', fileName: 'broken.json', errors: [{ path: 'name', message: 'expected a string; got nothing (the field is missing)' }, { path: 'rules[0].kind', message: 'expected one of gate, check; got "gat"' }] },
      },
    });
    const { getByTestId } = renderPage(state);
    const alert = getByTestId('import-rejected');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('broken.json was not imported: 2 problems.');
    expect(alert.textContent).toContain('The active playbook was not changed.');
    expect([...alert.querySelectorAll('[data-path]')].map((li) => li.textContent)).toEqual([
      'name — expected a string; got nothing (the field is missing)',
      'rules[0].kind — expected one of gate, check; got "gat"',
    ]);
    expect(getByTestId('playbook-summary').getAttribute('data-source')).toBe('default');
  });

  test('the last refused import is kept for later reading', () => {
    const state = readyState({ playbook: info(undefined, { lastRejected: { at: '2025-03-09T10:00:00.000Z', errors: [{ path: '$', message: 'Not valid JSON' }] } }) });
    const { container } = renderPage(state);
    expect(container.querySelector('.opt-history')!.textContent).toContain('1 problem');
  });
});

describe('editing in place', () => {
  test('a valid draft can be saved and checked against the portal', () => {
    const { getByRole, getByTestId, calls } = renderEditor(defaultJson.replace(/"version": "[^"]+"/, '"version": "2.0.0"'));
    expect(getByTestId('editor-status').textContent).toBe(`Valid: ${defaultPlaybook.rules.length} rules. Save to make it the active playbook.`);
    fireEvent.click(getByRole('button', { name: 'Save playbook' }));
    fireEvent.click(getByRole('button', { name: 'Check draft against the portal' }));
    expect(calls).toMatchObject({ save: 1, lint: 1 });
  });

  test('errors show by path with their line, and Save is off while invalid', () => {
    const text = defaultJson.replace('"kind": "gate"', '"kind": "gat"');
    const { getByRole, getByTestId, getByLabelText } = renderEditor(text);
    expect(getByTestId('editor-status').textContent).toBe('1 problem — Save is off until it is fixed.');
    expect((getByRole('button', { name: 'Save playbook' }) as HTMLButtonElement).disabled).toBe(true);
    expect((getByRole('button', { name: 'Check draft against the portal' }) as HTMLButtonElement).disabled).toBe(true);
    expect(getByLabelText('Playbook JSON').getAttribute('aria-invalid')).toBe('true');
    const item = getByTestId('field-errors').querySelector('[data-path]')!;
    expect(item.getAttribute('data-path')).toMatch(/^rules\[\d+\]\.kind$/);
    expect(item.textContent).toMatch(/^rules\[\d+\]\.kind — expected one of gate/);
  });

  test('"Line N" moves the caret to the error', () => {
    const text = defaultJson.replace('"kind": "gate"', '"kind": "gat"');
    const { getByRole, getByLabelText } = renderEditor(text);
    const line = text.slice(0, text.indexOf('"kind": "gat"')).split('\n').length;
    fireEvent.click(getByRole('button', { name: new RegExp(`^Go to line ${line} `) }));
    const area = getByLabelText('Playbook JSON') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(area);
    expect(area.selectionStart).toBe(text.indexOf('"kind": "gat"'));
  });

  test('while typing it says it is checking and Save waits', () => {
    const { getByRole, getByTestId, getByLabelText, calls } = renderEditor(defaultJson, { pending: true });
    expect(getByTestId('editor-status').textContent).toBe('Checking…');
    expect((getByRole('button', { name: 'Save playbook' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(getByLabelText('Playbook JSON'), { target: { value: '{}' } });
    expect(calls.changes).toEqual(['{}']);
  });

  test('unchanged: nothing to save, and the close button says Close', () => {
    const { getByRole } = renderEditor(defaultJson, { dirty: false });
    expect((getByRole('button', { name: 'Save playbook' }) as HTMLButtonElement).disabled).toBe(true);
    expect(getByRole('button', { name: 'Close editor' })).toBeTruthy();
  });
});

describe('portal check', () => {
  test('the report groups problems by severity with path, message and fix', () => {
    const report = lintReport({ portalId: 4471200, issues: [
      { severity: 'warning', path: 'pipelines[3].stages', message: 'the portal\'s stage "X" is not in the playbook', fix: 'Add "X".' },
      { severity: 'error', path: 'pipelines[0].stages[4]', message: 'pipeline "New Business" has no stage labelled "Closed - Won"', fix: 'Use "Closed – Won" (same words, different dash, spacing or case) here and wherever rules name this stage.' },
    ] });
    const { getByTestId } = renderPage(readyState({ lint: { ...initialState().lint, report, subject: 'draft', at: '2025-03-10T12:00:00.000Z' } }));
    const region = getByTestId('lint-report');
    expect(region.getAttribute('data-state')).toBe('problems');
    expect(region.textContent).toContain('The edited draft (not saved) against portal 4471200');
    const groups = [...region.querySelectorAll('[data-severity]')].map((g) => g.getAttribute('data-severity'));
    expect(groups).toEqual(['error', 'warning']);
    const error = region.querySelector('[data-severity="error"] [data-path="pipelines[0].stages[4]"]')!;
    expect(error.textContent).toContain('no stage labelled "Closed - Won"');
    expect(error.textContent).toContain('Fix: Use "Closed – Won"');
  });

  test('a clean report says No problems', () => {
    const report = lintReport({ portalId: 4471200, issues: [] });
    const { getByTestId } = renderPage(readyState({ lint: { ...initialState().lint, report, subject: 'active', at: '2025-03-10T12:00:00.000Z', notice: 'No problems found.' } }));
    expect(getByTestId('lint-clean').textContent).toContain('No problems');
    expect(getByTestId('lint-report').textContent).toContain('0 errors, 0 warnings');
  });

  test('without a token the check explains itself', () => {
    const { getByRole, actions } = renderPage(readyState({ status: noToken(), lint: { ...initialState().lint, error: appError('no-token', 'needs a token') } }));
    fireEvent.click(getByRole('button', { name: 'Check the active playbook' }));
    expect(actions.lint).toHaveBeenCalledWith('active');
    const alert = document.querySelector('#portal-check [role="alert"]')!;
    expect(alert.textContent).toContain('No HubSpot token is saved.');
  });
});
