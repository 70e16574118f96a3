/**
 * SandboxState: the in-memory portal the sandbox serves. Loaded from a
 * SeedData (deep-copied, so `reset()` reseeds to the exact same portal), read
 * and written by the API routes and by the app pages (sandbox/pages).
 *
 * Conventions (HubSpot's): ids are numeric strings; property values are
 * strings, an unset property is absent (the API answers `null` when it is
 * requested); writing `""` or `null` clears a property. Every object carries
 * the system properties `hs_object_id`, `createdate`, `hs_lastmodifieddate`
 * (contacts also `lastmodifieddate`; engagements and custom objects also
 * `hs_createdate`). Writes append to `propertiesWithHistory` (newest first).
 *
 * Methods here do not validate property values: the API routes do that
 * (sandbox/validation.ts) before calling them, as HubSpot would.
 */
import type { Owner, PropertyDef } from '../lib/rules/snapshot';
import type { SeedData, SeedObject, SeedPipeline, SeedToken } from './seed/types';
import { AssociationTypes, type AssociationLabelDef, type AssociationTypeRef } from './association-types';
import { TypeRegistry, type ObjectTypeInfo } from './object-types';

export interface HistoryEntry {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
}

export interface StoredObject {
  id: string;
  objectTypeId: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  /** Newest first, by property name. */
  history: Record<string, HistoryEntry[]>;
}

export interface AssociationView {
  /** String here; the v4 API sends it as a number, as HubSpot does. */
  toObjectId: string;
  associationTypes: Array<AssociationTypeRef & { label: string | null }>;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  status: number;
  time: string;
  host: string;
  durationMs: number;
  /** Set when a fault answered instead of the route (`route`, `failureRate`, `dropAfterWrite`). */
  fault?: string;
}

export interface Counters {
  requests: number;
  /** By status code. */
  byStatus: Record<string, number>;
  /** By `METHOD /route/{pattern}`. */
  byRoute: Record<string, number>;
  searches: number;
  writes: number;
  rateLimited: number;
  faultsInjected: number;
}

export type OwnerRecord = SeedData['owners'][number];
export type FileRecord = SeedData['files'][number];
export type SchemaRecord = SeedData['schemas'][number];

interface Edge {
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  types: AssociationTypeRef[];
}

interface Version {
  at: number;
  properties: Record<string, string>;
  archived: boolean;
}

const MAX_LOG = 10_000;
const MAX_VERSIONS = 20;

function emptyCounters(): Counters {
  return { requests: 0, byStatus: {}, byRoute: {}, searches: 0, writes: 0, rateLimited: 0, faultsInjected: 0 };
}

export class SandboxState {
  account!: SeedData['account'];
  types!: TypeRegistry;
  associationTypes!: AssociationTypes;
  /** Bearer token → grant. */
  tokens = new Map<string, SeedToken>();
  /** Every API request (not `/__sandbox/*`), oldest first, capped at 10,000. */
  requestLog: RequestLogEntry[] = [];
  counters: Counters = emptyCounters();
  /** Added to the wall clock for record timestamps (`POST /__sandbox/clock`). */
  clockOffsetMs = 0;

  private seed: SeedData;
  private readonly extraTokens: SeedToken[];
  private objects = new Map<string, Map<string, StoredObject>>();
  private sorted = new Map<string, StoredObject[]>();
  private versions = new WeakMap<StoredObject, Version[]>();
  private edges = new Map<string, Edge>();
  private edgesByNode = new Map<string, Set<Edge>>();
  private data!: SeedData;
  private nextId = 1;

  constructor(seed: SeedData, extraTokens: SeedToken[] = []) {
    this.seed = seed;
    this.extraTokens = extraTokens;
    this.load(seed);
  }

  /** Reloads the seed (or a new one): records, associations, log and counters. */
  reset(seed?: SeedData): void {
    if (seed) this.seed = seed;
    this.requestLog = [];
    this.counters = emptyCounters();
    this.clockOffsetMs = 0;
    this.load(this.seed);
  }

