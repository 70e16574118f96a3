/**
 * lintPlaybook: does a (valid) playbook fit this portal? Every object,
 * pipeline, stage, property (with its type), enumeration value and
 * association label the playbook names must exist in the portal's metadata.
 * Each problem says where, what is wrong and how to fix it, so moving the SOP
 * to another portal is a matter of following the fixes.
 */
import { OBJECT_TYPE, type PortalMeta, type PropertyDef } from '../rules/snapshot';
import { joinPath } from './json-path';
import { lintValues } from './lint-values';
import { findPipeline, findProperty, findStage, looseLabel, resolveObjects } from './resolve';
import { listOf, similar } from './suggest';
import type { Playbook } from './types';

export interface LintProblem {
  severity: 'error' | 'warning';
  path: string;
  message: string;
  /** What to change, in the playbook or in HubSpot. */
  fix: string;
}

/** An association type the portal defines (`/crm/v4/associations/{from}/{to}/labels`). */
export interface AssociationLabelDef {
  fromObjectTypeId: string;
  toObjectTypeId: string;
  category: string;
  typeId: number;
  label: string | null;
}

const DATE_TYPES = new Set(['date', 'datetime']);

export class Linter {
  readonly problems: LintProblem[] = [];
  readonly ids: Record<string, string | null>;

  constructor(
    readonly playbook: Playbook,
    readonly portal: PortalMeta,
    readonly associationLabels: readonly AssociationLabelDef[],
  ) {
    this.ids = resolveObjects(playbook, portal);
  }

  error(path: string, message: string, fix: string): void {
    this.problems.push({ severity: 'error', path, message, fix });
  }

  warn(path: string, message: string, fix: string): void {
    this.problems.push({ severity: 'warning', path, message, fix });
  }

  /** The objectTypeId of an alias whose property definitions are loaded, else null (reported elsewhere). */
  loadedId(alias: string): string | null {
    const id = this.ids[alias];
    return id && this.portal.properties[id] ? id : null;
  }

  /** The portal's definition of a property the playbook declares, if both object and property resolve. */
  definition(alias: string, name: string): PropertyDef | undefined {
    const id = this.loadedId(alias);
    return id ? findProperty(this.portal, id, name) : undefined;
  }

  objectLabel(alias: string): string {
    return this.playbook.objects[alias]?.label ?? alias;
  }
}

export function lintPlaybook(
  playbook: Playbook,
  portal: PortalMeta,
  associationLabels: ReadonlyArray<AssociationLabelDef>,
): LintProblem[] {
  const l = new Linter(playbook, portal, associationLabels);
  lintObjects(l);
  lintPipelines(l);
  lintProperties(l);
  lintActivityAndNames(l);
  lintAssociations(l);
  lintCallLog(l);
  lintValues(l);
  return l.problems;
}

function lintObjects(l: Linter): void {
  const schemas = l.portal.schemas;
  const known = listOf(schemas.map((s) => `${s.name} (${s.objectTypeId}, "${s.labels.singular}")`)) || 'none';
  for (const [alias, object] of Object.entries(l.playbook.objects)) {
    const path = joinPath('objects', alias);
    const id = l.ids[alias];
    if (!id) {
      const byLabel = schemas.find((s) => looseLabel(s.labels.singular) === looseLabel(object.label));
      const near = object.name ? similar(object.name, schemas.map((s) => s.name)) : undefined;
      const suggestion = byLabel ?? schemas.find((s) => s.name === near);
      const what = object.name ? `no custom object named "${object.name}"` : `no object with objectTypeId "${object.objectTypeId}"`;
      l.error(path, `${what} in the portal (custom objects: ${known})`, suggestion
        ? `Set objects.${alias} to { name: "${suggestion.name}" } (the portal's "${suggestion.labels.singular}", ${suggestion.objectTypeId}).`
        : 'Create the custom object in HubSpot, or point this alias at an existing object by name.');
      continue;
    }
    if (object.name && object.objectTypeId && l.portal.schemas.find((s) => s.name === object.name)?.objectTypeId !== id) {
      l.warn(path, `objectTypeId "${object.objectTypeId}" and name "${object.name}" name different objects; the objectTypeId wins`,
        'Keep only name (custom object ids differ between portals).');
    }
    if (!l.portal.properties[id]) {
      l.error(path, `the portal metadata has no property definitions for ${object.label} (${id})`,
        'Check that the token may read this object\'s schema (crm.schemas.*.read or the custom object scope), then reload the metadata.');
    }
  }
}

