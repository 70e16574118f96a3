import type { Finding, LifecycleResult } from '../../lib/rules/result';
import { FindingSection } from '../sidebar/FindingSection';

/** LC-*: the contact's lifecycle stage with its definition, and where it may go next (and when). */
export function Lifecycle({ lifecycle, findings }: { lifecycle: LifecycleResult | null; findings: Finding[] }) {
  return (
    <FindingSection id="lifecycle" title="Lifecycle stage" findings={findings}>
      {lifecycle ? (
        <div class="sop-lifecycle">
          <p>
            <strong>{lifecycle.label ?? 'No lifecycle stage set'}</strong>
            {lifecycle.definition ? `: ${lifecycle.definition}` : ''}
          </p>
          {lifecycle.next.length > 0 ? (
            <>
              <h4>Allowed next stages</h4>
              <ul class="sop-list">
                {lifecycle.next.map((n) => (
                  <li key={n.value} data-next-stage={n.value}>
                    <strong>{n.label}</strong>: {n.criteria}
                    {n.ruleId ? <span class="sop-rule-id"> ({n.ruleId})</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : (
        <p class="sop-empty">Lifecycle stage not loaded.</p>
      )}
    </FindingSection>
  );
}
