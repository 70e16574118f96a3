import { cleanup, render } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import axe from 'axe-core';
import type { ComponentChildren } from 'preact';
import { Sidebar, type SidebarControls } from '../../components/sidebar/Sidebar';
import { SidebarContext } from '../../components/sidebar/sidebar-context';
import type { Evaluation } from '../../lib/rules/result';
import type { SidebarActions, SidebarModel, ViewData } from '../../lib/content/view-model';

// Vitest runs without globals, so testing-library cannot register its own cleanup.
afterEach(cleanup);

export const NOW = Date.parse('2025-03-10T12:00:00.000Z');

export function fakeActions(overrides: Partial<SidebarActions> = {}): SidebarActions & { [K in keyof SidebarActions]: ReturnType<typeof vi.fn> } {
  const ok = async () => ({ ok: true as const, sent: true });
  return {
    refresh: vi.fn(),
    updateProperty: vi.fn(ok),
    logCall: vi.fn(ok),
    createSopNote: vi.fn(ok),
    applyCadence: vi.fn(ok),
    retryOutbox: vi.fn(ok),
    discardOutbox: vi.fn(ok),
    loadDraft: vi.fn(async () => null),
    saveDraft: vi.fn(async () => undefined),
    openOptions: vi.fn(),
    ...overrides,
  } as never;
}

export function fakeControls(): SidebarControls & { [K in keyof SidebarControls]: ReturnType<typeof vi.fn> } {
  return { toggleCollapsed: vi.fn(), resize: vi.fn(), toggleLearnMode: vi.fn() } as never;
}

export function viewData(evaluation: Evaluation, extra: Partial<ViewData> = {}): ViewData {
  return {
    evaluation,
    meta: { loadedAt: new Date(NOW - 60_000).toISOString(), fromCache: false, stale: false },
    outbox: [],
    ...extra,
  };
}

export function model(evaluation: Evaluation | null, extra: Partial<SidebarModel> = {}): SidebarModel {
  return {
    record: evaluation?.record ?? { objectTypeId: '0-3', id: '9001' },
    portalId: 4471200,
    phase: evaluation ? 'ready' : 'loading',
    data: evaluation ? viewData(evaluation) : null,
    error: null,
    refreshing: false,
    offline: false,
    learnMode: false,
    ui: { collapsed: false, width: 360 },
    now: NOW,
    notice: null,
    ...extra,
  };
}

export function renderSidebar(m: SidebarModel, actions = fakeActions(), controls = fakeControls()) {
  const result = render(<Sidebar model={m} actions={actions} controls={controls} />);
  return { ...result, actions, controls };
}

/** Renders a leaf view inside the context the shell provides. */
export function renderInContext(children: ComponentChildren, opts: { learnMode?: boolean; actions?: SidebarActions; record?: { objectTypeId: string; id: string } } = {}) {
  const actions = opts.actions ?? fakeActions();
  const result = render(
    <SidebarContext.Provider value={{ actions, learnMode: opts.learnMode ?? false, portalId: 4471200, record: opts.record ?? { objectTypeId: '0-3', id: '9001' }, now: NOW }}>
      {children}
    </SidebarContext.Provider>,
  );
  return { ...result, actions };
}

/** axe is slow in happy-dom on a busy 2-core machine: its tests get room (a timed-out run would block the next one). */
export const AXE_TIMEOUT = 60_000;

/** axe-core over a rendered tree; returns serious and critical violations. */
export async function seriousViolations(root: Element) {
  const results = await axe.run(root, {
    // happy-dom does no layout: contrast is checked on the CSS tokens instead (sidebar-css.test.ts).
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export function findingsOf(root: Element) {
  return [...root.querySelectorAll('[data-rule-id]')].map((el) => ({
    ruleId: el.getAttribute('data-rule-id'),
    status: el.getAttribute('data-status'),
  }));
}