function lintPipelines(l: Linter): void {
  l.playbook.pipelines.forEach((p, i) => {
    const path = `pipelines[${i}]`;
    const id = l.ids[p.object];
    if (!id) return;
    const available = l.portal.pipelines[id] ?? [];
    const pipeline = findPipeline(available, p.label);
    if (!pipeline) {
      const labels = available.map((x) => x.label);
      const near = similar(p.label, labels);
      const message = `no ${l.objectLabel(p.object)} pipeline labelled "${p.label}" in the portal (pipelines: ${listOf(labels) || 'none'})`;
      const fix = near
        ? `Set ${path}.label to "${near}" and update the rules that name it.`
        : `Create the pipeline in HubSpot or set ${path}.label to one of: ${listOf(labels) || 'none'}.`;
      // A pipeline only listed so its records are recognised (not governed, named by no rule) is a warning.
      if (p.governed || referencedPipelines(l).has(`${p.object}\u0000${p.label}`)) l.error(`${path}.label`, message, fix);
      else l.warn(`${path}.label`, `${message}; it is not governed, so no rule depends on it`, fix);
      return;
    }
    if (pipeline.archived) {
      l.warn(`${path}.label`, `pipeline "${p.label}" is archived in the portal`, 'Restore it in HubSpot or remove it from the playbook.');
    }
    const stageLabels = pipeline.stages.map((s) => s.label);
    const offered = new Set<string>();
    p.stages.forEach((label, j) => {
      if (findStage(pipeline, label)) return;
      const same = pipeline.stages.find((s) => looseLabel(s.label) === looseLabel(label));
      const near = same?.label ?? similar(label, stageLabels.filter((x) => !p.stages.includes(x)));
      if (near) offered.add(near);
      l.error(`${path}.stages[${j}]`, `pipeline "${p.label}" has no stage labelled "${label}" (stages: ${listOf(stageLabels)})`,
        near
          ? `Use "${near}"${same ? ' (same words, different dash, spacing or case)' : ''} here and wherever rules name this stage.`
          : `Add the stage in HubSpot or remove it from ${path}.stages and the rules that name it.`);
    });
    const resolved = p.stages.map((label) => findStage(pipeline, label)).filter((s) => s !== undefined);
    const orders = resolved.map((s) => s.displayOrder);
    if (orders.some((order, k) => k > 0 && order < (orders[k - 1] ?? order))) {
      const portalOrder = [...pipeline.stages].sort((a, b) => a.displayOrder - b.displayOrder).map((s) => s.label);
      l.warn(`${path}.stages`, `the stages are listed in a different order than the portal's (${listOf(portalOrder)}); the portal's order decides "next stage"`,
        `List the stages as the portal orders them, or reorder the pipeline in HubSpot.`);
    }
    for (const stage of pipeline.stages) {
      if (stage.archived || p.stages.includes(stage.label) || offered.has(stage.label)) continue;
      l.warn(`${path}.stages`, `the portal's stage "${stage.label}" is not in the playbook; records in it get no stage rules`,
        `Add "${stage.label}" to ${path}.stages if the SOP covers it.`);
    }
    for (const field of ['wonStage', 'lostStage'] as const) {
      const label = p[field];
      const stage = label ? findStage(pipeline, label) : undefined;
      if (stage && !stage.isClosed) {
        l.warn(`${path}.${field}`, `"${label}" is not a closed stage in the portal`, 'Mark the stage closed in HubSpot (deal stage settings), or choose the closed stage.');
      }
    }
  });
}

