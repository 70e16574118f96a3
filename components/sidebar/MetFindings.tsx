import type { Finding } from '../../lib/rules/result';
import { FindingCard } from './FindingCard';

/** Met findings, folded away under a count so open work stays on top. */
export function MetFindings({ findings }: { findings: Finding[] }) {
  const met = findings.filter((f) => f.status === 'met');
  if (met.length === 0) return null;
  return (
    <details class="sop-met">
      <summary>{met.length === 1 ? '1 rule met' : `${met.length} rules met`}</summary>
      {met.map((f) => (
        <FindingCard key={`${f.ruleId}-${f.group}`} finding={f} />
      ))}
    </details>
  );
}
