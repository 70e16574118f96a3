import { useState } from 'preact/hooks';
import type { ChecklistRow, Finding } from '../../lib/rules/result';
import type { ActionResult } from '../../lib/content/view-model';
import { FindingSection } from '../sidebar/FindingSection';
import { RecordLink } from '../sidebar/RecordLink';
import { errorSummary } from '../sidebar/error-text';
import { useSidebar } from '../sidebar/sidebar-context';

export interface SopChecklistProps {
  sop: { rows: ChecklistRow[]; complete: boolean; noteId: string | null };
  findings: Finding[];
}

function groupRows(rows: ChecklistRow[]): Array<{ label: string; rows: ChecklistRow[] }> {
  const groups: Array<{ label: string; rows: ChecklistRow[] }> = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last.label === row.objectLabel) last.rows.push(row);
    else groups.push({ label: row.objectLabel, rows: [row] });
  }
  return groups;
}

/**
 * SOP-1 / SOP-2: the S&OP checklist (deal and company rows with their
 * values) and the button that writes the `#S&OP` note. Complete → enabled;
 * with gaps → the gaps are listed and the rep must confirm first.
 */
export function SopChecklist({ sop, findings }: SopChecklistProps) {
  const { actions } = useSidebar();
  const [confirmed, setConfirmed] = useState(false);
  const [result, setResult] = useState<ActionResult | 'busy' | null>(null);
  const gaps = sop.rows.filter((r) => !r.known);
  const canCreate = sop.complete || confirmed;

  const create = async () => {
    setResult('busy');
    setResult(await actions.createSopNote(!sop.complete));
  };

  return (
    <FindingSection id="sop" title="S&OP checklist" findings={findings}>
      {groupRows(sop.rows).map((group) => (
        <table class="sop-table" key={group.label}>
          <caption>{group.label}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((row) => (
              <tr key={`${row.object}-${row.property}`} data-known={String(row.known)}>
                <th scope="row">{row.label}</th>
                <td>
                  {row.known ? row.value : <span class="sop-missing-text">Missing</span>}
                  {row.record && !row.known ? (
                    <>
                      {' '}
                      (<RecordLink record={row.record} />)
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {sop.noteId ? (
        <p class="sop-ok" data-sop-note={sop.noteId}>
          An S&OP note is already on this deal (note {sop.noteId}).
        </p>
      ) : (
        <div class="sop-sopnote">
          {gaps.length > 0 ? (
            <>
              <p>
                {gaps.length === 1 ? '1 item is missing' : `${gaps.length} items are missing`}:{' '}
                {gaps.map((g) => `${g.label} (${g.objectLabel})`).join(', ')}.
              </p>
              <label class="sop-check">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed((e.currentTarget as HTMLInputElement).checked)} />
                Create the note anyway; the missing items are listed as missing.
              </label>
            </>
          ) : null}
          <button type="button" class="sop-button sop-button--primary" disabled={!canCreate || result === 'busy'} onClick={create} data-action="create-sop-note">
            {result === 'busy' ? 'Creating…' : 'Create S&OP note'}
          </button>
          <p role="status" class="sop-fix__msg">
            {result && result !== 'busy'
              ? result.ok
                ? result.sent
                  ? 'S&OP note created on the deal and its company.'
                  : 'S&OP note queued: it will be written when HubSpot is reachable.'
                : `Not created: ${errorSummary(result.error)}`
              : null}
          </p>
        </div>
      )}
    </FindingSection>
  );
}
