/**
 * What a scan loads for one object, derived from lib/playbook/requirements.ts
 * restricted to the selected rules, exactly as the sidebar's loader derives
 * it for all rules: the properties the search returns for every record
 * (the unpruned needs of its object), then per record, knowing its pipeline
 * and stage, the pruned needs (a Closed – Lost deal needs SALES-LOST-* only;
 * SALES-WON-7/8 attachments only on won deals).
 *
 * Records with the same pipeline, stage and `scope.when` inputs share one
 * needs object (memoized), so a 50,000-record scan derives needs a few dozen
 * times, not 50,000.
 */
import { viewRequirements, type FocusContext, type RecordNeeds, type ViewRequirements } from '../playbook/requirements';
import type { Playbook, Predicate } from '../playbook/types';
import { HS, pipelineProperty, stageProperty } from '../rules/hubspot';
import type { PipelineMeta, PortalMeta, RecordData } from '../rules/snapshot';
import { OBJECT_TYPE } from '../rules/snapshot';
import { isBlank } from '../rules/values';
import type { ScanTarget } from './scan-selection';

export interface RecordPlan {
  /** The focus needs handed to the snapshot graph (no duplicate search: ACC-9 is decided across the scan). */
  needs: RecordNeeds;
  /** Properties to read on every other record, by objectTypeId. */
  props: Map<string, Set<string>>;
  /** Properties to read with history, by objectTypeId. */
  history: Map<string, Set<string>>;
  /** History the focus record itself needs (`dealstage` for SALES-SQL-1 / SALES-ENG-4). */
  focusHistory: string[];
  /** The rules of the target that can apply to this record. */
  rules: string[];
  /** ACC-9 applies: the record takes part in the scan-wide duplicate check. */
  duplicates: boolean;
}

/** The record's pipeline (by pipeline property, else by its stage). */
export function pipelineOf(rec: Pick<RecordData, 'objectTypeId' | 'properties'>, pipelines: readonly PipelineMeta[] | undefined): PipelineMeta | null {
  if (!pipelines || pipelines.length === 0) return null;
  const pipelineId = rec.properties[pipelineProperty(rec.objectTypeId)];
  const stageId = rec.properties[stageProperty(rec.objectTypeId)];
  return pipelines.find((p) => p.id === pipelineId) ?? (stageId ? pipelines.find((p) => p.stages.some((s) => s.id === stageId)) : undefined) ?? null;
}

/** The same context the sidebar's loader prunes with (lib/hubspot/snapshot-loader.ts). */
export function focusContext(rec: Pick<RecordData, 'objectTypeId' | 'properties'>, meta: PortalMeta): FocusContext {
  const pipe = pipelineOf(rec, meta.pipelines[rec.objectTypeId]);
  const stageId = rec.properties[stageProperty(rec.objectTypeId)];
  const stage = pipe?.stages.find((s) => s.id === stageId) ?? null;
  return {
    properties: rec.properties,
    pipeline: pipe ? { label: pipe.label, stageLabel: stage?.label ?? null, isClosed: stage?.isClosed ?? false, probability: stage?.probability ?? null } : null,
  };
}

function whenProperties(pred: Predicate | undefined, out: Set<string>): void {
  if (!pred) return;
  if ('property' in pred && typeof pred.property === 'string') out.add(pred.property);
  if (pred.op === 'all' || pred.op === 'any') pred.of.forEach((p) => whenProperties(p, out));
  if (pred.op === 'not') whenProperties(pred.of, out);
  if (pred.op === 'iff') {
    whenProperties(pred.left, out);
    whenProperties(pred.right, out);
  }
}

/** Properties that tell when a record entered its current stage, when the portal defines them (days in stage). */
export function stageEnteredProperties(objectTypeId: string, meta: PortalMeta): string[] {
  const defined = new Set((meta.properties[objectTypeId] ?? []).map((p) => p.name));
  const out: string[] = [];
  if (defined.has(HS.enteredCurrentStage)) out.push(HS.enteredCurrentStage);
  for (const pipe of meta.pipelines[objectTypeId] ?? []) {
    for (const s of pipe.stages) if (defined.has(`${HS.enteredStagePrefix}${s.id}`)) out.push(`${HS.enteredStagePrefix}${s.id}`);
  }
  return out;
}

