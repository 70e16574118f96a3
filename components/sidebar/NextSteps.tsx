import type { Evaluation } from '../../lib/rules/result';

/** Learn mode: "what to do next on this record", in plain words, most important first. */
export function NextSteps({ steps }: { steps: Evaluation['nextSteps'] }) {
  return (
    <section class="sop-section sop-nextsteps" aria-labelledby="sop-section-nextsteps" data-section="next-steps">
      <h3 id="sop-section-nextsteps">What to do next on this record</h3>
      {steps.length === 0 ? (
        <p class="sop-empty">Nothing to do: this record follows the SOP.</p>
      ) : (
        <ol class="sop-steps">
          {steps.map((s, i) => (
            <li key={`${s.ruleId}-${i}`} data-step-rule={s.ruleId}>
              {s.text} <span class="sop-rule-id">({s.ruleId})</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
