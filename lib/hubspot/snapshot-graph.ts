/**
 * The snapshot loader's working state: the records, association lists and
 * engagements known so far, and what is still missing. Each wave, `collect`
 * turns "what the view needs" (lib/playbook/requirements.ts) minus "what is
 * known" into batched requests (one batch read per object type, one v4 batch
 * association read per type pair), and `run` sends them all in parallel.
 * Anything whose input is known is asked for in the same wave, so the number
 * of waves is the depth of the data, not the number of lists.
 */
import type { AssociationNeed, EngagementNeeds, RecordNeeds } from '../playbook/requirements';
import { ENGAGEMENT_TYPES } from '../playbook/requirements';
import type { Playbook } from '../playbook/types';
import type {
  AssociationEdge,
  Engagement,
  EngagementType,
  FileMeta,
  PortalMeta,
  RecordData,
  RecordKey,
} from '../rules/snapshot';
import { HS } from '../rules/hubspot';
import type { HubSpotClient } from './client';
import { HubSpotNotFoundError } from './errors';
import { activitySatisfied, probeSatisfied } from './engagement-probes';
import { isoDate } from './normalize';
import { ENGAGEMENT_TYPE_ID } from './object-types';
import { duplicateSearch } from './duplicate-search';
import type { AssociationTarget, HubSpotObject } from './types';

/** A record reached by the view, with what it needs there. */
interface Visit {
  key: RecordKey;
  typeId: string;
  id: string;
  alias: string;
  needs: RecordNeeds;
  focus: boolean;
}

interface ListState {
  /** Ids from the v3 inline associations of the focus GET (may be partial). */
  ids: string[] | null;
  /** The v4 list (complete, with association types). */
  typed: AssociationTarget[] | null;
}

type HierarchyRole = 'focus' | 'ancestor' | 'descendant' | 'relative';

/** Requests of one wave, grouped so each group is one batched call. */
interface WavePlan {
  reads: Map<string, Set<string>>;
  lists: Map<string, { fromType: string; toType: string; ids: Set<string> }>;
  engagementReads: Map<EngagementType, Set<string>>;
  files: Set<string>;
  searches: Array<() => Promise<void>>;
}

const ENGAGEMENT_BY_TYPE_ID = new Map(Object.entries(ENGAGEMENT_TYPE_ID).map(([t, id]) => [id, t as EngagementType]));
/** Probed engagement types loaded first: notes and calls carry most next steps and the `#S&OP` note. */
const FIRST_ROUND: ReadonlySet<EngagementType> = new Set(['note', 'call']);
const MAX_ANCESTORS = 10;
const MAX_HIERARCHY = 200;

const keyOf = (typeId: string, id: string): RecordKey => `${typeId}/${id}`;

function hasDeeper(n: RecordNeeds): boolean {
  return n.associations.length > 0 || n.engagements !== null || n.files || n.duplicates || n.hierarchy !== null;
}

export class SnapshotGraph {
  readonly records = new Map<RecordKey, RecordData>();
  readonly missing = new Set<RecordKey>();
  readonly edges = new Map<string, AssociationEdge>();
  readonly loaded = new Set<string>();
  readonly engagements: Record<RecordKey, Engagement[]> = {};
  readonly files: Record<string, FileMeta> = {};
  duplicateCandidates: RecordKey[] | undefined;

  private readonly lists = new Map<string, ListState>();
  private readonly requestedLists = new Set<string>();
  private readonly requestedReads = new Set<RecordKey>();
  /** Engagement ids by `${recordKey}>${type}` (complete lists only). */
  private readonly engagementIds = new Map<string, string[]>();
  private readonly engagementRecords = new Map<string, Engagement>();
  private readonly requestedEngagements = new Set<string>();
  private readonly requestedFiles = new Set<string>();
  /** Engagement types asked for, per record. */
  private readonly wantedTypes = new Map<RecordKey, Set<EngagementType>>();
  private searched = false;
  private readonly visits = new Map<string, Visit>();
  private readonly visitOrder: Visit[] = [];
  private readonly needIds = new WeakMap<RecordNeeds, number>();
  private nextNeedId = 1;
  private readonly propsOnlyCache = new WeakMap<RecordNeeds, RecordNeeds>();
  private readonly roles = new Map<RecordKey, HierarchyRole>();
  private focusVisit: Visit | null = null;

