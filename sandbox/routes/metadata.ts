/**
 * Portal metadata: pipelines (metadata values as strings), properties,
 * owners (with or without trailing slash, `email` filter, paging), call
 * dispositions, account details, file metadata, custom object schemas.
 */
import type { Route, RouteContext } from '../router';
import type { PropertyDef } from '../../lib/rules/snapshot';
import type { SeedPipeline } from '../seed/types';
import { nextLink, queryBool, queryInt } from '../http';
import { objectNotFound } from '../errors';
import { fixedScopes, noScopes, scopesOf, typeParam } from './common';
import type { ObjectTypeInfo } from '../object-types';

const EPOCH = '2020-01-01T00:00:00Z';

function pipelineBody(p: SeedPipeline): Record<string, unknown> {
  return {
    id: p.id,
    label: p.label,
    displayOrder: p.displayOrder,
    archived: p.archived ?? false,
    createdAt: EPOCH,
    updatedAt: EPOCH,
    stages: p.stages.map((s) => ({
      id: s.id,
      label: s.label,
      displayOrder: s.displayOrder,
      metadata: Object.fromEntries(Object.entries(s.metadata).map(([k, v]) => [k, String(v)])),
      archived: false,
      createdAt: EPOCH,
      updatedAt: EPOCH,
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
    })),
  };
}

function propertyBody(info: ObjectTypeInfo, p: PropertyDef & { groupName?: string; description?: string }, i: number): Record<string, unknown> {
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    description: p.description ?? '',
    groupName: p.groupName ?? `${info.singular}information`,
    options: p.options.map((o, j) => ({ label: o.label, value: o.value, hidden: o.hidden ?? false, displayOrder: o.displayOrder ?? j })),
    displayOrder: i,
    calculated: p.calculated ?? false,
    externalOptions: false,
    hasUniqueValue: false,
    hidden: false,
    hubspotDefined: p.hubspotDefined ?? false,
    modificationMetadata: { archivable: !p.hubspotDefined, readOnlyDefinition: p.hubspotDefined ?? false, readOnlyValue: p.calculated ?? false },
    formField: !p.calculated,
    createdAt: EPOCH,
    updatedAt: EPOCH,
    archived: false,
  };
}

function pipelinesOf(ctx: RouteContext, type: string): { info: ObjectTypeInfo; list: SeedPipeline[] } {
  const info = typeParam(ctx, type);
  return { info, list: ctx.state.pipelines(info.objectTypeId) };
}

const pipelines: Route = {
  method: 'GET',
  pattern: '/crm/v3/pipelines/:type',
  scopes: scopesOf('type', false),
  handle(req, ctx) {
    return { status: 200, body: { results: pipelinesOf(ctx, req.params.type as string).list.map(pipelineBody) } };
  },
};

const pipeline: Route = {
  method: 'GET',
  pattern: '/crm/v3/pipelines/:type/:pipelineId',
  scopes: scopesOf('type', false),
  handle(req, ctx) {
    const p = pipelinesOf(ctx, req.params.type as string).list.find((x) => x.id === req.params.pipelineId);
    if (!p) throw objectNotFound(`Unable to find pipeline with id ${req.params.pipelineId}`);
    return { status: 200, body: pipelineBody(p) };
  },
};

const stages: Route = {
  method: 'GET',
  pattern: '/crm/v3/pipelines/:type/:pipelineId/stages',
  scopes: scopesOf('type', false),
  handle(req, ctx) {
    const p = pipelinesOf(ctx, req.params.type as string).list.find((x) => x.id === req.params.pipelineId);
    if (!p) throw objectNotFound(`Unable to find pipeline with id ${req.params.pipelineId}`);
    return { status: 200, body: { results: pipelineBody(p).stages } };
  },
};

const properties: Route = {
  method: 'GET',
  pattern: '/crm/v3/properties/:type',
  scopes: scopesOf('type', false),
  handle(req, ctx) {
    const info = typeParam(ctx, req.params.type as string);
    return { status: 200, body: { results: ctx.state.properties(info.objectTypeId).map((p, i) => propertyBody(info, p, i)) } };
  },
};

const property: Route = {
  method: 'GET',
  pattern: '/crm/v3/properties/:type/:name',
  scopes: scopesOf('type', false),
  handle(req, ctx) {
    const info = typeParam(ctx, req.params.type as string);
    const list = ctx.state.properties(info.objectTypeId);
    const i = list.findIndex((p) => p.name === req.params.name);
    if (i < 0) throw objectNotFound(`Unable to find property ${req.params.name} for object type ${info.objectTypeId}`);
    return { status: 200, body: propertyBody(info, list[i] as PropertyDef, i) };
  },
};

