/**
 * One page of result rows. Column headers sort (aria-sort says how); each
 * record opens in HubSpot in a new tab. Values come from HubSpot and are
 * rendered as text only (Preact escapes them).
 */
import type { ScanRow, SortKey } from '../../lib/admin/scan-rows';
import { formatNumber } from '../../lib/admin/scan-text';

export interface ResultsTableProps {
  rows: ScanRow[];
  sort: { key: SortKey; direction: 'asc' | 'desc' };
  onSort: (key: SortKey) => void;
}

const COLUMNS: Array<{ label: string; key: SortKey | null; class?: string }> = [
  { label: 'Record', key: 'record' },
  { label: 'Rule', key: 'rule' },
  { label: 'Severity', key: 'status' },
  { label: 'What is missing', key: null, class: 'adm-col-missing' },
  { label: 'Owner', key: 'owner' },
  { label: 'Pipeline', key: 'stage' },
  { label: 'Stage', key: null },
  { label: 'Days in stage', key: 'days', class: 'adm-num' },
];

export function ResultsTable({ rows, sort, onSort }: ResultsTableProps) {
  const sortedBy = COLUMNS.find((c) => c.key === sort.key)?.label ?? '';
  return (
    <div class="adm-table-wrap">
      <table class="adm-table">
        <caption class="visually-hidden">{`Scan results, sorted by ${sortedBy.toLowerCase()} (${sort.direction === 'asc' ? 'ascending' : 'descending'})`}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const current = c.key !== null && c.key === sort.key;
              return (
                <th
                  key={c.label}
                  scope="col"
                  class={c.class}
                  aria-sort={c.key === null ? undefined : current ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  {c.key === null ? (
                    c.label
                  ) : (
                    <button type="button" class="adm-sort" onClick={() => onSort(c.key!)}>
                      {c.label}
                      <span class="adm-sort__icon" aria-hidden="true">
                        {current ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.objectTypeId}/${r.recordId}/${r.ruleId}`} data-rule-id={r.ruleId}>
              <td>
                <a href={r.url} target="_blank" rel="noopener noreferrer" class="adm-record">
                  {r.recordName}
                  <span class="visually-hidden"> (opens HubSpot in a new tab)</span>
                </a>
                <span class="adm-record-id">{r.recordId}</span>
              </td>
              <td>
                <span class="adm-rule-id">{r.ruleId}</span>
                <span class="adm-rule-title">{r.ruleTitle}</span>
              </td>
              <td>
                <span class={`adm-badge adm-badge--${r.status === 'violation' ? 'error' : 'warning'}`}>{r.status === 'violation' ? 'Required' : 'Recommended'}</span>
              </td>
              <td class="adm-col-missing">{r.missing}</td>
              <td>{r.ownerName ?? <span class="adm-muted">No owner</span>}</td>
              <td>{r.pipeline ?? <span class="adm-muted">—</span>}</td>
              <td>{r.stage ?? <span class="adm-muted">—</span>}</td>
              <td class="adm-num">{r.daysInStage === null ? <span class="adm-muted">—</span> : formatNumber(r.daysInStage)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
