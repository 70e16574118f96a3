/**
 * One evaluation's view of a snapshot: association lookups (indexed lazily,
 * once), what was loaded, records' pipelines and stages, the calendar day of
 * `now` in the portal's zone. Built per `evaluate` call; never global.
 */
import type { AssociationEdge, Engagement, RecordData, RecordRef, Snapshot } from './snapshot';
import type { FindingItem } from './result';
import type { Env, PipeInfo, StageInfo } from './resolve';
import { findPipe, primaryTypeId } from './resolve';
import { instantDay, parseInstant, valueDay } from './dates';
import { pipelineProperty, stageProperty, HS } from './hubspot';
import { clean, htmlText, isBlank } from './values';

export interface StagePos {
  pipe: PipeInfo | null;
  stage: StageInfo | null;
  /** The record's pipeline/stage properties are not in the snapshot at all. */
  unknown: boolean;
}

export interface Assoc {
  loaded: boolean;
  edges: AssociationEdge[];
  /** The primary record, once asked for (cached with the list). */
  primary: { loaded: boolean; key: string | null } | undefined;
}

interface CachedAssoc extends Assoc {
  from: string;
  type: string;
  next: CachedAssoc | null;
}

const EMPTY: AssociationEdge[] = [];

/** What one evaluation has worked out about one record (kept on the context, never global). */
export class RecordCache {
  stage: StagePos | undefined = undefined;
  history: unknown = undefined;
  activity: unknown = undefined;
  cadence: unknown = undefined;
  duplicates: unknown = undefined;
  health: unknown = undefined;
  checklist: unknown = undefined;
}

/** Above this many edges, lookups go through an index instead of a scan. */
const INDEX_AT = 48;

export class Ctx {
  readonly env: Env;
  readonly snap: Snapshot;
  readonly now: number;
  readonly today: number;
  private edges: AssociationEdge[];
  private from: Map<string, AssociationEdge[]> | null = null;
  private to: Map<string, AssociationEdge[]> | null = null;
  private loadedSet: Set<string> | null = null;
  private focusRec: RecordData | null = null;
  private focusKey = '';
  private focusTargets: RecordRef[] | null = null;
  private texts: Map<string, string> | null = null;
  private focusCache: RecordCache | null = null;
  private caches: Map<RecordData, RecordCache> | null = null;
  /** Reusable buffer for a finding's items while they are worked out (see rules.ts runEntry). */
  readonly scratch: FindingItem[] = [];
  /** Association lists worked out so far, as a short linked list (a handful per evaluation). */
  private assocs: CachedAssoc | null = null;

  constructor(env: Env, snap: Snapshot, now: number) {
    this.env = env;
    this.snap = snap;
    this.now = Number.isFinite(now) ? now : 0;
    this.today = instantDay(this.now, env.zone);
    this.edges = Array.isArray(snap.associations) ? snap.associations : EMPTY;
  }

  record(key: string): RecordData | undefined {
    const recs = this.snap.records;
    const r = recs ? recs[key] : undefined;
    return r && typeof r === 'object' && r.properties && typeof r.properties === 'object' ? r : undefined;
  }

  /** Per-record scratch space for this evaluation (the focus record's without a map lookup). */
  cache(rec: RecordData): RecordCache {
    if (rec === this.focusRec) return this.focusCache!;
    if (!this.caches) this.caches = new Map();
    let c = this.caches.get(rec);
    if (!c) this.caches.set(rec, (c = new RecordCache()));
    return c;
  }

  /** The record on screen: its scratch space is a field, not a map entry. */
  focusOn(rec: RecordData): void {
    this.focusRec = rec;
    this.focusKey = rec.objectTypeId + '/' + rec.id;
    this.focusCache = new RecordCache();
    this.focusTargets = null;
  }

  /** The text of an HTML property value, lower-cased (decoded once per evaluation: SALES-PRO-8, the S&OP note id). */
  lowerText(html: string): string {
    if (!this.texts) this.texts = new Map();
    let t = this.texts.get(html);
    if (t === undefined) {
      t = htmlText(html).toLowerCase();
      this.texts.set(html, t);
    }
    return t;
  }

