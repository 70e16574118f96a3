/**
 * Loads everything one record view needs into a Snapshot (lib/rules/snapshot.ts),
 * in as few sequential waves as the data allows:
 *
 * 1. GET the record with every property the playbook reads on it, the
 *    history of its stage, and the ids of its engagements and other
 *    associated standard records inline (`?associations=`); in parallel, v4
 *    lists for associations whose records lead further (their primary one must
 *    be known) or are custom objects.
 * 2. Knowing the record, leave out rules that cannot apply (another pipeline,
 *    a `when` that fails: SALES-WON-7/8/9 only on won deals), then batch-read
 *    the associated records and engagements and type the inline lists (v4),
 *    all in one wave.
 * 3. Further waves only for data that depends on the previous one: emails and
 *    meetings when no note or call already meets SALES-ENG-4, attachment
 *    metadata, a company's deals for LC-5, the hierarchy for ACC-3…
 *
 * `stats` counts every HTTP request and the longest chain of requests that
 * had to wait for each other.
 */
import { viewRequirements, type FocusContext, type RecordNeeds, type ViewRequirements } from '../playbook/requirements';
import type { Playbook } from '../playbook/types';
import type { PortalMeta, RecordRef, Snapshot } from '../rules/snapshot';
import { pipelineProperty, stageProperty } from '../rules/hubspot';
import type { HubSpotClient } from './client';
import { pipelineOf } from './engagement-probes';
import { ENGAGEMENT_TYPE_ID, V3_NAME, isCustomObject } from './object-types';
import { resolveObjectTypes } from './portal-meta';
import { SnapshotGraph } from './snapshot-graph';
import { sequentialRounds } from './transport';

export { loadPortalMeta, resolveObjectTypes, type LoadPortalMetaOptions } from './portal-meta';

export interface LoadSnapshotOptions {
  ref: RecordRef;
  playbook: Playbook;
  /** The portal's metadata (loadPortalMeta, usually cached). */
  meta: PortalMeta;
  /** The time the snapshot is for (`loadedAt`; "recent activity" shortcuts). */
  now: Date | number;
}

export interface SnapshotStats {
  /** HTTP requests sent, failed ones included. */
  requests: number;
  /** Sequential round trips: the longest chain of requests each waiting for the previous one. */
  waves: number;
}

export interface LoadedSnapshot {
  snapshot: Snapshot;
  stats: SnapshotStats;
}

/** Safety stop: a view's data is a few levels deep; more waves mean a cycle the graph did not catch. */
const MAX_WAVES = 30;

const V3_TYPE = new Map(Object.entries(V3_NAME).map(([typeId, name]) => [name, typeId]));

function deeper(n: RecordNeeds): boolean {
  return n.associations.length > 0 || n.engagements !== null || n.files || n.duplicates || n.hierarchy !== null;
}

/** Properties (and histories) to read per objectTypeId: the view's, plus pipeline and stage wherever the portal has pipelines. */
function byType(req: ViewRequirements | null, typeOf: Record<string, string | null>, meta: PortalMeta) {
  const props = new Map<string, Set<string>>();
  const history = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, typeId: string, names: Iterable<string>) => {
    let set = map.get(typeId);
    if (!set) map.set(typeId, (set = new Set()));
    for (const n of names) set.add(n);
  };
  for (const [alias, names] of Object.entries(req?.propertiesByObject ?? {})) {
    const t = typeOf[alias];
    if (t) add(props, t, names);
  }
  for (const [alias, names] of Object.entries(req?.historyByObject ?? {})) {
    const t = typeOf[alias];
    if (t) add(history, t, names);
  }
  for (const t of props.keys()) {
    if ((meta.pipelines[t] ?? []).length > 0) add(props, t, [pipelineProperty(t), stageProperty(t)]);
  }
  return { props, history };
}

function focusContext(rec: { objectTypeId: string; properties: Record<string, string | null> }, meta: PortalMeta): FocusContext {
  const pipe = pipelineOf({ ...rec, id: '' }, meta.pipelines[rec.objectTypeId]);
  const stageId = rec.properties[stageProperty(rec.objectTypeId)];
  const stage = pipe?.stages.find((s) => s.id === stageId) ?? null;
  return {
    properties: rec.properties,
    pipeline: pipe
      ? { label: pipe.label, stageLabel: stage?.label ?? null, isClosed: stage?.isClosed ?? false, probability: stage?.probability ?? null }
      : null,
  };
}

