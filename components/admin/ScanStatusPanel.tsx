/**
 * The running scan's progress (records done / total, rate, ETA, rate-limit
 * waits) with Cancel, or the last scan's summary once it ended.
 */
import type { Status } from '../../lib/messages/schemas';
import type { ScanProgress } from '../../lib/admin/scan-state';
import { STATE_LABEL, count, dateTime, elapsed, formatNumber, progressText } from '../../lib/admin/scan-text';

export interface ScanStatusPanelProps {
  scan: ScanProgress | null;
  status: Status | null;
  now: number;
  cancelling: boolean;
  onCancel: () => void;
  /** Rule titles by ID, for the summary. */
  ruleTitles: ReadonlyMap<string, string>;
}

const TONE: Record<ScanProgress['state'], string> = {
  idle: 'neutral',
  running: 'info',
  paused: 'warning',
  done: 'ok',
  cancelled: 'neutral',
  failed: 'error',
};

export function ScanStatusPanel({ scan, status, now, cancelling, onCancel, ruleTitles }: ScanStatusPanelProps) {
  if (!scan || scan.state === 'idle' || !scan.scanId) {
    return <p class="adm-empty">No scan has run yet. Choose what to check above and start one.</p>;
  }
  const text = progressText(scan, status, now);
  const active = scan.state === 'running' || scan.state === 'paused';
  const top = Object.entries(scan.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
  const took = elapsed(scan);
  return (
    <div class="adm-status" data-state={scan.state}>
      <p class="adm-status__line">
        <span class={`adm-badge adm-badge--${TONE[scan.state]}`}>{STATE_LABEL[scan.state]}</span>
        <span class="adm-muted">{active ? `Started ${dateTime(scan.startedAt)}` : `${dateTime(scan.startedAt)} – ${dateTime(scan.finishedAt)}${took ? ` (${took})` : ''}`}</span>
      </p>
      <progress
        class="adm-progress"
        aria-label="Records scanned"
        max={scan.total ?? undefined}
        value={scan.total !== null ? Math.min(scan.processed, scan.total) : undefined}
      >
        {text.records}
      </progress>
      <p class="adm-status__numbers" role="status" aria-live="polite">
        <strong>{text.records}</strong>
        {text.rate ? <span>{text.rate}</span> : null}
        {text.eta ? <span>{text.eta}</span> : null}
        <span>{count(scan.rows, 'violation')}</span>
      </p>
      {text.waiting ? (
        <p class="adm-waiting" data-testid="scan-waiting">
          {text.waiting}
        </p>
      ) : null}
      {scan.state === 'failed' && scan.error ? (
        <div class="adm-alert adm-alert--error" role="alert">
          <p class="adm-alert__title">The scan stopped</p>
          <p>{scan.error.message}</p>
        </div>
      ) : null}
      <ul class="adm-objects">
        {scan.objects.map((o) => (
          <li key={o.alias}>
            <span class="adm-objects__name">{o.label}</span>
            <span>{o.total !== null ? `${formatNumber(o.processed)} / ${formatNumber(o.total)}` : formatNumber(o.processed)}</span>
            {o.pipelines ? <span class="adm-muted">{o.pipelines.join(', ')}</span> : null}
            {o.done ? <span class="adm-muted">done</span> : null}
          </li>
        ))}
      </ul>
      {!active && top.length > 0 ? (
        <div class="adm-top">
          <h3>Most frequent</h3>
          <ol>
            {top.map(([id, n]) => (
              <li key={id}>
                <span class="adm-rule-id">{id}</span> {ruleTitles.get(id) ?? ''} <span class="adm-muted">— {formatNumber(n)}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <p class="adm-help">{text.requests}</p>
      {active ? (
        <div class="adm-actions">
          <button type="button" class="adm-button adm-button--danger-outline" disabled={cancelling} onClick={onCancel}>
            {cancelling ? 'Cancelling…' : 'Cancel scan'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
