import type { RecordRef } from '../../lib/rules/snapshot';
import { objectLabel, recordHref } from './format';
import { useSidebar } from './sidebar-context';

/** A link to another HubSpot record in the same portal (same tab: HubSpot is a SPA). */
export function RecordLink({ record, name }: { record: RecordRef; name?: string | null }) {
  const { portalId } = useSidebar();
  const text = name?.trim() ? name : `${objectLabel(record.objectTypeId)} ${record.id}`;
  return (
    <a class="sop-link" href={recordHref(portalId, record)} data-record-link={`${record.objectTypeId}/${record.id}`}>
      {text}
    </a>
  );
}
