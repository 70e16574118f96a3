import type { Finding, FindingGroup } from '../../lib/rules/result';
import { FindingSection } from './FindingSection';

/** Headings for findings a view has no dedicated place for (none is ever dropped). */
const TITLES: Record<FindingGroup, string> = {
  next: 'Needed next',
  earlier: 'Earlier stages left open',
  toWon: 'To close as won',
  toLost: 'To close as lost',
  afterWon: 'After closing won',
  process: 'Process',
  checklist: 'Checklist',
  committee: 'Buying committee',
  lifecycle: 'Lifecycle',
  lead: 'Lead eligibility',
  consent: 'Consent',
  hygiene: 'Record hygiene',
  duplicates: 'Likely duplicates',
  profile: 'Profile',
  account: 'Account',
  health: 'Account health',
  cadence: 'Check-in cadence',
  subscription: 'Client Hub records',
};

/** The leftover findings, one section per group, in the order they first appear. */
export function OtherFindings({ findings }: { findings: Finding[] }) {
  const groups: FindingGroup[] = [];
  for (const f of findings) if (!groups.includes(f.group)) groups.push(f.group);
  return (
    <>
      {groups.map((g) => (
        <FindingSection key={g} id={`other-${g}`} title={TITLES[g] ?? 'Other checks'} findings={findings.filter((f) => f.group === g)} />
      ))}
    </>
  );
}
