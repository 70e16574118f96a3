/**
 * v4 associations: list of one record (paged), batch read (200 / 207), create
 * with labels (PUT), create default, batch create, remove, batch archive, and
 * label definitions. `toObjectId` / `fromObjectId` are numbers in v4, as
 * HubSpot sends them; `from.id` in batch results is a string.
 *
 * Batch read answers only ids that have associations; every other id (no
 * associations, or no such record) comes back as a 207 error with subCategory
 * `crm.associations.NO_ASSOCIATIONS_FOUND`, as HubSpot does.
 */
import type { Route, RouteContext } from '../router';
import type { AssociationCategory, AssociationTypeRef } from '../association-types';
import type { ObjectTypeInfo } from '../object-types';
import { bodyObject, isRecord, nextLink, queryInt } from '../http';
import { validationError, type ApiResponse } from '../errors';
import { nowIso, scopesOf, typeParam } from './common';

export const MAX_ASSOCIATION_BATCH = 1000;
export const MAX_ASSOCIATION_PAGE = 500;

function typesBody(raw: unknown, where: string): AssociationTypeRef[] {
  if (!Array.isArray(raw) || raw.length === 0) throw validationError(`Invalid input JSON: ${where} must be a non-empty array of {associationCategory, associationTypeId}`);
  return raw.map((t, i) => {
    if (!isRecord(t) || typeof t.associationTypeId !== 'number' || typeof t.associationCategory !== 'string') {
      throw validationError(`Invalid input JSON: ${where}[${i}] needs associationCategory and a numeric associationTypeId`);
    }
    return { category: t.associationCategory as AssociationCategory, typeId: t.associationTypeId };
  });
}

function checkPair(ctx: RouteContext, from: ObjectTypeInfo, fromId: string, to: ObjectTypeInfo, toId: string, types: AssociationTypeRef[]): void {
  for (const [t, id] of [[from, fromId], [to, toId]] as const) {
    if (!ctx.state.getObject(t.objectTypeId, id)) {
      throw validationError(`${t.singular} ${id} does not exist`, { subCategory: 'crm.associations.INVALID_OBJECT_IDS', context: { objectId: [id] } });
    }
  }
  for (const t of types) {
    if (!ctx.state.associationTypes.isValid(from.objectTypeId, to.objectTypeId, t)) {
      throw validationError(`Association type ${t.category} ${t.typeId} is not valid from ${from.singular} to ${to.singular}`, {
        subCategory: 'crm.associations.INVALID_ASSOCIATION_TYPE',
        context: { associationTypeId: [String(t.typeId)] },
      });
    }
  }
}

function labelsBetween(ctx: RouteContext, from: ObjectTypeInfo, fromId: string, to: ObjectTypeInfo, toId: string) {
  const found = ctx.state.associationsOf(from.objectTypeId, fromId, to.objectTypeId).find((a) => a.toObjectId === toId);
  return {
    fromObjectTypeId: from.objectTypeId,
    fromObjectId: Number(fromId),
    toObjectTypeId: to.objectTypeId,
    toObjectId: Number(toId),
    labels: (found?.associationTypes ?? []).map((t) => t.label).filter((l): l is string => l !== null),
  };
}

function v4Types(list: Array<AssociationTypeRef & { label: string | null }>) {
  return list.map((t) => ({ category: t.category, typeId: t.typeId, label: t.label }));
}

const listForRecord: Route = {
  method: 'GET',
  pattern: '/crm/v4/objects/:from/:id/associations/:to',
  scopes: scopesOf('from', false),
  handle(req, ctx) {
    const from = typeParam(ctx, req.params.from as string);
    const to = typeParam(ctx, req.params.to as string);
    const limit = queryInt(req.query, 'limit', MAX_ASSOCIATION_PAGE, MAX_ASSOCIATION_PAGE);
    const all = ctx.state.associationsOf(from.objectTypeId, req.params.id as string, to.objectTypeId);
    const after = req.query.get('after');
    const start = after ? Math.max(0, Number(after) || 0) : 0;
    const page = all.slice(start, start + limit);
    const body: Record<string, unknown> = {
      results: page.map((a) => ({ toObjectId: Number(a.toObjectId), associationTypes: v4Types(a.associationTypes) })),
    };
    if (start + limit < all.length) body.paging = { next: { after: String(start + limit), link: nextLink(req, String(start + limit)) } };
    return { status: 200, body };
  },
};

