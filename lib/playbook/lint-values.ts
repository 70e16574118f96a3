/**
 * The value half of lint: every enumeration value the playbook uses (in
 * equals / oneOf, fix suggestions, lifecycle values, cadence ratios, list
 * parameters such as LC-8's recyclable lost reasons) must be one of the
 * property's options in the portal, compared as the engine compares them
 * (case-insensitively). Predicates on a property of the wrong type are warned.
 */
import { OBJECT_TYPE, type EngagementType, type PropertyDef } from '../rules/snapshot';
import { joinPath } from './json-path';
import type { Linter } from './lint';
import { closest, listOf } from './suggest';
import type { Predicate } from './types';

const ENGAGEMENT_OBJECT: Record<EngagementType, string> = {
  note: OBJECT_TYPE.note,
  call: OBJECT_TYPE.call,
  email: OBJECT_TYPE.email,
  meeting: OBJECT_TYPE.meeting,
  task: OBJECT_TYPE.task,
};

/** What a predicate is read against: playbook aliases, or raw objectTypeIds (engagements). */
type Context = { aliases: string[] } | { engagements: EngagementType[] };

const ENUM_TYPES = new Set(['enumeration', 'bool']);
const DATE_TYPES = new Set(['date', 'datetime']);

/** bool properties may come without options; HubSpot's values are true/false. */
function optionValues(def: PropertyDef): string[] {
  if (def.options.length === 0 && def.type === 'bool') return ['true', 'false'];
  return def.options.map((o) => o.value);
}

function describeOptions(def: PropertyDef): string {
  const shown = def.options.length ? def.options.map((o) => (o.label === o.value ? o.value : `${o.value} ("${o.label}")`)) : optionValues(def);
  return listOf(shown);
}

