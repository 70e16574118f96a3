/**
 * What the results table and the charts show for the rows loaded so far:
 * filtered, sorted, one page of the table, the filter choices, and for each
 * chart the counts under every filter but its own (so a chart still shows
 * the other bars after one of them was clicked). Pure.
 */
import { countBy, filterRows, sortRows, type GroupKey, type RowFilter, type ScanRow, type SortKey } from './scan-rows';

export const PAGE_SIZE = 50;

export interface ViewOptions {
  sort: { key: SortKey; direction: 'asc' | 'desc' };
  filter: RowFilter;
  /** 0-based. */
  page: number;
}

export interface ChartData {
  by: GroupKey;
  data: Array<{ key: string; label: string; value: number }>;
}

export interface ResultsView {
  /** Every row that passes the filter, in table order (the CSV exports these). */
  rows: ScanRow[];
  pageRows: ScanRow[];
  page: number;
  pageCount: number;
  /** 1-based positions of the page's first and last row. */
  from: number;
  to: number;
  total: number;
  charts: ChartData[];
  choices: {
    rules: Array<{ value: string; label: string }>;
    owners: Array<{ value: string; label: string }>;
    stages: Array<{ value: string; label: string }>;
  };
}

/** The owner filter's value for "no owner" (owner ids are digits). */
export const NO_OWNER = '(none)';

function byLabel(list: Array<{ key: string; label: string }>): Array<{ value: string; label: string }> {
  return list.map((g) => ({ value: g.key, label: g.label })).sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }));
}

export function resultsView(all: readonly ScanRow[], options: ViewOptions): ResultsView {
  const rows = sortRows(filterRows(all, options.filter), options.sort.key, options.sort.direction);
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, options.page), pageCount - 1);
  const pageRows = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const without = (key: keyof RowFilter): RowFilter => {
    const f = { ...options.filter };
    delete f[key];
    return f;
  };
  const charts: ChartData[] = [
    { by: 'rule', data: countBy(filterRows(all, without('ruleId')), 'rule') },
    { by: 'owner', data: countBy(filterRows(all, without('ownerId')), 'owner') },
    { by: 'stage', data: countBy(filterRows(all, without('stage')), 'stage') },
  ];
  return {
    rows,
    pageRows,
    page,
    pageCount,
    from: rows.length === 0 ? 0 : page * PAGE_SIZE + 1,
    to: page * PAGE_SIZE + pageRows.length,
    total: all.length,
    charts,
    choices: {
      rules: byLabel(countBy(all, 'rule')),
      owners: byLabel(countBy(all, 'owner')),
      stages: byLabel(countBy(all, 'stage')),
    },
  };
}

/** A chart bar's key as the filter it sets. */
export function filterForBar(by: GroupKey, key: string): RowFilter {
  if (by === 'rule') return { ruleId: key };
  if (by === 'owner') return { ownerId: key === NO_OWNER ? null : key };
  return { stage: key };
}
