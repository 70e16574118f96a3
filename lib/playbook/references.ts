/**
 * Cross-reference checks on a playbook that already has the right shape:
 * every alias, property, stage, checklist, parameter and association label a
 * rule names must be declared in the playbook itself. (Whether those exist in
 * a portal is ./lint.ts's job.)
 */
import { joinPath } from './json-path';
import { didYouMean, listOf } from './suggest';
import type { NumberParam, ListParam, Playbook, PlaybookPipeline, Predicate, Rule } from './types';
import type { PlaybookError } from './validate';

/** Catalog-style rule ids: SALES-SQL-1, LC-8, ACC-10. */
export const RULE_ID_PATTERN = /^[A-Z]+(-[A-Z0-9]+)+$/;

/** `{alias.property}` placeholders in attachment names (SALES-WON-8). */
export const TEMPLATE_PATTERN = /\{([^{}.]+)\.([^{}]+)\}/g;

const WEIGHT_TOLERANCE = 0.001;

/** Properties an object declares, by alias. */
function propertyIndex(playbook: Playbook): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const p of playbook.properties) {
    const names = index.get(p.object) ?? new Set<string>();
    names.add(p.name);
    index.set(p.object, names);
  }
  return index;
}

/**
 * Aliases a predicate is read against. `null` = an engagement's own
 * properties (calls, notes…), which the playbook does not declare.
 */
type Context = string[] | null;

class Checker {
  readonly errors: PlaybookError[] = [];
  private readonly aliases: string[];
  private readonly props: Map<string, Set<string>>;
  private readonly ruleIds: Set<string>;

  constructor(private readonly playbook: Playbook) {
    this.aliases = Object.keys(playbook.objects);
    this.props = propertyIndex(playbook);
    this.ruleIds = new Set(playbook.rules.map((r) => r.id));
  }

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  alias(alias: string, path: string): boolean {
    if (this.playbook.objects[alias]) return true;
    this.error(path, `unknown object ${JSON.stringify(alias)}: expected one of the keys of objects (${listOf(this.aliases)})${didYouMean(alias, this.aliases)}`);
    return false;
  }

  property(alias: string, property: string, path: string): void {
    if (!this.playbook.objects[alias]) return; // reported where the alias is named
    const declared = this.props.get(alias) ?? new Set<string>();
    if (declared.has(property)) return;
    this.error(path, `property ${JSON.stringify(property)} is not declared for object ${JSON.stringify(alias)}: add it to properties with its SOP label${didYouMean(property, declared)}`);
  }

  /**
   * The pipelines a rule applies in: those it lists, else the object's
   * governed ones (RuleScope), else all of the object's pipelines.
   */
  rulePipelines(alias: string, listed?: string[]): string[] | undefined {
    if (listed) return listed;
    const governed = this.pipelinesOf(alias).filter((p) => p.governed).map((p) => p.label);
    return governed.length ? governed : undefined;
  }

  pipelinesOf(alias: string, only?: string[]): PlaybookPipeline[] {
    return this.playbook.pipelines.filter((p) => p.object === alias && (!only || only.includes(p.label)));
  }

  stage(aliases: string[], stage: string, path: string, only?: string[]): void {
    const pipelines = aliases.flatMap((a) => this.pipelinesOf(a, only));
    const stages = [...new Set(pipelines.flatMap((p) => p.stages))];
    if (stages.includes(stage)) return;
    const where = only ? `pipelines ${only.join(', ')}` : `the pipelines of ${aliases.join('/')}`;
    if (stages.length === 0) {
      this.error(path, `stage ${JSON.stringify(stage)} cannot be resolved: ${aliases.join('/')} has no pipeline in pipelines`);
      return;
    }
    this.error(path, `unknown stage ${JSON.stringify(stage)}: expected one of the stages of ${where} (${listOf(stages)})${didYouMean(stage, stages)}`);
  }

  numberParam(value: NumberParam, path: string): void {
    if (typeof value === 'number') return;
    this.param(value.param, 'number', path);
  }

  listParam(value: ListParam, path: string): void {
    if (Array.isArray(value)) return;
    this.param(value.param, 'list', path);
  }

  private param(name: string, kind: 'number' | 'list', path: string): void {
    const names = Object.keys(this.playbook.parameters);
    const value = this.playbook.parameters[name];
    if (value === undefined) {
      this.error(joinPath(path, 'param'), `parameter ${JSON.stringify(name)} is not defined in parameters (${listOf(names)})${didYouMean(name, names)}`);
      return;
    }
    const actual = Array.isArray(value) ? 'list' : 'number';
    if (actual !== kind) {
      this.error(joinPath(path, 'param'), `parameter ${JSON.stringify(name)} is a ${actual}; expected a ${kind} here`);
    }
  }

