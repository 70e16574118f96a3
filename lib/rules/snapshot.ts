/**
 * The snapshot: everything one record view needs, normalized from HubSpot's
 * API shapes into a small graph. The background loads it (lib/hubspot), the
 * engine (lib/rules) evaluates it. Pure data: no methods, JSON-serializable,
 * so it can be cached in IndexedDB and sent over extension messages as is.
 *
 * "Not loaded" is explicit: a rule whose data is missing from the snapshot is
 * `unknown`, never `met` (SOP-RULES.md, Resolutions: Display and scope).
 */

/** HubSpot object type ids of the standard objects the SOP touches. */
export const OBJECT_TYPE = {
  contact: '0-1',
  company: '0-2',
  deal: '0-3',
  ticket: '0-5',
  call: '0-48',
  note: '0-46',
  email: '0-49',
  meeting: '0-47',
  task: '0-27',
} as const;

/** `${objectTypeId}/${id}`, e.g. `0-3/9001` or `2-9000101/42`. */
export type RecordKey = string;

export interface RecordRef {
  objectTypeId: string;
  id: string;
}

export interface PropertyHistoryEntry {
  value: string;
  /** ISO datetime. */
  timestamp: string;
  sourceType?: string;
}

export interface RecordData extends RecordRef {
  /** HubSpot sends every value as a string; unset requested properties are null. */
  properties: Record<string, string | null>;
  /**
   * `propertiesWithHistory`, for the properties that were requested with
   * history (e.g. `dealstage` for SALES-SQL-1 / SALES-ENG-4). Absent key = not loaded.
   */
  history?: Record<string, PropertyHistoryEntry[]>;
  createdAt?: string;
  updatedAt?: string;
}

export interface AssociationType {
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';
  typeId: number;
  label: string | null;
}

/** A directed association, as the v4 API reports it from `from`'s side. */
export interface AssociationEdge {
  from: RecordKey;
  to: RecordKey;
  types: AssociationType[];
}

export type EngagementType = 'note' | 'call' | 'email' | 'meeting' | 'task';

export interface Engagement {
  type: EngagementType;
  id: string;
  /** `hs_timestamp` as ISO datetime. */
  timestamp: string;
  /** All loaded properties of the engagement (hs_note_body, hs_call_disposition, …). */
  properties: Record<string, string | null>;
  /** File ids from `hs_attachment_ids` (`;`-separated in HubSpot), parsed. */
  attachmentIds: string[];
}

export interface FileMeta {
  id: string;
  /** Without extension, as HubSpot's Files API reports it. */
  name: string;
  extension: string;
  type?: string;
  size?: number;
  createdAt?: string;
}

export interface StageMeta {
  id: string;
  label: string;
  displayOrder: number;
  /** Parsed from HubSpot's string metadata. */
  isClosed: boolean;
  /** 0..1, parsed; null when the pipeline has no probabilities (e.g. tickets, custom objects). */
  probability: number | null;
  archived?: boolean;
}

export interface PipelineMeta {
  id: string;
  label: string;
  displayOrder: number;
  archived?: boolean;
  stages: StageMeta[];
}

export interface PropertyOption {
  value: string;
  label: string;
  hidden?: boolean;
  displayOrder?: number;
}

export interface PropertyDef {
  name: string;
  label: string;
  /** HubSpot `type`: string, number, date, datetime, enumeration, bool, phone_number… */
  type: string;
  /** HubSpot `fieldType`: text, textarea, select, checkbox, radio, booleancheckbox, date, number… */
  fieldType: string;
  options: PropertyOption[];
  hubspotDefined?: boolean;
  calculated?: boolean;
}

export interface Owner {
  id: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  archived?: boolean;
}

export interface ObjectSchemaMeta {
  objectTypeId: string;
  name: string;
  labels: { singular: string; plural: string };
}

/** The portal's metadata (cached separately with a TTL; shared by every view). */
export interface PortalMeta {
  portalId: number;
  /** IANA zone, e.g. `US/Eastern`; calendar-day rules (CH-*) use it. */
  timeZone: string;
  uiDomain?: string;
  /** By objectTypeId. */
  pipelines: Record<string, PipelineMeta[]>;
  /** By objectTypeId. */
  properties: Record<string, PropertyDef[]>;
  owners: Owner[];
  /** `/calling/v1/dispositions`: outcome GUID → label. */
  callDispositions: Array<{ id: string; label: string }>;
  /** Custom object schemas (`/crm/v3/schemas`). */
  schemas: ObjectSchemaMeta[];
}

export interface Snapshot {
  portal: PortalMeta;
  /** The record on screen. Its data is `records[key(focus)]`. */
  focus: RecordRef;
  /** Every loaded record: the focus, associated records, their associations… */
  records: Record<RecordKey, RecordData>;
  associations: AssociationEdge[];
  /**
   * `${fromKey}>${toObjectTypeId}` for every association list loaded completely.
   * A rule that needs a list not named here is `unknown`.
   */
  loadedAssociations: string[];
  /** Engagements associated with a record; a present key means "loaded for that record". */
  engagements: Record<RecordKey, Engagement[]>;
  /** Attachment metadata by file id (files referenced by loaded engagements). */
  files: Record<string, FileMeta>;
  /**
   * Candidates for ACC-9 (same email / domain / similar name), found by search.
   * Undefined = not loaded. The engine decides which candidates are duplicates.
   */
  duplicateCandidates?: RecordKey[];
  /** ISO datetime the snapshot was assembled (for "cached, n minutes old"). */
  loadedAt: string;
}

export function recordKey(ref: RecordRef): RecordKey {
  return `${ref.objectTypeId}/${ref.id}`;
}

export function parseRecordKey(key: RecordKey): RecordRef {
  const slash = key.lastIndexOf('/');
  return { objectTypeId: key.slice(0, slash), id: key.slice(slash + 1) };
}
