/**
 * CRM search (`POST /crm/v3/objects/{type}/search`), HubSpot's semantics:
 * filters in a group AND, groups OR (≤ 5 groups, ≤ 6 filters a group, ≤ 18 in
 * all); every operator; numbers, dates and datetimes compare numerically
 * (dates as epoch ms); string EQ/NEQ/IN/NOT_IN ignore case; multi-select
 * values match per `;` part; NEQ / NOT_IN / NOT_CONTAINS_TOKEN match records
 * without the property; `associations.{type}` pseudo-properties filter by
 * associated record id; limit ≤ 200; `after` is an offset and a query can page
 * through at most 10,000 results (`after` ≥ 10,000 answers 400).
 */
import type { PropertyDef } from '../lib/rules/snapshot';
import type { SandboxState, StoredObject } from './state';
import { validationError } from './errors';
import { isRecord } from './http';
import { toEpoch } from './validation';
import { SYSTEM_PROPERTIES } from './object-types';

export const OPERATORS = ['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN'] as const;
export type Operator = (typeof OPERATORS)[number];

export const MAX_GROUPS = 5;
export const MAX_FILTERS_PER_GROUP = 6;
export const MAX_FILTERS = 18;
export const MAX_LIMIT = 200;
export const MAX_RESULTS = 10_000;

export interface Filter {
  propertyName: string;
  operator: Operator;
  value?: string;
  values?: string[];
  highValue?: string;
}

export interface SearchQuery {
  groups: Filter[][];
  sorts: Array<{ propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }>;
  properties?: string[];
  limit: number;
  after: number;
  query?: string;
}

type Kind = 'number' | 'date' | 'string' | 'multi' | 'association';

const NUMERIC_SYSTEM = new Set(['hs_object_id']);
const DATE_SYSTEM = new Set(['createdate', 'hs_createdate', 'hs_lastmodifieddate', 'lastmodifieddate']);
/** Properties the free-text `query` matches, as HubSpot's default searchable properties. */
const QUERY_PROPERTIES = ['firstname', 'lastname', 'email', 'phone', 'name', 'domain', 'website', 'dealname', 'subject', 'content', 'hs_object_id'];

function scalar(v: unknown, what: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw validationError(`Invalid search request: ${what} must be a string or number`);
}

/** Validates a search body into a query, or throws the 400 HubSpot answers. */
export function parseSearch(body: unknown): SearchQuery {
  if (body === undefined) body = {};
  if (!isRecord(body)) throw validationError('Invalid input JSON: the search request must be a JSON object');
  const rawGroups = body.filterGroups ?? [];
  if (!Array.isArray(rawGroups)) throw validationError('Invalid search request: filterGroups must be an array');
  if (rawGroups.length > MAX_GROUPS) {
    throw validationError(`Too many filter groups: ${rawGroups.length}. The maximum is ${MAX_GROUPS}.`, { context: { maxFilterGroups: [String(MAX_GROUPS)] } });
  }
  let total = 0;
  const groups: Filter[][] = rawGroups.map((g, gi) => {
    if (!isRecord(g) || !Array.isArray(g.filters)) throw validationError(`Invalid search request: filterGroups[${gi}].filters must be an array`);
    if (g.filters.length > MAX_FILTERS_PER_GROUP) {
      throw validationError(`Too many filters in filter group ${gi}: ${g.filters.length}. The maximum is ${MAX_FILTERS_PER_GROUP} per group.`);
    }
    total += g.filters.length;
    return g.filters.map((f, fi) => parseFilter(f, `filterGroups[${gi}].filters[${fi}]`));
  });
  if (total > MAX_FILTERS) throw validationError(`Too many filters: ${total}. The maximum is ${MAX_FILTERS} across all filter groups.`);
  const rawSorts = body.sorts ?? [];
  if (!Array.isArray(rawSorts)) throw validationError('Invalid search request: sorts must be an array');
  const sorts = rawSorts.map((s) => {
    if (typeof s === 'string') return s.startsWith('-') ? { propertyName: s.slice(1), direction: 'DESCENDING' as const } : { propertyName: s, direction: 'ASCENDING' as const };
    if (!isRecord(s) || typeof s.propertyName !== 'string') throw validationError('Invalid search request: each sort needs a propertyName');
    const dir = s.direction ?? 'ASCENDING';
    if (dir !== 'ASCENDING' && dir !== 'DESCENDING') throw validationError(`Invalid search request: sort direction must be ASCENDING or DESCENDING, got ${String(dir)}`);
    return { propertyName: s.propertyName, direction: dir as 'ASCENDING' | 'DESCENDING' };
  });
  const limit = body.limit === undefined || body.limit === null ? 10 : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 0) throw validationError(`Invalid search request: limit must be a non-negative integer`);
  if (limit > MAX_LIMIT) throw validationError(`Invalid search request: limit must be less than or equal to ${MAX_LIMIT}, got ${limit}`);
  const after = body.after === undefined || body.after === null || body.after === '' ? 0 : Number(body.after);
  if (!Number.isInteger(after) || after < 0) throw validationError(`Invalid search request: after must be a paging cursor from a previous response`);
  if (after >= MAX_RESULTS) {
    throw validationError(`Invalid search request: paging is limited to ${MAX_RESULTS} results; after=${after} is past the end. Narrow the query (e.g. filter hs_object_id GT the last id) instead.`, {
      context: { after: [String(after)] },
    });
  }
  let properties: string[] | undefined;
  if (body.properties !== undefined) {
    if (!Array.isArray(body.properties) || !body.properties.every((p) => typeof p === 'string')) throw validationError('Invalid search request: properties must be an array of strings');
    properties = body.properties as string[];
  }
  const query = typeof body.query === 'string' && body.query.trim() !== '' ? body.query : undefined;
  return { groups, sorts, properties, limit, after, query };
}