export function lintValues(l: Linter): void {
  const definitions = (ctx: Context, property: string, path: string): Array<{ def: PropertyDef; where: string }> => {
    if ('aliases' in ctx) {
      return ctx.aliases.flatMap((alias) => {
        const def = l.definition(alias, property);
        return def ? [{ def, where: l.objectLabel(alias) }] : [];
      });
    }
    return ctx.engagements.flatMap((type) => {
      const id = ENGAGEMENT_OBJECT[type];
      const defs = l.portal.properties[id];
      if (!defs) return [];
      const def = defs.find((d) => d.name === property);
      if (!def) {
        // Engagement properties are not declared in the playbook, so this is the only place a typo shows.
        l.error(joinPath(path, 'property'), `${type}s (${id}) have no property "${property}" in the portal`,
          `Use a property engagements have (${listOf(defs.map((d) => d.name))}).`);
        return [];
      }
      return [{ def, where: `${type}s` }];
    });
  };

  /** One value against the property's options; `path` is where the value is written. */
  const checkValue = (def: PropertyDef, where: string, value: string, path: string, usedAt?: string) => {
    if (!ENUM_TYPES.has(def.type)) return;
    const values = optionValues(def);
    if (values.some((v) => v.toLowerCase() === value.toLowerCase())) return;
    const byLabel = def.options.find((o) => o.label.toLowerCase() === value.toLowerCase());
    const near = byLabel ? undefined : closest(value, values);
    const context = usedAt ? ` (used by ${usedAt})` : '';
    const addIt = `add the option in HubSpot (Settings → Properties → ${def.label})`;
    l.error(path, `"${value}" is not an option of ${where}'s "${def.name}"${context}; options: ${describeOptions(def)}`,
      byLabel
        ? `Use the internal value "${byLabel.value}" (labelled "${byLabel.label}").`
        : near
          ? `Did you mean "${near}"? Otherwise ${addIt}.`
          : `Use one of the existing values, or ${addIt}.`);
  };

  const checkListParam = (values: string[] | { param: string }, defs: Array<{ def: PropertyDef; where: string }>, path: string) => {
    if (Array.isArray(values)) {
      values.forEach((v, i) => defs.forEach(({ def, where }) => checkValue(def, where, v, joinPath(path, i))));
      return;
    }
    const list = l.playbook.parameters[values.param];
    if (!Array.isArray(list)) return; // validation reports it
    list.forEach((v, i) => defs.forEach(({ def, where }) => checkValue(def, where, v, joinPath('parameters', values.param, i), path)));
  };

  const typeWarning = (defs: Array<{ def: PropertyDef; where: string }>, path: string, op: string, expected: Set<string>, what: string) => {
    for (const { def, where } of defs) {
      if (!expected.has(def.type)) {
        l.warn(joinPath(path, 'property'), `${op} expects ${what}, but ${where}'s "${def.name}" is ${def.type}`,
          `Use a ${what} property, or another predicate (known, equals, matches).`);
      }
    }
  };

  const walk = (p: Predicate, ctx: Context, path: string): void => {
    switch (p.op) {
      case 'equals':
        definitions(ctx, p.property, path).forEach(({ def, where }) => checkValue(def, where, p.value, joinPath(path, 'value')));
        return;
      case 'oneOf':
        checkListParam(p.values, definitions(ctx, p.property, path), joinPath(path, 'values'));
        return;
      case 'known':
      case 'matches':
      case 'ownerResolves':
        definitions(ctx, p.property, path);
        return;
      case 'hasAny':
        typeWarning(definitions(ctx, p.property, path), path, 'hasAny', ENUM_TYPES, 'multi-select enumeration');
        return;
      case 'compare':
        typeWarning(definitions(ctx, p.property, path), path, 'compare', new Set(['number']), 'number');
        return;
      case 'dateWithin':
        typeWarning(definitions(ctx, p.property, path), path, 'dateWithin', DATE_TYPES, 'date');
        return;
      case 'all':
      case 'any':
        p.of.forEach((q, i) => walk(q, ctx, joinPath(path, 'of', i)));
        return;
      case 'not':
        walk(p.of, ctx, joinPath(path, 'of'));
        return;
      case 'iff':
        walk(p.left, ctx, joinPath(path, 'left'));
        walk(p.right, ctx, joinPath(path, 'right'));
        return;
      case 'associated':
        if (p.where) walk(p.where, { aliases: [p.object] }, joinPath(path, 'where'));
        return;
      case 'engagement':
        if (p.where) walk(p.where, { engagements: p.types }, joinPath(path, 'where'));
        return;
      default:
        return;
    }
  };

  l.playbook.rules.forEach((rule, i) => {
    const path = `rules[${i}]`;
    const ctx = { aliases: [rule.scope.object, ...(rule.scope.alsoOn ?? [])] };
    if (rule.scope.when) walk(rule.scope.when, ctx, `${path}.scope.when`);
    if (rule.kind === 'guide' || rule.kind === 'view') return;
    if (rule.test) walk(rule.test, ctx, `${path}.test`);
    const fix = rule.fix;
    if (fix?.suggest !== undefined) {
      const alias = fix.object ?? rule.scope.object;
      const def = l.definition(alias, fix.property);
      if (def) checkValue(def, l.objectLabel(alias), fix.suggest, `${path}.fix.suggest`);
    }
  });

  const lc = l.playbook.lifecycle;
  if (lc) {
    const def = l.definition(lc.object, lc.property);
    if (def) {
      const where = l.objectLabel(lc.object);
      lc.stages.forEach((s, i) => checkValue(def, where, s.value, `lifecycle.stages[${i}].value`));
      checkValue(def, where, lc.defaultValue, 'lifecycle.defaultValue');
      const listed = new Set(lc.stages.map((s) => s.value.toLowerCase()));
      for (const option of def.options) {
        if (!option.hidden && !listed.has(option.value.toLowerCase())) {
          l.warn('lifecycle.stages', `the portal's lifecycle option "${option.label}" (${option.value}) is not in the playbook; contacts in it get no guidance`,
            `Add { value: "${option.value}", label: "${option.label}", definition } to lifecycle.stages, or hide the option in HubSpot.`);
        }
      }
    }
  }

  const cad = l.playbook.cadence;
  if (cad) {
    const def = l.definition(cad.object, cad.ratioProperty);
    if (def) {
      for (const key of Object.keys(cad.ratios)) checkValue(def, l.objectLabel(cad.object), key, joinPath('cadence.ratios', key));
    }
  }
}
