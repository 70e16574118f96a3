/**
 * The read-only view of the portal the pages need, and the view models built
 * from it. Kept separate from SandboxState so the pages read live state on
 * every request through one narrow seam (./state-adapter.ts).
 */
import type { Owner, PropertyDef } from '../../lib/rules/snapshot';
import type { SeedPipeline } from '../seed/types';

export interface PageObject {
  id: string;
  properties: Record<string, string | null | undefined>;
  createdAt?: string;
  updatedAt?: string;
  archived?: boolean;
}

export interface PageSchema {
  objectTypeId: string;
  name: string;
  labels: { singular: string; plural: string };
  primaryDisplayProperty?: string;
}

export interface PageData {
  portalId: number;
  get(typeId: string, id: string): PageObject | undefined;
  list(typeId: string): PageObject[];
  /** Ids of `toTypeId` records associated with `fromTypeId/id`, with their association labels. */
  associated(fromTypeId: string, id: string, toTypeId: string): Array<{ id: string; labels: string[] }>;
  pipelines(typeId: string): SeedPipeline[];
  properties(typeId: string): PropertyDef[];
  schemas(): PageSchema[];
  owners(): Owner[];
  dispositions(): Array<{ id: string; label: string }>;
}

export const STANDARD_TYPES: Record<string, { singular: string; plural: string; nameProps: string[] }> = {
  '0-1': { singular: 'Contact', plural: 'Contacts', nameProps: ['firstname', 'lastname'] },
  '0-2': { singular: 'Company', plural: 'Companies', nameProps: ['name'] },
  '0-3': { singular: 'Deal', plural: 'Deals', nameProps: ['dealname'] },
  '0-5': { singular: 'Ticket', plural: 'Tickets', nameProps: ['subject'] },
};

export const NOTE = '0-46';
export const CALL = '0-48';
export const EMAIL = '0-49';
export const MEETING = '0-47';
const ENGAGEMENT_TYPES = new Set([NOTE, CALL, EMAIL, MEETING, '0-27']);

export function typeLabels(data: PageData, typeId: string): { singular: string; plural: string } | undefined {
  const standard = STANDARD_TYPES[typeId];
  if (standard) return { singular: standard.singular, plural: standard.plural };
  return data.schemas().find((s) => s.objectTypeId === typeId)?.labels;
}

/** Record types that have record pages (CRM objects, not engagements). */
export function recordTypes(data: PageData): string[] {
  const custom = data.schemas().map((s) => s.objectTypeId).filter((t) => !STANDARD_TYPES[t] && !ENGAGEMENT_TYPES.has(t));
  return [...Object.keys(STANDARD_TYPES), ...custom];
}

function value(obj: PageObject, name: string): string {
  const v = obj.properties[name];
  return typeof v === 'string' ? v.trim() : '';
}

export function displayName(data: PageData, typeId: string, obj: PageObject): string {
  const standard = STANDARD_TYPES[typeId];
  let name = '';
  if (standard) {
    name = standard.nameProps.map((p) => value(obj, p)).filter(Boolean).join(' ');
    if (!name && typeId === '0-1') name = value(obj, 'email');
    if (!name && typeId === '0-2') name = value(obj, 'domain');
  } else {
    const prop = data.schemas().find((s) => s.objectTypeId === typeId)?.primaryDisplayProperty;
    // A record id as the display property reads better with its type ("Client Hub 123").
    if (prop && prop !== 'hs_object_id') name = value(obj, prop);
  }
  return name || `${typeLabels(data, typeId)?.singular ?? 'Record'} ${obj.id}`;
}