  associationLabel(from: string[], to: string, label: string, path: string): void {
    const declared = this.playbook.associations.labels.filter(
      (l) => (from.includes(l.from) && l.to === to) || (l.from === to && from.includes(l.to)),
    );
    if (declared.some((l) => l.label === label)) return;
    const names = declared.map((l) => l.label);
    this.error(path, `association label ${JSON.stringify(label)} between ${from.join('/')} and ${to} is not declared in associations.labels${names.length ? ` (declared: ${listOf(names)})` : ''}${didYouMean(label, names)}`);
  }

  ruleRef(id: string, path: string): void {
    if (this.ruleIds.has(id)) return;
    this.error(path, `rule ${JSON.stringify(id)} is not a rule of this playbook${didYouMean(id, this.ruleIds)}`);
  }

  predicate(p: Predicate, ctx: Context, path: string): void {
    const onContext = (property: string) => {
      for (const alias of ctx ?? []) this.property(alias, property, joinPath(path, 'property'));
    };
    switch (p.op) {
      case 'known':
      case 'equals':
      case 'hasAny':
      case 'ownerResolves':
        onContext(p.property);
        return;
      case 'oneOf':
        onContext(p.property);
        this.listParam(p.values, joinPath(path, 'values'));
        return;
      case 'compare':
        onContext(p.property);
        this.numberParam(p.value, joinPath(path, 'value'));
        return;
      case 'dateWithin':
        onContext(p.property);
        this.numberParam(p.days, joinPath(path, 'days'));
        return;
      case 'matches':
        onContext(p.property);
        try {
          new RegExp(p.pattern, p.flags);
        } catch (e) {
          const reason = e instanceof Error ? e.message : String(e);
          this.error(joinPath(path, 'pattern'), `expected a valid regular expression; got ${JSON.stringify(p.pattern)}${p.flags ? ` with flags ${JSON.stringify(p.flags)}` : ''} (${reason})`);
        }
        return;
      case 'all':
      case 'any':
        if (p.of.length === 0) this.error(joinPath(path, 'of'), `expected at least one predicate in ${p.op}; got an empty list`);
        p.of.forEach((q, i) => this.predicate(q, ctx, joinPath(path, 'of', i)));
        return;
      case 'not':
        this.predicate(p.of, ctx, joinPath(path, 'of'));
        return;
      case 'iff':
        this.predicate(p.left, ctx, joinPath(path, 'left'));
        this.predicate(p.right, ctx, joinPath(path, 'right'));
        return;
      case 'associated': {
        const known = this.alias(p.object, joinPath(path, 'object'));
        if (known && ctx) p.labels?.forEach((l, i) => this.associationLabel(ctx, p.object, l, joinPath(path, 'labels', i)));
        if (p.min !== undefined && p.max !== undefined && p.min > p.max) {
          this.error(joinPath(path, 'max'), `expected max ≥ min (${p.min}); got ${p.max}`);
        }
        if (p.where) this.predicate(p.where, known ? [p.object] : [], joinPath(path, 'where'));
        return;
      }
      case 'engagement':
        if (p.sinceStage !== undefined && ctx) this.stage(ctx, p.sinceStage, joinPath(path, 'sinceStage'));
        if (p.withinDays !== undefined) this.numberParam(p.withinDays, joinPath(path, 'withinDays'));
        if (p.where) this.predicate(p.where, null, joinPath(path, 'where'));
        return;
      case 'attachment':
        if (p.nameEquals !== undefined) this.templates(p.nameEquals, joinPath(path, 'nameEquals'));
        if (p.nameContains !== undefined) this.templates(p.nameContains, joinPath(path, 'nameContains'));
        return;
      case 'activityWithin':
        this.numberParam(p.days, joinPath(path, 'days'));
        return;
      case 'inStage':
        if (!p.stages && !p.outcome && p.governed === undefined) {
          this.error(path, 'expected stages, outcome or governed in inStage; got none of them');
        }
        if (ctx) {
          this.needsPipeline(ctx, path);
          p.stages?.forEach((s, i) => this.stage(ctx, s, joinPath(path, 'stages', i)));
        }
        return;
      case 'stageOrder':
        if (ctx) this.needsPipeline(ctx, path);
        return;
      case 'checklist':
        this.checklist(p.list, joinPath(path, 'list'));
        return;
      case 'cadence':
        if (!this.playbook.cadence) this.error(path, `cadence check ${JSON.stringify(p.check)} needs the playbook's cadence section; there is none`);
        return;
      case 'onePerPair': {
        this.alias(p.object, joinPath(path, 'object'));
        const pairKnown = this.alias(p.pairWith, joinPath(path, 'pairWith'));
        if (pairKnown && ctx) {
          // The pair labels sit on the association between the subject and its pair (Product Subscription → Primary Contact).
          const sides = ctx.filter((a) => a !== p.pairWith);
          p.pairLabels.forEach((l, i) => this.associationLabel(sides.length ? sides : ctx, p.pairWith, l, joinPath(path, 'pairLabels', i)));
        }
        return;
      }
      case 'healthScore':
        if (!this.playbook.health) this.error(path, 'healthScore needs the playbook\'s health section; there is none');
        return;
      case 'noDuplicates':
      case 'manual':
        return;
    }
  }