  constructor(
    private readonly client: HubSpotClient,
    private readonly pb: Playbook,
    private readonly meta: PortalMeta,
    private readonly now: number,
    /** alias → objectTypeId */
    private readonly typeOf: Record<string, string | null>,
    /** Properties / history to read, by objectTypeId. */
    private readonly propsByType: Map<string, Set<string>>,
    private readonly historyByType: Map<string, Set<string>>,
  ) {}

  aliasOf(typeId: string): string | null {
    for (const [alias, t] of Object.entries(this.typeOf)) if (t === typeId) return alias;
    return null;
  }

  /* ---------------------------------------------------------------- results */

  addRecord(typeId: string, obj: HubSpotObject, askedHistory: Iterable<string>): void {
    const key = keyOf(typeId, obj.id);
    const prev = this.records.get(key);
    const record: RecordData = {
      objectTypeId: typeId,
      id: obj.id,
      properties: { ...(prev?.properties ?? {}), ...obj.properties },
    };
    const history = { ...(prev?.history ?? {}) };
    let anyHistory = prev?.history !== undefined;
    for (const name of askedHistory) {
      history[name] = obj.history?.[name] ?? [];
      anyHistory = true;
    }
    if (anyHistory) record.history = history;
    const createdAt = obj.createdAt ?? prev?.createdAt;
    if (createdAt) record.createdAt = createdAt;
    const updatedAt = obj.updatedAt ?? prev?.updatedAt;
    if (updatedAt) record.updatedAt = updatedAt;
    this.records.set(key, record);
    this.missing.delete(key);
  }

  /** The focus GET's v3 inline associations: ids now, types from v4 later. */
  addInlineList(fromKey: RecordKey, toType: string, ids: string[], complete: boolean): void {
    const engagement = ENGAGEMENT_BY_TYPE_ID.get(toType);
    if (engagement) {
      if (complete) this.engagementIds.set(`${fromKey}>${engagement}`, ids);
      return;
    }
    const listKey = `${fromKey}>${toType}`;
    const state = this.lists.get(listKey) ?? { ids: null, typed: null };
    state.ids = ids;
    // An empty complete list needs no v4 call: there is nothing to type.
    if (complete && ids.length === 0 && !state.typed) {
      state.typed = [];
      this.loaded.add(listKey);
    }
    this.lists.set(listKey, state);
  }

  addTypedList(fromType: string, fromId: string, toType: string, targets: AssociationTarget[]): void {
    const fromKey = keyOf(fromType, fromId);
    const engagement = ENGAGEMENT_BY_TYPE_ID.get(toType);
    if (engagement) {
      this.engagementIds.set(`${fromKey}>${engagement}`, targets.map((t) => t.toObjectId));
      return;
    }
    const listKey = `${fromKey}>${toType}`;
    const state = this.lists.get(listKey) ?? { ids: null, typed: null };
    state.typed = targets;
    this.lists.set(listKey, state);
    for (const t of targets) {
      const to = keyOf(toType, t.toObjectId);
      this.edges.set(`${fromKey}>${to}`, { from: fromKey, to, types: t.types });
    }
    this.loaded.add(listKey);
  }

  /* ---------------------------------------------------------------- visits */

  private needId(n: RecordNeeds): number {
    const known = this.needIds.get(n);
    if (known !== undefined) return known;
    const id = this.nextNeedId++;
    this.needIds.set(n, id);
    return id;
  }

  private propsOnly(n: RecordNeeds): RecordNeeds {
    let p = this.propsOnlyCache.get(n);
    if (!p) {
      p = { ...n, engagements: null, files: false, duplicates: false, hierarchy: null, associations: [] };
      this.propsOnlyCache.set(n, p);
    }
    return p;
  }

  visit(typeId: string, id: string, needs: RecordNeeds, focus = false): void {
    const key = keyOf(typeId, id);
    const vKey = `${key}|${this.needId(needs)}`;
    if (this.visits.has(vKey)) return;
    const v: Visit = { key, typeId, id, alias: needs.object, needs, focus };
    this.visits.set(vKey, v);
    this.visitOrder.push(v);
    if (focus) {
      this.focusVisit = v;
      if (needs.hierarchy) this.roles.set(key, 'focus');
    }
  }

  /* ---------------------------------------------------------------- planning */

  private emptyPlan(): WavePlan {
    return { reads: new Map(), lists: new Map(), engagementReads: new Map(), files: new Set(), searches: [] };
  }

