/**
 * Resolving a playbook's names against a portal: object aliases to
 * objectTypeIds (by id, or by a custom object's schema name), pipeline labels
 * to pipelines, stage labels to stages. Pure lookups shared by lint and by
 * anything else that needs the portal's ids for a playbook name.
 */
import type { PipelineMeta, PortalMeta, PropertyDef, StageMeta } from '../rules/snapshot';
import type { Playbook, PlaybookObject } from './types';

/** HubSpot's standard object ids have the form `0-n`; custom objects `2-n`. */
const STANDARD_OBJECT = /^0-\d+$/;

/** The portal objectTypeId of a playbook object, or null when the portal has no such object. */
export function resolveObjectTypeId(object: PlaybookObject, portal: PortalMeta): string | null {
  if (object.objectTypeId) {
    if (STANDARD_OBJECT.test(object.objectTypeId)) return object.objectTypeId;
    return portal.schemas.some((s) => s.objectTypeId === object.objectTypeId) ? object.objectTypeId : null;
  }
  if (object.name) return portal.schemas.find((s) => s.name === object.name)?.objectTypeId ?? null;
  return null;
}

/** Every alias of the playbook with its objectTypeId in this portal (null = unresolved). */
export function resolveObjects(playbook: Playbook, portal: PortalMeta): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [alias, object] of Object.entries(playbook.objects)) out[alias] = resolveObjectTypeId(object, portal);
  return out;
}

/** The portal's pipeline with this label (an active one before an archived one). */
export function findPipeline(pipelines: readonly PipelineMeta[], label: string): PipelineMeta | undefined {
  const matches = pipelines.filter((p) => p.label === label);
  return matches.find((p) => !p.archived) ?? matches[0];
}

export function findStage(pipeline: PipelineMeta, label: string): StageMeta | undefined {
  const matches = pipeline.stages.filter((s) => s.label === label);
  return matches.find((s) => !s.archived) ?? matches[0];
}

export function findProperty(portal: PortalMeta, objectTypeId: string, name: string): PropertyDef | undefined {
  return portal.properties[objectTypeId]?.find((p) => p.name === name);
}

/** Dashes and spaces folded, case ignored: tells "Closed - Won" from "Closed – Won" as the same words. */
export function looseLabel(label: string): string {
  return label.replace(/[\u2010-\u2015\u2212-]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
}
