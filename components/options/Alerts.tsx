import type { AppError } from '../../lib/messages/errors';
import { optionsErrorText } from '../../lib/options/error-text';

export interface ErrorAlertProps {
  error: AppError;
  /** A sentence added after the fix ("Your saved token was not changed."). */
  note?: string;
  id?: string;
}

/** An error in plain words with its fix; announced at once (role="alert"). */
export function ErrorAlert({ error, note, id }: ErrorAlertProps) {
  const text = optionsErrorText(error);
  const details = error.details ?? [];
  return (
    <div class="opt-alert opt-alert--error" role="alert" data-error-code={error.code} id={id}>
      <p class="opt-alert__title">{text.title}</p>
      <p class="opt-alert__fix">
        {text.fix}
        {note ? ` ${note}` : ''}
      </p>
      {error.message || details.length > 0 ? (
        <details class="opt-alert__detail">
          <summary>Details</summary>
          {error.message ? <p>{error.message}</p> : null}
          {details.length > 0 ? (
            <ul>
              {details.map((d, i) => (
                <li key={i}>
                  <code>{d.path}</code> — {d.message}
                </li>
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}

/** Success and progress messages: read out politely, after what the user is doing. */
export function Notice({ text, id, plain }: { text: string | null; id?: string; /** Not a success: no check mark, no green. */ plain?: boolean }) {
  return (
    <p class={text ? (plain ? 'opt-notice opt-notice--plain' : 'opt-notice') : 'opt-notice opt-notice--empty'} role="status" aria-live="polite" id={id}>
      {text ? (
        <>
          {plain ? null : <span aria-hidden="true">✓ </span>}
          {text}
        </>
      ) : null}
    </p>
  );
}

/** Shown beside a control the enterprise policy fixes. */
export function ManagedNote({ what }: { what?: string }) {
  return (
    <p class="opt-managed" data-managed>
      <span class="opt-managed__icon" aria-hidden="true">🔒</span>
      Set by your administrator{what ? `: ${what}` : ''}. It cannot be changed here.
    </p>
  );
}
