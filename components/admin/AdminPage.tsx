/**
 * The compliance scan page (issue 6): setup, progress or the last scan's
 * summary, and the results with charts, filters and CSV export.
 */
import { useMemo } from 'preact/hooks';
import type { AdminActions, AdminState } from '../../lib/admin/admin-controller';
import { ScanSetup } from './ScanSetup';
import { ScanStatusPanel } from './ScanStatusPanel';
import { ResultsSection } from './ResultsSection';

export interface AdminPageProps {
  state: AdminState;
  actions: AdminActions;
  now: number;
  /** The options page (token, playbook). */
  optionsUrl: string;
}

export function AdminPage({ state, actions, now, optionsUrl }: AdminPageProps) {
  const scan = state.scan;
  const active = scan?.state === 'running' || scan?.state === 'paused';
  const ruleTitles = useMemo(() => new Map(state.model.flatMap((o) => o.rules.map((r) => [r.id, r.title] as const))), [state.model]);
  const token = state.status?.token ?? null;
  return (
    <div class="adm-page" data-phase={state.phase}>
      <a class="adm-skip" href="#main">
        Skip to the scan
      </a>
      <header class="adm-header">
        <div class="adm-header__inner">
          <div>
            <p class="adm-header__app">SOP Sidebar</p>
            <h1>Compliance scan</h1>
          </div>
          <p class="adm-header__meta">
            {state.status?.portalId ? <span class="adm-muted">Portal {state.status.portalId}</span> : null}
            <a href={optionsUrl}>Options</a>
          </p>
        </div>
      </header>
      <main id="main" class="adm-main" tabIndex={-1}>
        {state.phase === 'loading' ? (
          <p class="adm-loading" role="status">
            Loading…
          </p>
        ) : null}
        {state.loadError ? (
          <div class="adm-alert adm-alert--error" role="alert">
            <p class="adm-alert__title">Could not load everything</p>
            <p>{state.loadError.message}</p>
            <button type="button" class="adm-button" onClick={() => void actions.reload()}>
              Try again
            </button>
          </div>
        ) : null}
        {token === 'none' || token === 'invalid' || token === 'expired' ? (
          <div class="adm-alert adm-alert--warning" role="alert">
            <p class="adm-alert__title">{token === 'none' ? 'No HubSpot token yet' : 'HubSpot does not accept the token'}</p>
            <p>
              A scan reads the portal with the extension's token. <a href={optionsUrl}>Set it in the options</a>, then come back.
            </p>
          </div>
        ) : null}

        <section class="adm-card" aria-labelledby="setup-title">
          <h2 id="setup-title">What to check</h2>
          <p class="adm-intro">
            The scan reads every chosen record through HubSpot's API at the pace your API limit allows, checks it against the active playbook exactly as the sidebar does, and lists what is out of compliance.
          </p>
          {state.model.length > 0 ? (
            <ScanSetup model={state.model} choice={state.choice} locked={active} busy={state.op.busy && state.op.action === 'start'} actions={actions} />
          ) : null}
          {state.op.error ? (
            <div class="adm-alert adm-alert--error" role="alert">
              <p class="adm-alert__title">{state.op.action === 'cancel' ? 'Could not cancel the scan' : 'Could not start the scan'}</p>
              <p>{state.op.error.message}</p>
              {state.op.error.details?.length ? (
                <ul>
                  {state.op.error.details.map((d, i) => (
                    <li key={i}>{d.message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </section>

        <section class="adm-card" aria-labelledby="progress-title">
          <h2 id="progress-title">{active ? 'Scan progress' : 'Last scan'}</h2>
          <ScanStatusPanel
            scan={scan}
            status={state.status}
            now={now}
            cancelling={state.op.busy && state.op.action === 'cancel'}
            onCancel={() => void actions.cancel()}
            ruleTitles={ruleTitles}
          />
        </section>

        {scan?.scanId ? (
          <section class="adm-card" aria-labelledby="results-title">
            <h2 id="results-title">Results</h2>
            {state.rowsError ? (
              <div class="adm-alert adm-alert--error" role="alert">
                <p>{state.rowsError.message}</p>
              </div>
            ) : null}
            <ResultsSection rows={state.rows} expected={scan.rows} view={state.view} scanning={active} actions={actions} />
          </section>
        ) : null}
      </main>
    </div>
  );
}
