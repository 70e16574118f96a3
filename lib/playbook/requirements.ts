/**
 * What a record view must load, read off the playbook: which properties (and
 * property histories) of each object, which association lists from the
 * record and from the records it reaches, which engagements, attachments,
 * duplicate candidates and hierarchy. The snapshot loader (lib/hubspot) asks
 * HubSpot for exactly this, so the engine never meets a rule whose data was
 * skipped (it would be `unknown`) and HubSpot is not asked for anything no
 * rule reads.
 *
 * Pure: data in, data out. HubSpot's own property names (stage, email,
 * domain, engagement bodies) come from lib/rules/hubspot.ts; everything the
 * company chose comes from the playbook.
 */
import type { EngagementType } from '../rules/snapshot';
import { OBJECT_TYPE } from '../rules/snapshot';
import { ENGAGEMENT_BODY, HS, pipelineProperty, stageProperty } from '../rules/hubspot';
import { isBlank, normLabel } from '../rules/values';
import type { ListParam, NumberParam, ObjectAlias, Playbook, Predicate, Rule } from './types';

export const ENGAGEMENT_TYPES: readonly EngagementType[] = ['note', 'call', 'email', 'meeting', 'task'];

/** Read on every engagement: its date and its attachments. */
const ENGAGEMENT_BASE = [HS.timestamp, 'hs_attachment_ids'];

/** What tells engagements of a type apart (call outcome/type/direction for CH-2, task subject for CH-8…). */
const ENGAGEMENT_DETAIL: Record<EngagementType, readonly string[]> = {
  note: [],
  call: [HS.callDisposition, HS.callType, HS.callDirection, 'hs_call_status', 'hs_call_title'],
  email: ['hs_email_direction', 'hs_email_subject'],
  meeting: ['hs_meeting_title', 'hs_meeting_outcome', 'hs_meeting_start_time'],
  task: [HS.taskSubject, HS.taskStatus, 'hs_task_type'],
};

/** Deals: when the deal entered its current stage (ACC-6 velocity). */
const DEAL_STAGE_ENTERED = HS.enteredCurrentStage;

/**
 * An "a matching engagement exists" condition that appears only positively:
 * once a loaded engagement satisfies it, engagements of its other types cannot
 * change the answer, so the loader may skip them (SALES-ENG-4).
 */
export interface EngagementProbe {
  types: EngagementType[];
  contains?: string;
  sinceStage?: string;
  withinDays?: NumberParam;
}

export interface EngagementNeeds {
  /** Types whose engagements must all be loaded (activity, attachments, cadence, filtered or negated conditions). */
  required: EngagementType[];
  probes: EngagementProbe[];
  /**
   * `activityWithin` windows (LC-4, LEAD-1, ACC-10): when the record's activity
   * properties already show activity inside every window, its engagements
   * cannot change the answer; otherwise every type is needed.
   */
  activityWithin: NumberParam[];
  /** Properties to read, by type. */
  properties: Partial<Record<EngagementType, string[]>>;
}

export interface AssociationNeed {
  /** The associated object. */
  object: ObjectAlias;
  /**
   * Follow only the primary associated record further (its own association
   * lists), else the first: "the associated company" (Resolutions). The list
   * itself is always loaded whole.
   */
  primaryOnly: boolean;
  needs: RecordNeeds;
}

export interface HierarchyNeeds {
  /** Association type ids of the company hierarchy (ACC-3). */
  parentToChild: number;
  childToParent: number;
  /** What every descendant needs for the roll-ups (its deals and tickets). */
  descendants: RecordNeeds;
}

/** What one record reached by the view needs. */
export interface RecordNeeds {
  object: ObjectAlias;
  /** Properties this record's rules read (the loader reads the union per object: `propertiesByObject`). */
  properties: string[];
  /** Properties read with history (`propertiesWithHistory`). */
  history: string[];
  engagements: EngagementNeeds | null;
  /** Metadata of files attached through engagements (SALES-WON-7/8). */
  files: boolean;
  /** Search for likely duplicates (ACC-9). */
  duplicates: boolean;
  hierarchy: HierarchyNeeds | null;
  associations: AssociationNeed[];
}

