import type { RecordRef } from '../../lib/rules/snapshot';
import { recordHref, recordLabel } from './format';
import { useSidebar } from './sidebar-context';

/** A link to another HubSpot record in the same portal (same tab: HubSpot is a SPA). */
export function RecordLink({ record, name }: { record: RecordRef; name?: string | null }) {
  const { portalId, names } = useSidebar();
  const text = name?.trim() ? name : recordLabel(record, names);
  return (
    <a class="sop-link" href={recordHref(portalId, record)} data-record-link={`${record.objectTypeId}/${record.id}`}>
      {text}
    </a>
  );
}
