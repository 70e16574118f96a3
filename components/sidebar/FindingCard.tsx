import type { Finding } from '../../lib/rules/result';
import { domId } from './format';
import { FindingItemRow } from './FindingItemRow';
import { RuleWhy } from './RuleWhy';
import { StatusBadge } from './StatusBadge';

/** One rule's result: title, status in words, its items, and why (rule ID, SOP quote in learn mode). */
export function FindingCard({ finding }: { finding: Finding }) {
  const titleId = domId('finding', finding.ruleId, finding.group);
  const open = finding.status !== 'met';
  return (
    <article
      class={`sop-finding sop-finding--${finding.status}`}
      data-rule-id={finding.ruleId}
      data-status={finding.status}
      aria-labelledby={titleId}
    >
      <header class="sop-finding__head">
        <h4 id={titleId} class="sop-finding__title">{finding.title}</h4>
        <StatusBadge status={finding.status} />
      </header>
      {finding.severity === 'recommended' && open ? <p class="sop-note">Recommended practice (not required by the company SOP).</p> : null}
      {finding.items.length > 0 && open ? (
        <ul class="sop-items">
          {finding.items.map((item, i) => (
            <FindingItemRow key={`${item.label}-${i}`} item={item} ruleId={finding.ruleId} />
          ))}
        </ul>
      ) : null}
      <RuleWhy ruleId={finding.ruleId} why={finding.why} source={finding.source} />
    </article>
  );
}
