import type { Guidance } from '../../lib/rules/result';
import { domId } from './format';
import { RuleWhy } from './RuleWhy';

/** SOP guidance for where the record is now (guide rules: no failing state). */
export function GuidanceList({ guidance, title = 'Guidance' }: { guidance: Guidance[]; title?: string }) {
  if (guidance.length === 0) return null;
  const headingId = domId('section', 'guidance');
  return (
    <section class="sop-section" aria-labelledby={headingId} data-section="guidance">
      <h3 id={headingId}>{title}</h3>
      <ul class="sop-guidance">
        {guidance.map((g) => (
          <li key={g.ruleId} data-guide-id={g.ruleId}>
            <h4>{g.title}</h4>
            <p>{g.text}</p>
            <RuleWhy ruleId={g.ruleId} why="SOP guidance." source={g.source} />
          </li>
        ))}
      </ul>
    </section>
  );
}
