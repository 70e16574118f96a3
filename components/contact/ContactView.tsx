import type { ContactResult, Evaluation, FindingGroup } from '../../lib/rules/result';
import { FindingSection } from '../sidebar/FindingSection';
import { GuidanceList } from '../sidebar/GuidanceList';
import { OtherFindings } from '../sidebar/OtherFindings';
import { inGroups, notInGroups } from '../sidebar/finding-groups';
import { Consent } from './Consent';
import { Duplicates } from './Duplicates';
import { LeadEligibility } from './LeadEligibility';
import { Lifecycle } from './Lifecycle';

const PLACED: readonly FindingGroup[] = ['lifecycle', 'lead', 'consent', 'hygiene', 'profile', 'duplicates'];

/** A contact: lifecycle, lead eligibility, consent, record hygiene, duplicates. */
export function ContactView({ evaluation, result }: { evaluation: Evaluation; result: ContactResult }) {
  const { findings } = evaluation;
  // Placement comes from the playbook through the engine's groups (no rule IDs in views):
  // duplicate checks beside their links, consent guidance beside the consent status.
  const rest = findings;
  const duplicateFindings = inGroups(findings, 'duplicates');
  const consentGuidance = evaluation.guidance.filter((g) => g.group === 'consent');
  return (
    <>
      <Lifecycle lifecycle={result.lifecycle} findings={inGroups(rest, 'lifecycle')} />
      <LeadEligibility lead={result.lead} findings={inGroups(rest, 'lead')} />
      <Consent consent={result.consent} findings={inGroups(rest, 'consent')} guidance={consentGuidance} />
      <FindingSection id="hygiene" title="Record hygiene" findings={inGroups(rest, 'hygiene', 'profile')} />
      <Duplicates duplicates={result.duplicates} findings={duplicateFindings} />
      <OtherFindings findings={notInGroups(rest, PLACED)} />
      <GuidanceList guidance={evaluation.guidance.filter((g) => g.group !== 'consent')} />
    </>
  );
}
