import type { SidebarError } from '../../lib/content/view-model';
import { errorText } from './error-text';
import { useSidebar } from './sidebar-context';

export interface ErrorPanelProps {
  error: SidebarError;
  /** Cached checks are still shown below (the panel is then a banner, not the whole view). */
  withData: boolean;
}

/** A background error in plain words with its fix (options link, wait, retry). */
export function ErrorPanel({ error, withData }: ErrorPanelProps) {
  const { actions } = useSidebar();
  const text = errorText(error);
  return (
    <div class={withData ? 'sop-error sop-error--banner' : 'sop-error'} role="alert" data-error-code={error.code}>
      <p class="sop-error__title">
        <span aria-hidden="true">⚠ </span>
        {text.title}
      </p>
      <p class="sop-error__fix">{text.fix}</p>
      {error.message ? (
        <details class="sop-error__detail">
          <summary>Details</summary>
          {error.message}
        </details>
      ) : null}
      <div class="sop-error__actions">
        {text.options && actions.openOptions ? (
          <button type="button" class="sop-button sop-button--primary" onClick={() => actions.openOptions?.()} data-action="open-options">
            Open SOP Sidebar options
          </button>
        ) : null}
        {text.retry ? (
          <button type="button" class="sop-button" onClick={() => actions.refresh()} data-action="retry">
            Try again
          </button>
        ) : null}
      </div>
    </div>
  );
}
