/**
 * The scan's results: charts by rule, owner and stage (a bar click filters
 * the table), the filters, one page of the sorted table, and the CSV export
 * of every filtered row (the table's columns).
 */
import { useMemo } from 'preact/hooks';
import type { AdminActions } from '../../lib/admin/admin-controller';
import type { GroupKey, ScanRow } from '../../lib/admin/scan-rows';
import { count, formatNumber } from '../../lib/admin/scan-text';
import { filterForBar, resultsView, type ViewOptions } from '../../lib/admin/scan-view';
import { BarChart } from './BarChart';
import { ResultFilters } from './ResultFilters';
import { ResultsTable } from './ResultsTable';

export interface ResultsSectionProps {
  rows: ScanRow[];
  /** Rows the scan has in all (more may still be loading). */
  expected: number;
  view: ViewOptions;
  scanning: boolean;
  actions: Pick<AdminActions, 'sortBy' | 'filter' | 'clearFilters' | 'goToPage' | 'exportCsv'>;
}

const CHART_TITLE: Record<GroupKey, string> = { rule: 'Violations by rule', owner: 'Violations by owner', stage: 'Violations by stage' };

export function ResultsSection({ rows, expected, view, scanning, actions }: ResultsSectionProps) {
  const v = useMemo(() => resultsView(rows, view), [rows, view]);
  if (rows.length === 0) {
    return <p class="adm-empty">{scanning ? 'No violations found so far.' : expected > 0 ? 'Loading results…' : 'No violations: every scanned record meets the selected rules.'}</p>;
  }
  const filtered = v.rows.length !== v.total;
  return (
    <div class="adm-results">
      <div class="adm-charts">
        {v.charts.map((c) => (
          <BarChart key={c.by} title={CHART_TITLE[c.by]} data={c.data} max={8} onSelect={(key) => actions.filter(filterForBar(c.by, key))} />
        ))}
      </div>
      <ResultFilters filter={view.filter} choices={v.choices} onFilter={actions.filter} onClear={actions.clearFilters} />
      <div class="adm-table-bar">
        <p class="adm-count" role="status">
          {v.rows.length === 0
            ? 'No rows match the filters.'
            : `Showing ${formatNumber(v.from)}–${formatNumber(v.to)} of ${count(v.rows.length, 'row')}${filtered ? ` (filtered from ${formatNumber(v.total)})` : ''}`}
          {rows.length < expected ? <span class="adm-muted">{` · loading ${formatNumber(expected - rows.length)} more…`}</span> : null}
        </p>
        <button type="button" class="adm-button" disabled={v.rows.length === 0} onClick={() => actions.exportCsv(v.rows)}>
          {`Download CSV (${count(v.rows.length, 'row')})`}
        </button>
      </div>
      {v.rows.length > 0 ? <ResultsTable rows={v.pageRows} sort={view.sort} onSort={actions.sortBy} /> : null}
      {v.pageCount > 1 ? (
        <nav class="adm-pager" aria-label="Result pages">
          <button type="button" class="adm-button" disabled={v.page === 0} onClick={() => actions.goToPage(v.page - 1)}>
            Previous
          </button>
          <span>{`Page ${formatNumber(v.page + 1)} of ${formatNumber(v.pageCount)}`}</span>
          <button type="button" class="adm-button" disabled={v.page >= v.pageCount - 1} onClick={() => actions.goToPage(v.page + 1)}>
            Next
          </button>
        </nav>
      ) : null}
    </div>
  );
}