  private load(seed: SeedData): void {
    const data = structuredClone(seed);
    this.data = data;
    this.account = data.account;
    this.types = new TypeRegistry(data.account.portalId, data.schemas);
    this.tokens = new Map();
    // Extra tokens (the configured full-access token) override seed tokens of the same name.
    for (const t of [...data.tokens, ...this.extraTokens]) this.tokens.set(t.token, t);
    this.data.pipelines = this.byTypeId(data.pipelines, 'pipelines');
    this.data.properties = this.byTypeId(data.properties, 'properties');
    const labels: AssociationLabelDef[] = data.associationLabels.map((d) => ({
      ...d,
      fromType: this.mustResolve(d.fromType, 'associationLabels'),
      toType: this.mustResolve(d.toType, 'associationLabels'),
    }));
    this.associationTypes = new AssociationTypes(labels);
    this.objects = new Map();
    this.sorted = new Map();
    this.versions = new WeakMap();
    this.edges = new Map();
    this.edgesByNode = new Map();
    let maxId = 0;
    for (const [key, list] of Object.entries(data.objects)) {
      const typeId = this.mustResolve(key, 'objects');
      const map = this.objects.get(typeId) ?? new Map<string, StoredObject>();
      this.objects.set(typeId, map);
      for (const o of list) {
        map.set(o.id, this.fromSeed(typeId, o));
        const n = Number(o.id);
        if (Number.isFinite(n) && n > maxId) maxId = n;
      }
    }
    this.nextId = maxId + 1;
    for (const a of data.associations) {
      this.associate(this.mustResolve(a.fromType, 'associations'), a.fromId, this.mustResolve(a.toType, 'associations'), a.toId, a.types);
    }
  }

  private mustResolve(typeOrName: string, where: string): string {
    const id = this.resolveType(typeOrName);
    if (!id) throw new Error(`Sandbox seed: unknown object type "${typeOrName}" in ${where} (not a HubSpot type and not in schemas)`);
    return id;
  }

  private byTypeId<T>(rec: Record<string, T>, where: string): Record<string, T> {
    const out: Record<string, T> = {};
    for (const [k, v] of Object.entries(rec)) out[this.mustResolve(k, where)] = v;
    return out;
  }

  private fromSeed(typeId: string, o: SeedObject): StoredObject {
    const obj: StoredObject = {
      id: o.id,
      objectTypeId: typeId,
      properties: { ...o.properties },
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      archived: o.archived ?? false,
      history: structuredClone(o.history ?? {}),
    };
    for (const [k, v] of Object.entries(obj.properties)) if (v === '' || v === null || v === undefined) delete obj.properties[k];
    this.stampSystem(obj);
    return obj;
  }

  private stampSystem(obj: StoredObject): void {
    const info = this.types.info(obj.objectTypeId);
    obj.properties.hs_object_id = obj.id;
    obj.properties.createdate ??= obj.createdAt;
    obj.properties.hs_lastmodifieddate = obj.updatedAt;
    if (info?.modifiedProperty === 'lastmodifieddate') obj.properties.lastmodifieddate = obj.updatedAt;
    if (info && info.defaultProperties.includes('hs_createdate')) obj.properties.hs_createdate ??= obj.createdAt;
  }

  /** Wall clock plus the clock offset, in epoch ms. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /**
   * objectTypeId for any spelling HubSpot accepts: `0-3`, `deals`, `deal`,
   * custom `2-9000101`, `client_hub`, `p_client_hub`, `p4471200_client_hub`
   * (case-insensitive). Undefined when unknown.
   */
  resolveType(typeOrName: string): string | undefined {
    return this.types.resolve(typeOrName)?.objectTypeId;
  }

  typeInfo(objectTypeId: string): ObjectTypeInfo | undefined {
    return this.types.info(objectTypeId);
  }

  /** A record by type id and id; archived records only with `{ archived: true }`. */
  getObject(objectTypeId: string, id: string, opts: { archived?: boolean } = {}): StoredObject | undefined {
    const obj = this.objects.get(objectTypeId)?.get(id);
    if (!obj) return undefined;
    return obj.archived === (opts.archived ?? false) ? obj : undefined;
  }

  /** Records of a type in ascending numeric id order (HubSpot's list order); archived ones only with `{ archived: true }`. */
  listObjects(objectTypeId: string, opts: { archived?: boolean } = {}): StoredObject[] {
    let all = this.sorted.get(objectTypeId);
    if (!all) {
      all = [...(this.objects.get(objectTypeId)?.values() ?? [])].sort(compareIds);
      this.sorted.set(objectTypeId, all);
    }
    const archived = opts.archived ?? false;
    return all.filter((o) => o.archived === archived);
  }

  /** The first live record whose `property` equals `value` (batch read by `idProperty`). */
  findByProperty(objectTypeId: string, property: string, value: string): StoredObject | undefined {
    const v = value.toLowerCase();
    return this.listObjects(objectTypeId).find((o) => o.properties[property]?.toLowerCase() === v);
  }