  private wantRead(plan: WavePlan, typeId: string, id: string): void {
    const key = keyOf(typeId, id);
    if (this.records.has(key) || this.missing.has(key) || this.requestedReads.has(key)) return;
    this.requestedReads.add(key);
    let ids = plan.reads.get(typeId);
    if (!ids) plan.reads.set(typeId, (ids = new Set()));
    ids.add(id);
  }

  private wantList(plan: WavePlan, fromType: string, fromId: string, toType: string): void {
    const listKey = `${keyOf(fromType, fromId)}>${toType}`;
    if (this.requestedLists.has(listKey)) return;
    const state = this.lists.get(listKey);
    if (state?.typed) return;
    if (ENGAGEMENT_BY_TYPE_ID.has(toType) && this.engagementIds.has(`${keyOf(fromType, fromId)}>${ENGAGEMENT_BY_TYPE_ID.get(toType)}`)) return;
    this.requestedLists.add(listKey);
    const group = `${fromType}>${toType}`;
    let g = plan.lists.get(group);
    if (!g) plan.lists.set(group, (g = { fromType, toType, ids: new Set() }));
    g.ids.add(fromId);
  }

  /** Lists to request in the first wave, beside the focus GET. */
  requestList(plan: WavePlan, fromType: string, fromId: string, toType: string): void {
    this.wantList(plan, fromType, fromId, toType);
  }

  newPlan(): WavePlan {
    return this.emptyPlan();
  }

  /** Everything that can be asked for now. */
  collect(): WavePlan {
    const plan = this.emptyPlan();
    // Visits spawned while collecting are planned in the same wave.
    for (let i = 0; i < this.visitOrder.length; i++) this.plan(this.visitOrder[i]!, plan);
    return plan;
  }

  private plan(v: Visit, plan: WavePlan): void {
    if (this.missing.has(v.key)) return;
    this.wantRead(plan, v.typeId, v.id);
    this.planAssociations(v, plan);
    const rec = this.records.get(v.key);
    if (v.needs.engagements && rec) this.planEngagements(v, rec, v.needs.engagements, plan);
    if (v.needs.files && this.engagements[v.key]) this.planFiles(v, plan);
    if (v.needs.duplicates && v.focus && rec && !this.searched) {
      this.searched = true;
      plan.searches.push(() => this.searchDuplicates(rec, v.alias));
    }
    if (v.needs.hierarchy) this.planHierarchy(v, plan);
  }

  private planAssociations(v: Visit, plan: WavePlan): void {
    const byType = new Map<string, AssociationNeed[]>();
    for (const a of v.needs.associations) {
      const toType = this.typeOf[a.object];
      if (!toType) continue;
      let list = byType.get(toType);
      if (!list) byType.set(toType, (list = []));
      list.push(a);
    }
    for (const [toType, needs] of byType) {
      const listKey = `${v.key}>${toType}`;
      const state = this.lists.get(listKey);
      if (!state?.typed) this.wantList(plan, v.typeId, v.id, toType);
      const ids = state?.typed ? state.typed.map((t) => t.toObjectId) : state?.ids;
      if (!ids || ids.length === 0) continue;
      for (const a of needs) {
        if (a.primaryOnly && hasDeeper(a.needs)) {
          // Only the primary record (else the first) is followed further; it is known once typed.
          if (!state?.typed) continue;
          const primary = this.primaryOf(v.alias, a.object, state.typed);
          for (const id of ids) this.visit(toType, id, id === primary ? a.needs : this.propsOnly(a.needs));
        } else {
          for (const id of ids) this.visit(toType, id, a.needs);
        }
      }
    }
  }

  private primaryOf(fromAlias: string, toAlias: string, targets: AssociationTarget[]): string | null {
    const typeId = this.pb.associations.primary.find((p) => p.from === fromAlias && p.to === toAlias)?.typeId;
    if (typeId !== undefined) {
      const hit = targets.find((t) => t.types.some((x) => x.typeId === typeId));
      if (hit) return hit.toObjectId;
    }
    return targets[0]?.toObjectId ?? null;
  }

