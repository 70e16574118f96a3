/**
 * `/crm/v3/objects/{type}…`: read one, list, create (201, with
 * `associations`), update (PATCH), archive (204), batch read (200/207),
 * batch create / update / archive, and the v3 association list of a record.
 */
import type { Route, RouteContext } from '../router';
import type { ApiRequest } from '../http';
import type { ObjectTypeInfo } from '../object-types';
import type { AssociationTypeRef } from '../association-types';
import type { StoredObject } from '../state';
import { bodyObject, isRecord, nextLink, queryBool, queryInt, queryList } from '../http';
import { objectNotFound, validationError, type ApiResponse } from '../errors';
import { serializeObject, v3Associations, type ReadOptions } from '../serialize';
import { validateProperties } from '../validation';
import { nowIso, scopesOf, typeParam } from './common';

export const MAX_BATCH = 100;
/** HubSpot: "The maximum number of inputs supported in a batch request for property histories is 50." */
export const MAX_BATCH_HISTORY = 50;
export const MAX_LIST_LIMIT = 100;

function readOptions(req: ApiRequest): ReadOptions {
  return {
    properties: queryList(req.query, 'properties'),
    propertiesWithHistory: queryList(req.query, 'propertiesWithHistory'),
    associations: queryList(req.query, 'associations'),
  };
}

/** A record by id, or by `idProperty` (e.g. `email`) when given. */
function lookup(ctx: RouteContext, info: ObjectTypeInfo, id: string, idProperty: string | null, archived = false): StoredObject | undefined {
  if (idProperty && idProperty !== 'hs_object_id') {
    const found = ctx.state.findByProperty(info.objectTypeId, idProperty, id);
    return found && found.archived === archived ? found : undefined;
  }
  return ctx.state.getObject(info.objectTypeId, id, { archived });
}

function inputsOf(body: Record<string, unknown>, max = MAX_BATCH): Record<string, unknown>[] {
  const inputs = body.inputs;
  if (!Array.isArray(inputs)) throw validationError('Invalid input JSON: `inputs` must be an array');
  if (inputs.length > max) throw validationError(`Too many inputs: ${inputs.length}. The maximum batch size is ${max}.`, { context: { maxInputs: [String(max)] } });
  return inputs.map((i, n) => {
    if (!isRecord(i)) throw validationError(`Invalid input JSON: inputs[${n}] must be an object`);
    return i;
  });
}

function stringList(v: unknown, name: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw validationError(`Invalid input JSON: \`${name}\` must be an array of strings`);
  return v as string[];
}

/** v3 create's `associations: [{to:{id}, types:[{associationCategory, associationTypeId}]}]`, checked against the portal. */
function parseCreateAssociations(ctx: RouteContext, info: ObjectTypeInfo, raw: unknown): Array<{ toType: string; toId: string; types: AssociationTypeRef[] }> {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw validationError('Invalid input JSON: `associations` must be an array');
  const known = ctx.state.types.all().map((t) => t.objectTypeId);
  return raw.map((a, i) => {
    const where = `associations[${i}]`;
    if (!isRecord(a) || !isRecord(a.to) || (typeof a.to.id !== 'string' && typeof a.to.id !== 'number')) throw validationError(`Invalid input JSON: ${where}.to.id is required`);
    if (!Array.isArray(a.types) || a.types.length === 0) throw validationError(`Invalid input JSON: ${where}.types must be a non-empty array`);
    const types: AssociationTypeRef[] = a.types.map((t, j) => {
      if (!isRecord(t) || typeof t.associationTypeId !== 'number' || typeof t.associationCategory !== 'string') {
        throw validationError(`Invalid input JSON: ${where}.types[${j}] needs associationCategory and a numeric associationTypeId`);
      }
      return { category: t.associationCategory as AssociationTypeRef['category'], typeId: t.associationTypeId };
    });
    const toId = String(a.to.id);
    const candidates = ctx.state.associationTypes.targetTypes(info.objectTypeId, types[0] as AssociationTypeRef, known);
    if (candidates.length === 0) {
      throw validationError(`${where}: association type ${types[0]?.category} ${types[0]?.typeId} is not valid from ${info.singular}`, {
        subCategory: 'crm.associations.INVALID_ASSOCIATION_TYPE',
        context: { associationTypeId: [String(types[0]?.typeId)] },
      });
    }
    const toType = candidates.find((t) => ctx.state.getObject(t, toId)) ?? candidates[0] as string;
    for (const t of types) {
      if (!ctx.state.associationTypes.isValid(info.objectTypeId, toType, t)) throw validationError(`${where}: association type ${t.category} ${t.typeId} is not valid from ${info.singular} to ${ctx.state.typeInfo(toType)?.singular}`);
    }
    if (!ctx.state.getObject(toType, toId)) {
      throw validationError(`${where}: ${ctx.state.typeInfo(toType)?.singular ?? toType} ${toId} does not exist, so the association is invalid`, {
        subCategory: 'crm.associations.INVALID_OBJECT_IDS',
        context: { toObjectId: [toId] },
      });
    }
    return { toType, toId, types };
  });
}

