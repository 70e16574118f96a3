import { useState } from 'preact/hooks';
import type { CadenceResult } from '../../lib/rules/result';
import type { ActionResult } from '../../lib/content/view-model';
import type { CadencePlan } from '../../lib/content/cadence-plan';
import { errorSummary } from '../sidebar/error-text';
import { formatDate } from '../sidebar/format';
import { useSidebar } from '../sidebar/sidebar-context';

export interface CadencePreviewProps {
  cadence: CadenceResult;
  /** The logged call was a successful check-in (CH-2). */
  connected: boolean;
  /** The writes to apply (null: the playbook's cadence settings are not loaded). */
  plan: CadencePlan | null;
}

/** CH-8: where the Client Hub record goes after this call (summary stage, Contact Ratio, next contact date, NPS survey), and a button that applies it. */
export function CadencePreview({ cadence, connected, plan }: CadencePreviewProps) {
  const { actions } = useSidebar();
  const [result, setResult] = useState<ActionResult | 'busy' | null>(null);
  const apply = async () => {
    if (!plan) return;
    setResult('busy');
    setResult(await actions.applyCadence(plan.updates));
  };
  return (
    <div class="sop-preview" data-cadence-preview={connected ? 'connected' : 'not-connected'}>
      <h4>Where this record goes next</h4>
      <p>{connected ? 'This call was a successful check-in.' : 'This call was not a successful check-in.'}</p>
      {plan ? (
        <dl class="sop-facts">
          <dt>Next stage</dt>
          <dd>{plan.summaryStage}</dd>
          <dt>Task to complete</dt>
          <dd>{plan.task}</dd>
          <dt>Contact Ratio</dt>
          <dd>{plan.ratio === cadence.ratio.value && !cadence.ratio.isDefault ? cadence.ratio.label : plan.ratio}</dd>
          <dt>Next contact date</dt>
          <dd data-next-contact>{formatDate(plan.nextContactDate)}</dd>
          <dt>NPS survey</dt>
          <dd>{plan.nps}</dd>
        </dl>
      ) : null}
      {cadence.summarySteps.length > 0 ? (
        <ol class="sop-steps">
          {cadence.summarySteps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      ) : null}
      {plan && plan.updates.length > 0 ? (
        <>
          <p>Apply writes: {plan.updates.map((u) => u.label).join('; ')}.</p>
          <button type="button" class="sop-button" disabled={result === 'busy' || (result !== null && result.ok)} onClick={apply} data-action="apply-cadence">
            {result === 'busy' ? 'Applying…' : 'Apply these updates'}
          </button>
        </>
      ) : !plan ? (
        <p class="sop-note">The cadence settings could not be loaded: update the record in HubSpot following the steps above.</p>
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
