/**
 * What the engine returns for one record. The sidebar renders it, the admin
 * scan flattens `findings`, tests assert on it. Pure data (JSON-serializable).
 */
import type { RuleKind, Severity, RuleSource } from '../playbook/types';
import type { PropertyOption, RecordRef } from './snapshot';

/**
 * met: satisfied. missing: needed next (not yet out of compliance).
 * violation: a required rule failing. warning: a recommended rule failing.
 * unknown: the data is not in the snapshot (never shown as met).
 */
export type FindingStatus = 'met' | 'missing' | 'violation' | 'warning' | 'unknown';
export type ItemStatus = 'met' | 'missing' | 'unknown';

/** How to fix one item in place: which record(s), which property, which values. */
export interface Fix {
  /** The record(s) the property lives on (the deal, its contacts, its company…). */
  targets: RecordRef[];
  property: string;
  label: string;
  /** HubSpot `type` and `fieldType` from the portal's property definition. */
  type: string;
  fieldType: string;
  /** Multi-select (`;`-separated) enumeration. */
  multi: boolean;
  /** Allowed options (portal's labels), narrowed to what the rule accepts. */
  options: PropertyOption[];
  /** A value the rule suggests (LC-1 offers Target, SALES-PRO-2 Approved). */
  suggested?: string;
}

export interface FindingItem {
  label: string;
  status: ItemStatus;
  /** The current value, for display (option labels, not internal values); null when unset. */
  current: string | null;
  /** What is required, in words. */
  required: string;
  fix?: Fix;
  /** The record the item is about, when not the focus record. */
  record?: RecordRef;
}

export type FindingGroup =
  | 'next' // gates of the current stage (needed to move on)
  | 'earlier' // gates of stages already left, still open
  | 'toWon' // to close as won
  | 'toLost' // to close as lost
  | 'afterWon' // follow-ups once won
  | 'process' // stage order and other whole-life gates
  | 'checklist' // S&OP
  | 'committee' // buying committee
  | 'lifecycle'
  | 'lead'
  | 'consent'
  | 'hygiene'
  | 'duplicates' // likely duplicates (ACC-9), shown next to their links
  | 'profile'
  | 'account'
  | 'health'
  | 'cadence'
  | 'subscription';

export interface Finding {
  ruleId: string;
  kind: RuleKind;
  severity: Severity;
  status: FindingStatus;
  group: FindingGroup;
  title: string;
  why: string;
  source: RuleSource;
  /** Stage label the finding is tied to (gates). */
  stage?: string;
  items: FindingItem[];
}

export interface Guidance {
  ruleId: string;
  title: string;
  text: string;
  source: RuleSource;
  /** Where the playbook places it (e.g. `consent`); absent = the general guidance list. */
  group?: FindingGroup;
}

export interface StagePathEntry {
  id: string;
  label: string;
  probability: number | null;
  state: 'done' | 'current' | 'upcoming' | 'won' | 'lost';
  /** Required findings tied to this stage that are not met. */
  openItems: number;
}

export interface ChecklistRow {
  object: string;
  objectLabel: string;
  property: string;
  label: string;
  value: string | null;
  known: boolean;
  record?: RecordRef;
}

export interface CommitteeMember {
  contact: RecordRef;
  name: string;
  roles: string[];
}

export interface DealResult {
  kind: 'deal';
  pipeline: { id: string; label: string; governed: boolean } | null;
  stage: { id: string; label: string; probability: number | null } | null;
  path: StagePathEntry[];
  nextStage: string | null;
  sop: { rows: ChecklistRow[]; complete: boolean; noteId: string | null } | null;
  committee: { members: CommitteeMember[]; status: FindingStatus } | null;
}

export interface LifecycleResult {
  value: string | null;
  label: string | null;
  definition: string | null;
  next: Array<{ value: string; label: string; criteria: string; ruleId?: string }>;
}

export interface ContactResult {
  kind: 'contact';
  lifecycle: LifecycleResult | null;
  /** LEAD-1: whether the contact is a lead, with each failing condition in its finding. */
  lead: { eligible: boolean | null } | null;
  consent: { value: string | null; optedOut: boolean | null } | null;
  duplicates: RecordRef[];
}

export interface HealthComponent {
  name: 'engagement' | 'velocity' | 'support';
  score: number;
  weight: number;
  detail: string;
}

export interface HierarchyNode {
  company: RecordRef;
  name: string;
  children: HierarchyNode[];
}

export interface CompanyResult {
  kind: 'company';
  profile: { filled: number; total: number; missing: string[] };
  accountType: string | null;
  slaTier: string | null;
  team: Array<{ role: string; ownerId: string | null; ownerName: string | null }>;
  hierarchy: { root: HierarchyNode; focusPath: string[] } | null;
  rollup: { annualRevenue: number; openDeals: number; openTickets: number; companies: number } | null;
  health: { score: number; atRisk: boolean; components: HealthComponent[]; formula: string } | null;
  lastActivity: string | null;
  duplicates: RecordRef[];
}

export interface CadenceResult {
  kind: 'cadence';
  stage: { id: string; label: string } | null;
  ratio: { value: string; label: string; isDefault: boolean };
  lastCheckIn: string | null;
  nextContactDate: string | null;
  preparationDate: string | null;
  calls: Array<{ label: string; due: string | null; state: 'done' | 'current' | 'upcoming' | 'overdue' }>;
  expectedStage: string | null;
  overdue: boolean;
  summarySteps: string[];
}

export interface OtherResult {
  kind: 'other';
}

export type RecordResult = DealResult | ContactResult | CompanyResult | CadenceResult | OtherResult;

/** The guided call-log form for a record (CH-2, CH-3), resolved against the portal's options. */
export interface CallLogSpec {
  /** Allowed outcomes: `hs_call_disposition` GUID and the portal's label. */
  outcomes: Array<{ id: string; label: string }>;
  /** Allowed `hs_activity_type` values with the portal's labels. */
  types: Array<{ value: string; label: string }>;
  /** Allowed `hs_call_direction` values. */
  directions: Array<{ value: string; label: string }>;
  /** Call properties the rep must fill (hs_call_body = the conversation breakdown). */
  required: string[];
  bodyPrompt: string;
  checkIn: { outcomeIds: string[]; types: string[]; directions: string[]; explanation: string };
  otherCallsExplanation: string;
  /** Records the created call is associated with (the record and its primary contact). */
  associateWith: RecordRef[];
}

export interface Evaluation {
  record: RecordRef;
  /** Playbook object alias of the record, or null when the playbook does not govern it. */
  object: string | null;
  /** The playbook's label of that object ("Deal", "Client Hub"), when governed. */
  objectLabel?: string;
  name: string;
  result: RecordResult;
  findings: Finding[];
  guidance: Guidance[];
  /** The guided call log offered on this record, or null. */
  callLog: CallLogSpec | null;
  /** Plain-words "what to do next" list for learn mode, most important first. */
  nextSteps: Array<{ ruleId: string; text: string }>;
}