const batchRead: Route = {
  method: 'POST',
  pattern: '/crm/v4/associations/:from/:to/batch/read',
  scopes: scopesOf('from', false),
  handle(req, ctx) {
    const startedAt = nowIso();
    const from = typeParam(ctx, req.params.from as string);
    const to = typeParam(ctx, req.params.to as string);
    const body = bodyObject(req);
    if (!Array.isArray(body.inputs)) throw validationError('Invalid input JSON: `inputs` must be an array');
    if (body.inputs.length > MAX_ASSOCIATION_BATCH) throw validationError(`Too many inputs: ${body.inputs.length}. The maximum batch size is ${MAX_ASSOCIATION_BATCH}.`);
    const results: unknown[] = [];
    const errors: Array<Record<string, unknown>> = [];
    const seen = new Set<string>();
    for (const [i, input] of body.inputs.entries()) {
      if (!isRecord(input) || (typeof input.id !== 'string' && typeof input.id !== 'number')) throw validationError(`Invalid input JSON: inputs[${i}].id is required`);
      const id = String(input.id);
      if (seen.has(id)) continue;
      seen.add(id);
      const list = ctx.state.associationsOf(from.objectTypeId, id, to.objectTypeId);
      if (list.length === 0) {
        errors.push({
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
          message: `No ${to.singular} is associated with ${from.singular} ${id}.`,
          context: { fromObjectId: [id] },
        });
        continue;
      }
      results.push({ from: { id }, to: list.map((a) => ({ toObjectId: Number(a.toObjectId), associationTypes: v4Types(a.associationTypes) })) });
    }
    const out: Record<string, unknown> = { status: 'COMPLETE', results, startedAt, completedAt: nowIso() };
    if (errors.length > 0) {
      out.numErrors = errors.length;
      out.errors = errors;
      return { status: 207, body: out };
    }
    return { status: 200, body: out };
  },
};

const create: Route = {
  method: 'PUT',
  pattern: '/crm/v4/objects/:from/:fromId/associations/:to/:toId',
  scopes: scopesOf('from', true),
  handle(req, ctx) {
    const from = typeParam(ctx, req.params.from as string);
    const to = typeParam(ctx, req.params.to as string);
    const fromId = req.params.fromId as string;
    const toId = req.params.toId as string;
    const types = typesBody(req.body, 'the request body');
    checkPair(ctx, from, fromId, to, toId, types);
    ctx.state.associate(from.objectTypeId, fromId, to.objectTypeId, toId, types);
    return { status: 201, body: labelsBetween(ctx, from, fromId, to, toId) };
  },
};

const createDefault: Route = {
  method: 'PUT',
  pattern: '/crm/v4/objects/:from/:fromId/associations/default/:to/:toId',
  scopes: scopesOf('from', true),
  handle(req, ctx) {
    const startedAt = nowIso();
    const from = typeParam(ctx, req.params.from as string);
    const to = typeParam(ctx, req.params.to as string);
    const fromId = req.params.fromId as string;
    const toId = req.params.toId as string;
    const def = ctx.state.associationTypes.definitions(from.objectTypeId, to.objectTypeId).find((d) => d.category === 'HUBSPOT_DEFINED' && d.label === null);
    if (!def) throw validationError(`There is no default association type from ${from.singular} to ${to.singular}`, { subCategory: 'crm.associations.INVALID_ASSOCIATION_TYPE' });
    const ref: AssociationTypeRef = { category: def.category, typeId: def.typeId };
    checkPair(ctx, from, fromId, to, toId, [ref]);
    ctx.state.associate(from.objectTypeId, fromId, to.objectTypeId, toId, [ref]);
    const inverse = ctx.state.associationTypes.inverse(from.objectTypeId, to.objectTypeId, ref);
    return {
      status: 200,
      body: {
        status: 'COMPLETE',
        results: [
          { from: { id: fromId }, to: { id: toId }, associationSpec: { associationCategory: ref.category, associationTypeId: ref.typeId } },
          { from: { id: toId }, to: { id: fromId }, associationSpec: { associationCategory: ref.category, associationTypeId: inverse } },
        ],
        startedAt,
        completedAt: nowIso(),
      },
    };
  },
};