  /** `[ref]` of a record as fix targets (the focus record's built once per evaluation). */
  targets(rec: RecordData): RecordRef[] {
    if (rec !== this.focusRec) return [{ objectTypeId: rec.objectTypeId, id: rec.id }];
    return (this.focusTargets ??= [{ objectTypeId: rec.objectTypeId, id: rec.id }]);
  }

  /** `${objectTypeId}/${id}` of a record (the focus record's built once). */
  key(rec: RecordData): string {
    return rec === this.focusRec ? this.focusKey : rec.objectTypeId + '/' + rec.id;
  }

  private index(): void {
    this.from = new Map();
    this.to = new Map();
    for (const e of this.edges) {
      if (!e || typeof e.from !== 'string' || typeof e.to !== 'string') continue;
      let list = this.from.get(e.from);
      if (!list) this.from.set(e.from, (list = []));
      list.push(e);
      let back = this.to.get(e.to);
      if (!back) this.to.set(e.to, (back = []));
      back.push(e);
    }
  }

  edgesFrom(key: string): AssociationEdge[] {
    if (this.edges.length > INDEX_AT) {
      if (!this.from) this.index();
      return this.from!.get(key) ?? EMPTY;
    }
    let out: AssociationEdge[] | null = null;
    for (const e of this.edges) if (e && e.from === key && typeof e.to === 'string') (out ??= []).push(e);
    return out ?? EMPTY;
  }

  edgesTo(key: string): AssociationEdge[] {
    if (this.edges.length > INDEX_AT) {
      if (!this.to) this.index();
      return this.to!.get(key) ?? EMPTY;
    }
    let out: AssociationEdge[] | null = null;
    for (const e of this.edges) if (e && e.to === key && typeof e.from === 'string') (out ??= []).push(e);
    return out ?? EMPTY;
  }

  /** `${fromKey}>${toTypeId}` is in loadedAssociations (compared without building the string). */
  isLoaded(fromKey: string, toTypeId: string): boolean {
    const list = this.snap.loadedAssociations;
    if (!Array.isArray(list)) return false;
    if (list.length > 16) {
      if (!this.loadedSet) this.loadedSet = new Set(list);
      return this.loadedSet.has(`${fromKey}>${toTypeId}`);
    }
    const n = fromKey.length;
    const len = n + 1 + toTypeId.length;
    for (const s of list) {
      if (typeof s === 'string' && s.length === len && s.charCodeAt(n) === 62 && s.startsWith(fromKey) && s.endsWith(toTypeId)) return true;
    }
    return false;
  }

  /** Associations of `fromKey` to records of `toTypeId`, as loaded from `fromKey`'s side (cached per evaluation). */
  assoc(fromKey: string, toTypeId: string): Assoc {
    let depth = 0;
    for (let c = this.assocs; c !== null; c = c.next, depth++) if (c.from === fromKey && c.type === toTypeId) return c;
    const loaded = this.isLoaded(fromKey, toTypeId);
    const all = this.edges.length > INDEX_AT ? this.edgesFrom(fromKey) : this.edges;
    const n = toTypeId.length;
    const match = (e: AssociationEdge | null | undefined): boolean => {
      if (!e || e.from !== fromKey) return false;
      const to = e.to;
      return typeof to === 'string' && to.length > n && to.charCodeAt(n) === 47 && to.startsWith(toTypeId);
    };
    // Two passes: count, then fill an array of exactly that size.
    let count = 0;
    for (const e of all) if (match(e)) count++;
    let out: AssociationEdge[] = EMPTY;
    if (count > 0) {
      out = new Array<AssociationEdge>(count);
      let i = 0;
      let dup = false;
      for (const e of all) {
        if (!match(e)) continue;
        for (let j = 0; j < i; j++) if (out[j]!.to === e.to) dup = true;
        out[i++] = e;
      }
      // The same record listed twice (once per association type, say) is one associated record.
      if (dup) out = mergeDuplicates(out);
    }
    const a: CachedAssoc = { loaded, edges: out, primary: undefined, from: fromKey, type: toTypeId, next: this.assocs };
    if (depth < 32) this.assocs = a;
    return a;
  }

