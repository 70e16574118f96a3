/**
 * The portal's metadata every view shares (PortalMeta): account and time
 * zone, custom object schemas, pipelines, property definitions of every
 * object the playbook uses, owners and call outcomes. The background caches
 * it with a TTL; a view never waits for it twice.
 */
import type { Playbook } from '../playbook/types';
import type { ObjectSchemaMeta, PipelineMeta, PortalMeta, PropertyDef } from '../rules/snapshot';
import { OBJECT_TYPE } from '../rules/snapshot';
import type { HubSpotClient } from './client';
import { HubSpotNotFoundError, HubSpotValidationError } from './errors';
import { PIPELINED_STANDARD, isCustomObject } from './object-types';

export interface LoadPortalMetaOptions {
  /** Properties are loaded for the objects it names (all standard CRM objects without it). */
  playbook?: Playbook;
}

/** The objectTypeId of each playbook object (custom objects by schema name); null when the portal lacks it. */
export function resolveObjectTypes(playbook: Playbook, schemas: ObjectSchemaMeta[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [alias, o] of Object.entries(playbook.objects)) {
    if (o.objectTypeId) out[alias] = o.objectTypeId;
    else out[alias] = schemas.find((s) => s.name === o.name || s.objectTypeId === o.name)?.objectTypeId ?? null;
  }
  return out;
}

/** A custom object without pipelines answers 400/404 on the pipelines route: that means "none". */
async function customPipelines(client: HubSpotClient, objectTypeId: string): Promise<PipelineMeta[]> {
  try {
    return await client.pipelines(objectTypeId);
  } catch (error) {
    if (error instanceof HubSpotNotFoundError || error instanceof HubSpotValidationError) return [];
    throw error;
  }
}

export async function loadPortalMeta(client: HubSpotClient, options: LoadPortalMetaOptions = {}): Promise<PortalMeta> {
  const { playbook } = options;
  const standard = new Set<string>();
  if (playbook) {
    for (const o of Object.values(playbook.objects)) if (o.objectTypeId && !isCustomObject(o.objectTypeId)) standard.add(o.objectTypeId);
    // The guided call log offers the portal's call types and needs their definitions.
    if (playbook.callLog) standard.add(OBJECT_TYPE.call);
  } else {
    [OBJECT_TYPE.contact, OBJECT_TYPE.company, OBJECT_TYPE.deal, OBJECT_TYPE.ticket, OBJECT_TYPE.call].forEach((t) => standard.add(t));
  }
  const pipelined = PIPELINED_STANDARD.filter((t) => !playbook || standard.has(t) || t === OBJECT_TYPE.deal);

  // Wave 1: everything that needs no other answer. Custom objects declared by
  // id are known now; those declared by schema name wait for the schemas.
  const declaredCustom = playbook
    ? Object.values(playbook.objects).map((o) => o.objectTypeId).filter((t): t is string => !!t && isCustomObject(t))
    : [];
  const properties: Record<string, PropertyDef[]> = {};
  const pipelines: Record<string, PipelineMeta[]> = {};
  const [account, schemas, owners, callDispositions] = await Promise.all([
    client.accountDetails(),
    client.schemas(),
    client.owners(),
    client.dispositions(),
    Promise.all([
      ...[...standard, ...declaredCustom].map(async (t) => {
        properties[t] = await client.properties(t);
      }),
      ...pipelined.map(async (t) => {
        pipelines[t] = await client.pipelines(t);
      }),
      ...declaredCustom.map(async (t) => {
        pipelines[t] = await customPipelines(client, t);
      }),
    ]),
  ]);

  // Wave 2: custom objects found through their schema.
  const custom = new Set<string>();
  if (playbook) {
    for (const t of Object.values(resolveObjectTypes(playbook, schemas))) if (t && isCustomObject(t) && !(t in properties)) custom.add(t);
  } else {
    for (const s of schemas) custom.add(s.objectTypeId);
  }
  await Promise.all([...custom].flatMap((t) => [
    client.properties(t).then((list) => { properties[t] = list; }),
    customPipelines(client, t).then((list) => { pipelines[t] = list; }),
  ]));

  const meta: PortalMeta = {
    portalId: account.portalId,
    timeZone: account.timeZone,
    pipelines,
    properties,
    owners,
    callDispositions,
    schemas,
  };
  if (account.uiDomain) meta.uiDomain = account.uiDomain;
  return meta;
}
