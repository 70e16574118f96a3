/**
 * Records as HubSpot's v3 objects API sends them: `{id, properties,
 * propertiesWithHistory?, createdAt, updatedAt, archived, archivedAt?,
 * associations?}`. Only requested properties come back (`null` when unset,
 * unknown names omitted), plus the system ones HubSpot always includes
 * (`hs_object_id`, `createdate`/`hs_createdate`, `hs_lastmodifieddate`/
 * `lastmodifieddate`); with no list, the type's default set.
 */
import type { SandboxState, StoredObject } from './state';
import { SYSTEM_PROPERTIES } from './object-types';

export interface ReadOptions {
  properties?: string[];
  propertiesWithHistory?: string[];
  associations?: string[];
}

const ALWAYS = new Set(['hs_object_id', 'createdate', 'hs_createdate', 'hs_lastmodifieddate', 'lastmodifieddate']);

export function propertyExists(state: SandboxState, typeId: string, name: string): boolean {
  return SYSTEM_PROPERTIES.has(name) || state.property(typeId, name) !== undefined;
}

/** The property names a read answers with, HubSpot's way. */
export function selectedProperties(state: SandboxState, typeId: string, requested: string[] | undefined): string[] {
  const defaults = state.typeInfo(typeId)?.defaultProperties ?? ['hs_object_id'];
  if (!requested || requested.length === 0) return defaults;
  const names = new Set(defaults.filter((n) => ALWAYS.has(n)));
  for (const n of requested) if (propertyExists(state, typeId, n)) names.add(n);
  return [...names];
}

export function serializeObject(
  state: SandboxState,
  obj: StoredObject,
  opts: ReadOptions,
  values: Record<string, string> = obj.properties,
): Record<string, unknown> {
  const typeId = obj.objectTypeId;
  const properties: Record<string, string | null> = {};
  for (const n of selectedProperties(state, typeId, opts.properties)) properties[n] = values[n] ?? null;
  const out: Record<string, unknown> = { id: obj.id, properties };
  if (opts.propertiesWithHistory && opts.propertiesWithHistory.length > 0) {
    const hist: Record<string, unknown[]> = {};
    for (const n of opts.propertiesWithHistory) {
      if (!propertyExists(state, typeId, n)) continue;
      const h = obj.history[n];
      if (h && h.length > 0) hist[n] = h.map((e) => ({ ...e }));
      else if (values[n] !== undefined) hist[n] = [{ value: values[n], timestamp: obj.updatedAt, sourceType: 'CRM_UI' }];
      else hist[n] = [];
    }
    out.propertiesWithHistory = hist;
  }
  out.createdAt = obj.createdAt;
  out.updatedAt = obj.updatedAt;
  out.archived = obj.archived;
  if (obj.archived && obj.archivedAt) out.archivedAt = obj.archivedAt;
  if (opts.associations && opts.associations.length > 0) {
    const assoc = v3Associations(state, typeId, obj.id, opts.associations);
    if (Object.keys(assoc).length > 0) out.associations = assoc;
  }
  return out;
}

/**
 * v3 `associations`: `{contacts: {results: [{id, type: "deal_to_contact"}]}}`,
 * one entry per association type; keys are plural names (custom objects:
 * `p{portalId}_{name}`); unknown or empty kinds are left out, as HubSpot does.
 */
export function v3Associations(state: SandboxState, fromType: string, id: string, names: string[]): Record<string, { results: Array<{ id: string; type: string }> }> {
  const out: Record<string, { results: Array<{ id: string; type: string }> }> = {};
  const singular = (t: string) => state.typeInfo(t)?.singular ?? t;
  for (const name of names) {
    const toType = state.resolveType(name);
    if (!toType) continue;
    const info = state.typeInfo(toType);
    if (!info) continue;
    const results: Array<{ id: string; type: string }> = [];
    for (const a of state.associationsOf(fromType, id, toType)) {
      for (const t of a.associationTypes) results.push({ id: a.toObjectId, type: state.associationTypes.v3Name(fromType, toType, t, singular) });
    }
    if (results.length > 0) out[info.plural] = { results };
  }
  return out;
}