  private needsPipeline(ctx: string[], path: string): void {
    for (const alias of ctx) {
      if (this.playbook.objects[alias] && this.pipelinesOf(alias).length === 0) {
        this.error(path, `${this.describeOp(path)} reads a pipeline stage, but object ${JSON.stringify(alias)} has no pipeline in pipelines`);
      }
    }
  }

  private describeOp(path: string): string {
    return path === '$' ? 'this predicate' : `the predicate at ${path}`;
  }

  templates(text: string, path: string): void {
    for (const match of text.matchAll(TEMPLATE_PATTERN)) {
      const [, alias = '', property = ''] = match;
      if (this.alias(alias, path)) this.property(alias, property, path);
    }
  }

  checklist(name: string, path: string): void {
    const names = Object.keys(this.playbook.checklists);
    if (this.playbook.checklists[name]) return;
    this.error(path, `unknown checklist ${JSON.stringify(name)}: expected one of the keys of checklists (${listOf(names)})${didYouMean(name, names)}`);
  }
}

export function checkReferences(playbook: Playbook): PlaybookError[] {
  const c = new Checker(playbook);
  checkObjects(c, playbook);
  checkProperties(c, playbook);
  checkPipelines(c, playbook);
  checkAssociations(c, playbook);
  checkLists(c, playbook);
  checkForms(c, playbook);
  checkHealth(c, playbook);
  playbook.rules.forEach((rule, i) => checkRule(c, playbook, rule, `rules[${i}]`));
  checkRuleIds(c, playbook);
  return c.errors;
}

function checkObjects(c: Checker, playbook: Playbook): void {
  for (const [alias, object] of Object.entries(playbook.objects)) {
    if (!object.objectTypeId && !object.name) {
      c.error(joinPath('objects', alias), 'expected objectTypeId (e.g. "0-3") or name (a custom object\'s schema name, e.g. "client_hub"); got neither');
    }
    if (object.nameFrom !== undefined && c.alias(object.nameFrom, joinPath('objects', alias, 'nameFrom')) && object.nameFrom === alias) {
      c.error(joinPath('objects', alias, 'nameFrom'), `an object cannot be named after itself: expected another object (e.g. "contact")`);
    }
  }
}

function checkProperties(c: Checker, playbook: Playbook): void {
  const first = new Map<string, number>();
  playbook.properties.forEach((p, i) => {
    c.alias(p.object, `properties[${i}].object`);
    const key = `${p.object}\u0000${p.name}`;
    const earlier = first.get(key);
    if (earlier !== undefined) {
      c.error(`properties[${i}].name`, `property ${JSON.stringify(p.name)} of ${p.object} is declared twice (first at properties[${earlier}])`);
    } else first.set(key, i);
  });
  for (const [alias, names] of Object.entries(playbook.activityProperties)) {
    if (!c.alias(alias, joinPath('activityProperties', alias))) continue;
    names.forEach((n, i) => c.property(alias, n, joinPath('activityProperties', alias, i)));
  }
}

function checkPipelines(c: Checker, playbook: Playbook): void {
  const labels = new Map<string, number>();
  playbook.pipelines.forEach((p, i) => {
    const path = `pipelines[${i}]`;
    c.alias(p.object, `${path}.object`);
    const key = `${p.object}\u0000${p.label}`;
    const earlier = labels.get(key);
    if (earlier !== undefined) c.error(`${path}.label`, `pipeline ${JSON.stringify(p.label)} of ${p.object} is listed twice (first at pipelines[${earlier}])`);
    else labels.set(key, i);
    const seen = new Set<string>();
    p.stages.forEach((s, j) => {
      if (seen.has(s)) c.error(`${path}.stages[${j}]`, `stage ${JSON.stringify(s)} is listed twice in pipeline ${JSON.stringify(p.label)}`);
      seen.add(s);
    });
    for (const field of ['wonStage', 'lostStage'] as const) {
      const stage = p[field];
      if (stage !== undefined && !p.stages.includes(stage)) {
        c.error(`${path}.${field}`, `expected one of the pipeline's stages (${listOf(p.stages)}); got ${JSON.stringify(stage)}${didYouMean(stage, p.stages)}`);
      }
    }
  });
}