export function createdProperty(objectTypeId: string): string {
  return objectTypeId === OBJECT_TYPE.deal || objectTypeId === OBJECT_TYPE.contact || objectTypeId === OBJECT_TYPE.company || objectTypeId === OBJECT_TYPE.ticket
    ? HS.createDate
    : 'hs_createdate';
}

export class ScanNeeds {
  /** The playbook the needs are derived from: only the target's rules, no forms a scan never shows. */
  readonly requirementsPlaybook: Playbook;
  private readonly unpruned: ViewRequirements;
  private readonly whenProps: string[];
  private readonly memo = new Map<string, RecordPlan>();

  constructor(
    playbook: Playbook,
    private readonly meta: PortalMeta,
    /** alias → objectTypeId in this portal */
    private readonly typeOf: Record<string, string | null>,
    private readonly target: ScanTarget,
  ) {
    const selected = new Set(target.rules);
    // The call-log form's associated records are for logging a call, not for any rule's answer.
    const { callLog: _callLog, ...rest } = playbook;
    this.requirementsPlaybook = { ...rest, rules: playbook.rules.filter((r) => selected.has(r.id)) };
    this.unpruned = viewRequirements(this.requirementsPlaybook, target.alias);
    const props = new Set<string>();
    for (const r of this.requirementsPlaybook.rules) whenProperties(r.scope.when, props);
    this.whenProps = [...props].sort();
  }

  /** What the search returns for every record: everything any selected rule may read on it, plus the row's columns. */
  searchProperties(): string[] {
    const t = this.target.objectTypeId;
    const out = new Set<string>();
    for (const [alias, names] of Object.entries(this.unpruned.propertiesByObject)) {
      if (this.typeOf[alias] === t) names.forEach((n) => out.add(n));
    }
    if ((this.meta.pipelines[t] ?? []).length > 0) {
      out.add(pipelineProperty(t));
      out.add(stageProperty(t));
      stageEnteredProperties(t, this.meta).forEach((p) => out.add(p));
    }
    out.add(HS.owner);
    out.add(createdProperty(t));
    return [...out].sort();
  }

  /** Whether any record of the target may need property history (then it is read in batches of ≤ 50). */
  get mayNeedHistory(): boolean {
    return Object.keys(this.unpruned.historyByObject).length > 0;
  }

  /** The pruned plan for one record (memoized by everything pruning reads). */
  forRecord(rec: Pick<RecordData, 'objectTypeId' | 'properties'>): RecordPlan {
    const context = focusContext(rec, this.meta);
    const key = this.memoKey(context);
    let plan = this.memo.get(key);
    if (!plan) {
      plan = this.build(context);
      this.memo.set(key, plan);
    }
    return plan;
  }

  private memoKey(context: FocusContext): string {
    const p = context.pipeline;
    const parts = [p ? `${p.label}\u0001${p.stageLabel ?? ''}\u0001${p.isClosed}\u0001${p.probability ?? ''}` : '-'];
    for (const name of this.whenProps) {
      const v = context.properties[name];
      parts.push(isBlank(v) ? '' : `=${v!.trim().toLowerCase()}`);
    }
    return parts.join('\u0002');
  }

  private build(context: FocusContext): RecordPlan {
    const req = viewRequirements(this.requirementsPlaybook, this.target.alias, context);
    const props = new Map<string, Set<string>>();
    const history = new Map<string, Set<string>>();
    const add = (map: Map<string, Set<string>>, typeId: string, names: Iterable<string>) => {
      let set = map.get(typeId);
      if (!set) map.set(typeId, (set = new Set()));
      for (const n of names) set.add(n);
    };
    for (const [alias, names] of Object.entries(req.propertiesByObject)) {
      const t = this.typeOf[alias];
      if (t) add(props, t, names);
    }
    for (const [alias, names] of Object.entries(req.historyByObject)) {
      const t = this.typeOf[alias];
      if (t) add(history, t, names);
    }
    // As the sidebar's loader: pipeline and stage wherever the portal has pipelines.
    for (const t of props.keys()) {
      if ((this.meta.pipelines[t] ?? []).length > 0) add(props, t, [pipelineProperty(t), stageProperty(t)]);
    }
    const focusHistory = [...(history.get(this.target.objectTypeId) ?? [])].sort();
    // Every rule of the target that survived pruning (ACC-9 is found across the whole scan).
    const needs: RecordNeeds = { ...req.focus, duplicates: false, hierarchy: null };
    return {
      needs,
      props,
      history,
      focusHistory,
      rules: req.rules,
      duplicates: req.focus.duplicates,
    };
  }
}