function ownerBody(o: ReturnType<RouteContext['state']['owners']>[number]): Record<string, unknown> {
  return {
    id: o.id,
    email: o.email,
    firstName: o.firstName,
    lastName: o.lastName,
    userId: o.userId,
    userIdIncludingInactive: o.userId,
    type: 'PERSON',
    createdAt: EPOCH,
    updatedAt: EPOCH,
    archived: o.archived ?? false,
    teams: o.teams,
  };
}

const owners: Route = {
  method: 'GET',
  pattern: '/crm/v3/owners',
  scopes: fixedScopes('crm.objects.owners.read'),
  handle(req, ctx) {
    const limit = queryInt(req.query, 'limit', 100, 500);
    const email = req.query.get('email');
    const archived = queryBool(req.query, 'archived');
    let list = ctx.state.owners().filter((o) => (o.archived ?? false) === archived);
    if (email) list = list.filter((o) => o.email.toLowerCase() === email.toLowerCase());
    const after = req.query.get('after');
    let start = 0;
    if (after) {
      start = list.findIndex((o) => o.id === after);
      if (start < 0) start = list.length;
    }
    const body: Record<string, unknown> = { results: list.slice(start, start + limit).map(ownerBody) };
    const next = list[start + limit];
    if (next) body.paging = { next: { after: next.id, link: nextLink(req, next.id) } };
    return { status: 200, body };
  },
};

const owner: Route = {
  method: 'GET',
  pattern: '/crm/v3/owners/:ownerId',
  scopes: fixedScopes('crm.objects.owners.read'),
  handle(req, ctx) {
    const o = ctx.state.owners().find((x) => x.id === req.params.ownerId);
    if (!o) throw objectNotFound();
    return { status: 200, body: ownerBody(o) };
  },
};

const dispositions: Route = {
  method: 'GET',
  pattern: '/calling/v1/dispositions',
  scopes: noScopes,
  handle(_req, ctx) {
    return { status: 200, body: ctx.state.callDispositions().map((d) => ({ id: d.id, label: d.label })) };
  },
};

function utcOffsetMs(timeZone: string): number {
  try {
    const now = new Date();
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(now);
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((local - now.getTime()) / 60000) * 60000;
  } catch {
    return 0;
  }
}

const account: Route = {
  method: 'GET',
  pattern: '/account-info/v3/details',
  scopes: noScopes,
  handle(_req, ctx) {
    const a = ctx.state.account;
    const ms = utcOffsetMs(a.timeZone);
    const sign = ms < 0 ? '-' : '+';
    const abs = Math.abs(ms) / 60000;
    return {
      status: 200,
      body: {
        portalId: a.portalId,
        accountType: 'STANDARD',
        timeZone: a.timeZone,
        companyCurrency: a.companyCurrency,
        additionalCurrencies: [],
        utcOffset: `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`,
        utcOffsetMilliseconds: ms,
        uiDomain: a.uiDomain,
        dataHostingLocation: a.dataHostingLocation,
      },
    };
  },
};

const file: Route = {
  method: 'GET',
  pattern: '/files/v3/files/:id',
  scopes: fixedScopes('files', 'files.ui_hidden.read'),
  handle(req, ctx) {
    const f = ctx.state.file(req.params.id as string);
    if (!f) throw objectNotFound(`File ${req.params.id} not found`);
    return { status: 200, body: { ...f, updatedAt: f.createdAt, archived: false, access: 'PRIVATE' } };
  },
};

const schemas: Route = {
  method: 'GET',
  pattern: '/crm/v3/schemas',
  scopes: fixedScopes('crm.schemas.custom.read'),
  handle(_req, ctx) {
    const portalId = ctx.state.account.portalId;
    const results = ctx.state.schemas().map((s) => {
      const info = ctx.state.typeInfo(s.objectTypeId) as ObjectTypeInfo;
      const props = ctx.state.properties(s.objectTypeId);
      return {
        id: s.objectTypeId.split('-')[1] ?? s.objectTypeId,
        objectTypeId: s.objectTypeId,
        name: s.name,
        fullyQualifiedName: `p${portalId}_${s.name}`,
        labels: s.labels,
        primaryDisplayProperty: s.primaryDisplayProperty,
        requiredProperties: [s.primaryDisplayProperty],
        searchableProperties: [s.primaryDisplayProperty],
        secondaryDisplayProperties: [],
        properties: props.map((p, i) => propertyBody(info, p, i)),
        associations: [],
        metaType: 'PORTAL_SPECIFIC',
        createdAt: EPOCH,
        updatedAt: EPOCH,
        archived: false,
      };
    });
    return { status: 200, body: { results } };
  },
};

export const metadataRoutes: Route[] = [pipelines, stages, pipeline, properties, property, owners, owner, dispositions, account, file, schemas];
