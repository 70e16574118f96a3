import { Fragment } from 'preact';
import type { CompanyResult, Finding } from '../../lib/rules/result';
import { FindingSection } from '../sidebar/FindingSection';
import { formatAge } from '../sidebar/format';
import { useSidebar } from '../sidebar/sidebar-context';

export interface AccountSummaryProps {
  result: CompanyResult;
  findings: Finding[];
}

/** ACC-2/4/5/10: account type, SLA tier, account team and the last logged activity. */
export function AccountSummary({ result, findings }: AccountSummaryProps) {
  const { now } = useSidebar();
  return (
    <FindingSection id="account" title="Account" findings={findings}>
      <dl class="sop-facts">
        <dt>Account type</dt>
        <dd>{result.accountType ?? 'not set'}</dd>
        <dt>SLA tier</dt>
        <dd>{result.slaTier ?? 'not set'}</dd>
        {result.team.map((member) => (
          <Fragment key={member.role}>
            <dt>{member.role}</dt>
            <dd>{member.ownerName ?? (member.ownerId ? `Owner ${member.ownerId}` : 'not assigned')}</dd>
          </Fragment>
        ))}
        <dt>Last activity</dt>
        <dd data-last-activity>{result.lastActivity ? formatAge(result.lastActivity, now) : 'none logged'}</dd>
      </dl>
    </FindingSection>
  );
}
