/**
 * ACC-9: likely duplicates among the snapshot's search candidates
 * (Resolutions): contacts with the same email (case-insensitive); companies
 * with the same domain (lower case, without `www.`) or the same name after
 * lower-casing and removing punctuation and the suffixes inc, llc, pllc, pc,
 * ltd, corp. Other objects: the same normalized display name.
 */
import type { Predicate } from '../playbook/types';
import type { RecordData, RecordRef } from './snapshot';
import { OBJECT_TYPE } from './snapshot';
import type { Ctx } from './context';
import type { Env } from './resolve';
import { aliasOf } from './resolve';
import { refOf } from './context';
import { FAIL, MET, UNK, item, type Node, type Tri } from './node';
import { HS } from './hubspot';
import { isBlank } from './values';

type P = Extract<Predicate, { op: 'noDuplicates' }>;

const SUFFIXES = new Set(['inc', 'llc', 'pllc', 'pc', 'ltd', 'corp']);

export function normalizeDomain(v: string | null | undefined): string | null {
  if (isBlank(v)) return null;
  let d = (v as string).trim().toLowerCase();
  const scheme = d.indexOf('://');
  if (scheme >= 0) d = d.slice(scheme + 3);
  const slash = d.indexOf('/');
  if (slash >= 0) d = d.slice(0, slash);
  if (d.startsWith('www.')) d = d.slice(4);
  while (d.endsWith('.')) d = d.slice(0, -1);
  return d || null;
}

export function normalizeCompanyName(v: string | null | undefined): string | null {
  if (isBlank(v)) return null;
  let cleaned = '';
  for (const ch of (v as string).toLowerCase()) {
    const c = ch.charCodeAt(0);
    const alnum = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c > 127;
    cleaned += alnum ? ch : c === 38 || ch === '.' || ch === "'" ? '' : ' ';
  }
  const words = cleaned.split(' ').filter(Boolean);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ') || null;
}

function displayName(ctx: Ctx, rec: RecordData): string | null {
  const alias = aliasOf(ctx.env, rec.objectTypeId);
  const props = alias ? ctx.env.objects.get(alias)?.nameProperties ?? [] : [];
  const parts = props.map((p) => rec.properties[p]).filter((v): v is string => typeof v === 'string' && !isBlank(v));
  return parts.length ? normalizeCompanyName(parts.join(' ')) : null;
}

function keysFor(ctx: Ctx, rec: RecordData): string[] {
  const p = rec.properties;
  if (rec.objectTypeId === OBJECT_TYPE.contact) {
    const e = p[HS.email];
    return typeof e === 'string' && !isBlank(e) ? ['e:' + e.trim().toLowerCase()] : [];
  }
  if (rec.objectTypeId === OBJECT_TYPE.company) {
    const out: string[] = [];
    const d = normalizeDomain(p[HS.domain]);
    if (d) out.push('d:' + d);
    const n = normalizeCompanyName(p[HS.companyName]);
    if (n) out.push('n:' + n);
    return out;
  }
  const n = displayName(ctx, rec);
  return n ? ['n:' + n] : [];
}

export interface Duplicates {
  t: Tri;
  refs: RecordRef[];
  names: string[];
}

/** Duplicates of `rec` among the snapshot's candidates (memoized per evaluation). */
export function findDuplicates(ctx: Ctx, rec: RecordData): Duplicates {
  const c = ctx.cache(rec);
  if (c.duplicates) return c.duplicates as Duplicates;
  let out: Duplicates;
  const candidates = ctx.snap.duplicateCandidates;
  if (!Array.isArray(candidates)) out = { t: UNK, refs: [], names: [] };
  else {
    const mine = new Set(keysFor(ctx, rec));
    const self = rec.objectTypeId + '/' + rec.id;
    const refs: RecordRef[] = [];
    const names: string[] = [];
    let unknown = false;
    const seen = new Set<string>();
    for (const key of candidates) {
      if (typeof key !== 'string' || key === self || seen.has(key)) continue;
      seen.add(key);
      const ref = refOf(key);
      if (ref.objectTypeId !== rec.objectTypeId) continue;
      const other = ctx.record(key);
      if (!other) {
        unknown = true;
        continue;
      }
      if (mine.size === 0) continue;
      if (keysFor(ctx, other).some((k) => mine.has(k))) {
        refs.push(ref);
        const alias = aliasOf(ctx.env, other.objectTypeId);
        const np = alias ? ctx.env.objects.get(alias)?.nameProperties ?? [] : [];
        const name = np.map((n) => other.properties[n]).filter((v) => typeof v === 'string' && !isBlank(v)).join(' ');
        names.push(name || key);
      }
    }
    out = { t: refs.length ? FAIL : unknown ? UNK : MET, refs, names };
  }
  c.duplicates = out;
  return out;
}

export function noDuplicatesNode(p: P, _alias: string, _env: Env): Node {
  const label = p.label ?? 'No likely duplicate';
  const required = 'no other record with the same email, domain or name';
  return {
    label,
    test: (ctx, rec) => (rec ? findDuplicates(ctx, rec).t : UNK),
    items(ctx, rec, out) {
      const d = rec ? findDuplicates(ctx, rec) : { t: UNK as Tri, refs: [], names: [] };
      out.push(item(label, d.t, d.names.length ? d.names.join('; ') : d.t === MET ? 'none found' : null, required));
      return d.t === FAIL ? FAIL : d.t === MET ? MET : UNK;
    },
  };
}