/** The focus record as far as it is known, to leave out rules that cannot apply to it. */
export interface FocusContext {
  properties: Record<string, string | null>;
  /** The record's pipeline and stage as the portal labels them; null when it has none or it is unknown. */
  pipeline: { label: string; stageLabel: string | null; isClosed: boolean; probability: number | null } | null;
}

export interface ViewRequirements {
  focus: RecordNeeds;
  /** Every property to read, by object alias (union over the whole view). */
  propertiesByObject: Record<ObjectAlias, string[]>;
  /** Every property to read with history, by object alias. */
  historyByObject: Record<ObjectAlias, string[]>;
  /** The rules the view evaluates (after `FocusContext` left out those that cannot apply). */
  rules: string[];
}

/* ------------------------------------------------------------------ */

type Tri = 'yes' | 'no' | 'maybe';

function listParam(pb: Playbook, v: ListParam): string[] {
  if (Array.isArray(v)) return v;
  const p = pb.parameters?.[v.param];
  return Array.isArray(p) ? p : [];
}

function objectTypeId(pb: Playbook, alias: ObjectAlias): string | null {
  return pb.objects[alias]?.objectTypeId ?? null;
}

function aliasByType(pb: Playbook, typeId: string): ObjectAlias | null {
  for (const [alias, o] of Object.entries(pb.objects)) if (o.objectTypeId === typeId) return alias;
  return null;
}

/** Pipeline and stage property names (custom objects declared by name are never deals). */
function stageProps(pb: Playbook, alias: ObjectAlias): { pipeline: string; stage: string } {
  const typeId = objectTypeId(pb, alias) ?? 'custom';
  return { pipeline: pipelineProperty(typeId), stage: stageProperty(typeId) };
}

interface EngagementState {
  required: Set<EngagementType>;
  probes: EngagementProbe[];
  activity: NumberParam[];
  properties: Map<EngagementType, Set<string>>;
}

class Builder {
  readonly properties = new Set<string>();
  readonly history = new Set<string>();
  engagements: EngagementState | null = null;
  files = false;
  duplicates = false;
  hierarchy: { parentToChild: number; childToParent: number; descendants: Builder } | null = null;
  readonly children = new Map<string, { object: ObjectAlias; primaryOnly: boolean; node: Builder }>();

  constructor(readonly pb: Playbook, readonly alias: ObjectAlias) {
    for (const p of pb.objects[alias]?.nameProperties ?? []) this.properties.add(p);
  }

  /** The record is named after its primary associated record (PlaybookObject.nameFrom). */
  nameSource(): void {
    const from = this.pb.objects[this.alias]?.nameFrom;
    if (from && this.pb.objects[from]) this.child(from, true);
  }

  child(object: ObjectAlias, primaryOnly = false): Builder {
    const key = `${object}|${primaryOnly}`;
    let c = this.children.get(key);
    if (!c) {
      c = { object, primaryOnly, node: new Builder(this.pb, object) };
      this.children.set(key, c);
    }
    return c.node;
  }

  stage(withHistory = false): void {
    const { pipeline, stage } = stageProps(this.pb, this.alias);
    this.properties.add(pipeline);
    this.properties.add(stage);
    if (withHistory) this.history.add(stage);
  }

  private eng(): EngagementState {
    return (this.engagements ??= { required: new Set(), probes: [], activity: [], properties: new Map() });
  }

  engagementProps(type: EngagementType, props: Iterable<string>): void {
    const e = this.eng();
    let set = e.properties.get(type);
    if (!set) {
      set = new Set([...ENGAGEMENT_BASE, ...ENGAGEMENT_DETAIL[type]]);
      e.properties.set(type, set);
    }
    for (const p of props) set.add(p);
  }

  requireEngagements(types: readonly EngagementType[], props: Iterable<string> = []): void {
    const list = [...props];
    for (const t of types) {
      this.eng().required.add(t);
      this.engagementProps(t, list);
    }
  }

  probe(p: EngagementProbe): void {
    const e = this.eng();
    const same = JSON.stringify(p);
    if (!e.probes.some((q) => JSON.stringify(q) === same)) e.probes.push(p);
    for (const t of p.types) this.engagementProps(t, p.contains ? ENGAGEMENT_BODY[t] ?? [] : []);
  }

  activity(days: NumberParam): void {
    const e = this.eng();
    for (const p of this.pb.activityProperties?.[this.alias] ?? []) this.properties.add(p);
    if (!e.activity.some((d) => JSON.stringify(d) === JSON.stringify(days))) e.activity.push(days);
    for (const t of ENGAGEMENT_TYPES) this.engagementProps(t, []);
  }