const remove: Route = {
  method: 'DELETE',
  pattern: '/crm/v4/objects/:from/:fromId/associations/:to/:toId',
  scopes: scopesOf('from', true),
  handle(req, ctx) {
    const from = typeParam(ctx, req.params.from as string);
    const to = typeParam(ctx, req.params.to as string);
    ctx.state.removeAssociation(from.objectTypeId, req.params.fromId as string, to.objectTypeId, req.params.toId as string);
    return { status: 204 };
  },
};

const batchCreate: Route = {
  method: 'POST',
  pattern: '/crm/v4/associations/:from/:to/batch/create',
  scopes: scopesOf('from', true),
  handle(req, ctx) {
    const startedAt = nowIso();
    const from = typeParam(ctx, req.params.from as string);
    const to = typeParam(ctx, req.params.to as string);
    const body = bodyObject(req);
    if (!Array.isArray(body.inputs)) throw validationError('Invalid input JSON: `inputs` must be an array');
    if (body.inputs.length > MAX_ASSOCIATION_BATCH) throw validationError(`Too many inputs: ${body.inputs.length}. The maximum batch size is ${MAX_ASSOCIATION_BATCH}.`);
    const prepared = body.inputs.map((input, i) => {
      const where = `inputs[${i}]`;
      if (!isRecord(input) || !isRecord(input.from) || !isRecord(input.to)) throw validationError(`Invalid input JSON: ${where} needs from.id and to.id`);
      const fromId = String(input.from.id ?? '');
      const toId = String(input.to.id ?? '');
      const types = typesBody(input.types, `${where}.types`);
      checkPair(ctx, from, fromId, to, toId, types);
      return { fromId, toId, types };
    });
    for (const p of prepared) ctx.state.associate(from.objectTypeId, p.fromId, to.objectTypeId, p.toId, p.types);
    const response: ApiResponse = {
      status: 201,
      body: { status: 'COMPLETE', results: prepared.map((p) => labelsBetween(ctx, from, p.fromId, to, p.toId)), startedAt, completedAt: nowIso() },
    };
    return response;
  },
};

const batchArchive: Route = {
  method: 'POST',
  pattern: '/crm/v4/associations/:from/:to/batch/archive',
  scopes: scopesOf('from', true),
  handle(req, ctx) {
    const from = typeParam(ctx, req.params.from as string);
    const to = typeParam(ctx, req.params.to as string);
    const body = bodyObject(req);
    if (!Array.isArray(body.inputs)) throw validationError('Invalid input JSON: `inputs` must be an array');
    for (const [i, input] of body.inputs.entries()) {
      if (!isRecord(input) || !isRecord(input.from) || !Array.isArray(input.to)) throw validationError(`Invalid input JSON: inputs[${i}] needs from.id and a to array`);
      for (const t of input.to) {
        if (isRecord(t)) ctx.state.removeAssociation(from.objectTypeId, String(input.from.id), to.objectTypeId, String(t.id));
      }
    }
    return { status: 204 };
  },
};

const labels: Route = {
  method: 'GET',
  pattern: '/crm/v4/associations/:from/:to/labels',
  scopes: scopesOf('from', false),
  handle(req, ctx) {
    const from = typeParam(ctx, req.params.from as string);
    const to = typeParam(ctx, req.params.to as string);
    return { status: 200, body: { results: ctx.state.associationTypes.definitions(from.objectTypeId, to.objectTypeId).map((d) => ({ category: d.category, typeId: d.typeId, label: d.label })) } };
  },
};

export const associationRoutes: Route[] = [createDefault, listForRecord, create, remove, batchRead, batchCreate, batchArchive, labels];
