/**
 * One page of a scan: up to 200 records from one search, turned into one
 * Snapshot per record — the same type, built by the same graph code
 * (lib/hubspot/snapshot-graph.ts) from the same needs as the sidebar's
 * loader, so the engine gives the same answer in both places.
 *
 * The difference is batching across the page: the search already returns
 * every property the selected rules read on the records themselves, and
 * everything else is asked for the whole page at once — `dealstage` history
 * in batch reads of ≤ 50 (only for records whose rules read it), one v4
 * association batch read (≤ 1,000 ids) per association type, one batch read
 * (≤ 100 ids) per associated object type, engagements only where a selected
 * rule reads them, file metadata only for the attachments of records whose
 * rules read files (won deals: SALES-WON-7/8).
 */
import type { HubSpotClient } from '../hubspot/client';
import { SnapshotGraph } from '../hubspot/snapshot-graph';
import type { HubSpotObject } from '../hubspot/types';
import { activitySatisfied } from '../hubspot/engagement-probes';
import { ENGAGEMENT_TYPE_ID } from '../hubspot/object-types';
import { ENGAGEMENT_TYPES, type RecordNeeds } from '../playbook/requirements';
import type { Playbook } from '../playbook/types';
import type { AssociationEdge, EngagementType, PortalMeta, RecordData, RecordKey, Snapshot } from '../rules/snapshot';
import { stageProperty } from '../rules/hubspot';
import { pageFloor } from './scan-floor';
import type { RecordPlan, ScanNeeds } from './scan-needs';
import type { ScanTarget } from './scan-selection';

/** A view's data is a few levels deep; more waves would mean a cycle the graph missed. */
const MAX_WAVES = 30;

export interface PageInput {
  /** A client of its own (a fork): its request count is the page's. */
  client: HubSpotClient;
  playbook: Playbook;
  meta: PortalMeta;
  now: number;
  typeOf: Record<string, string | null>;
  target: ScanTarget;
  needs: ScanNeeds;
  /** The search page's records (with the search properties). */
  records: readonly HubSpotObject[];
}

export interface PageRecord {
  record: RecordData;
  plan: RecordPlan;
  snapshot: Snapshot;
}

export interface PageLoad {
  records: PageRecord[];
  /** Requests the page's data strictly needed beyond its search (scan-floor.ts). */
  floor: number;
}

const keyOf = (typeId: string, id: string): RecordKey => `${typeId}/${id}`;

export async function loadPage(input: PageInput): Promise<PageLoad> {
  const { target, meta, now, typeOf } = input;
  const typeId = target.objectTypeId;
  const client = input.client;
  const plans = input.records.map((r) => input.needs.forRecord({ objectTypeId: typeId, properties: r.properties }));

  // The page's reads: the union of what each record's pruned needs ask for.
  const props = new Map<string, Set<string>>();
  const history = new Map<string, Set<string>>();
  const merge = (into: Map<string, Set<string>>, from: Map<string, Set<string>>) => {
    for (const [t, names] of from) {
      let set = into.get(t);
      if (!set) into.set(t, (set = new Set()));
      names.forEach((n) => set!.add(n));
    }
  };
  for (const p of new Set(plans)) {
    merge(props, p.props);
    merge(history, p.history);
  }

  const graph = new SnapshotGraph(client, input.playbook, meta, now, typeOf, props, history);
  const focusKeys = new Set<RecordKey>();
  for (const obj of input.records) {
    graph.addRecord(typeId, obj, []);
    focusKeys.add(keyOf(typeId, obj.id));
  }

  // Property history of the records themselves (not returned by search), grouped by what is asked.
  const byHistory = new Map<string, { names: string[]; ids: string[] }>();
  input.records.forEach((obj, i) => {
    const names = plans[i]!.focusHistory;
    if (names.length === 0) return;
    const k = names.join(',');
    let group = byHistory.get(k);
    if (!group) byHistory.set(k, (group = { names, ids: [] }));
    group.ids.push(obj.id);
  });
  const historyReads = [...byHistory.values()].map((g) =>
    // The client sends history reads in batches of ≤ 50 (HubSpot's limit for property histories).
    client.batchRead(typeId, g.ids, { properties: [stageProperty(typeId)], propertiesWithHistory: g.names }).then((res) => {
      for (const r of res.results) graph.addRecord(typeId, r, g.names);
    }),
  );

  input.records.forEach((obj, i) => graph.visit(typeId, obj.id, plans[i]!.needs, true));

  // Wave 1 carries the history reads: engagement probes (SALES-ENG-4) read the stage history, and
  // they are first decided in wave 2, once the engagement lists are in.
  const first = graph.collect();
  prefetchEngagementLists(graph, first, input, plans);
  await graph.run(first, historyReads);
  for (let wave = 0; wave < MAX_WAVES; wave++) {
    const plan = graph.collect();
    if (graph.isEmpty(plan)) break;
    await graph.run(plan);
  }

  const extractor = new Extractor(graph, typeOf, meta, new Date(now).toISOString());
  const records: PageRecord[] = input.records.map((obj, i) => {
    const key = keyOf(typeId, obj.id);
    return { record: graph.records.get(key)!, plan: plans[i]!, snapshot: extractor.snapshot(key, plans[i]!.needs) };
  });

  return {
    records,
    floor: pageFloor({
      focusType: typeId,
      focusKeys,
      historyRecords: [...byHistory.values()].reduce((n, g) => n + g.ids.length, 0),
      loadedLists: graph.loaded,
      records: graph.records.keys(),
      missing: graph.missing,
      historyTypes: new Set([...history.entries()].filter(([, s]) => s.size > 0).map(([t]) => t)),
      engagements: graph.engagements,
      fileRequests: client.requestLog.filter((e) => e.path.includes('/files/v3/files/')).length,
    }),
  };
}