  /** Creates a record (201 semantics), with associations to existing records. */
  createObject(
    objectTypeId: string,
    properties: Record<string, string | null>,
    associations: Array<{ toType: string; toId: string; types: AssociationTypeRef[] }> = [],
  ): StoredObject {
    const now = this.nowIso();
    const id = String(this.nextId++);
    const obj: StoredObject = { id, objectTypeId, properties: {}, createdAt: now, updatedAt: now, archived: false, history: {} };
    this.applyProperties(obj, properties, now);
    this.stampSystem(obj);
    const map = this.objects.get(objectTypeId) ?? new Map<string, StoredObject>();
    this.objects.set(objectTypeId, map);
    map.set(id, obj);
    this.sorted.delete(objectTypeId);
    this.recordVersion(obj);
    for (const a of associations) this.associate(objectTypeId, id, a.toType, a.toId, a.types);
    return obj;
  }

  /** Updates properties of a live record; `null`/`""` clears. Undefined when the record does not exist. */
  updateObject(objectTypeId: string, id: string, properties: Record<string, string | null>): StoredObject | undefined {
    const obj = this.getObject(objectTypeId, id);
    if (!obj) return undefined;
    this.ensureBaseVersion(obj);
    const now = this.nowIso();
    this.applyProperties(obj, properties, now);
    obj.updatedAt = now;
    this.stampSystem(obj);
    this.recordVersion(obj);
    return obj;
  }

  /** Archives (DELETE) a live record; false when it does not exist. */
  archiveObject(objectTypeId: string, id: string): boolean {
    const obj = this.getObject(objectTypeId, id);
    if (!obj) return false;
    this.ensureBaseVersion(obj);
    obj.archived = true;
    obj.archivedAt = this.nowIso();
    this.recordVersion(obj);
    return true;
  }

  private applyProperties(obj: StoredObject, properties: Record<string, string | null>, now: string): void {
    for (const [name, raw] of Object.entries(properties)) {
      const value = raw === null || raw === undefined ? '' : String(raw);
      const before = obj.properties[name] ?? '';
      if (value === '') delete obj.properties[name];
      else obj.properties[name] = value;
      if (value !== before) {
        const list = obj.history[name] ?? [];
        list.unshift({ value, timestamp: now, sourceType: 'INTEGRATION', sourceId: 'sandbox' });
        obj.history[name] = list;
      }
    }
  }

  /** Seeded records were indexed "forever ago": keep that state before their first write. */
  private ensureBaseVersion(obj: StoredObject): void {
    if (!this.versions.has(obj)) this.versions.set(obj, [{ at: 0, properties: { ...obj.properties }, archived: obj.archived }]);
  }

  private recordVersion(obj: StoredObject): void {
    const list = this.versions.get(obj) ?? [];
    list.push({ at: Date.now(), properties: { ...obj.properties }, archived: obj.archived });
    if (list.length > MAX_VERSIONS) list.splice(0, list.length - MAX_VERSIONS);
    this.versions.set(obj, list);
  }

  /**
   * What search sees of a record when the index lags writes by `lagMs`
   * (`searchLagMs` fault): the newest version written at least `lagMs` ago.
   * Undefined when the record was not yet indexed or is archived there.
   */
  searchView(obj: StoredObject, lagMs: number): { properties: Record<string, string> } | undefined {
    if (lagMs <= 0) return obj.archived ? undefined : obj;
    const list = this.versions.get(obj);
    if (!list) return obj.archived ? undefined : obj;
    const cutoff = Date.now() - lagMs;
    let visible: Version | undefined;
    for (const v of list) if (v.at <= cutoff) visible = v;
    if (!visible) return undefined;
    return visible.archived ? undefined : { properties: visible.properties };
  }

  private edgeKey(aType: string, aId: string, bType: string, bId: string): string {
    const a = `${aType}:${aId}`;
    const b = `${bType}:${bId}`;
    return a < b ? `${a}|${b}` : `${b}|${a}`;
  }

  /**
   * Adds association types between two records (idempotent, unions labels).
   * Stored once; the reverse direction is answered through inverse type ids.
   */
  associate(fromType: string, fromId: string, toType: string, toId: string, types: AssociationTypeRef[]): void {
    const key = this.edgeKey(fromType, fromId, toType, toId);
    let edge = this.edges.get(key);
    if (!edge) {
      edge = { fromType, fromId, toType, toId, types: [] };
      this.edges.set(key, edge);
      for (const node of [`${fromType}:${fromId}`, `${toType}:${toId}`]) {
        const set = this.edgesByNode.get(node) ?? new Set<Edge>();
        set.add(edge);
        this.edgesByNode.set(node, set);
      }
    }
    const forward = edge.fromType === fromType && edge.fromId === fromId;
    for (const t of types) {
      const stored: AssociationTypeRef = forward ? t : { category: t.category, typeId: this.associationTypes.inverse(fromType, toType, t) };
      if (!edge.types.some((e) => e.typeId === stored.typeId && e.category === stored.category)) edge.types.push(stored);
    }
  }

