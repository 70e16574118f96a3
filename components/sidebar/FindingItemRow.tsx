import type { FindingItem } from '../../lib/rules/result';
import { ITEM_STATUS_TEXT, sameRecord } from './format';
import { FixControl } from './FixControl';
import { RecordLink } from './RecordLink';
import { useSidebar } from './sidebar-context';

/** One item of a finding: label, current value, what is required, and the in-place fix when it is missing. */
export function FindingItemRow({ item, ruleId }: { item: FindingItem; ruleId: string }) {
  const { record } = useSidebar();
  const elsewhere = item.record && !sameRecord(item.record, record) ? item.record : null;
  return (
    <li class={`sop-item sop-item--${item.status}`} data-item-status={item.status}>
      <div class="sop-item__head">
        <span class="sop-item__label">{item.label}</span>
        <span class={`sop-item__status sop-item__status--${item.status}`}>{ITEM_STATUS_TEXT[item.status]}</span>
      </div>
      <dl class="sop-item__facts">
        <dt>Now</dt>
        <dd>{item.current ?? 'not set'}</dd>
        <dt>Required</dt>
        <dd>{item.required}</dd>
        {elsewhere ? (
          <>
            <dt>On</dt>
            <dd><RecordLink record={elsewhere} /></dd>
          </>
        ) : null}
      </dl>
      {item.fix && item.status === 'missing' ? <FixControl fix={item.fix} ruleId={ruleId} /> : null}
    </li>
  );
}
