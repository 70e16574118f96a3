import type { Finding, Guidance } from '../../lib/rules/result';
import { FindingSection } from '../sidebar/FindingSection';
import { RuleWhy } from '../sidebar/RuleWhy';

export interface ConsentProps {
  consent: { value: string | null; optedOut: boolean | null } | null;
  findings: Finding[];
  /** CONSENT-1 guidance (names the consent email template). */
  guidance: Guidance[];
}

/** Marketing consent status and how to ask for it one-to-one (CONSENT-1). */
export function Consent({ consent, findings, guidance }: ConsentProps) {
  if (!consent && findings.length === 0 && guidance.length === 0) return null;
  return (
    <FindingSection id="consent" title="Marketing consent" findings={findings}>
      {consent ? (
        <dl class="sop-facts">
          <dt>Consent</dt>
          <dd>{consent.value ?? 'not recorded'}</dd>
          <dt>Opted out of email</dt>
          <dd>{consent.optedOut === null ? 'not loaded' : consent.optedOut ? 'Yes' : 'No'}</dd>
        </dl>
      ) : null}
      {guidance.map((g) => (
        <div class="sop-guide" key={g.ruleId} data-guide-id={g.ruleId}>
          <p>{g.text}</p>
          <RuleWhy ruleId={g.ruleId} why={g.title} source={g.source} />
        </div>
      ))}
    </FindingSection>
  );
}
