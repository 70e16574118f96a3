/**
 * What a compliance scan covers, checked against the active playbook and the
 * portal before a single record is read (issue 6): which objects (playbook
 * aliases), which rules (IDs) and, for objects with pipelines, which
 * pipelines (by label, as the admin sees them; `scan.start`'s `options`
 * carries them, so they are validated here, not by the protocol).
 *
 * Only rules with a failing state can produce result rows: gates, checks and
 * forms with a test. Guides and views (SALES-*-G*, ACC-3…) have nothing to
 * report and are left out (Resolutions: "view rules are displays with no
 * failing state").
 */
import { z } from 'zod';
import { AppErrorException, appError, type FieldError } from '../messages/errors';
import type { RequestOf } from '../messages/protocol';
import type { Playbook, Rule } from '../playbook/types';
import type { ObjectSchemaMeta, PortalMeta } from '../rules/snapshot';
import { normLabel } from '../rules/values';

/** One object to scan: its records are searched page by page (one partition). */
export interface ScanTarget {
  alias: string;
  objectTypeId: string;
  label: string;
  /** Pipeline ids to search in (`pipeline IN …`); null = every record of the object. */
  pipelineIds: string[] | null;
  /** The same pipelines by label, for the summary. */
  pipelineLabels: string[] | null;
  /** The selected rules that apply to this object (scope.object or scope.alsoOn). */
  rules: string[];
}

export interface ScanSelection {
  targets: ScanTarget[];
  /** Every selected rule ID (scannable ones only). */
  ruleIds: string[];
  /** Stop after this many records (all objects together); null = all. */
  limit: number | null;
}

/** `scan.start`'s `options`, as the admin page sends them. */
export const scanOptionsSchema = z.strictObject({
  /** Pipeline labels by object alias; an object left out is scanned in every pipeline. */
  pipelines: z.record(z.string().min(1).max(100), z.array(z.string().min(1).max(200)).min(1).max(50)).optional(),
});
export type ScanOptions = z.infer<typeof scanOptionsSchema>;

/** A rule that can fail, so a scan can report it. */
export function isScannable(rule: Rule): boolean {
  if (rule.enabled === false) return false;
  if (rule.kind === 'gate' || rule.kind === 'check') return true;
  return rule.kind === 'form' && rule.test !== undefined;
}

export function ruleAppliesTo(rule: Rule, alias: string): boolean {
  return rule.scope.object === alias || (rule.scope.alsoOn ?? []).includes(alias);
}

/** The objectTypeId of each playbook object in this portal (custom objects by schema name). */
export function objectTypesOf(playbook: Playbook, schemas: readonly ObjectSchemaMeta[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [alias, o] of Object.entries(playbook.objects)) {
    out[alias] = o.objectTypeId ?? schemas.find((s) => s.name === o.name || s.objectTypeId === o.name)?.objectTypeId ?? null;
  }
  return out;
}

function fail(message: string, details: FieldError[] = []): never {
  throw new AppErrorException(appError('validation', message, details.length ? { details } : {}));
}

/**
 * Resolves a scan.start request into targets, or throws a `validation`
 * AppError naming every unknown object, rule or pipeline (nothing is started).
 */
export function resolveSelection(request: Pick<RequestOf<'scan.start'>, 'objects' | 'ruleIds' | 'limit' | 'options'>, playbook: Playbook, meta: PortalMeta): ScanSelection {
  const parsed = scanOptionsSchema.safeParse(request.options ?? {});
  if (!parsed.success) {
    fail(
      `Scan options are not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
      parsed.error.issues.map((i) => ({ path: ['options', ...i.path].join('.'), message: i.message })),
    );
  }
  const options = parsed.data;
  const problems: FieldError[] = [];
  const typeOf = objectTypesOf(playbook, meta.schemas);

  const aliases = request.objects?.length ? [...new Set(request.objects)] : Object.keys(playbook.objects);
  for (const alias of aliases) {
    if (!playbook.objects[alias]) problems.push({ path: 'objects', message: `“${alias}” is not an object of the playbook (${Object.keys(playbook.objects).join(', ')}).` });
    else if (!typeOf[alias]) problems.push({ path: 'objects', message: `The portal has no ${playbook.objects[alias]!.label} object (${playbook.objects[alias]!.name ?? alias}).` });
  }

  const byId = new Map(playbook.rules.map((r) => [r.id, r]));
  let rules: Rule[];
  if (request.ruleIds?.length) {
    rules = [];
    for (const id of new Set(request.ruleIds)) {
      const rule = byId.get(id);
      if (!rule) problems.push({ path: 'ruleIds', message: `No rule ${id} in the playbook.` });
      else if (!isScannable(rule)) problems.push({ path: 'ruleIds', message: `${id} (${rule.kind}${rule.enabled === false ? ', disabled' : ''}) has no failing state to scan for.` });
      else rules.push(rule);
    }
  } else {
    rules = playbook.rules.filter(isScannable);
  }

  const pipelines = options.pipelines ?? {};
  for (const alias of Object.keys(pipelines)) {
    if (!aliases.includes(alias)) problems.push({ path: `options.pipelines.${alias}`, message: `Pipelines were chosen for “${alias}”, which is not scanned.` });
  }
  if (problems.length) fail(`The scan cannot start: ${problems[0]!.message}`, problems);

  const targets: ScanTarget[] = [];
  for (const alias of aliases) {
    const objectTypeId = typeOf[alias]!;
    const applying = rules.filter((r) => ruleAppliesTo(r, alias)).map((r) => r.id);
    if (applying.length === 0) continue;
    let pipelineIds: string[] | null = null;
    let pipelineLabels: string[] | null = null;
    const wanted = pipelines[alias];
    if (wanted) {
      const portalPipes = meta.pipelines[objectTypeId] ?? [];
      if (portalPipes.length === 0) problems.push({ path: `options.pipelines.${alias}`, message: `${playbook.objects[alias]!.label} records have no pipelines in this portal.` });
      pipelineIds = [];
      pipelineLabels = [];
      for (const label of new Set(wanted)) {
        const pipe = portalPipes.find((p) => normLabel(p.label) === normLabel(label));
        if (!pipe) {
          if (portalPipes.length) problems.push({ path: `options.pipelines.${alias}`, message: `No ${playbook.objects[alias]!.label.toLowerCase()} pipeline “${label}” in the portal (${portalPipes.map((p) => p.label).join(', ')}).` });
          continue;
        }
        pipelineIds.push(pipe.id);
        pipelineLabels.push(pipe.label);
      }
    }
    targets.push({ alias, objectTypeId, label: playbook.objects[alias]!.label, pipelineIds, pipelineLabels, rules: applying });
  }
  if (problems.length) fail(`The scan cannot start: ${problems[0]!.message}`, problems);
  if (targets.length === 0) fail('None of the selected rules applies to the selected objects: nothing to scan.');
  return {
    targets,
    ruleIds: [...new Set(targets.flatMap((t) => t.rules))],
    limit: request.limit ?? null,
  };
}
