import type { RuleSource } from '../../lib/playbook/types';
import { useSidebar } from './sidebar-context';

export interface RuleWhyProps {
  ruleId: string;
  why: string;
  source: RuleSource;
}

/** "Why" with the SOP rule ID; in learn mode also the SOP sentence it comes from. */
export function RuleWhy({ ruleId, why, source }: RuleWhyProps) {
  const { learnMode } = useSidebar();
  return (
    <div class="sop-why">
      <p>
        <span class="sop-why__label">Why: </span>
        {why} <span class="sop-rule-id">({ruleId})</span>
      </p>
      {learnMode && source.quote ? (
        <figure class="sop-quote" data-learn-quote>
          <blockquote>{source.quote}</blockquote>
          <figcaption>SOP source: {source.file}</figcaption>
        </figure>
      ) : null}
    </div>
  );
}