  build(): RecordNeeds {
    let engagements: EngagementNeeds | null = null;
    if (this.engagements) {
      const properties: Partial<Record<EngagementType, string[]>> = {};
      for (const [t, set] of this.engagements.properties) properties[t] = [...set];
      engagements = {
        required: ENGAGEMENT_TYPES.filter((t) => this.engagements!.required.has(t)),
        probes: this.engagements.probes,
        activityWithin: this.engagements.activity,
        properties,
      };
    }
    return {
      object: this.alias,
      properties: [...this.properties],
      history: [...this.history],
      engagements,
      files: this.files,
      duplicates: this.duplicates,
      hierarchy: this.hierarchy
        ? { parentToChild: this.hierarchy.parentToChild, childToParent: this.hierarchy.childToParent, descendants: this.hierarchy.descendants.build() }
        : null,
      associations: [...this.children.values()].map((c) => ({ object: c.object, primaryOnly: c.primaryOnly, needs: c.node.build() })),
    };
  }
}

/** Collects what `pred`, read on `node`'s record, needs. `positive`: the predicate counts only when it holds. */
function walk(pred: Predicate, node: Builder, rule: Rule, positive: boolean | null): void {
  const pb = node.pb;
  switch (pred.op) {
    case 'known':
    case 'equals':
    case 'oneOf':
    case 'hasAny':
    case 'compare':
    case 'dateWithin':
    case 'matches':
    case 'ownerResolves':
      node.properties.add(pred.property);
      return;
    case 'all':
    case 'any':
      for (const p of pred.of) walk(p, node, rule, positive);
      return;
    case 'not':
      walk(pred.of, node, rule, positive === null ? null : !positive);
      return;
    case 'iff':
      walk(pred.left, node, rule, null);
      walk(pred.right, node, rule, null);
      return;
    case 'associated': {
      const child = node.child(pred.object, pred.primary === true);
      // Inside "none"/"all" a matching engagement can turn the answer either way.
      const inner = pred.quantifier === 'any' ? positive : null;
      if (pred.where) walk(pred.where, child, rule, inner);
      return;
    }
    case 'engagement': {
      if (pred.sinceStage) node.stage(true);
      const whereProps = new Set<string>();
      if (pred.where) collectProperties(pred.where, whereProps);
      if (positive === true && !pred.where) {
        const probe: EngagementProbe = { types: [...pred.types] };
        if (pred.contains !== undefined) probe.contains = pred.contains;
        if (pred.sinceStage !== undefined) probe.sinceStage = pred.sinceStage;
        if (pred.withinDays !== undefined) probe.withinDays = pred.withinDays;
        node.probe(probe);
      } else {
        node.requireEngagements(pred.types, whereProps);
        for (const t of pred.types) if (pred.contains) node.engagementProps(t, ENGAGEMENT_BODY[t] ?? []);
      }
      return;
    }
    case 'attachment': {
      node.requireEngagements(ENGAGEMENT_TYPES);
      node.files = true;
      for (const part of (pred.nameEquals ?? '').matchAll(/\{([^.}]+)\.([^}]+)\}/g)) {
        const alias = part[1]!.trim();
        const property = part[2]!.trim();
        if (alias === node.alias) node.properties.add(property);
        else node.child(alias, true).properties.add(property);
      }
      return;
    }
    case 'activityWithin':
      if (positive === true) node.activity(pred.days);
      else {
        for (const p of pb.activityProperties?.[node.alias] ?? []) node.properties.add(p);
        node.requireEngagements(ENGAGEMENT_TYPES);
      }
      return;
    case 'inStage':
      node.stage();
      return;
    case 'stageOrder':
      node.stage(true);
      return;
    case 'noDuplicates': {
      node.duplicates = true;
      const typeId = objectTypeId(pb, node.alias);
      if (typeId === OBJECT_TYPE.contact) node.properties.add(HS.email);
      if (typeId === OBJECT_TYPE.company) {
        node.properties.add(HS.domain);
        node.properties.add(HS.companyName);
      }
      return;
    }
    case 'checklist':
      for (const item of pb.checklists[pred.list] ?? []) {
        if (item.object === node.alias) node.properties.add(item.property);
        else node.child(item.object, true).properties.add(item.property);
      }
      return;
    case 'cadence':
      cadenceNeeds(node);
      return;
    case 'onePerPair':
      pairNeeds(node, rule.scope.object, pred.object, pred.pairWith);
      return;
    case 'healthScore':
      healthNeeds(node);
      return;
    case 'manual':
      return;
  }
}

