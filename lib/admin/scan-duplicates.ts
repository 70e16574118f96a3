/**
 * ACC-9 (likely duplicates) across a whole scan. The sidebar searches
 * HubSpot for candidates of the one record on screen; a scan reads every
 * record of the object anyway, so instead of one search per record (10,000
 * contacts = 10,000 searches at 4–5 a second) it keeps each record's
 * duplicate keys and, once every page is read, hands the engine each record
 * with the records that share a key as its candidates. The engine decides
 * (lib/rules/duplicates.ts), from the same keys the Resolutions define:
 * contacts by email (case-insensitive); companies by domain (lower case,
 * without `www.`) or by name without punctuation and legal suffixes; other
 * objects by their normalized display name.
 *
 * A scan limited to some pipelines or a record count compares the records it
 * read (said in the summary).
 */
import type { Playbook, Predicate, Rule } from '../playbook/types';
import { normalizeCompanyName, normalizeDomain } from '../rules/duplicates';
import { HS } from '../rules/hubspot';
import type { Evaluation } from '../rules/result';
import type { PortalMeta, RecordData, RecordKey, Snapshot } from '../rules/snapshot';
import { OBJECT_TYPE } from '../rules/snapshot';
import { isBlank } from '../rules/values';
import { rowsFor, type RowContext, type ScanRow } from './scan-rows';

/** One record kept for the end-of-scan duplicate check. */
export interface DuplicateEntry {
  scanId: string;
  key: RecordKey;
  keys: string[];
  record: RecordData;
  context: Omit<RowContext, 'rules'>;
  /** The duplicate rules that apply to the record. */
  rules: string[];
}

function hasNoDuplicates(p: Predicate | undefined): boolean {
  if (!p) return false;
  if (p.op === 'noDuplicates') return true;
  if (p.op === 'all' || p.op === 'any') return p.of.some(hasNoDuplicates);
  if (p.op === 'not') return hasNoDuplicates(p.of);
  if (p.op === 'iff') return hasNoDuplicates(p.left) || hasNoDuplicates(p.right);
  return false;
}

/** Rules answered by the scan-wide duplicate check (ACC-9 in the default playbook). */
export function duplicateRules(rules: readonly Rule[]): Set<string> {
  return new Set(rules.filter((r) => 'test' in r && hasNoDuplicates(r.test)).map((r) => r.id));
}

/** The keys the engine compares (lib/rules/duplicates.ts keysFor), for grouping. */
export function duplicateKeys(rec: RecordData, playbook: Playbook, alias: string): string[] {
  const p = rec.properties;
  if (rec.objectTypeId === OBJECT_TYPE.contact) {
    const e = p[HS.email];
    return !isBlank(e) ? ['e:' + e!.trim().toLowerCase()] : [];
  }
  if (rec.objectTypeId === OBJECT_TYPE.company) {
    const out: string[] = [];
    const d = normalizeDomain(p[HS.domain]);
    if (d) out.push('d:' + d);
    const n = normalizeCompanyName(p[HS.companyName]);
    if (n) out.push('n:' + n);
    return out;
  }
  const parts = (playbook.objects[alias]?.nameProperties ?? []).map((n) => p[n]).filter((v): v is string => typeof v === 'string' && !isBlank(v));
  const n = parts.length ? normalizeCompanyName(parts.join(' ')) : null;
  return n ? ['n:' + n] : [];
}

export interface DuplicatePassInput {
  entries: readonly DuplicateEntry[];
  playbook: Playbook;
  meta: PortalMeta;
  now: number;
  evaluate: (snapshot: Snapshot, playbook: Playbook, now: Date) => Evaluation;
}

/** Rows of every record that shares a key with another record of its object. */
export function duplicateRows(input: DuplicatePassInput): ScanRow[] {
  const groups = new Map<string, RecordKey[]>();
  for (const e of input.entries) {
    for (const k of e.keys) {
      const g = `${e.record.objectTypeId}|${k}`;
      const list = groups.get(g);
      if (list) list.push(e.key);
      else groups.set(g, [e.key]);
    }
  }
  const byKey = new Map(input.entries.map((e) => [e.key, e]));
  const rows: ScanRow[] = [];
  const loadedAt = new Date(input.now).toISOString();
  for (const e of input.entries) {
    const candidates = new Set<RecordKey>();
    for (const k of e.keys) for (const other of groups.get(`${e.record.objectTypeId}|${k}`) ?? []) if (other !== e.key) candidates.add(other);
    // No shared key: the rule is met, nothing to report.
    if (candidates.size === 0) continue;
    const records: Snapshot['records'] = { [e.key]: e.record };
    for (const c of candidates) records[c] = byKey.get(c)!.record;
    const snapshot: Snapshot = {
      portal: input.meta,
      focus: { objectTypeId: e.record.objectTypeId, id: e.record.id },
      records,
      associations: [],
      loadedAssociations: [],
      engagements: {},
      files: {},
      duplicateCandidates: [...candidates].sort(),
      loadedAt,
    };
    const evaluation = input.evaluate(snapshot, input.playbook, new Date(input.now));
    rows.push(...rowsFor(evaluation, { ...e.context, rules: new Set(e.rules) }));
  }
  return rows;
}
