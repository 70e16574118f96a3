import type { CommitteeMember, Finding, FindingStatus } from '../../lib/rules/result';
import { FindingSection } from '../sidebar/FindingSection';
import { RecordLink } from '../sidebar/RecordLink';
import { StatusBadge } from '../sidebar/StatusBadge';

export interface BuyingCommitteeProps {
  committee: { members: CommitteeMember[]; status: FindingStatus } | null;
  findings: Finding[];
}

/** ACC-7: the deal's contacts with their roles (association labels) and whether the committee is complete. */
export function BuyingCommittee({ committee, findings }: BuyingCommitteeProps) {
  if (!committee && findings.length === 0) return null;
  return (
    <FindingSection id="committee" title="Buying committee" findings={findings}>
      {committee ? (
        <div class="sop-committee">
          <p>
            Committee: <StatusBadge status={committee.status} />
          </p>
          {committee.members.length === 0 ? (
            <p class="sop-empty">No contacts are associated with this deal.</p>
          ) : (
            <ul class="sop-list">
              {committee.members.map((m) => (
                <li key={m.contact.id}>
                  <RecordLink record={m.contact} name={m.name} />
                  {' — '}
                  {m.roles.length > 0 ? m.roles.join(', ') : 'no role'}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </FindingSection>
  );
}