const readOne: Route = {
  method: 'GET',
  pattern: '/crm/v3/objects/:type/:id',
  scopes: scopesOf('type', false),
  handle(req, ctx) {
    const info = typeParam(ctx, req.params.type as string);
    const obj = lookup(ctx, info, req.params.id as string, req.query.get('idProperty'), queryBool(req.query, 'archived'));
    if (!obj) throw objectNotFound();
    return { status: 200, body: serializeObject(ctx.state, obj, readOptions(req)) };
  },
};

const list: Route = {
  method: 'GET',
  pattern: '/crm/v3/objects/:type',
  scopes: scopesOf('type', false),
  handle(req, ctx) {
    const info = typeParam(ctx, req.params.type as string);
    const limit = queryInt(req.query, 'limit', 10, MAX_LIST_LIMIT);
    const after = req.query.get('after');
    const all = ctx.state.listObjects(info.objectTypeId, { archived: queryBool(req.query, 'archived') });
    let start = 0;
    if (after) {
      const n = Number(after);
      if (!Number.isFinite(n)) throw validationError(`Invalid paging cursor: after=${after}`);
      start = all.findIndex((o) => Number(o.id) >= n);
      if (start < 0) start = all.length;
    }
    const page = all.slice(start, start + limit);
    const opts = readOptions(req);
    const body: Record<string, unknown> = { results: page.map((o) => serializeObject(ctx.state, o, opts)) };
    const next = all[start + limit];
    if (next) body.paging = { next: { after: next.id, link: nextLink(req, next.id) } };
    return { status: 200, body };
  },
};

const create: Route = {
  method: 'POST',
  pattern: '/crm/v3/objects/:type',
  scopes: scopesOf('type', true),
  handle(req, ctx) {
    const info = typeParam(ctx, req.params.type as string);
    const body = bodyObject(req);
    const props = validateProperties(ctx.state, info.objectTypeId, body.properties, { create: true });
    const assoc = parseCreateAssociations(ctx, info, body.associations);
    const obj = ctx.state.createObject(info.objectTypeId, props, assoc);
    return { status: 201, body: serializeObject(ctx.state, obj, { properties: Object.keys(props) }) };
  },
};

const update: Route = {
  method: 'PATCH',
  pattern: '/crm/v3/objects/:type/:id',
  scopes: scopesOf('type', true),
  handle(req, ctx) {
    const info = typeParam(ctx, req.params.type as string);
    const obj = lookup(ctx, info, req.params.id as string, req.query.get('idProperty'));
    if (!obj) throw objectNotFound();
    const body = bodyObject(req);
    const props = validateProperties(ctx.state, info.objectTypeId, body.properties, { create: false, current: obj.properties });
    const updated = ctx.state.updateObject(info.objectTypeId, obj.id, props) as StoredObject;
    return { status: 200, body: serializeObject(ctx.state, updated, { properties: Object.keys(props) }) };
  },
};

const archive: Route = {
  method: 'DELETE',
  pattern: '/crm/v3/objects/:type/:id',
  scopes: scopesOf('type', true),
  handle(req, ctx) {
    const info = typeParam(ctx, req.params.type as string);
    // HubSpot answers 204 whether or not the record existed.
    ctx.state.archiveObject(info.objectTypeId, req.params.id as string);
    return { status: 204 };
  },
};

function batchEnvelope(results: unknown[], errors: Array<Record<string, unknown>>, startedAt: string, okStatus: number): ApiResponse {
  const body: Record<string, unknown> = { status: 'COMPLETE', results, startedAt, completedAt: nowIso() };
  if (errors.length > 0) {
    body.numErrors = errors.length;
    body.errors = errors;
    return { status: 207, body };
  }
  return { status: okStatus, body };
}

function notFoundError(info: ObjectTypeInfo, ids: string[], verb: string): Record<string, unknown> {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not ${verb} some ${info.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
  };
}