  /** The engagement types this record needs now (probed types only until a probe is met). */
  private neededTypes(v: Visit, rec: RecordData, e: EngagementNeeds): Set<EngagementType> {
    const types = new Set<EngagementType>(e.required);
    if (e.activityWithin.length > 0) {
      const props = this.pb.activityProperties?.[v.alias] ?? [];
      if (!activitySatisfied(rec, props, e.activityWithin, this.pb, this.now)) ENGAGEMENT_TYPES.forEach((t) => types.add(t));
    }
    const done = (t: EngagementType) => this.typeDone(v.key, t);
    for (const probe of e.probes) {
      const first = probe.types.filter((t) => FIRST_ROUND.has(t));
      const firstRound = first.length > 0 ? first : probe.types;
      firstRound.forEach((t) => types.add(t));
      if (!firstRound.every(done)) continue;
      const loaded = this.loadedEngagements(v.key, probe.types.filter(done));
      const pipelines = this.meta.pipelines[rec.objectTypeId];
      if (!probeSatisfied(probe, rec, loaded, pipelines, this.pb, this.now)) probe.types.forEach((t) => types.add(t));
    }
    return types;
  }

  private typeDone(key: RecordKey, type: EngagementType): boolean {
    const ids = this.engagementIds.get(`${key}>${type}`);
    if (!ids) return false;
    const typeId = ENGAGEMENT_TYPE_ID[type];
    return ids.every((id) => this.engagementRecords.has(keyOf(typeId, id)) || this.missing.has(keyOf(typeId, id)));
  }

  private loadedEngagements(key: RecordKey, types: Iterable<EngagementType>): Engagement[] {
    const out: Engagement[] = [];
    for (const t of types) {
      const typeId = ENGAGEMENT_TYPE_ID[t];
      for (const id of this.engagementIds.get(`${key}>${t}`) ?? []) {
        const e = this.engagementRecords.get(keyOf(typeId, id));
        if (e) out.push(e);
      }
    }
    return out;
  }

  private planEngagements(v: Visit, rec: RecordData, e: EngagementNeeds, plan: WavePlan): void {
    // Once asked for, a type stays in: a probe met thanks to it must still see it in the result.
    let types = this.wantedTypes.get(v.key);
    if (!types) this.wantedTypes.set(v.key, (types = new Set()));
    for (const t of this.neededTypes(v, rec, e)) types.add(t);
    let complete = true;
    for (const t of types) {
      if (this.typeDone(v.key, t)) continue;
      complete = false;
      const ids = this.engagementIds.get(`${v.key}>${t}`);
      if (!ids) {
        this.wantList(plan, v.typeId, v.id, ENGAGEMENT_TYPE_ID[t]);
        continue;
      }
      const typeId = ENGAGEMENT_TYPE_ID[t];
      for (const id of ids) {
        const k = keyOf(typeId, id);
        if (this.engagementRecords.has(k) || this.missing.has(k) || this.requestedEngagements.has(k)) continue;
        this.requestedEngagements.add(k);
        let set = plan.engagementReads.get(t);
        if (!set) plan.engagementReads.set(t, (set = new Set()));
        set.add(id);
      }
    }
    if (!complete || this.engagements[v.key]) return;
    // Every needed type is in: the record's engagements are final (newest first).
    const list = this.loadedEngagements(v.key, types).sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
    this.engagements[v.key] = list;
    for (const t of types) this.loaded.add(`${v.key}>${ENGAGEMENT_TYPE_ID[t]}`);
  }

  private planFiles(v: Visit, plan: WavePlan): void {
    for (const e of this.engagements[v.key] ?? []) {
      for (const id of e.attachmentIds) {
        if (this.requestedFiles.has(id)) continue;
        this.requestedFiles.add(id);
        plan.files.add(id);
      }
    }
  }

  /**
   * ACC-3: the parent chain to the root (with each ancestor's other children,
   * so every level of the tree is whole) and every descendant, each with what
   * the roll-ups need (their deals and tickets).
   */
  private planHierarchy(v: Visit, plan: WavePlan): void {
    const h = v.needs.hierarchy!;
    const companyType = v.typeId;
    const ancestorNeeds = this.propsOnly(h.descendants);
    let ancestors = 0;
    for (const role of this.roles.values()) if (role === 'ancestor') ancestors++;
    // Live iteration: members found now get their own lists asked for in this same wave.
    for (const [key, role] of this.roles) {
      if (role === 'relative') continue;
      const id = key.slice(companyType.length + 1);
      const state = this.lists.get(`${key}>${companyType}`);
      if (!state?.typed) {
        this.wantList(plan, companyType, id, companyType);
        continue;
      }
      for (const t of state.typed) {
        const to = keyOf(companyType, t.toObjectId);
        if (this.roles.has(to) || this.roles.size >= MAX_HIERARCHY) continue;
        const isParent = t.types.some((x) => x.typeId === h.childToParent);
        const isChild = t.types.some((x) => x.typeId === h.parentToChild);
        let next: HierarchyRole | null = null;
        if (isParent && role !== 'descendant' && ancestors < MAX_ANCESTORS) next = 'ancestor';
        else if (isChild) next = role === 'ancestor' ? 'relative' : 'descendant';
        if (!next) continue;
        if (next === 'ancestor') ancestors++;
        this.roles.set(to, next);
        this.visit(companyType, t.toObjectId, next === 'descendant' ? h.descendants : ancestorNeeds);
      }
    }
  }