  /** The primary associated record's key (the primary type id), else the first; null when none. */
  primaryKey(fromKey: string, fromAlias: string | null, toAlias: string, toTypeId: string): { loaded: boolean; key: string | null } {
    const a = this.assoc(fromKey, toTypeId);
    if (a.primary) return a.primary;
    let found: { loaded: boolean; key: string | null } | null = null;
    if (a.edges.length === 0) found = { loaded: a.loaded, key: null };
    else {
      const typeId = fromAlias ? primaryTypeId(this.env, fromAlias, toAlias) : null;
      if (typeId !== null) {
        for (const e of a.edges) {
          for (const t of e.types ?? EMPTY_TYPES) {
            if (t && t.typeId === typeId) {
              found = { loaded: true, key: e.to };
              break;
            }
          }
          if (found) break;
        }
      }
      found ??= { loaded: a.loaded, key: a.edges[0]!.to };
    }
    // Cached only on lists kept by this evaluation (the shared empty result is never written to).
    if (a.edges !== EMPTY || a.loaded) a.primary = found;
    return found;
  }

  engagements(key: string): Engagement[] | undefined {
    const map = this.snap.engagements;
    const list = map ? map[key] : undefined;
    return Array.isArray(list) ? list : undefined;
  }

  /** The record's pipeline and stage, resolved against the portal (cached per record). */
  stageOf(rec: RecordData): StagePos {
    const c = this.cache(rec);
    if (c.stage) return c.stage;
    const props = rec.properties;
    const pp = pipelineProperty(rec.objectTypeId);
    const sp = stageProperty(rec.objectTypeId);
    const pv = props[pp];
    const sv = props[sp];
    const pipelineId = typeof pv === 'string' && !isBlank(pv) ? clean(pv) : null;
    const stageId = typeof sv === 'string' && !isBlank(sv) ? clean(sv) : null;
    const pipe = findPipe(this.env, rec.objectTypeId, pipelineId, stageId);
    const stage = pipe && stageId ? pipe.stageById.get(stageId) ?? null : null;
    c.stage = { pipe, stage, unknown: !(sp in props) && !(pp in props) };
    return c.stage;
  }

  /** Calendar day of a property value ('date' properties name a date; others are instants). */
  day(value: string | null | undefined, dateOnly = false): number | null {
    return valueDay(value, this.env.zone, dateOnly);
  }

  instantDay(ms: number): number {
    return instantDay(ms, this.env.zone);
  }
}

const EMPTY_TYPES: never[] = [];

function mergeDuplicates(edges: AssociationEdge[]): AssociationEdge[] {
  const out: AssociationEdge[] = [];
  for (const e of edges) {
    const prev = out.findIndex((o) => o.to === e.to);
    if (prev < 0) out.push(e);
    else out[prev] = { from: e.from, to: e.to, types: [...(out[prev]!.types ?? []), ...(e.types ?? [])] };
  }
  return out;
}

export function keyOf(ref: RecordRef): string {
  return ref.objectTypeId + '/' + ref.id;
}

export function refOf(key: string): RecordRef {
  const slash = key.lastIndexOf('/');
  return { objectTypeId: key.slice(0, slash), id: key.slice(slash + 1) };
}

/** Milliseconds of an engagement's `hs_timestamp` (its `timestamp`, else the property). */
export function engagementTime(e: Engagement): number | null {
  const t = parseInstant(typeof e.timestamp === 'string' ? e.timestamp : null);
  if (t !== null) return t;
  const p = e.properties ? e.properties[HS.timestamp] : null;
  return parseInstant(typeof p === 'string' ? p : null);
}