/** Pipelines some rule or the cadence names, by `${alias}\u0000${label}`. */
function referencedPipelines(l: Linter): Set<string> {
  const named = new Set<string>();
  for (const rule of l.playbook.rules) for (const label of rule.scope.pipelines ?? []) named.add(`${rule.scope.object}\u0000${label}`);
  const cad = l.playbook.cadence;
  if (cad) named.add(`${cad.object}\u0000${cad.pipeline}`);
  return named;
}

function lintProperties(l: Linter): void {
  l.playbook.properties.forEach((p, i) => {
    const path = `properties[${i}]`;
    const id = l.loadedId(p.object);
    if (!id) return;
    const defs = l.portal.properties[id] ?? [];
    const def = findProperty(l.portal, id, p.name);
    if (!def) {
      const byLabel = defs.find((d) => looseLabel(d.label) === looseLabel(p.label));
      const near = similar(p.name, defs.map((d) => d.name));
      l.error(`${path}.name`, `${l.objectLabel(p.object)} has no property "${p.name}" ("${p.label}") in the portal`,
        byLabel
          ? `Set ${path}.name to "${byLabel.name}" (the portal's property labelled "${byLabel.label}").`
          : near
            ? `Did you mean "${near}"? Otherwise create "${p.label}" in HubSpot (Settings → Properties).`
            : `Create "${p.label}" in HubSpot (Settings → Properties), or map ${path}.name to the portal's property for it.`);
      return;
    }
    if (p.type && def.type !== p.type && !(DATE_TYPES.has(p.type) && DATE_TYPES.has(def.type))) {
      l.error(`${path}.type`, `"${p.name}" is expected to be ${p.type} but the portal's property is ${def.type} (${def.fieldType})`,
        `Set ${path}.type to "${def.type}" if the rules still make sense for it, or change the property in HubSpot.`);
    }
  });
}

function lintActivityAndNames(l: Linter): void {
  for (const [alias, names] of Object.entries(l.playbook.activityProperties)) {
    const id = l.loadedId(alias);
    if (!id) continue;
    names.forEach((name, i) => {
      const path = joinPath('activityProperties', alias, i);
      const def = findProperty(l.portal, id, name);
      if (!def) {
        l.error(path, `${l.objectLabel(alias)} has no property "${name}" in the portal`, `Remove it from activityProperties.${alias} or use the portal's last-activity property.`);
      } else if (!DATE_TYPES.has(def.type)) {
        l.warn(path, `"${name}" is ${def.type}, not a date; it cannot count as activity`, `Use a date or datetime property.`);
      }
    });
  }
  for (const [alias, object] of Object.entries(l.playbook.objects)) {
    const id = l.loadedId(alias);
    if (!id) continue;
    object.nameProperties.forEach((name, i) => {
      if (!findProperty(l.portal, id, name)) {
        l.warn(joinPath('objects', alias, 'nameProperties', i), `${object.label} has no property "${name}"; records would show without a name`,
          'Use the property HubSpot shows as the record name (the schema\'s primaryDisplayProperty for custom objects).');
      }
    });
  }
}

