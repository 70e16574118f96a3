import type { CompanyResult, Finding } from '../../lib/rules/result';
import { FindingSection } from '../sidebar/FindingSection';

/** ACC-1: how complete the company profile is and which fields are missing. */
export function ProfileCompleteness({ profile, findings }: { profile: CompanyResult['profile']; findings: Finding[] }) {
  return (
    <FindingSection id="profile" title="Company profile" findings={findings}>
      <p data-profile={`${profile.filled}/${profile.total}`}>
        {profile.filled} of {profile.total} profile fields filled
        {profile.missing.length > 0 ? `; missing: ${profile.missing.join(', ')}.` : '.'}
      </p>
      <progress max={profile.total} value={profile.filled} aria-label="Profile completeness">
        {profile.filled} of {profile.total}
      </progress>
    </FindingSection>
  );
}
