/**
 * One evaluation's view of a snapshot: association lookups (indexed lazily,
 * once), what was loaded, records' pipelines and stages, the calendar day of
 * `now` in the portal's zone. Built per `evaluate` call; never global.
 */
import type { AssociationEdge, Engagement, RecordData, RecordRef, Snapshot } from './snapshot';
import type { Env, PipeInfo, StageInfo } from './resolve';
import { findPipe, primaryTypeId } from './resolve';
import { instantDay, parseInstant, valueDay } from './dates';
import { pipelineProperty, stageProperty, HS } from './hubspot';
import { clean, isBlank } from './values';

export interface StagePos {
  pipe: PipeInfo | null;
  stage: StageInfo | null;
  /** The record's pipeline/stage properties are not in the snapshot at all. */
  unknown: boolean;
}

export interface Assoc {
  loaded: boolean;
  edges: AssociationEdge[];
}

const EMPTY: AssociationEdge[] = [];

export class Ctx {
  readonly env: Env;
  readonly snap: Snapshot;
  readonly now: number;
  readonly today: number;
  private from: Map<string, AssociationEdge[]> | null = null;
  private to: Map<string, AssociationEdge[]> | null = null;
  private loadedSet: Set<string> | null = null;
  private stages: Map<string, StagePos> | null = null;
  /** Per-evaluation results shared between a finding and the record result (health, cadence, duplicates). */
  readonly memo = new Map<string, unknown>();

  constructor(env: Env, snap: Snapshot, now: number) {
    this.env = env;
    this.snap = snap;
    this.now = Number.isFinite(now) ? now : 0;
    this.today = instantDay(this.now, env.zone);
  }

  record(key: string): RecordData | undefined {
    const recs = this.snap.records;
    const r = recs ? recs[key] : undefined;
    return r && typeof r === 'object' && r.properties && typeof r.properties === 'object' ? r : undefined;
  }

  private index(): void {
    this.from = new Map();
    this.to = new Map();
    for (const e of this.snap.associations ?? EMPTY) {
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
    if (!this.from) this.index();
    return this.from!.get(key) ?? EMPTY;
  }

  edgesTo(key: string): AssociationEdge[] {
    if (!this.to) this.index();
    return this.to!.get(key) ?? EMPTY;
  }

  isLoaded(fromKey: string, toTypeId: string): boolean {
    const list = this.snap.loadedAssociations;
    if (!Array.isArray(list)) return false;
    const k = `${fromKey}>${toTypeId}`;
    if (list.length < 24) return list.includes(k);
    if (!this.loadedSet) this.loadedSet = new Set(list);
    return this.loadedSet.has(k);
  }

  /** Associations of `fromKey` to records of `toTypeId`, as loaded from `fromKey`'s side. */
  assoc(fromKey: string, toTypeId: string): Assoc {
    const loaded = this.isLoaded(fromKey, toTypeId);
    const all = this.edgesFrom(fromKey);
    if (all.length === 0) return { loaded, edges: EMPTY };
    const prefix = toTypeId + '/';
    let out: AssociationEdge[] | null = null;
    for (const e of all) {
      if (e.to.startsWith(prefix)) (out ??= []).push(e);
    }
    return { loaded, edges: out ?? EMPTY };
  }

  /** The primary associated record's key (the primary type id), else the first; null when none. */
  primaryKey(fromKey: string, fromAlias: string | null, toAlias: string, toTypeId: string): { loaded: boolean; key: string | null } {
    const a = this.assoc(fromKey, toTypeId);
    if (a.edges.length === 0) return { loaded: a.loaded, key: null };
    const typeId = fromAlias ? primaryTypeId(this.env, fromAlias, toAlias) : null;
    if (typeId !== null) {
      for (const e of a.edges) for (const t of e.types ?? EMPTY_TYPES) if (t && t.typeId === typeId) return { loaded: true, key: e.to };
    }
    return { loaded: a.loaded, key: a.edges[0]!.to };
  }

  engagements(key: string): Engagement[] | undefined {
    const map = this.snap.engagements;
    const list = map ? map[key] : undefined;
    return Array.isArray(list) ? list : undefined;
  }

  /** The record's pipeline and stage, resolved against the portal (cached per record). */
  stageOf(rec: RecordData): StagePos {
    const key = rec.objectTypeId + '/' + rec.id;
    if (!this.stages) this.stages = new Map();
    const hit = this.stages.get(key);
    if (hit) return hit;
    const props = rec.properties;
    const pp = pipelineProperty(rec.objectTypeId);
    const sp = stageProperty(rec.objectTypeId);
    const pv = props[pp];
    const sv = props[sp];
    const pipelineId = typeof pv === 'string' && !isBlank(pv) ? clean(pv) : null;
    const stageId = typeof sv === 'string' && !isBlank(sv) ? clean(sv) : null;
    const pipe = findPipe(this.env, rec.objectTypeId, pipelineId, stageId);
    const stage = pipe && stageId ? pipe.stageById.get(stageId) ?? null : null;
    const pos: StagePos = { pipe, stage, unknown: !(sp in props) && !(pp in props) };
    this.stages.set(key, pos);
    return pos;
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
