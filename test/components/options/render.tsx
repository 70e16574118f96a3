/** Renders the options page from a state, with spy actions. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import { OptionsPage } from '../../../components/options/OptionsPage';
import { initialState, type OptionsActions, type OptionsState } from '../../../lib/options/controller';
import { NOW, info, settings, status } from '../../lib/options/fixtures';

afterEach(cleanup);

export function readyState(extra: Partial<OptionsState> = {}): OptionsState {
  return { ...initialState(), phase: 'ready', status: status(), settings: settings(), playbook: info(), ...extra };
}

export function spyActions(): OptionsActions & { [K in keyof OptionsActions]: ReturnType<typeof vi.fn> } {
  return {
    reload: vi.fn(async () => undefined),
    saveToken: vi.fn(async () => true),
    verifyToken: vi.fn(async () => undefined),
    removeToken: vi.fn(async () => undefined),
    setApiTier: vi.fn(async () => undefined),
    setLearnMode: vi.fn(async () => undefined),
    setLearnDays: vi.fn(async () => undefined),
    importPlaybook: vi.fn(async () => true),
    exportPlaybook: vi.fn(async () => undefined),
    askReset: vi.fn(),
    cancelReset: vi.fn(),
    resetPlaybook: vi.fn(async () => undefined),
    openEditor: vi.fn(async () => undefined),
    editDraft: vi.fn(),
    saveDraft: vi.fn(async () => true),
    closeEditor: vi.fn(),
    lint: vi.fn(async () => undefined),
  } as never;
}

export function renderPage(state: OptionsState, actions = spyActions()) {
  const result = render(<OptionsPage state={state} actions={actions} now={NOW} adminUrl="chrome-extension://test/admin.html" />);
  return { ...result, actions };
}
