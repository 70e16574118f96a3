export interface ListedError {
  path: string;
  message: string;
  line?: number | null;
  column?: number | null;
  /** Character offset in the text, when located. */
  offset?: number | null;
}

export interface FieldErrorListProps {
  errors: readonly ListedError[];
  /** Label for the list (screen readers). */
  label: string;
  /** With it, each error located in the text gets a "Line N" button that moves there. */
  onGoTo?: (error: ListedError) => void;
  /** Show at most this many; the rest are counted. */
  limit?: number;
}

/** Problems by JSON path: `path — message`, one per line. */
export function FieldErrorList({ errors, label, onGoTo, limit = 200 }: FieldErrorListProps) {
  const shown = errors.slice(0, limit);
  return (
    <>
      <ul class="opt-errors" aria-label={label} data-testid="field-errors">
        {shown.map((e, i) => (
          <li key={`${e.path}-${i}`} class="opt-errors__item" data-path={e.path}>
            <code class="opt-errors__path">{e.path}</code>
            <span class="opt-errors__sep"> — </span>
            <span class="opt-errors__message">{e.message}</span>
            {onGoTo && e.line ? (
              <button type="button" class="opt-linkbutton" onClick={() => onGoTo(e)} aria-label={`Go to line ${e.line} (${e.path})`}>
                Line {e.line}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {errors.length > shown.length ? <p class="opt-help">…and {errors.length - shown.length} more.</p> : null}
    </>
  );
}