/**
 * Engagement association lists of every type a record's rules may read, in
 * the first wave. The sidebar's loader asks for emails and meetings only
 * once notes and calls leave SALES-ENG-4 open (one record: each list is a
 * request). For a page, a list of one type is one request for up to 1,000
 * records whatever the count, so waiting would only split it into a request
 * per wave; the engagements themselves are still read only where the probe
 * needs them.
 */
function prefetchEngagementLists(graph: SnapshotGraph, plan: ReturnType<SnapshotGraph['collect']>, input: PageInput, plans: readonly RecordPlan[]): void {
  const typeId = input.target.objectTypeId;
  const activityProps = input.playbook.activityProperties?.[input.target.alias] ?? [];
  input.records.forEach((obj, i) => {
    const e = plans[i]!.needs.engagements;
    if (!e) return;
    const types = new Set<EngagementType>([...e.required, ...e.probes.flatMap((p) => p.types)]);
    if (e.activityWithin.length > 0) {
      const rec = graph.records.get(keyOf(typeId, obj.id));
      if (!rec || !activitySatisfied(rec, activityProps, e.activityWithin, input.playbook, input.now)) ENGAGEMENT_TYPES.forEach((t) => types.add(t));
    }
    for (const t of types) graph.requestList(plan, typeId, obj.id, ENGAGEMENT_TYPE_ID[t]);
  });
}

/**
 * Cuts one record's snapshot out of the page's graph by following its needs,
 * as the sidebar's loader does from the record: the records its rules reach,
 * their association edges and complete lists, their engagements and files.
 */
class Extractor {
  private readonly edgesFrom = new Map<RecordKey, AssociationEdge[]>();
  private readonly loadedFrom = new Map<RecordKey, string[]>();

  constructor(
    private readonly graph: SnapshotGraph,
    private readonly typeOf: Record<string, string | null>,
    private readonly meta: PortalMeta,
    private readonly loadedAt: string,
  ) {
    for (const e of graph.associationEdges()) {
      let list = this.edgesFrom.get(e.from);
      if (!list) this.edgesFrom.set(e.from, (list = []));
      list.push(e);
    }
    for (const entry of graph.loaded) {
      const from = entry.slice(0, entry.lastIndexOf('>'));
      let list = this.loadedFrom.get(from);
      if (!list) this.loadedFrom.set(from, (list = []));
      list.push(entry);
    }
  }

  snapshot(focus: RecordKey, needs: RecordNeeds): Snapshot {
    const records: Snapshot['records'] = {};
    const associations: AssociationEdge[] = [];
    const loaded = new Set<string>();
    const engagements: Snapshot['engagements'] = {};
    const files: Snapshot['files'] = {};
    const seen = new Map<RecordKey, Set<RecordNeeds>>();
    const edgeSeen = new Set<AssociationEdge>();

    const walk = (key: RecordKey, n: RecordNeeds): void => {
      let done = seen.get(key);
      if (!done) seen.set(key, (done = new Set()));
      if (done.has(n)) return;
      done.add(n);
      const rec = this.graph.records.get(key);
      if (rec) records[key] = rec;
      for (const entry of this.loadedFrom.get(key) ?? []) loaded.add(entry);
      if (n.engagements) {
        const list = this.graph.engagements[key];
        if (list) {
          engagements[key] = list;
          for (const e of list) for (const id of e.attachmentIds) if (this.graph.files[id]) files[id] = this.graph.files[id]!;
        }
      }
      for (const a of n.associations) {
        const toType = this.typeOf[a.object];
        if (!toType) continue;
        for (const edge of this.edgesFrom.get(key) ?? []) {
          if (!edge.to.startsWith(`${toType}/`)) continue;
          if (!edgeSeen.has(edge)) {
            edgeSeen.add(edge);
            associations.push(edge);
          }
          walk(edge.to, a.needs);
        }
      }
    };
    walk(focus, needs);

    const slash = focus.lastIndexOf('/');
    return {
      portal: this.meta,
      focus: { objectTypeId: focus.slice(0, slash), id: focus.slice(slash + 1) },
      records,
      associations,
      loadedAssociations: [...loaded].sort(),
      engagements,
      files,
      loadedAt: this.loadedAt,
    };
  }
}