/** Properties a predicate reads on its own context (engagement `where` clauses). */
function collectProperties(pred: Predicate, out: Set<string>): void {
  if ('property' in pred && typeof pred.property === 'string') out.add(pred.property);
  if (pred.op === 'all' || pred.op === 'any') pred.of.forEach((p) => collectProperties(p, out));
  if (pred.op === 'not') collectProperties(pred.of, out);
  if (pred.op === 'iff') {
    collectProperties(pred.left, out);
    collectProperties(pred.right, out);
  }
}

/** CH-4…CH-8: the cadence properties, the stage and its history, calls, emails and tasks. */
function cadenceNeeds(node: Builder): void {
  const c = node.pb.cadence;
  if (c && c.object === node.alias) {
    node.properties.add(c.ratioProperty);
    node.properties.add(c.lastCheckInProperty);
    node.properties.add(c.nextContactDateProperty);
  }
  node.stage(true);
  node.requireEngagements(['call', 'email', 'task'], ENGAGEMENT_BODY.task ?? []);
}

/**
 * CH-1: one `object` record per (subject, `pairWith` labelled …) pair. From
 * the subject (Product Subscription): its contacts (labels), its Client Hub
 * records and theirs contacts. From a contact (`alsoOn`): its subscriptions
 * and their contacts (labels, read from the subscription's side), its Client
 * Hub records and their subscriptions.
 */
function pairNeeds(node: Builder, subject: ObjectAlias, object: ObjectAlias, pairWith: ObjectAlias): void {
  if (node.alias === pairWith && subject !== pairWith) {
    const sub = node.child(subject);
    sub.child(pairWith);
    sub.child(object).child(pairWith);
    node.child(object).child(subject);
    return;
  }
  node.child(pairWith).child(object);
  node.child(object).child(pairWith);
}

/** ACC-6: activity of the company and its contacts, its deals' stages and time in stage, its tickets. */
function healthNeeds(node: Builder): void {
  const pb = node.pb;
  for (const p of pb.activityProperties?.[node.alias] ?? []) node.properties.add(p);
  node.requireEngagements(ENGAGEMENT_TYPES);
  const contact = aliasByType(pb, OBJECT_TYPE.contact);
  if (contact && contact !== node.alias) {
    const c = node.child(contact);
    for (const p of pb.activityProperties?.[contact] ?? []) c.properties.add(p);
  }
  dealsAndTickets(node, true);
}

/** The deals (with stage, and for velocity the stage history) and tickets of a company (ACC-3, ACC-6). */
function dealsAndTickets(node: Builder, velocity: boolean): void {
  const pb = node.pb;
  const deal = aliasByType(pb, OBJECT_TYPE.deal);
  const ticket = aliasByType(pb, OBJECT_TYPE.ticket);
  if (deal && deal !== node.alias) {
    const d = node.child(deal);
    d.stage(velocity);
    d.properties.add(HS.createDate);
    if (velocity) d.properties.add(DEAL_STAGE_ENTERED);
  }
  if (ticket && ticket !== node.alias) {
    const t = node.child(ticket);
    t.stage();
    t.properties.add(HS.createDate);
    t.properties.add(HS.ticketSubject);
  }
}

/** ACC-3: the hierarchy tree and the roll-ups over the company and its descendants. */
function hierarchyNeeds(node: Builder): void {
  const a = node.pb.associations;
  if (a.parentToChild === undefined || a.childToParent === undefined) return;
  node.properties.add(HS.companyName);
  node.properties.add(HS.annualRevenue);
  const descendants = new Builder(node.pb, node.alias);
  descendants.properties.add(HS.companyName);
  descendants.properties.add(HS.annualRevenue);
  dealsAndTickets(descendants, false);
  node.hierarchy = { parentToChild: a.parentToChild, childToParent: a.childToParent, descendants };
  dealsAndTickets(node, false);
}

/* ------------------------------------------------------------------ */

