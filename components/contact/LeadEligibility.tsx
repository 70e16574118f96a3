import type { Finding } from '../../lib/rules/result';
import { FindingSection } from '../sidebar/FindingSection';

/** LEAD-1: is the contact a lead; the finding's items say which condition fails. */
export function LeadEligibility({ lead, findings }: { lead: { eligible: boolean | null } | null; findings: Finding[] }) {
  if (!lead && findings.length === 0) return null;
  const verdict =
    lead?.eligible === true
      ? 'This contact counts as a lead.'
      : lead?.eligible === false
        ? 'This contact is not a lead yet: see the failing conditions below.'
        : 'Whether this contact is a lead cannot be decided from the loaded data.';
  return (
    <FindingSection id="lead" title="Lead eligibility" findings={findings}>
      {/* No verdict where LEAD-1 is not evaluated (it applies to MQL/SQL contacts only). */}
      {lead ? <p data-lead-eligible={String(lead.eligible ?? 'unknown')}>{verdict}</p> : null}
    </FindingSection>
  );
}
