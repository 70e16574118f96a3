/**
 * The playbook: one company's SOP, as data, against its HubSpot portal.
 *
 * Everything portal-specific lives here, never in lib/rules or components:
 * objects by objectTypeId or schema name, pipelines and stages by *label*
 * (resolved to ids through the portal's pipelines), properties by internal
 * name with their SOP label, enumeration values by internal value.
 * A new company's SOP is an edit of this document, never a code change.
 *
 * The zod schema in ./schema.ts validates exactly this shape
 * (a type-level test keeps the two in step).
 */
import type { EngagementType } from '../rules/snapshot';
import type { FindingGroup } from '../rules/result';

export type RuleKind = 'gate' | 'check' | 'form' | 'guide' | 'view';
export type Severity = 'required' | 'recommended';

/** A key of `Playbook.objects`, e.g. `deal`, `contact`, `company`, `ticket`, `clientHub`. */
export type ObjectAlias = string;

/** A number, or the name of a number in `Playbook.parameters`. */
export type NumberParam = number | { param: string };
/** A list of strings, or the name of a list in `Playbook.parameters`. */
export type ListParam = string[] | { param: string };

export interface PlaybookObject {
  /** `0-3`, `2-9000101`… Either this or `name` (a custom object's schema name). */
  objectTypeId?: string;
  name?: string;
  /** Singular label shown to users. */
  label: string;
  /** Property holding the record's display name (dealname, firstname+lastname → use `nameProperties`). */
  nameProperties: string[];
  /**
   * For objects with no name of their own (a Client Hub record): name the
   * record after its primary associated record of this object, shown as
   * "<label>: <that record's name>". Used when `nameProperties` give nothing.
   */
  nameFrom?: ObjectAlias;
}

export interface PlaybookProperty {
  object: ObjectAlias;
  /** Internal name in the portal. */
  name: string;
  /** The label the SOP uses. */
  label: string;
  /** Expected HubSpot `type` (lint checks it against the portal). */
  type?: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number';
}

export interface PlaybookPipeline {
  object: ObjectAlias;
  /** Pipeline label in the portal. */
  label: string;
  /** Governed pipelines get the process rules (SALES-*, SOP-*, ACC-7 in the reference SOP). */
  governed: boolean;
  /** Stage labels, in SOP order (lint checks they exist; the portal's displayOrder is the truth for order). */
  stages: string[];
  wonStage?: string;
  lostStage?: string;
}

/** Association types the engine must tell apart, by HubSpot typeId. */
export interface PlaybookAssociations {
  /** "Primary" association from an object to another (deal→company 5, contact→company 1). */
  primary: Array<{ from: ObjectAlias; to: ObjectAlias; typeId: number }>;
  /** Company hierarchy (ACC-3): parent→child and child→parent type ids. */
  parentToChild?: number;
  childToParent?: number;
  /** USER_DEFINED labels the SOP names (lint checks they exist), e.g. Champion on deal→contact. */
  labels: Array<{ from: ObjectAlias; to: ObjectAlias; label: string }>;
}

interface PredicateBase {
  /** How the item reads in the sidebar ("Enterprise Deal Status is known"). Generated when absent. */
  label?: string;
}

export type Cmp = 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'neq';

/**
 * Predicates are evaluated against a *context record* (the rule's subject, or
 * the associated record inside an `associated` predicate).
 */