function parseFilter(f: unknown, where: string): Filter {
  if (!isRecord(f)) throw validationError(`Invalid search request: ${where} must be an object`);
  if (typeof f.propertyName !== 'string' || f.propertyName === '') throw validationError(`Invalid search request: ${where}.propertyName is required`);
  const operator = f.operator;
  if (typeof operator !== 'string' || !(OPERATORS as readonly string[]).includes(operator)) {
    throw validationError(`Invalid search request: ${where}.operator ${JSON.stringify(operator)} is not one of ${OPERATORS.join(', ')}`);
  }
  const out: Filter = { propertyName: f.propertyName, operator: operator as Operator };
  const op = out.operator;
  if (op === 'IN' || op === 'NOT_IN') {
    if (!Array.isArray(f.values) || f.values.length === 0) throw validationError(`Invalid search request: ${where} uses ${op}, which needs a non-empty values array`);
    out.values = f.values.map((v, i) => scalar(v, `${where}.values[${i}]`));
  } else if (op !== 'HAS_PROPERTY' && op !== 'NOT_HAS_PROPERTY') {
    if (f.value === undefined || f.value === null) throw validationError(`Invalid search request: ${where} uses ${op}, which needs a value`);
    out.value = scalar(f.value, `${where}.value`);
    if (op === 'BETWEEN') {
      if (f.highValue === undefined || f.highValue === null) throw validationError(`Invalid search request: ${where} uses BETWEEN, which needs value and highValue`);
      out.highValue = scalar(f.highValue, `${where}.highValue`);
    }
  }
  return out;
}

function kindOf(state: SandboxState, typeId: string, name: string): Kind | undefined {
  if (name.startsWith('associations.')) return state.resolveType(name.slice('associations.'.length)) ? 'association' : undefined;
  if (NUMERIC_SYSTEM.has(name)) return 'number';
  if (DATE_SYSTEM.has(name)) return 'date';
  const def: PropertyDef | undefined = state.property(typeId, name);
  if (!def) return SYSTEM_PROPERTIES.has(name) ? 'string' : undefined;
  if (def.type === 'number') return 'number';
  if (def.type === 'date' || def.type === 'datetime') return 'date';
  if (def.type === 'enumeration' && def.fieldType === 'checkbox') return 'multi';
  return 'string';
}

function num(kind: Kind, v: string): number {
  return kind === 'date' ? toEpoch(v) : Number(v);
}

