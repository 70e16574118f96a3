import type { ContactResult, Evaluation, FindingGroup } from '../../lib/rules/result';
import { FindingSection } from '../sidebar/FindingSection';
import { GuidanceList } from '../sidebar/GuidanceList';
import { OtherFindings } from '../sidebar/OtherFindings';
import { inGroups, notInGroups } from '../sidebar/finding-groups';
import { Consent } from './Consent';
import { Duplicates } from './Duplicates';
import { LeadEligibility } from './LeadEligibility';
import { Lifecycle } from './Lifecycle';

const PLACED: readonly FindingGroup[] = ['lifecycle', 'lead', 'consent', 'hygiene', 'profile'];
const DUPLICATE_RULE = 'ACC-9';
const CONSENT_GUIDE = /^CONSENT-/;

/** A contact: lifecycle, lead eligibility, consent, record hygiene, duplicates. */
export function ContactView({ evaluation, result }: { evaluation: Evaluation; result: ContactResult }) {
  const { findings } = evaluation;
  // ACC-9 is shown beside the duplicate links whatever group the engine filed it in.
  const duplicateFindings = findings.filter((f) => f.ruleId === DUPLICATE_RULE);
  const rest = findings.filter((f) => f.ruleId !== DUPLICATE_RULE);
  const consentGuidance = evaluation.guidance.filter((g) => CONSENT_GUIDE.test(g.ruleId));
  return (
    <>
      <Lifecycle lifecycle={result.lifecycle} findings={inGroups(rest, 'lifecycle')} />
      <LeadEligibility lead={result.lead} findings={inGroups(rest, 'lead')} />
      <Consent consent={result.consent} findings={inGroups(rest, 'consent')} guidance={consentGuidance} />
      <FindingSection id="hygiene" title="Record hygiene" findings={inGroups(rest, 'hygiene', 'profile')} />
      <Duplicates duplicates={result.duplicates} findings={duplicateFindings} />
      <OtherFindings findings={notInGroups(rest, PLACED)} />
      <GuidanceList guidance={evaluation.guidance.filter((g) => !CONSENT_GUIDE.test(g.ruleId))} />
    </>
  );
}
