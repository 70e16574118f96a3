import { useState } from 'preact/hooks';
import type { CadenceResult } from '../../lib/rules/result';
import type { ActionResult } from '../../lib/content/view-model';
import { errorSummary } from '../sidebar/error-text';
import { formatDate } from '../sidebar/format';
import { useSidebar } from '../sidebar/sidebar-context';

export interface CadencePreviewProps {
  cadence: CadenceResult;
  /** The logged (or drafted) call is a successful check-in (CH-2). */
  connected: boolean;
}

/** CH-8: where the Client Hub record goes after this call, and a button that applies it. */
export function CadencePreview({ cadence, connected }: CadencePreviewProps) {
  const { actions } = useSidebar();
  const [result, setResult] = useState<ActionResult | 'busy' | null>(null);
  const apply = async () => {
    setResult('busy');
    setResult(await actions.applyCadence(connected));
  };
  return (
    <div class="sop-preview" data-cadence-preview={connected ? 'connected' : 'not-connected'}>
      <h4>Where this record goes next</h4>
      <p>{connected ? 'This call is a successful check-in: the record moves to the connected summary.' : 'No successful check-in: the record follows the not-connected summary.'}</p>
      <dl class="sop-facts">
        {cadence.expectedStage ? (
          <>
            <dt>Stage</dt>
            <dd>{cadence.expectedStage}</dd>
          </>
        ) : null}
        <dt>Contact Ratio</dt>
        <dd>
          {cadence.ratio.label}
          {cadence.ratio.isDefault ? ' (default; not set on the record yet)' : ''}
        </dd>
        <dt>Next contact date</dt>
        <dd>{formatDate(cadence.nextContactDate)}</dd>
      </dl>
      {cadence.summarySteps.length > 0 ? (
        <ol class="sop-steps">
          {cadence.summarySteps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      ) : null}
      <button type="button" class="sop-button" disabled={result === 'busy'} onClick={apply} data-action="apply-cadence">
        {result === 'busy' ? 'Applying…' : 'Apply these updates'}
      </button>
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