function tokens(v: string): string[] {
  return v.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function containsToken(value: string, needle: string): boolean {
  const n = needle.toLowerCase();
  if (n.includes('*')) {
    const re = new RegExp(`^${n.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return re.test(value.toLowerCase()) || value.toLowerCase().split(/\s+/).some((t) => re.test(t));
  }
  const have = new Set(tokens(value));
  const want = tokens(n);
  return want.length > 0 && want.every((t) => have.has(t));
}

/** Values a filter compares against: one per multi-select part / associated id. */
function valuesOf(state: SandboxState, typeId: string, obj: StoredObject, props: Record<string, string>, name: string, kind: Kind): string[] {
  if (kind === 'association') {
    const to = state.resolveType(name.slice('associations.'.length)) as string;
    return state.associationsOf(typeId, obj.id, to).map((a) => a.toObjectId);
  }
  const v = props[name];
  if (v === undefined || v === '') return [];
  return kind === 'multi' ? v.split(';').filter(Boolean) : [v];
}

function matches(state: SandboxState, typeId: string, obj: StoredObject, props: Record<string, string>, f: Filter): boolean {
  const kind = kindOf(state, typeId, f.propertyName) as Kind;
  const vals = valuesOf(state, typeId, obj, props, f.propertyName, kind);
  const numeric = kind === 'number' || kind === 'date';
  const eq = (a: string, b: string) => (numeric ? num(kind, a) === num(kind, b) : a.toLowerCase() === b.toLowerCase());
  const cmp = (a: string, b: string) => (numeric ? num(kind, a) - num(kind, b) : a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
  const value = f.value ?? '';
  switch (f.operator) {
    case 'EQ': return vals.some((v) => eq(v, value));
    case 'NEQ': return !vals.some((v) => eq(v, value));
    case 'LT': return vals.some((v) => cmp(v, value) < 0);
    case 'LTE': return vals.some((v) => cmp(v, value) <= 0);
    case 'GT': return vals.some((v) => cmp(v, value) > 0);
    case 'GTE': return vals.some((v) => cmp(v, value) >= 0);
    case 'BETWEEN': return vals.some((v) => cmp(v, value) >= 0 && cmp(v, f.highValue ?? '') <= 0);
    case 'IN': return vals.some((v) => (f.values ?? []).some((w) => eq(v, w)));
    case 'NOT_IN': return !vals.some((v) => (f.values ?? []).some((w) => eq(v, w)));
    case 'HAS_PROPERTY': return vals.length > 0;
    case 'NOT_HAS_PROPERTY': return vals.length === 0;
    case 'CONTAINS_TOKEN': return vals.some((v) => containsToken(v, value));
    case 'NOT_CONTAINS_TOKEN': return !vals.some((v) => containsToken(v, value));
  }
}

export interface SearchResult {
  total: number;
  page: Array<{ obj: StoredObject; properties: Record<string, string> }>;
  /** Offset of the next page; undefined on the last page. */
  nextAfter?: number;
}

/** Runs a parsed query against the state as search sees it (`lagMs` behind writes). */
export function runSearch(state: SandboxState, typeId: string, q: SearchQuery, lagMs = 0): SearchResult {
  for (const f of q.groups.flat()) {
    if (!kindOf(state, typeId, f.propertyName)) throw validationError(`Invalid search request: Property "${f.propertyName}" does not exist`, { context: { propertyName: [f.propertyName] } });
  }
  for (const s of q.sorts) {
    if (!kindOf(state, typeId, s.propertyName) || s.propertyName.startsWith('associations.')) throw validationError(`Invalid search request: cannot sort by "${s.propertyName}": the property does not exist`);
  }
  const candidates: Array<{ obj: StoredObject; properties: Record<string, string> }> = [];
  for (const obj of state.listObjects(typeId).concat(lagMs > 0 ? state.listObjects(typeId, { archived: true }) : [])) {
    const view = state.searchView(obj, lagMs);
    if (!view) continue;
    const props = view.properties;
    if (q.groups.length > 0 && !q.groups.some((g) => g.every((f) => matches(state, typeId, obj, props, f)))) continue;
    if (q.query && !QUERY_PROPERTIES.some((p) => props[p] !== undefined && props[p]!.toLowerCase().includes(q.query!.toLowerCase()))) continue;
    candidates.push({ obj, properties: props });
  }
  const sorts = q.sorts.length > 0 ? q.sorts : [{ propertyName: 'hs_object_id', direction: 'ASCENDING' as const }];
  candidates.sort((a, b) => {
    for (const s of sorts) {
      const kind = kindOf(state, typeId, s.propertyName) as Kind;
      const x = a.properties[s.propertyName];
      const y = b.properties[s.propertyName];
      // Missing values sort last in either direction.
      if (x === undefined || y === undefined) {
        if (x === y) continue;
        return x === undefined ? 1 : -1;
      }
      const c = kind === 'number' || kind === 'date' ? num(kind, x) - num(kind, y) : x.toLowerCase().localeCompare(y.toLowerCase());
      if (c !== 0) return s.direction === 'ASCENDING' ? c : -c;
    }
    return Number(a.obj.id) - Number(b.obj.id);
  });
  // Results past the 10,000th are never served; the cursor still points there (and answers 400).
  const page = candidates.slice(q.after, Math.min(q.after + q.limit, MAX_RESULTS));
  const next = q.after + page.length;
  return { total: candidates.length, page, nextAfter: next < candidates.length && page.length > 0 ? next : undefined };
}