  /** Removes some (or, without `types`, all) association types between two records. */
  removeAssociation(fromType: string, fromId: string, toType: string, toId: string, types?: AssociationTypeRef[]): boolean {
    const key = this.edgeKey(fromType, fromId, toType, toId);
    const edge = this.edges.get(key);
    if (!edge) return false;
    const forward = edge.fromType === fromType && edge.fromId === fromId;
    if (types) {
      const drop = types.map((t) => (forward ? t.typeId : this.associationTypes.inverse(fromType, toType, t)));
      edge.types = edge.types.filter((t) => !drop.includes(t.typeId));
    } else edge.types = [];
    if (edge.types.length === 0) {
      this.edges.delete(key);
      this.edgesByNode.get(`${edge.fromType}:${edge.fromId}`)?.delete(edge);
      this.edgesByNode.get(`${edge.toType}:${edge.toId}`)?.delete(edge);
    }
    return true;
  }

  /**
   * Live records of `toTypeId` associated with `fromTypeId/id`, ascending by
   * id, with their association types as seen from `fromTypeId` (v4 shape,
   * labels resolved). Associations to archived or missing records are hidden.
   */
  associationsOf(fromTypeId: string, id: string, toTypeId: string): AssociationView[] {
    const out: AssociationView[] = [];
    for (const edge of this.edgesByNode.get(`${fromTypeId}:${id}`) ?? []) {
      let toId: string;
      let types: AssociationTypeRef[];
      if (edge.fromType === fromTypeId && edge.fromId === id && edge.toType === toTypeId) {
        toId = edge.toId;
        types = edge.types;
      } else if (edge.toType === fromTypeId && edge.toId === id && edge.fromType === toTypeId) {
        toId = edge.fromId;
        types = edge.types.map((t) => ({ category: t.category, typeId: this.associationTypes.inverse(edge.fromType, edge.toType, t) }));
      } else continue;
      if (!this.getObject(toTypeId, toId)) continue;
      out.push({
        toObjectId: toId,
        associationTypes: types
          .map((t) => ({ category: t.category, typeId: t.typeId, label: this.associationTypes.label(fromTypeId, toTypeId, t) }))
          .sort((a, b) => a.typeId - b.typeId),
      });
    }
    return out.sort((a, b) => compareIds({ id: a.toObjectId }, { id: b.toObjectId }));
  }

  pipelines(objectTypeId: string): SeedPipeline[] {
    return this.data.pipelines[objectTypeId] ?? [];
  }

  properties(objectTypeId: string): PropertyDef[] {
    return this.data.properties[objectTypeId] ?? [];
  }

  property(objectTypeId: string, name: string): PropertyDef | undefined {
    return this.properties(objectTypeId).find((p) => p.name === name);
  }

  schemas(): SchemaRecord[] {
    return this.data.schemas.map((s) => ({ ...s, objectTypeId: this.resolveType(s.objectTypeId) ?? s.objectTypeId }));
  }

  owners(): OwnerRecord[] {
    return this.data.owners;
  }

  owner(id: string): Owner | undefined {
    return this.data.owners.find((o) => o.id === id);
  }

  callDispositions(): Array<{ id: string; label: string }> {
    return this.data.callDispositions;
  }

  files(): FileRecord[] {
    return this.data.files;
  }

  file(id: string): FileRecord | undefined {
    return this.data.files.find((f) => f.id === id);
  }

  /** Appends to the request log (capped) and bumps the counters. */
  record(entry: RequestLogEntry, route: string): void {
    this.requestLog.push(entry);
    if (this.requestLog.length > MAX_LOG) this.requestLog.splice(0, this.requestLog.length - MAX_LOG);
    const c = this.counters;
    c.requests++;
    c.byStatus[entry.status] = (c.byStatus[entry.status] ?? 0) + 1;
    c.byRoute[route] = (c.byRoute[route] ?? 0) + 1;
    if (route.endsWith('/search')) c.searches++;
    if (entry.method !== 'GET' && entry.status < 300 && !route.endsWith('/search') && !route.endsWith('/batch/read')) c.writes++;
    if (entry.status === 429) c.rateLimited++;
    if (entry.fault) c.faultsInjected++;
  }
}

function compareIds(a: { id: string }, b: { id: string }): number {
  const x = Number(a.id);
  const y = Number(b.id);
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