/** Three-valued reading of a `scope.when` on the focus record; `maybe` for anything not decidable from it. */
function whenHolds(pb: Playbook, alias: ObjectAlias, pred: Predicate, focus: FocusContext): Tri {
  const value = (name: string) => focus.properties[name];
  const has = (name: string) => name in focus.properties;
  switch (pred.op) {
    case 'known':
      if (!has(pred.property)) return 'maybe';
      // Non-blank enumeration values must also be an option (Resolutions): only the metadata can say.
      return isBlank(value(pred.property)) ? 'no' : 'maybe';
    case 'equals': {
      if (!has(pred.property)) return 'maybe';
      const v = value(pred.property);
      return !isBlank(v) && v!.trim().toLowerCase() === pred.value.trim().toLowerCase() ? 'yes' : 'no';
    }
    case 'oneOf': {
      if (!has(pred.property)) return 'maybe';
      const v = value(pred.property);
      if (isBlank(v)) return 'no';
      const wanted = listParam(pb, pred.values).map((s) => s.trim().toLowerCase());
      return wanted.includes(v!.trim().toLowerCase()) ? 'yes' : 'no';
    }
    case 'not': {
      const t = whenHolds(pb, alias, pred.of, focus);
      return t === 'yes' ? 'no' : t === 'no' ? 'yes' : 'maybe';
    }
    case 'all': {
      const ts = pred.of.map((p) => whenHolds(pb, alias, p, focus));
      return ts.includes('no') ? 'no' : ts.every((t) => t === 'yes') ? 'yes' : 'maybe';
    }
    case 'any': {
      const ts = pred.of.map((p) => whenHolds(pb, alias, p, focus));
      return ts.includes('yes') ? 'yes' : ts.every((t) => t === 'no') ? 'no' : 'maybe';
    }
    case 'inStage': {
      const pos = focus.pipeline;
      if (!pos) return 'maybe';
      const pbPipe = pb.pipelines.find((p) => p.object === alias && normLabel(p.label) === normLabel(pos.label));
      if (pred.governed !== undefined && (pbPipe?.governed ?? false) !== pred.governed) return 'no';
      if (pos.stageLabel === null) return pred.stages || pred.outcome ? 'no' : 'yes';
      const stage = normLabel(pos.stageLabel);
      if (pred.stages && !pred.stages.some((s) => normLabel(s) === stage)) return 'no';
      if (pred.outcome) {
        const won = pbPipe?.wonStage ? normLabel(pbPipe.wonStage) === stage : !pbPipe && pos.isClosed && pos.probability === 1;
        const lost = pbPipe?.lostStage ? normLabel(pbPipe.lostStage) === stage : !pbPipe && pos.isClosed && pos.probability === 0;
        const closed = pos.isClosed || won || lost;
        if (pred.outcome === 'won' && !won) return 'no';
        if (pred.outcome === 'lost' && !lost) return 'no';
        if (pred.outcome === 'open' && closed) return 'no';
      }
      return 'yes';
    }
    default:
      return 'maybe';
  }
}

/** Whether a rule can apply to a record of `alias` (its scope, pipelines, `when`); true when undecidable. */
export function ruleMayApply(pb: Playbook, rule: Rule, alias: ObjectAlias, focus?: FocusContext): boolean {
  if (rule.enabled === false) return false;
  const onObject = rule.scope.object === alias;
  if (!onObject && !(rule.scope.alsoOn ?? []).includes(alias)) return false;
  if (!focus || !onObject) return true;
  const pbPipes = pb.pipelines.filter((p) => p.object === alias);
  if (pbPipes.length > 0 && focus.pipeline) {
    const label = normLabel(focus.pipeline.label);
    const pipe = pbPipes.find((p) => normLabel(p.label) === label);
    if (rule.scope.pipelines) {
      if (!rule.scope.pipelines.some((p) => normLabel(p) === label)) return false;
    } else if (!pipe?.governed) return false;
  }
  if (rule.scope.when && whenHolds(pb, alias, rule.scope.when, focus) === 'no') return false;
  return true;
}

