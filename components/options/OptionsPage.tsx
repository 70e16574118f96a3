import type { OptionsActions, OptionsState } from '../../lib/options/controller';
import { managedView } from '../../lib/options/managed';
import { statusText } from '../../lib/options/status-text';
import { ErrorAlert } from './Alerts';
import { ApiTierSection } from './ApiTierSection';
import { Badge } from './Badge';
import { LearnModeSection } from './LearnModeSection';
import { LintSection } from './LintSection';
import { PlaybookSection } from './PlaybookSection';
import { TokenSection } from './TokenSection';

export interface OptionsPageProps {
  state: OptionsState;
  actions: OptionsActions;
  now: number;
  /** The compliance scan page (admin.html), linked from the navigation. */
  adminUrl?: string;
}

const SECTIONS: Array<[string, string]> = [
  ['token', 'HubSpot token'],
  ['api-tier', 'API limit'],
  ['learn-mode', 'Learn mode'],
  ['playbook', 'Playbook'],
  ['portal-check', 'Check against portal'],
];

/** The whole options page: token, API limit, learn mode, playbook, portal check. */
export function OptionsPage({ state, actions, now, adminUrl }: OptionsPageProps) {
  const managed = managedView(state.settings, state.playbook);
  const status = state.status;
  const connection = status ? statusText(status) : null;
  return (
    <div class="opt-page" data-phase={state.phase}>
      <a class="opt-skip" href="#main">
        Skip to settings
      </a>
      <header class="opt-header">
        <div class="opt-header__inner">
          <div>
            <p class="opt-header__app">SOP Sidebar</p>
            <h1>Options</h1>
          </div>
          {connection && status ? (
            <p class="opt-header__status" data-testid="header-status">
              <Badge tone={connection.tone}>{connection.label}</Badge>
              {status.portalId !== null ? <span class="opt-muted"> Portal {status.portalId}</span> : null}
            </p>
          ) : null}
        </div>
      </header>
      <div class="opt-layout">
        <nav class="opt-nav" aria-label="Sections">
          <ul>
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
          {adminUrl ? (
            <p class="opt-nav__more">
              <a href={adminUrl} data-testid="admin-link">
                Compliance scan
              </a>
              <span class="opt-muted"> — find records out of compliance across the portal</span>
            </p>
          ) : null}
        </nav>
        <main id="main" class="opt-main" tabIndex={-1}>
          {state.phase === 'loading' ? (
            <p class="opt-loading" role="status">
              Loading settings…
            </p>
          ) : null}
          {state.loadError ? (
            <div class="opt-load-error">
              <ErrorAlert error={state.loadError} />
              <button type="button" class="opt-button" onClick={() => void actions.reload()}>
                Try again
              </button>
            </div>
          ) : null}
          {managed.any ? (
            <p class="opt-policy" data-testid="policy-banner">
              <span aria-hidden="true">🔒 </span>
              Your administrator manages some of these settings through company policy; those are shown locked.
            </p>
          ) : null}
          {state.phase !== 'loading' ? (
            <>
              <TokenSection
                status={status}
                op={state.token}
                allowedPortalIds={managed.allowedPortalIds}
                onSave={actions.saveToken}
                onVerify={() => void actions.verifyToken()}
                onRemove={() => void actions.removeToken()}
              />
              {state.settings ? (
                <>
                  <ApiTierSection
                    value={state.settings.apiTier}
                    locked={managed.apiTier}
                    op={state.apiTier}
                    onChange={(tier) => void actions.setApiTier(tier)}
                  />
                  <LearnModeSection
                    learn={state.settings.learnMode}
                    lockedEnabled={managed.learnEnabled}
                    lockedDays={managed.learnDays}
                    op={state.learnMode}
                    now={now}
                    onChoose={(choice) => void actions.setLearnMode(choice)}
                    onDays={(days) => void actions.setLearnDays(days)}
                  />
                </>
              ) : null}
              {state.playbook ? (
                <PlaybookSection
                  info={state.playbook}
                  op={state.playbookOp}
                  editor={state.editor}
                  lintBusy={state.lint.busy}
                  managed={managed}
                  onImport={(name, text) => void actions.importPlaybook(name, text)}
                  onExport={() => void actions.exportPlaybook()}
                  onAskReset={actions.askReset}
                  onCancelReset={actions.cancelReset}
                  onReset={() => void actions.resetPlaybook()}
                  onOpenEditor={() => void actions.openEditor()}
                  onEdit={actions.editDraft}
                  onSaveDraft={() => void actions.saveDraft()}
                  onCloseEditor={actions.closeEditor}
                  onLintDraft={() => {
                    void actions.lint('draft');
                    document.getElementById('portal-check')?.scrollIntoView({ block: 'start' });
                  }}
                />
              ) : null}
              <LintSection lint={state.lint} portalId={status?.portalId ?? null} onLint={() => void actions.lint('active')} />
            </>
          ) : null}
        </main>
      </div>
    </div>
  );
}
