import { useEffect, useRef } from 'preact/hooks';

export interface ConfirmBarProps {
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
}

/**
 * An inline confirmation (no window.confirm: it blocks the page and reads
 * poorly). Focus moves to Cancel, the safe choice; Escape cancels.
 */
export function ConfirmBar({ question, confirmLabel, onConfirm, onCancel, busy, danger }: ConfirmBarProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class="opt-confirm"
      role="group"
      aria-label={question}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p class="opt-confirm__question">{question}</p>
      <div class="opt-actions">
        <button type="button" class={danger ? 'opt-button opt-button--danger' : 'opt-button opt-button--primary'} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" class="opt-button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