const batchRead: Route = {
  method: 'POST',
  pattern: '/crm/v3/objects/:type/batch/read',
  scopes: scopesOf('type', false),
  handle(req, ctx) {
    const startedAt = nowIso();
    const info = typeParam(ctx, req.params.type as string);
    const body = bodyObject(req);
    const opts: ReadOptions = { properties: stringList(body.properties, 'properties'), propertiesWithHistory: stringList(body.propertiesWithHistory, 'propertiesWithHistory') };
    const withHistory = (opts.propertiesWithHistory?.length ?? 0) > 0;
    if (withHistory && Array.isArray(body.inputs) && body.inputs.length > MAX_BATCH_HISTORY) {
      throw validationError(`The maximum number of inputs supported in a batch request for property histories is ${MAX_BATCH_HISTORY}.`, {
        context: { maxInputs: [String(MAX_BATCH_HISTORY)] },
      });
    }
    const inputs = inputsOf(body);
    const idProperty = typeof body.idProperty === 'string' ? body.idProperty : null;
    const archived = queryBool(req.query, 'archived');
    const seen = new Set<string>();
    const results: unknown[] = [];
    const missing: string[] = [];
    for (const [i, input] of inputs.entries()) {
      if (typeof input.id !== 'string' && typeof input.id !== 'number') throw validationError(`Invalid input JSON: inputs[${i}].id is required`);
      const id = String(input.id);
      if (seen.has(id)) continue;
      seen.add(id);
      const obj = lookup(ctx, info, id, idProperty, archived);
      if (obj) results.push(serializeObject(ctx.state, obj, opts));
      else missing.push(id);
    }
    return batchEnvelope(results, missing.length > 0 ? [notFoundError(info, missing, 'get')] : [], startedAt, 200);
  },
};

const batchCreate: Route = {
  method: 'POST',
  pattern: '/crm/v3/objects/:type/batch/create',
  scopes: scopesOf('type', true),
  handle(req, ctx) {
    const startedAt = nowIso();
    const info = typeParam(ctx, req.params.type as string);
    const inputs = inputsOf(bodyObject(req));
    // Validate everything first: HubSpot rejects the whole batch on a validation error.
    const prepared = inputs.map((input) => ({
      props: validateProperties(ctx.state, info.objectTypeId, input.properties, { create: true }),
      assoc: parseCreateAssociations(ctx, info, input.associations),
    }));
    const results = prepared.map((p) => serializeObject(ctx.state, ctx.state.createObject(info.objectTypeId, p.props, p.assoc), { properties: Object.keys(p.props) }));
    return batchEnvelope(results, [], startedAt, 201);
  },
};

const batchUpdate: Route = {
  method: 'POST',
  pattern: '/crm/v3/objects/:type/batch/update',
  scopes: scopesOf('type', true),
  handle(req, ctx) {
    const startedAt = nowIso();
    const info = typeParam(ctx, req.params.type as string);
    const body = bodyObject(req);
    const inputs = inputsOf(body);
    const idProperty = typeof body.idProperty === 'string' ? body.idProperty : null;
    const missing: string[] = [];
    const prepared: Array<{ obj: StoredObject; props: Record<string, string | null> }> = [];
    for (const [i, input] of inputs.entries()) {
      if (typeof input.id !== 'string' && typeof input.id !== 'number') throw validationError(`Invalid input JSON: inputs[${i}].id is required`);
      const obj = lookup(ctx, info, String(input.id), idProperty);
      if (!obj) {
        missing.push(String(input.id));
        continue;
      }
      prepared.push({ obj, props: validateProperties(ctx.state, info.objectTypeId, input.properties, { create: false, current: obj.properties }) });
    }
    const results = prepared.map(({ obj, props }) => serializeObject(ctx.state, ctx.state.updateObject(info.objectTypeId, obj.id, props) as StoredObject, { properties: Object.keys(props) }));
    return batchEnvelope(results, missing.length > 0 ? [notFoundError(info, missing, 'update')] : [], startedAt, 200);
  },
};

const batchArchive: Route = {
  method: 'POST',
  pattern: '/crm/v3/objects/:type/batch/archive',
  scopes: scopesOf('type', true),
  handle(req, ctx) {
    const info = typeParam(ctx, req.params.type as string);
    for (const [i, input] of inputsOf(bodyObject(req)).entries()) {
      if (typeof input.id !== 'string' && typeof input.id !== 'number') throw validationError(`Invalid input JSON: inputs[${i}].id is required`);
      ctx.state.archiveObject(info.objectTypeId, String(input.id));
    }
    return { status: 204 };
  },
};

/** v3 association list of one record: `{results:[{id, type}]}` (one entry per type). */
const v3AssociationList: Route = {
  method: 'GET',
  pattern: '/crm/v3/objects/:type/:id/associations/:toType',
  scopes: scopesOf('type', false),
  handle(req, ctx) {
    const info = typeParam(ctx, req.params.type as string);
    const to = typeParam(ctx, req.params.toType as string);
    if (!ctx.state.getObject(info.objectTypeId, req.params.id as string)) throw objectNotFound();
    const assoc = v3Associations(ctx.state, info.objectTypeId, req.params.id as string, [to.objectTypeId]);
    return { status: 200, body: { results: Object.values(assoc)[0]?.results ?? [] } };
  },
};

export const objectRoutes: Route[] = [batchRead, batchCreate, batchUpdate, batchArchive, v3AssociationList, readOne, list, create, update, archive];

