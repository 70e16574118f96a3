import type { FindingStatus } from '../../lib/rules/result';
import { STATUS_ICON, STATUS_TEXT } from './format';

/** Status as a word plus a glyph; colour only reinforces it (WCAG 1.4.1). */
export function StatusBadge({ status }: { status: FindingStatus }) {
  return (
    <span class={`sop-badge sop-badge--${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status]} </span>
      {STATUS_TEXT[status]}
    </span>
  );
}