/** What a record of `alias` on screen needs loaded, for the rules that may apply to it. */
export function viewRequirements(pb: Playbook, alias: ObjectAlias, focus?: FocusContext): ViewRequirements {
  const root = new Builder(pb, alias);
  root.nameSource();
  const rules: string[] = [];
  for (const rule of pb.rules) {
    if (!ruleMayApply(pb, rule, alias, focus)) continue;
    rules.push(rule.id);
    if (rule.scope.when) walk(rule.scope.when, root, rule, null);
    if (rule.kind === 'gate' || rule.kind === 'check' || (rule.kind === 'form' && rule.test)) {
      walk(rule.test!, root, rule, true);
    }
    if (rule.kind === 'view' && rule.view === 'hierarchy') hierarchyNeeds(root);
    if (rule.kind === 'form') formNeeds(pb, root, rule.form);
    if ('fix' in rule && rule.fix && (rule.fix.object ?? rule.scope.object) === alias) root.properties.add(rule.fix.property);
    if (rule.kind === 'gate' || rule.kind === 'check' || rule.kind === 'form' || rule.kind === 'guide') {
      // Staged rules and guidance read the record's stage (deals, Client Hub).
      if (('stage' in rule && rule.stage) || pb.pipelines.some((p) => p.object === alias)) root.stage();
    }
  }
  contextNeeds(pb, root);
  const focusNeeds = root.build();
  const propertiesByObject: Record<ObjectAlias, Set<string>> = {};
  const historyByObject: Record<ObjectAlias, Set<string>> = {};
  const gather = (n: RecordNeeds) => {
    for (const p of n.properties) (propertiesByObject[n.object] ??= new Set()).add(p);
    for (const p of n.history) (historyByObject[n.object] ??= new Set()).add(p);
    if (n.hierarchy) gather(n.hierarchy.descendants);
    n.associations.forEach((a) => gather(a.needs));
  };
  gather(focusNeeds);
  const toLists = (m: Record<ObjectAlias, Set<string>>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, [...v].sort()]));
  return { focus: focusNeeds, propertiesByObject: toLists(propertiesByObject), historyByObject: toLists(historyByObject), rules };
}

/**
 * What the playbook's forms and panels read besides the rules: the lifecycle
 * property (contact lifecycle guidance), the S&OP note's records, the call
 * log's associated records, the Client Hub record's pair (CH-1), deal
 * committee names.
 */
function contextNeeds(pb: Playbook, root: Builder): void {
  const alias = root.alias;
  if (pb.lifecycle && pb.lifecycle.object === alias) root.properties.add(pb.lifecycle.property);
  if (objectTypeId(pb, alias) === OBJECT_TYPE.contact) root.properties.add(HS.emailOptOut);
  if (pb.callLog && pb.callLog.appliesTo.includes(alias)) formNeeds(pb, root, 'callLog');
  for (const rule of pb.rules) {
    if (rule.enabled === false || !('test' in rule) || !rule.test || rule.test.op !== 'onePerPair') continue;
    if (rule.test.object !== alias) continue;
    root.child(rule.test.pairWith);
    root.child(rule.scope.object);
  }
}

/**
 * The records a form writes to or reads from: the S&OP note (SOP-2) goes on
 * the deal and its company and is found again by its tag; a logged call is
 * associated with the record's contact too (CH-2).
 */
function formNeeds(pb: Playbook, root: Builder, form: 'callLog' | 'sopNote' | 'cadence'): void {
  const alias = root.alias;
  if (form === 'sopNote' && pb.sopNote) {
    root.probe({ types: ['note'], contains: pb.sopNote.tag });
    for (const item of pb.checklists[pb.sopNote.checklist] ?? []) {
      if (item.object === alias) root.properties.add(item.property);
      else root.child(item.object, true).properties.add(item.property);
    }
    for (const other of pb.sopNote.associateWith) if (other !== alias) root.child(other, true);
  }
  if (form === 'callLog' && pb.callLog && pb.callLog.appliesTo.includes(alias)) {
    for (const other of pb.callLog.associateWith) if (other !== alias) root.child(other);
  }
  if (form === 'cadence') cadenceNeeds(root);
}

/** Every property the playbook reads on each object, over every kind of record view (e.g. for a scan). */
export function propertiesByObject(pb: Playbook): Record<ObjectAlias, string[]> {
  const out: Record<ObjectAlias, Set<string>> = {};
  for (const alias of Object.keys(pb.objects)) {
    const req = viewRequirements(pb, alias);
    for (const [a, props] of Object.entries(req.propertiesByObject)) for (const p of props) (out[a] ??= new Set()).add(p);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}