function checkAssociations(c: Checker, playbook: Playbook): void {
  const a = playbook.associations;
  a.primary.forEach((p, i) => {
    c.alias(p.from, `associations.primary[${i}].from`);
    c.alias(p.to, `associations.primary[${i}].to`);
  });
  a.labels.forEach((l, i) => {
    c.alias(l.from, `associations.labels[${i}].from`);
    c.alias(l.to, `associations.labels[${i}].to`);
  });
}

function checkLists(c: Checker, playbook: Playbook): void {
  for (const [name, items] of Object.entries(playbook.checklists)) {
    items.forEach((item, i) => {
      const path = joinPath('checklists', name, i);
      if (c.alias(item.object, `${path}.object`)) c.property(item.object, item.property, `${path}.property`);
    });
  }
  const note = playbook.sopNote;
  if (note) {
    c.checklist(note.checklist, 'sopNote.checklist');
    note.associateWith.forEach((a, i) => c.alias(a, `sopNote.associateWith[${i}]`));
  }
  const lc = playbook.lifecycle;
  if (lc) {
    if (c.alias(lc.object, 'lifecycle.object')) c.property(lc.object, lc.property, 'lifecycle.property');
    const values = lc.stages.map((s) => s.value);
    const seen = new Set<string>();
    lc.stages.forEach((s, i) => {
      if (seen.has(s.value)) c.error(`lifecycle.stages[${i}].value`, `lifecycle value ${JSON.stringify(s.value)} is listed twice`);
      seen.add(s.value);
      if (s.ruleId !== undefined) c.ruleRef(s.ruleId, `lifecycle.stages[${i}].ruleId`);
    });
    const stageValue = (v: string, path: string) => {
      if (!values.includes(v)) c.error(path, `expected one of the lifecycle stage values (${listOf(values)}); got ${JSON.stringify(v)}${didYouMean(v, values)}`);
    };
    stageValue(lc.defaultValue, 'lifecycle.defaultValue');
    lc.transitions.forEach((t, i) => {
      stageValue(t.from, `lifecycle.transitions[${i}].from`);
      stageValue(t.to, `lifecycle.transitions[${i}].to`);
      if (t.ruleId !== undefined) c.ruleRef(t.ruleId, `lifecycle.transitions[${i}].ruleId`);
    });
  }
}

function checkForms(c: Checker, playbook: Playbook): void {
  const log = playbook.callLog;
  if (log) {
    log.appliesTo.forEach((a, i) => c.alias(a, `callLog.appliesTo[${i}]`));
    log.associateWith.forEach((a, i) => c.alias(a, `callLog.associateWith[${i}]`));
    for (const field of ['outcomes', 'types', 'directions'] as const) {
      const allowed = log[field];
      if (allowed.length === 0) continue; // empty = every option
      log.checkIn[field].forEach((v, i) => {
        if (!allowed.includes(v)) {
          c.error(`callLog.checkIn.${field}[${i}]`, `a check-in ${field.slice(0, -1)} must be one the form allows (callLog.${field}: ${listOf(allowed)}); got ${JSON.stringify(v)}`);
        }
      });
    }
  }
  const cad = playbook.cadence;
  if (cad) {
    if (c.alias(cad.object, 'cadence.object')) {
      c.property(cad.object, cad.ratioProperty, 'cadence.ratioProperty');
      c.property(cad.object, cad.lastCheckInProperty, 'cadence.lastCheckInProperty');
      c.property(cad.object, cad.nextContactDateProperty, 'cadence.nextContactDateProperty');
      const pipelines = c.pipelinesOf(cad.object);
      const labels = pipelines.map((p) => p.label);
      if (!labels.includes(cad.pipeline)) {
        c.error('cadence.pipeline', `expected one of the pipelines of ${cad.object} (${listOf(labels) || 'none declared'}); got ${JSON.stringify(cad.pipeline)}${didYouMean(cad.pipeline, labels)}`);
      } else {
        const { calls, ...single } = cad.stages;
        for (const [key, stage] of Object.entries(single)) c.stage([cad.object], stage, `cadence.stages.${key}`, [cad.pipeline]);
        calls.forEach((s, i) => c.stage([cad.object], s, `cadence.stages.calls[${i}]`, [cad.pipeline]));
      }
    }
    const ratios = Object.keys(cad.ratios);
    for (const field of ['defaultRatio', 'notConnectedRatio'] as const) {
      const value = cad[field];
      if (!cad.ratios[value]) c.error(`cadence.${field}`, `expected one of the keys of cadence.ratios (${listOf(ratios)}); got ${JSON.stringify(value)}${didYouMean(value, ratios)}`);
    }
    for (const [key, spec] of Object.entries(cad.ratios)) {
      if (!(spec.days || spec.weeks || spec.months)) {
        c.error(joinPath('cadence.ratios', key), 'expected a period of days, weeks or months above 0; got an empty period');
      }
    }
    if (cad.tasks.calls.length !== cad.stages.calls.length) {
      c.error('cadence.tasks.calls', `expected one task per call stage (${cad.stages.calls.length}); got ${cad.tasks.calls.length}`);
    }
  }
}

