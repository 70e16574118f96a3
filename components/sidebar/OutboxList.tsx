import { useState } from 'preact/hooks';
import type { OutboxEntry } from '../../lib/content/view-model';
import { errorSummary } from './error-text';
import { formatTime } from './format';
import { useSidebar } from './sidebar-context';

const STATUS_TEXT: Record<OutboxEntry['status'], string> = {
  pending: 'Waiting to send',
  sending: 'Sending…',
  failed: 'Failed',
};

/** Writes the background still holds (durable outbox): pending ones, and failed ones with retry / discard. */
export function OutboxList({ entries }: { entries: OutboxEntry[] }) {
  const { actions } = useSidebar();
  const [busy, setBusy] = useState<string | null>(null);
  if (entries.length === 0) return null;
  const run = async (id: string, action: (id: string) => Promise<unknown>) => {
    setBusy(id);
    try {
      await action(id);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="sop-section sop-outbox" aria-labelledby="sop-section-outbox" data-section="outbox">
      <h3 id="sop-section-outbox">Changes not yet in HubSpot</h3>
      <ul class="sop-list">
        {entries.map((entry) => (
          <li key={entry.id} data-outbox-id={entry.id} data-outbox-status={entry.status}>
            <p>
              <strong>{entry.label}</strong> — {STATUS_TEXT[entry.status]}
              {entry.status === 'pending' && entry.nextAttemptAt ? ` (next try ${formatTime(entry.nextAttemptAt)})` : ''}
            </p>
            {entry.error ? <p class="sop-error-text">{errorSummary(entry.error)}</p> : null}
            {entry.status === 'failed' ? (
              <div class="sop-row">
                <button type="button" class="sop-button" disabled={busy === entry.id} onClick={() => run(entry.id, actions.retryOutbox)} aria-label={`Retry: ${entry.label}`}>
                  Retry
                </button>
                <button type="button" class="sop-button" disabled={busy === entry.id} onClick={() => run(entry.id, actions.discardOutbox)} aria-label={`Discard: ${entry.label}`}>
                  Discard
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