export type Predicate =
  /** Not null and not empty after trim; for enumerations also one of the options (Resolutions). */
  | (PredicateBase & { op: 'known'; property: string })
  /** Case-insensitive equality of the internal value. */
  | (PredicateBase & { op: 'equals'; property: string; value: string })
  | (PredicateBase & { op: 'oneOf'; property: string; values: ListParam })
  /** Multi-select (`;`-separated) has at least one selected value. */
  | (PredicateBase & { op: 'hasAny'; property: string })
  | (PredicateBase & { op: 'compare'; property: string; cmp: Cmp; value: NumberParam })
  /** Date property within `days` of now: in the past (`past`) or coming up (`future`). */
  | (PredicateBase & { op: 'dateWithin'; property: string; days: NumberParam; direction: 'past' | 'future' })
  /** Regular expression test of the value (no value → not matching). */
  | (PredicateBase & { op: 'matches'; property: string; pattern: string; flags?: string })
  | (PredicateBase & { op: 'all'; of: Predicate[] })
  | (PredicateBase & { op: 'any'; of: Predicate[] })
  | (PredicateBase & { op: 'not'; of: Predicate })
  /** left holds exactly when right holds (LC-5: Customer ⇔ active deal). */
  | (PredicateBase & { op: 'iff'; left: Predicate; right: Predicate })
  /**
   * Over associated records of `object`, optionally only those with one of
   * `labels` (association labels), or only the primary one (else the first).
   * quantifier any/all/none applies `where` to them; min/max bound how many match.
   */
  | (PredicateBase & {
      op: 'associated';
      object: ObjectAlias;
      labels?: string[];
      primary?: boolean;
      quantifier: 'any' | 'all' | 'none';
      where?: Predicate;
      min?: number;
      max?: number;
    })
  /**
   * An engagement associated with the context record: of one of `types`,
   * whose body (HTML-decoded, case-insensitive) contains `contains`, dated
   * after the latest entry into stage `sinceStage` (or within `withinDays`),
   * and matching `where` on its properties.
   */
  | (PredicateBase & {
      op: 'engagement';
      types: EngagementType[];
      contains?: string;
      sinceStage?: string;
      withinDays?: NumberParam;
      where?: Predicate;
    })
  /**
   * A file attached to the context record through an engagement's
   * `hs_attachment_ids`. `nameEquals` may use `{alias.property}` templates
   * resolved on the primary associated record, e.g. `{company.name}_Calculator`.
   */
  | (PredicateBase & {
      op: 'attachment';
      extension?: string;
      nameContains?: string;
      nameEquals?: string;
    })
  /** Latest activity (activity properties + engagement timestamps) within `days` (LC-4, LEAD-1, ACC-10). */
  | (PredicateBase & { op: 'activityWithin'; days: NumberParam })
  /** The record's pipeline stage: one of `stages` (labels) and/or the pipeline's won/lost/open outcome. */
  | (PredicateBase & { op: 'inStage'; stages?: string[]; outcome?: 'won' | 'lost' | 'open'; governed?: boolean })
  /** `dealstage` history starts in the first stage and never skips one going forward (SALES-SQL-1). */
  | (PredicateBase & { op: 'stageOrder' })
  /** The owner id resolves to a portal owner (REC-3). */
  | (PredicateBase & { op: 'ownerResolves'; property: string })
  /** No likely duplicate among the snapshot's candidates (ACC-9). */
  | (PredicateBase & { op: 'noDuplicates' })
  /** Every item of a named checklist is known (SOP-1). */
  | (PredicateBase & { op: 'checklist'; list: string })
  /** Client Hub cadence checks (CH-4…CH-8), parameterized by `Playbook.cadence`. */
  | (PredicateBase & { op: 'cadence'; check: 'ratioSet' | 'preparation' | 'overdue' | 'call3Contact' | 'summary' })
  /** One `object` record per (context record, associated `pairWith` labelled `pairLabels`) pair (CH-1). */
  | (PredicateBase & { op: 'onePerPair'; object: ObjectAlias; pairWith: ObjectAlias; pairLabels: string[] })
  /** Health score ≥ the at-risk threshold (ACC-6), from `Playbook.health`. */
  | (PredicateBase & { op: 'healthScore' })
  /** A manual confirmation by the rep: shown, never failing (LEAD-1). */
  | (PredicateBase & { op: 'manual' });

export type PredicateOp = Predicate['op'];

export interface RuleSource {
  /** Seed file name, e.g. `004_39361a476cc68959.txt`. */
  file: string;
  /** The sentence the rule comes from, verbatim. */
  quote: string;
}

export interface RuleScope {
  object: ObjectAlias;
  /**
   * Further objects the same rule applies to, with the same test read on
   * their records (REC-3 and ACC-9: contacts and companies; CH-1: product
   * subscriptions and their primary contacts). Every property the test names
   * must be declared on each of them. Absent = only `object`.
   */
  alsoOn?: ObjectAlias[];
  /** Pipeline labels; absent = every governed pipeline of the object (or any, for objects without pipelines). */
  pipelines?: string[];
  /** The rule applies only to records matching this. */
  when?: Predicate;
}

interface RuleBase {
  /** Stable ID from SOP-RULES.md. */
  id: string;
  kind: RuleKind;
  title: string;
  /** Why, in the SOP's words; shown to new hires. */
  why: string;
  source: RuleSource;
  scope: RuleScope;
  severity: Severity;
  enabled?: boolean;
}

export interface StagedRule {
  /**
   * Stage label. `leave`: needed to leave the stage (next-stage item while in
   * it, a violation once past it). `enter`: needed to be in it (shown as
   * "to close as won/lost" on open deals, a violation while in it).
   * A stage without a transition: applies only while the record is in that
   * stage (CH-7 on Call 3). No stage: applies in every stage.
   */
  stage?: string;
  transition?: 'leave' | 'enter';
}

