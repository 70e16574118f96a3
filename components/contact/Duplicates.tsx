import type { Finding } from '../../lib/rules/result';
import type { RecordRef } from '../../lib/rules/snapshot';
import { FindingSection } from '../sidebar/FindingSection';
import { RecordLink } from '../sidebar/RecordLink';

/** ACC-9: likely duplicates, linked, with the advice to merge rather than create. */
export function Duplicates({ duplicates, findings }: { duplicates: RecordRef[]; findings: Finding[] }) {
  if (duplicates.length === 0 && findings.length === 0) return null;
  return (
    <FindingSection id="duplicates" title="Possible duplicates" findings={findings}>
      {duplicates.length > 0 ? (
        <>
          <p>Merge these into one record rather than keeping both:</p>
          <ul class="sop-list">
            {duplicates.map((d) => (
              <li key={`${d.objectTypeId}/${d.id}`}>
                <RecordLink record={d} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </FindingSection>
  );
}