function ownerName(data: PageData, id: string): string {
  const owner = data.owners().find((o) => o.id === id);
  if (!owner) return `Owner ${id}`;
  return [owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email || `Owner ${id}`;
}

// Intl formatters are costly to build: one each, reused (list pages format thousands of cells).
const DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const MONEY = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const NUMBER = new Intl.NumberFormat('en-US');

function formatDate(raw: string, withTime: boolean): string {
  const date = /^\d+$/.test(raw) ? new Date(Number(raw)) : new Date(raw);
  if (Number.isNaN(date.getTime())) return raw;
  return (withTime ? DATE_TIME : DATE).format(date);
}

function formatNumber(raw: string, name: string): string {
  const n = Number(raw);
  if (raw === '' || Number.isNaN(n)) return raw;
  const money = /amount|revenue|collections|charges|rate|minimum|arr/i.test(name) && Math.abs(n) >= 100;
  return (money ? MONEY : NUMBER).format(n);
}

/** A property value as HubSpot shows it: option labels, stage labels, owner names, dates. */
export function formatValue(data: PageData, typeId: string, obj: PageObject, def: PropertyDef | undefined, name: string): string {
  const raw = value(obj, name);
  if (!raw) return '';
  if (name === 'pipeline' || name === 'hs_pipeline') {
    return data.pipelines(typeId).find((p) => p.id === raw)?.label ?? raw;
  }
  if (name === 'dealstage' || name === 'hs_pipeline_stage') {
    const pipelineId = value(obj, name === 'dealstage' ? 'pipeline' : 'hs_pipeline');
    const pipelines = data.pipelines(typeId);
    const ordered = [...pipelines.filter((p) => p.id === pipelineId), ...pipelines];
    for (const p of ordered) {
      const stage = p.stages.find((s) => s.id === raw);
      if (stage) return stage.label;
    }
    return raw;
  }
  if (name === 'hubspot_owner_id' || /^(account_executive|solution_engineer|customer_success_manager)$/.test(name)) {
    return ownerName(data, raw);
  }
  if (!def) return raw;
  if (def.type === 'enumeration') {
    return raw
      .split(';')
      .filter(Boolean)
      .map((v) => def.options.find((o) => o.value === v)?.label ?? v)
      .join(', ');
  }
  if (def.type === 'date') return formatDate(raw, false);
  if (def.type === 'datetime') return formatDate(raw, true);
  if (def.type === 'number') return formatNumber(raw, name);
  return raw;
}

/** Properties shown first in the left sidebar, per type (the rest follow in definition order). */
const KEY_PROPERTIES: Record<string, string[]> = {
  '0-1': ['email', 'phone', 'jobtitle', 'lifecyclestage', 'hubspot_owner_id', 'hs_last_sales_activity_timestamp'],
  '0-2': ['domain', 'phone', 'city', 'country', 'industry', 'type', 'hubspot_owner_id'],
  '0-3': ['amount', 'closedate', 'pipeline', 'dealstage', 'hubspot_owner_id', 'createdate'],
  '0-5': ['hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority', 'hubspot_owner_id', 'createdate'],
};
const HIDDEN = new Set(['hs_object_id', 'hs_lastmodifieddate', 'lastmodifieddate', 'firstname', 'lastname', 'dealname', 'name', 'subject']);
const MAX_PROPERTIES = 16;

export interface PropertyRow {
  name: string;
  label: string;
  value: string;
}

export function keyProperties(data: PageData, typeId: string, obj: PageObject): PropertyRow[] {
  const defs = data.properties(typeId);
  const byName = new Map(defs.map((d) => [d.name, d]));
  const first = KEY_PROPERTIES[typeId] ?? ['hs_pipeline', 'hs_pipeline_stage', 'hubspot_owner_id'];
  const names = [...first, ...defs.map((d) => d.name).filter((n) => !first.includes(n))];
  const rows: PropertyRow[] = [];
  for (const name of names) {
    if (HIDDEN.has(name) || rows.length >= MAX_PROPERTIES) continue;
    const def = byName.get(name);
    const shown = formatValue(data, typeId, obj, def, name);
    // Key properties always show (empty as "--", as HubSpot does); the rest only when set.
    if (!shown && !first.includes(name)) continue;
    if (!def && !shown) continue;
    rows.push({ name, label: def?.label ?? name, value: shown });
  }
  return rows;
}

export interface StagePath {
  pipeline: string;
  stages: Array<{ id: string; label: string; current: boolean; done: boolean }>;
}

export function stagePath(data: PageData, typeId: string, obj: PageObject): StagePath | undefined {
  const stageProp = typeId === '0-3' ? 'dealstage' : 'hs_pipeline_stage';
  const pipelineProp = typeId === '0-3' ? 'pipeline' : 'hs_pipeline';
  const stageId = value(obj, stageProp);
  if (!stageId) return undefined;
  const pipeline =
    data.pipelines(typeId).find((p) => p.id === value(obj, pipelineProp)) ??
    data.pipelines(typeId).find((p) => p.stages.some((s) => s.id === stageId));
  if (!pipeline) return undefined;
  const stages = [...pipeline.stages].sort((a, b) => a.displayOrder - b.displayOrder);
  const currentIndex = stages.findIndex((s) => s.id === stageId);
  return {
    pipeline: pipeline.label,
    stages: stages.map((s, i) => ({ id: s.id, label: s.label, current: i === currentIndex, done: i < currentIndex })),
  };
}

export interface TimelineItem {
  kind: 'note' | 'call' | 'email' | 'meeting';
  id: string;
  timestamp: string;
  when: string;
  title: string;
  meta: string[];
  /** Plain text (HTML bodies are reduced to text by the renderer). */
  body: string;
  bodyIsHtml: boolean;
}

export function timeline(data: PageData, typeId: string, id: string): TimelineItem[] {
  const items: TimelineItem[] = [];
  const kinds: Array<[TimelineItem['kind'], string]> = [['note', NOTE], ['call', CALL], ['email', EMAIL], ['meeting', MEETING]];
  for (const [kind, engagementType] of kinds) {
    for (const { id: engagementId } of data.associated(typeId, id, engagementType)) {
      const e = data.get(engagementType, engagementId);
      if (!e || e.archived) continue;
      const timestamp = value(e, 'hs_timestamp') || e.createdAt || '';
      const meta: string[] = [];
      let title = '';
      let body = '';
      let bodyIsHtml = false;
      if (kind === 'note') {
        title = 'Note';
        body = value(e, 'hs_note_body');
        bodyIsHtml = true;
      } else if (kind === 'call') {
        title = value(e, 'hs_call_title') || 'Call';
        const outcome = value(e, 'hs_call_disposition');
        if (outcome) meta.push(`Outcome: ${data.dispositions().find((d) => d.id === outcome)?.label ?? outcome}`);
        const activityType = value(e, 'hs_activity_type');
        if (activityType) meta.push(`Type: ${activityType}`);
        const direction = value(e, 'hs_call_direction');
        if (direction) meta.push(direction === 'INBOUND' ? 'Inbound' : 'Outbound');
        body = value(e, 'hs_call_body');
        bodyIsHtml = true;
      } else if (kind === 'email') {
        title = value(e, 'hs_email_subject') || 'Email';
        body = value(e, 'hs_email_text');
      } else {
        title = value(e, 'hs_meeting_title') || 'Meeting';
        body = value(e, 'hs_meeting_body');
        bodyIsHtml = true;
      }
      const owner = value(e, 'hubspot_owner_id');
      if (owner) meta.push(`by ${ownerName(data, owner)}`);
      items.push({ kind, id: e.id, timestamp, when: timestamp ? formatDate(timestamp, true) : '', title, meta, body, bodyIsHtml });
    }
  }
  const time = (t: string) => (/^\d+$/.test(t) ? Number(t) : Date.parse(t)) || 0;
  return items.sort((a, b) => time(b.timestamp) - time(a.timestamp));
}

export interface AssociationCard {
  typeId: string;
  label: string;
  records: Array<{ typeId: string; id: string; name: string; detail: string; labels: string[] }>;
}

function detailFor(data: PageData, typeId: string, obj: PageObject): string {
  if (typeId === '0-1') return [value(obj, 'jobtitle'), value(obj, 'email')].filter(Boolean).join(' · ');
  if (typeId === '0-2') return value(obj, 'domain');
  if (typeId === '0-3') {
    const path = stagePath(data, typeId, obj);
    const amount = formatValue(data, typeId, obj, { name: 'amount', label: 'Amount', type: 'number', fieldType: 'number', options: [] }, 'amount');
    return [amount, path?.stages.find((s) => s.current)?.label].filter(Boolean).join(' · ');
  }
  const path = stagePath(data, typeId, obj);
  return path?.stages.find((s) => s.current)?.label ?? '';
}

export function associationCards(data: PageData, typeId: string, id: string): AssociationCard[] {
  // Same-type associations (deal→deal) have no card, as in HubSpot's default layout.
  return recordTypes(data).filter((toType) => toType !== typeId).map((toType) => {
    const records = data
      .associated(typeId, id, toType)
      .map((a) => {
        const obj = data.get(toType, a.id);
        return obj && !obj.archived
          ? { typeId: toType, id: a.id, name: displayName(data, toType, obj), detail: detailFor(data, toType, obj), labels: a.labels }
          : undefined;
      })
      .filter((r): r is NonNullable<typeof r> => r !== undefined);
    return { typeId: toType, label: typeLabels(data, toType)?.plural ?? toType, records };
  });
}