export async function loadSnapshot(client: HubSpotClient, options: LoadSnapshotOptions): Promise<LoadedSnapshot> {
  const { ref, playbook, meta } = options;
  const now = options.now instanceof Date ? options.now.getTime() : options.now;
  if (!Number.isFinite(now)) throw new RangeError('loadSnapshot: `now` is not a valid time.');
  if (!ref || typeof ref.objectTypeId !== 'string' || !/^\d+$/.test(String(ref.id))) {
    throw new TypeError(`loadSnapshot: not a HubSpot record reference: ${JSON.stringify(ref)}`);
  }
  const c = client.fork();
  const typeOf = resolveObjectTypes(playbook, meta.schemas);
  const focusAlias = Object.keys(typeOf).find((a) => typeOf[a] === ref.objectTypeId) ?? null;
  const focusType = ref.objectTypeId;
  const focusKey = `${focusType}/${ref.id}`;

  // Before the record is known every rule of its object may apply.
  const full = focusAlias ? viewRequirements(playbook, focusAlias) : null;
  const initial = byType(full, typeOf, meta);
  const graph = new SnapshotGraph(c, playbook, meta, now, typeOf, initial.props, initial.history);

  // Wave 1.
  const wave1 = graph.newPlan();
  const inline = new Set<string>();
  if (full) {
    for (const a of full.focus.associations) {
      const toType = typeOf[a.object];
      if (!toType) continue;
      if (isCustomObject(toType) || !V3_NAME[toType] || deeper(a.needs)) graph.requestList(wave1, focusType, ref.id, toType);
      else inline.add(V3_NAME[toType]!);
    }
    if (full.focus.hierarchy) graph.requestList(wave1, focusType, ref.id, focusType);
    const e = full.focus.engagements;
    if (e) {
      const types = new Set([...e.required, ...e.probes.flatMap((p) => p.types)]);
      if (e.activityWithin.length > 0) Object.keys(ENGAGEMENT_TYPE_ID).forEach((t) => types.add(t as keyof typeof ENGAGEMENT_TYPE_ID));
      for (const t of types) inline.add(V3_NAME[ENGAGEMENT_TYPE_ID[t]]!);
    }
  }
  const focusProps = [...(initial.props.get(focusType) ?? [])];
  const focusHistory = [...(initial.history.get(focusType) ?? [])];
  const get = c
    .getObject(focusType, ref.id, { properties: focusProps, propertiesWithHistory: focusHistory, associations: [...inline] })
    .then((obj) => {
      graph.addRecord(focusType, obj, focusHistory);
      for (const name of inline) {
        const toType = V3_TYPE.get(name)!;
        const list = obj.associations?.[name] ?? obj.associations?.[toType];
        // HubSpot leaves out the key of an empty list.
        graph.addInlineList(focusKey, toType, list?.ids ?? [], list?.complete ?? true);
      }
    });
  await graph.run(wave1, [get]);

  // Knowing the record: only what the rules that can apply to it read.
  if (focusAlias) {
    const rec = graph.records.get(focusKey)!;
    const pruned = viewRequirements(playbook, focusAlias, focusContext(rec, meta));
    const next = byType(pruned, typeOf, meta);
    initial.props.clear();
    initial.history.clear();
    for (const [t, s] of next.props) initial.props.set(t, s);
    for (const [t, s] of next.history) initial.history.set(t, s);
    graph.visit(focusType, ref.id, pruned.focus, true);

    for (let wave = 0; wave < MAX_WAVES; wave++) {
      const plan = graph.collect();
      if (graph.isEmpty(plan)) break;
      await graph.run(plan);
    }
  }

  const snapshot: Snapshot = {
    portal: meta,
    focus: { objectTypeId: focusType, id: String(ref.id) },
    records: Object.fromEntries(graph.records),
    associations: graph.associationEdges(),
    loadedAssociations: [...graph.loaded].sort(),
    engagements: graph.engagements,
    files: graph.files,
    loadedAt: new Date(now).toISOString(),
  };
  if (graph.duplicateCandidates) snapshot.duplicateCandidates = graph.duplicateCandidates;
  return { snapshot, stats: { requests: c.requests, waves: sequentialRounds(c.requestLog) } };
}
