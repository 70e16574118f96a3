import type { CompanyResult, Evaluation, FindingGroup } from '../../lib/rules/result';
import { Duplicates } from '../contact/Duplicates';
import { FindingSection } from '../sidebar/FindingSection';
import { GuidanceList } from '../sidebar/GuidanceList';
import { OtherFindings } from '../sidebar/OtherFindings';
import { inGroups, notInGroups } from '../sidebar/finding-groups';
import { AccountSummary } from './AccountSummary';
import { HealthScore } from './HealthScore';
import { HierarchyTree } from './HierarchyTree';
import { ProfileCompleteness } from './ProfileCompleteness';

const PLACED: readonly FindingGroup[] = ['profile', 'account', 'health', 'hygiene', 'duplicates'];

/** A company: profile completeness, account, hierarchy with roll-ups, health, hygiene, duplicates. */
export function CompanyView({ evaluation, result }: { evaluation: Evaluation; result: CompanyResult }) {
  // Duplicate checks (the engine's `duplicates` group) sit beside their links.
  const rest = evaluation.findings;
  const duplicateFindings = inGroups(rest, 'duplicates');
  return (
    <>
      <ProfileCompleteness profile={result.profile} findings={inGroups(rest, 'profile')} />
      <AccountSummary result={result} findings={inGroups(rest, 'account')} />
      <HealthScore health={result.health} findings={inGroups(rest, 'health')} />
      <HierarchyTree hierarchy={result.hierarchy} rollup={result.rollup} />
      <FindingSection id="hygiene" title="Record hygiene" findings={inGroups(rest, 'hygiene')} />
      <Duplicates duplicates={result.duplicates} findings={duplicateFindings} />
      <OtherFindings findings={notInGroups(rest, PLACED)} />
      <GuidanceList guidance={evaluation.guidance} />
    </>
  );
}