function lintAssociations(l: Linter): void {
  const a = l.playbook.associations;
  const defs = (from: string, to: string) =>
    l.associationLabels.filter((d) => d.fromObjectTypeId === from && d.toObjectTypeId === to);
  a.labels.forEach((entry, i) => {
    const from = l.ids[entry.from];
    const to = l.ids[entry.to];
    if (!from || !to) return;
    const pair = defs(from, to);
    if (pair.some((d) => d.label === entry.label)) return;
    const labels = pair.map((d) => d.label).filter((x): x is string => x !== null);
    const near = similar(entry.label, labels);
    l.error(`associations.labels[${i}].label`,
      `no association label "${entry.label}" from ${l.objectLabel(entry.from)} to ${l.objectLabel(entry.to)} in the portal (labels: ${listOf(labels) || 'none'})`,
      near
        ? `Use "${near}" here and in the rules that name this label.`
        : `Create the label in HubSpot (Settings → Objects → ${l.objectLabel(entry.from)}s → Associations), or map the role to an existing label.`);
  });
  const typeIdCheck = (path: string, fromAlias: string, toAlias: string, typeId: number) => {
    const from = l.ids[fromAlias];
    const to = l.ids[toAlias];
    if (!from || !to) return;
    const pair = defs(from, to);
    if (pair.length === 0) {
      l.warn(path, `no association types from ${l.objectLabel(fromAlias)} to ${l.objectLabel(toAlias)} were loaded, so typeId ${typeId} cannot be checked`,
        'Load the association labels for this pair (crm.schemas read scope) and lint again.');
    } else if (!pair.some((d) => d.typeId === typeId)) {
      l.error(path, `association typeId ${typeId} does not exist from ${l.objectLabel(fromAlias)} to ${l.objectLabel(toAlias)} (types: ${listOf(pair.map((d) => `${d.typeId}${d.label ? ` "${d.label}"` : ''}`))})`,
        `Use one of the portal's type ids for this pair.`);
    }
  };
  a.primary.forEach((p, i) => typeIdCheck(`associations.primary[${i}].typeId`, p.from, p.to, p.typeId));
  const company = Object.entries(l.playbook.objects).find(([, o]) => o.objectTypeId === OBJECT_TYPE.company)?.[0];
  if (company && a.parentToChild !== undefined) typeIdCheck('associations.parentToChild', company, company, a.parentToChild);
  if (company && a.childToParent !== undefined) typeIdCheck('associations.childToParent', company, company, a.childToParent);
}

function lintCallLog(l: Linter): void {
  const log = l.playbook.callLog;
  if (!log) return;
  const calls = l.portal.properties[OBJECT_TYPE.call];
  if (!calls) {
    l.warn('callLog', 'the portal metadata has no call properties, so the call log cannot be checked', 'Load the call properties (crm.objects.calls / engagement scopes) and lint again.');
  } else {
    const options = (name: string) => calls.find((p) => p.name === name)?.options.map((o) => o.value);
    const checkValues = (path: string, values: readonly string[], property: string, what: string) => {
      const allowed = options(property);
      if (!allowed) {
        l.error(path, `calls have no property "${property}" in the portal`, 'The call log needs HubSpot\'s standard call properties.');
        return;
      }
      values.forEach((v, i) => {
        if (allowed.includes(v)) return;
        const near = similar(v, allowed);
        l.error(`${path}[${i}]`, `"${v}" is not a ${what} in the portal (${listOf(allowed)})`,
          near ? `Use "${near}".` : `Add "${v}" to the ${property} options in HubSpot, or use one of: ${listOf(allowed)}.`);
      });
    };
    checkValues('callLog.directions', log.directions, 'hs_call_direction', 'call direction');
    checkValues('callLog.checkIn.directions', log.checkIn.directions, 'hs_call_direction', 'call direction');
    checkValues('callLog.types', log.types, 'hs_activity_type', 'call type');
    checkValues('callLog.checkIn.types', log.checkIn.types, 'hs_activity_type', 'call type');
    log.required.forEach((name, i) => {
      if (!calls.some((p) => p.name === name)) {
        l.error(`callLog.required[${i}]`, `calls have no property "${name}" in the portal`, 'Use a call property that exists, e.g. hs_call_body for the conversation breakdown.');
      }
    });
  }
  const outcomes = l.portal.callDispositions.map((d) => d.label);
  const checkOutcomes = (path: string, values: readonly string[]) => values.forEach((v, i) => {
    if (outcomes.includes(v)) return;
    const near = similar(v, outcomes);
    l.error(`${path}[${i}]`, `no call outcome labelled "${v}" in the portal (${listOf(outcomes) || 'none loaded'})`,
      near ? `Use "${near}".` : 'Add the outcome in HubSpot (Settings → Calling → Call outcomes) or use an existing one.');
  });
  checkOutcomes('callLog.outcomes', log.outcomes);
  checkOutcomes('callLog.checkIn.outcomes', log.checkIn.outcomes);
}
