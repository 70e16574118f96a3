import type { StagePathEntry } from '../../lib/rules/result';
import { formatPercent } from '../sidebar/format';

const STATE_TEXT: Record<StagePathEntry['state'], string> = {
  done: 'passed',
  current: 'current stage',
  upcoming: 'ahead',
  won: 'won',
  lost: 'lost',
};

/** Every stage of the deal's pipeline in order, the current one marked (in words, not only colour), with probabilities. */
export function StagePath({ path }: { path: StagePathEntry[] }) {
  if (path.length === 0) return null;
  return (
    <ol class="sop-path" aria-label="Stage path">
      {path.map((stage) => (
        <li
          key={stage.id}
          class={`sop-path__stage sop-path__stage--${stage.state}`}
          aria-current={stage.state === 'current' ? 'step' : undefined}
          data-stage-state={stage.state}
        >
          <span class="sop-path__label">{stage.label}</span>
          <span class="sop-path__meta">
            {STATE_TEXT[stage.state]}
            {stage.probability !== null ? ` · ${formatPercent(stage.probability)}` : ''}
            {stage.openItems > 0 ? ` · ${stage.openItems} open` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
