/**
 * From the generated modules' class instances (Date objects, `_from`, string
 * metadata) to the project's plain shapes. Loose input types on purpose:
 * HubSpot's answers are data from the network, checked as they are read.
 */
import type {
  AssociationType,
  FileMeta,
  ObjectSchemaMeta,
  Owner,
  PipelineMeta,
  PropertyDef,
  PropertyHistoryEntry,
  StageMeta,
} from '../rules/snapshot';
import type { AssociationTarget, HubSpotObject, InlineAssociations } from './types';

type Loose = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** ISO string from a Date, an ISO string or epoch ms; undefined when unreadable. */
export function isoDate(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  let date: Date;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number') date = new Date(value);
  else if (typeof value === 'string') date = /^\d{10,}$/.test(value) ? new Date(Number(value)) : new Date(value);
  else return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function toHistory(raw: unknown): Record<string, PropertyHistoryEntry[]> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const history: Record<string, PropertyHistoryEntry[]> = {};
  for (const [name, entries] of Object.entries(raw as Loose)) {
    if (!Array.isArray(entries)) continue;
    const list: PropertyHistoryEntry[] = [];
    for (const e of entries as Loose[]) {
      const timestamp = isoDate(e?.timestamp);
      if (!timestamp) continue;
      const entry: PropertyHistoryEntry = { value: str(e.value) ?? '', timestamp };
      const sourceType = str(e.sourceType);
      if (sourceType) entry.sourceType = sourceType;
      list.push(entry);
    }
    // Newest first, as HubSpot sends it; sorted so nothing depends on the server's order.
    list.sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
    history[name] = list;
  }
  return history;
}

function toInlineAssociations(raw: unknown): Record<string, InlineAssociations> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const out: Record<string, InlineAssociations> = {};
  for (const [name, collection] of Object.entries(raw as Loose)) {
    const c = collection as Loose | undefined;
    const results = Array.isArray(c?.results) ? (c.results as Loose[]) : [];
    const ids = [...new Set(results.map((r) => str(r?.id)).filter((id): id is string => !!id))];
    const paging = c?.paging as Loose | undefined;
    out[name] = { ids, complete: !(paging && paging.next) };
  }
  return out;
}

export function toObject(raw: unknown): HubSpotObject {
  const r = (raw ?? {}) as Loose;
  const properties: Record<string, string | null> = {};
  for (const [k, v] of Object.entries((r.properties ?? {}) as Loose)) {
    properties[k] = v === null || v === undefined ? null : String(v);
  }
  const obj: HubSpotObject = { id: str(r.id) ?? '', properties };
  const history = toHistory(r.propertiesWithHistory);
  if (history) obj.history = history;
  const createdAt = isoDate(r.createdAt);
  if (createdAt) obj.createdAt = createdAt;
  const updatedAt = isoDate(r.updatedAt);
  if (updatedAt) obj.updatedAt = updatedAt;
  if (typeof r.archived === 'boolean') obj.archived = r.archived;
  const associations = toInlineAssociations(r.associations);
  if (associations) obj.associations = associations;
  return obj;
}

const CATEGORIES = new Set(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']);

export function toAssociationType(raw: unknown): AssociationType | null {
  const t = (raw ?? {}) as Loose;
  const typeId = Number(t.typeId);
  const category = str(t.category);
  if (!Number.isFinite(typeId) || !category || !CATEGORIES.has(category)) return null;
  const label = str(t.label);
  return { category: category as AssociationType['category'], typeId, label: label === undefined || label === '' ? null : label };
}

export function toAssociationTarget(raw: unknown): AssociationTarget | null {
  const r = (raw ?? {}) as Loose;
  const toObjectId = str(r.toObjectId);
  if (!toObjectId) return null;
  const types = (Array.isArray(r.associationTypes) ? r.associationTypes : [])
    .map(toAssociationType)
    .filter((t): t is AssociationType => t !== null);
  return { toObjectId, types };
}

function toStage(raw: unknown): StageMeta {
  const s = (raw ?? {}) as Loose;
  const metadata = (s.metadata ?? {}) as Loose;
  const probabilityRaw = metadata.probability;
  const probability = probabilityRaw === undefined || probabilityRaw === null || probabilityRaw === ''
    ? null
    : Number(probabilityRaw);
  const stage: StageMeta = {
    id: str(s.id) ?? '',
    label: str(s.label) ?? '',
    displayOrder: Number(s.displayOrder ?? 0),
    isClosed: String(metadata.isClosed ?? 'false').toLowerCase() === 'true',
    probability: probability === null || Number.isNaN(probability) ? null : probability,
  };
  if (typeof s.archived === 'boolean') stage.archived = s.archived;
  return stage;
}

export function toPipeline(raw: unknown): PipelineMeta {
  const p = (raw ?? {}) as Loose;
  const stages = (Array.isArray(p.stages) ? p.stages : []).map(toStage);
  stages.sort((a, b) => a.displayOrder - b.displayOrder);
  const pipeline: PipelineMeta = {
    id: str(p.id) ?? '',
    label: str(p.label) ?? '',
    displayOrder: Number(p.displayOrder ?? 0),
    stages,
  };
  if (typeof p.archived === 'boolean') pipeline.archived = p.archived;
  return pipeline;
}

export function toPropertyDef(raw: unknown): PropertyDef {
  const p = (raw ?? {}) as Loose;
  const def: PropertyDef = {
    name: str(p.name) ?? '',
    label: str(p.label) ?? '',
    type: str(p.type) ?? 'string',
    fieldType: str(p.fieldType) ?? 'text',
    options: (Array.isArray(p.options) ? (p.options as Loose[]) : []).map((o) => {
      const option: PropertyDef['options'][number] = { value: str(o.value) ?? '', label: str(o.label) ?? '' };
      if (typeof o.hidden === 'boolean') option.hidden = o.hidden;
      if (typeof o.displayOrder === 'number') option.displayOrder = o.displayOrder;
      return option;
    }),
  };
  if (typeof p.hubspotDefined === 'boolean') def.hubspotDefined = p.hubspotDefined;
  if (typeof p.calculated === 'boolean') def.calculated = p.calculated;
  return def;
}

export function toOwner(raw: unknown): Owner {
  const o = (raw ?? {}) as Loose;
  const owner: Owner = { id: str(o.id) ?? '' };
  const email = str(o.email);
  if (email) owner.email = email;
  const firstName = str(o.firstName);
  if (firstName !== undefined) owner.firstName = firstName;
  const lastName = str(o.lastName);
  if (lastName !== undefined) owner.lastName = lastName;
  if (typeof o.archived === 'boolean') owner.archived = o.archived;
  return owner;
}

export function toFileMeta(raw: unknown): FileMeta {
  const f = (raw ?? {}) as Loose;
  const file: FileMeta = { id: str(f.id) ?? '', name: str(f.name) ?? '', extension: str(f.extension) ?? '' };
  const type = str(f.type);
  if (type) file.type = type;
  const size = Number(f.size);
  if (f.size !== undefined && Number.isFinite(size)) file.size = size;
  const createdAt = isoDate(f.createdAt);
  if (createdAt) file.createdAt = createdAt;
  return file;
}

export function toSchema(raw: unknown): ObjectSchemaMeta {
  const s = (raw ?? {}) as Loose;
  const labels = (s.labels ?? {}) as Loose;
  return {
    objectTypeId: str(s.objectTypeId) ?? '',
    name: str(s.name) ?? '',
    labels: { singular: str(labels.singular) ?? '', plural: str(labels.plural) ?? '' },
  };
}
