import { useState } from 'preact/hooks';
import type { CadenceResult } from '../../lib/rules/result';
import type { ActionResult, CadenceAfterCall } from '../../lib/content/view-model';
import { errorSummary } from '../sidebar/error-text';
import { useSidebar } from '../sidebar/sidebar-context';

export interface CadencePreviewProps {
  /** The record's cadence as evaluated before the call. */
  cadence: CadenceResult;
  /** What the logged call does to it (the background's engine, from the `call.log` answer). */
  after: CadenceAfterCall;
}

/**
 * CH-8: where the Client Hub record goes after the call (summary stage,
 * Contact Ratio, next contact date, NPS survey, in the engine's words) and a
 * button that applies the move once the rep confirms. A call that is not a
 * check-in (CH-3) does not move the cadence: only its steps are shown.
 */
export function CadencePreview({ cadence, after }: CadencePreviewProps) {
  const { actions } = useSidebar();
  const [result, setResult] = useState<ActionResult | 'busy' | null>(null);
  const apply = async () => {
    setResult('busy');
    setResult(await actions.applyCadence(after.updates));
  };
  const done = result !== null && result !== 'busy' && result.ok;
  return (
    <div class="sop-preview" data-cadence-preview={after.moves ? 'moves' : 'stays'}>
      <h4>Where this record goes next</h4>
      <dl class="sop-facts">
        <dt>Stage</dt>
        <dd data-next-stage>{after.moves ? `${cadence.stage?.label ?? 'now'} → ${after.stage}` : `stays in ${after.stage || cadence.stage?.label || 'its stage'}`}</dd>
        <dt>Contact Ratio</dt>
        <dd>
          {cadence.ratio.label}
          {cadence.ratio.isDefault ? ' (default; set on the record when applied)' : ''}
        </dd>
      </dl>
      {after.steps.length > 0 ? (
        <ol class="sop-steps">
          {after.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      ) : null}
      {after.moves && after.updates.length > 0 ? (
        <button type="button" class="sop-button sop-button--primary" disabled={result === 'busy' || done} onClick={apply} data-action="apply-cadence">
          {result === 'busy' ? 'Applying…' : `Apply: move to ${after.stage}`}
        </button>
      ) : null}
      <p role="status" class="sop-fix__msg">
        {result && result !== 'busy'
          ? result.ok
            ? result.sent
              ? 'Updated in HubSpot.'
              : 'Queued: it will be applied when HubSpot is reachable.'
            : `Not applied: ${errorSummary(result.error)}`
          : null}
      </p>
    </div>
  );
}