function checkHealth(c: Checker, playbook: Playbook): void {
  const h = playbook.health;
  if (!h) return;
  const sum = h.weights.engagement + h.weights.velocity + h.weights.support;
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
    c.error('health.weights', `expected engagement + velocity + support to sum to 1; got ${Number(sum.toFixed(6))}`);
  }
  for (const key of ['engagement', 'velocity'] as const) {
    if (h[key].zeroDays <= h[key].fullDays) {
      c.error(`health.${key}.zeroDays`, `expected zeroDays greater than fullDays (${h[key].fullDays}); got ${h[key].zeroDays}`);
    }
  }
}

function checkRule(c: Checker, playbook: Playbook, rule: Rule, path: string): void {
  const files = playbook.sources.map((s) => s.file);
  if (!files.includes(rule.source.file)) {
    c.error(`${path}.source.file`, `expected one of the files in sources (${listOf(files)}); got ${JSON.stringify(rule.source.file)}${didYouMean(rule.source.file, files)}`);
  }
  const scope = rule.scope;
  const main = c.alias(scope.object, `${path}.scope.object`);
  const also = (scope.alsoOn ?? []).filter((a, i) => c.alias(a, `${path}.scope.alsoOn[${i}]`));
  const ctx = [...(main ? [scope.object] : []), ...also];
  if (main && scope.pipelines) {
    const labels = c.pipelinesOf(scope.object).map((p) => p.label);
    scope.pipelines.forEach((label, i) => {
      if (!labels.includes(label)) {
        c.error(`${path}.scope.pipelines[${i}]`, `expected one of the pipelines of ${scope.object} (${listOf(labels) || 'none declared'}); got ${JSON.stringify(label)}${didYouMean(label, labels)}`);
      }
    });
  }
  if (scope.when) c.predicate(scope.when, ctx, `${path}.scope.when`);

  if (rule.kind === 'view') return;
  if (rule.stage !== undefined && main) c.stage([scope.object], rule.stage, `${path}.stage`, c.rulePipelines(scope.object, scope.pipelines));
  if (rule.kind === 'guide') return;
  if (rule.transition !== undefined && rule.stage === undefined) {
    c.error(`${path}.transition`, `transition ${JSON.stringify(rule.transition)} needs a stage; got no stage`);
  }
  if (rule.test) c.predicate(rule.test, ctx, `${path}.test`);
  if (rule.fix) {
    const target = rule.fix.object ?? scope.object;
    const known = rule.fix.object === undefined ? main : c.alias(target, `${path}.fix.object`);
    if (known) c.property(target, rule.fix.property, `${path}.fix.property`);
  }
  if (rule.kind === 'form') {
    const section = { callLog: playbook.callLog, sopNote: playbook.sopNote, cadence: playbook.cadence }[rule.form];
    if (!section) c.error(`${path}.form`, `form ${JSON.stringify(rule.form)} needs the playbook's ${rule.form} section; there is none`);
  }
}

function checkRuleIds(c: Checker, playbook: Playbook): void {
  const first = new Map<string, number>();
  playbook.rules.forEach((rule, i) => {
    if (!RULE_ID_PATTERN.test(rule.id)) {
      c.error(`rules[${i}].id`, `expected an id like "SALES-SQL-2" (capitals, then dash-separated capitals or digits); got ${JSON.stringify(rule.id)}`);
    }
    const earlier = first.get(rule.id);
    if (earlier !== undefined) c.error(`rules[${i}].id`, `duplicate rule id ${JSON.stringify(rule.id)} (first at rules[${earlier}])`);
    else first.set(rule.id, i);
  });
}
