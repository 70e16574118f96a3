import type { LintState } from '../../lib/options/controller';
import { formatDateTime, plural } from '../../lib/options/format';
import { ErrorAlert, Notice } from './Alerts';
import { Badge } from './Badge';

export interface LintSectionProps {
  lint: LintState;
  /** The token's portal, when a token is saved. */
  portalId: number | null;
  onLint: () => void;
}

const SEVERITY_TONE = { error: 'error', warning: 'warning', info: 'neutral' } as const;

/** Does the playbook fit the portal? Every problem with where, what and the fix. */
export function LintSection({ lint, portalId, onLint }: LintSectionProps) {
  const report = lint.report;
  return (
    <section class="opt-card" aria-labelledby="lint-heading" id="portal-check">
      <h2 id="lint-heading">Check against your portal</h2>
      <p class="opt-intro">
        Compares every object, pipeline, stage, property, option and association label the playbook names with
        {portalId ? ` portal ${portalId}` : ' the portal of the saved token'}, and says how to fix what does not match.
      </p>
      <div class="opt-actions">
        <button type="button" class="opt-button opt-button--primary" onClick={onLint} disabled={lint.busy} aria-busy={lint.busy}>
          {lint.busy ? 'Checking…' : 'Check the active playbook'}
        </button>
      </div>
      {lint.error ? <ErrorAlert error={lint.error} /> : null}
      <Notice text={lint.busy ? null : lint.notice} plain={report !== null && !report.clean} />
      <div data-testid="lint-report" data-state={lint.busy ? 'busy' : report ? (report.clean ? 'clean' : 'problems') : 'none'}>
        {report && !lint.busy ? (
          <div class="opt-report">
            <h3 class="opt-subheading">
              {lint.subject === 'draft' ? 'The edited draft (not saved)' : 'The active playbook'} against portal {report.portalId}
            </h3>
            <p class="opt-muted">
              Checked {formatDateTime(lint.at)} · {plural(report.counts.error, 'error')}, {plural(report.counts.warning, 'warning')}
              {report.counts.info > 0 ? `, ${plural(report.counts.info, 'note')}` : ''}
            </p>
            {report.clean ? (
              <p class="opt-clean" data-testid="lint-clean">
                <span aria-hidden="true">✓ </span>No problems: everything the playbook names exists in portal {report.portalId}.
              </p>
            ) : (
              report.groups.map((group) => (
                <div class="opt-report__group" key={group.severity} data-severity={group.severity}>
                  <h4>
                    <Badge tone={SEVERITY_TONE[group.severity]}>{group.heading}</Badge>
                  </h4>
                  <ul class="opt-problems">
                    {group.problems.map((p, i) => (
                      <li key={`${p.path}-${i}`} class={`opt-problem opt-problem--${group.severity}`} data-path={p.path}>
                        <code class="opt-problem__path">{p.path}</code>
                        <p class="opt-problem__message">{p.message}</p>
                        {p.fix ? (
                          <p class="opt-problem__fix">
                            <strong>Fix:</strong> {p.fix}
                          </p>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