/** Which property to set, when the predicate alone does not say (LC-1 offers Target, CH-4 offers 1 month). */
export interface RuleFix {
  object?: ObjectAlias;
  property: string;
  suggest?: string;
}

export interface GateRule extends RuleBase, StagedRule {
  kind: 'gate';
  test: Predicate;
  fix?: RuleFix;
}

export interface CheckRule extends RuleBase, StagedRule {
  kind: 'check';
  test: Predicate;
  fix?: RuleFix;
}

export interface FormRule extends RuleBase, StagedRule {
  kind: 'form';
  form: 'callLog' | 'sopNote' | 'cadence';
  /** Evaluable part on a record (CH-7: a check-in call or email since entering Call 3). */
  test?: Predicate;
  fix?: RuleFix;
}

export interface GuideRule extends RuleBase {
  kind: 'guide';
  /** Guidance text shown in context. */
  text: string;
  /** Shown while the record is in this stage (label), if set. */
  stage?: string;
  /** The sidebar section it belongs to (e.g. `consent` beside the consent status); absent = general guidance. */
  group?: FindingGroup;
}

export interface ViewRule extends RuleBase {
  kind: 'view';
  view: 'hierarchy';
}

export type Rule = GateRule | CheckRule | FormRule | GuideRule | ViewRule;

export interface ChecklistItem {
  object: ObjectAlias;
  property: string;
  label: string;
}

export interface LifecycleStage {
  value: string;
  label: string;
  definition: string;
  ruleId?: string;
}

export interface LifecycleTransition {
  from: string;
  to: string;
  criteria: string;
  ruleId?: string;
}

export interface Lifecycle {
  object: ObjectAlias;
  property: string;
  defaultValue: string;
  stages: LifecycleStage[];
  transitions: LifecycleTransition[];
}

export interface CallLogForm {
  /** Objects whose records offer the guided call log. */
  appliesTo: ObjectAlias[];
  /** Allowed `hs_call_direction` values. */
  directions: string[];
  /** Allowed outcome labels (resolved through /calling/v1/dispositions); empty = every outcome. */
  outcomes: string[];
  /** Allowed `hs_activity_type` values; empty = every option. */
  types: string[];
  /** Call properties the rep must fill (e.g. hs_call_body for the conversation breakdown). */
  required: string[];
  bodyPrompt: string;
  /** What counts as a check-in (CH-2); other calls do not move the cadence (CH-3). */
  checkIn: { outcomes: string[]; types: string[]; directions: string[]; explanation: string };
  otherCallsExplanation: string;
  /** Associate the call with the record's primary contact too (via this association). */
  associateWith: ObjectAlias[];
}

export interface RatioSpec {
  days?: number;
  weeks?: number;
  months?: number;
}

export interface Cadence {
  object: ObjectAlias;
  pipeline: string;
  ratioProperty: string;
  lastCheckInProperty: string;
  nextContactDateProperty: string;
  ratios: Record<string, RatioSpec>;
  defaultRatio: string;
  /** Completed → Call Preparation this many days before the next contact date (CH-5). */
  prepLeadDays: number;
  /** Call N+1 is due this many days after Call N (CH-6). */
  callSpacingDays: number;
  stages: {
    preparation: string;
    calls: string[];
    summaryConnected: string;
    summaryNotConnected: string;
    completed: string;
  };
  /** Contact Ratio to set after an unsuccessful cadence (CH-8). */
  notConnectedRatio: string;
  tasks: { calls: string[]; summaryConnected: string; summaryNotConnected: string };
  npsSurvey: string;
}

export interface HealthSpec {
  weights: { engagement: number; velocity: number; support: number };
  atRisk: number;
  engagement: { fullDays: number; zeroDays: number };
  velocity: { fullDays: number; zeroDays: number };
  support: { perOpenTicket: number; surgePenalty: number; windowDays: number };
}

export interface Playbook {
  schemaVersion: 1;
  id: string;
  name: string;
  company: string;
  version: string;
  sources: Array<{ file: string; title: string }>;
  objects: Record<ObjectAlias, PlaybookObject>;
  properties: PlaybookProperty[];
  pipelines: PlaybookPipeline[];
  associations: PlaybookAssociations;
  /** Properties whose latest timestamp counts as activity, by object (LC-4, LEAD-1, ACC-10). */
  activityProperties: Record<ObjectAlias, string[]>;
  parameters: Record<string, number | string[]>;
  checklists: Record<string, ChecklistItem[]>;
  lifecycle?: Lifecycle;
  callLog?: CallLogForm;
  cadence?: Cadence;
  health?: HealthSpec;
  sopNote?: { tag: string; checklist: string; associateWith: ObjectAlias[] };
  rules: Rule[];
}
