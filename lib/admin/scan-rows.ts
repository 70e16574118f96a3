/**
 * The compliance scan's result table: one row per (record, failing rule),
 * built from the engine's findings so the scan and the sidebar can never
 * disagree (SOP-RULES.md: "The compliance scan uses the same results").
 * Pure: sorting, filtering, grouping for the charts and the CSV columns.
 */
import type { Evaluation, Finding } from '../rules/result';
import type { CsvColumn } from './csv';
import { toCsv } from './csv';

export interface ScanRow {
  objectTypeId: string;
  recordId: string;
  recordName: string;
  ruleId: string;
  ruleTitle: string;
  status: 'violation' | 'warning';
  /** The failing items, in words ("Deal Approval Status: Approved required, is Pending"). */
  missing: string;
  ownerId: string | null;
  ownerName: string | null;
  pipeline: string | null;
  stage: string | null;
  daysInStage: number | null;
  /** Link that opens the record in HubSpot. */
  url: string;
}

export interface RowContext {
  uiDomain: string;
  portalId: number;
  ownerId: string | null;
  ownerName: string | null;
  pipeline: string | null;
  stage: string | null;
  daysInStage: number | null;
  /** Only these rule IDs (empty/undefined = all). */
  rules?: ReadonlySet<string>;
}

/** HubSpot's record URL (works for standard and custom objects, US and EU hosts). */
export function recordUrl(uiDomain: string, portalId: number, objectTypeId: string, id: string): string {
  return `https://${uiDomain}/contacts/${portalId}/record/${objectTypeId}/${id}`;
}

function describeMissing(finding: Finding): string {
  const failing = finding.items.filter((i) => i.status !== 'met');
  if (failing.length === 0) return finding.title;
  return failing
    .map((i) => (i.current === null ? `${i.label}: ${i.required}` : `${i.label}: ${i.required} (is ${i.current})`))
    .join('; ');
}

/** Rows for one evaluated record: every violation and warning (missing = not yet due, unknown = not evaluable). */
export function rowsFor(evaluation: Evaluation, ctx: RowContext): ScanRow[] {
  const rows: ScanRow[] = [];
  for (const f of evaluation.findings) {
    if (f.status !== 'violation' && f.status !== 'warning') continue;
    if (ctx.rules && ctx.rules.size > 0 && !ctx.rules.has(f.ruleId)) continue;
    rows.push({
      objectTypeId: evaluation.record.objectTypeId,
      recordId: evaluation.record.id,
      recordName: evaluation.name,
      ruleId: f.ruleId,
      ruleTitle: f.title,
      status: f.status,
      missing: describeMissing(f),
      ownerId: ctx.ownerId,
      ownerName: ctx.ownerName,
      pipeline: ctx.pipeline,
      stage: ctx.stage,
      daysInStage: ctx.daysInStage,
      url: recordUrl(ctx.uiDomain, ctx.portalId, evaluation.record.objectTypeId, evaluation.record.id),
    });
  }
  return rows;
}

export type SortKey = 'record' | 'rule' | 'owner' | 'stage' | 'days' | 'status';
export type GroupKey = 'rule' | 'owner' | 'stage';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function sortValue(row: ScanRow, key: SortKey): string | number {
  switch (key) {
    case 'record': return row.recordName;
    case 'rule': return row.ruleId;
    case 'owner': return row.ownerName ?? '';
    case 'stage': return `${row.pipeline ?? ''} ${row.stage ?? ''}`;
    case 'days': return row.daysInStage ?? -1;
    case 'status': return row.status;
  }
}

export function sortRows(rows: readonly ScanRow[], key: SortKey, direction: 'asc' | 'desc' = 'asc'): ScanRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return c !== 0 ? sign * c : collator.compare(a.recordName, b.recordName) || collator.compare(a.ruleId, b.ruleId);
  });
}

export interface RowFilter {
  text?: string;
  ruleId?: string;
  /** An owner id, or null for rows without an owner; undefined = any owner. */
  ownerId?: string | null;
  /** A `countBy(rows, 'stage')` key. */
  stage?: string;
  status?: ScanRow['status'];
}

export function filterRows(rows: readonly ScanRow[], filter: RowFilter): ScanRow[] {
  const needle = filter.text?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!filter.ruleId || r.ruleId === filter.ruleId) &&
      (filter.ownerId === undefined || r.ownerId === filter.ownerId) &&
      (!filter.stage || groupKey(r, 'stage') === filter.stage) &&
      (!filter.status || r.status === filter.status) &&
      (!needle ||
        [r.recordName, r.ruleId, r.ruleTitle, r.missing, r.ownerName ?? '', r.stage ?? '', r.pipeline ?? '']
          .join('\n')
          .toLowerCase()
          .includes(needle)),
  );
}

function groupKey(row: ScanRow, by: GroupKey): string {
  if (by === 'rule') return row.ruleId;
  if (by === 'owner') return row.ownerId ?? '(none)';
  return `${row.pipeline ?? ''} › ${row.stage ?? ''}`;
}

function groupLabel(row: ScanRow, by: GroupKey): string {
  if (by === 'rule') return `${row.ruleId} ${row.ruleTitle}`;
  if (by === 'owner') return row.ownerName ?? 'No owner';
  return row.pipeline || row.stage ? `${row.pipeline ?? '—'} › ${row.stage ?? '—'}` : 'No pipeline';
}

/** Violation counts per group, for the charts. */
export function countBy(rows: readonly ScanRow[], by: GroupKey): Array<{ key: string; label: string; value: number }> {
  const groups = new Map<string, { key: string; label: string; value: number }>();
  for (const row of rows) {
    const key = groupKey(row, by);
    const group = groups.get(key) ?? { key, label: groupLabel(row, by), value: 0 };
    group.value++;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The table's columns, in the table's order, for the CSV (same columns as the table). */
export const SCAN_COLUMNS: ReadonlyArray<CsvColumn<ScanRow>> = [
  { header: 'Record', value: (r) => r.recordName },
  { header: 'Record ID', value: (r) => r.recordId },
  { header: 'Rule ID', value: (r) => r.ruleId },
  { header: 'Rule', value: (r) => r.ruleTitle },
  { header: 'Severity', value: (r) => (r.status === 'violation' ? 'Required' : 'Recommended') },
  { header: 'What is missing', value: (r) => r.missing },
  { header: 'Owner', value: (r) => r.ownerName ?? '' },
  { header: 'Pipeline', value: (r) => r.pipeline ?? '' },
  { header: 'Stage', value: (r) => r.stage ?? '' },
  { header: 'Days in stage', value: (r) => r.daysInStage ?? '' },
  { header: 'HubSpot link', value: (r) => r.url },
];

export function scanCsv(rows: readonly ScanRow[]): string {
  return toCsv(SCAN_COLUMNS, rows);
}