  /* ---------------------------------------------------------------- duplicates */

  private async searchDuplicates(rec: RecordData, alias: string): Promise<void> {
    const request = duplicateSearch(rec, this.pb.objects[alias]?.nameProperties ?? [], [...(this.propsByType.get(rec.objectTypeId) ?? [])]);
    const candidates: RecordKey[] = [];
    if (request) {
      const page = await this.client.search(rec.objectTypeId, request);
      for (const r of page.results) {
        if (r.id === rec.id) continue;
        const key = keyOf(rec.objectTypeId, r.id);
        if (!this.records.has(key)) this.addRecord(rec.objectTypeId, r, []);
        candidates.push(key);
      }
    }
    this.duplicateCandidates = candidates;
  }

  /* ---------------------------------------------------------------- sending */

  isEmpty(plan: WavePlan): boolean {
    return plan.reads.size === 0 && plan.lists.size === 0 && plan.engagementReads.size === 0 && plan.files.size === 0 && plan.searches.length === 0;
  }

  /** Sends a wave: every group in parallel; the first failure (after all settle) is thrown. */
  async run(plan: WavePlan, extra: Array<Promise<void>> = []): Promise<void> {
    const tasks: Array<Promise<void>> = [...extra];
    for (const [typeId, ids] of plan.reads) {
      const properties = [...(this.propsByType.get(typeId) ?? [])];
      const history = [...(this.historyByType.get(typeId) ?? [])];
      tasks.push(this.client.batchRead(typeId, [...ids], { properties, propertiesWithHistory: history }).then((res) => {
        for (const r of res.results) this.addRecord(typeId, r, history);
        for (const id of res.missing) this.missing.add(keyOf(typeId, id));
      }));
    }
    for (const g of plan.lists.values()) {
      tasks.push(this.client.batchAssociations(g.fromType, g.toType, [...g.ids]).then((res) => {
        for (const [fromId, targets] of res) this.addTypedList(g.fromType, fromId, g.toType, targets);
      }));
    }
    for (const [type, ids] of plan.engagementReads) {
      const typeId = ENGAGEMENT_TYPE_ID[type];
      const properties = this.engagementProperties(type);
      tasks.push(this.client.batchRead(typeId, [...ids], { properties }).then((res) => {
        for (const r of res.results) this.engagementRecords.set(keyOf(typeId, r.id), toEngagement(type, r));
        for (const id of res.missing) this.missing.add(keyOf(typeId, id));
      }));
    }
    for (const id of plan.files) {
      tasks.push(this.client.fileMetadata(id).then(
        (f) => { this.files[id] = f; },
        (error: unknown) => {
          // A deleted attachment: the engine sees no metadata for it (unknown), the rest of the view loads.
          if (!(error instanceof HubSpotNotFoundError)) throw error;
        },
      ));
    }
    for (const search of plan.searches) tasks.push(search());
    const settled = await Promise.allSettled(tasks);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private engagementProperties(type: EngagementType): string[] {
    const out = new Set<string>();
    for (const v of this.visitOrder) for (const p of v.needs.engagements?.properties[type] ?? []) out.add(p);
    return [...out];
  }

  /** Edges to records HubSpot no longer has are dropped (they were deleted between two calls). */
  associationEdges(): AssociationEdge[] {
    return [...this.edges.values()].filter((e) => !this.missing.has(e.to));
  }

  get focus(): Visit | null {
    return this.focusVisit;
  }
}

function toEngagement(type: EngagementType, obj: HubSpotObject): Engagement {
  const raw = obj.properties[HS.timestamp];
  const timestamp = isoDate(raw ?? undefined) ?? obj.createdAt ?? '';
  const attachments = obj.properties.hs_attachment_ids;
  return {
    type,
    id: obj.id,
    timestamp,
    properties: obj.properties,
    attachmentIds: attachments
      ? [...new Set(attachments.split(/[;,]/).map((s) => s.trim()).filter(Boolean))]
      : [],
  };
}
