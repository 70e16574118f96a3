/**
 * A contact's result: lifecycle stage with its definition and the allowed
 * next stages (from the playbook's lifecycle), lead eligibility (LEAD-1),
 * marketing consent and opt-out, likely duplicates (ACC-9).
 */
import type { RecordData } from './snapshot';
import type { ContactResult, Finding } from './result';
import type { Ctx } from './context';
import type { Env } from './resolve';
import { memoBy, propInfo } from './resolve';
import { rulesFor } from './rules';
import { findDuplicates } from './duplicates';
import { display } from './node';
import { HS } from './hubspot';
import { clean, isBlank, normLabel, parseBool } from './values';

function lifecycle(ctx: Ctx, rec: RecordData, alias: string): ContactResult['lifecycle'] {
  const lc = ctx.env.playbook.lifecycle;
  if (!lc || lc.object !== alias) return null;
  const raw = rec.properties[lc.property];
  const value = typeof raw === 'string' && !isBlank(raw) ? clean(raw) : null;
  const lower = value?.toLowerCase();
  const stage = value === null ? undefined : lc.stages.find((s) => s.value.toLowerCase() === lower);
  const p = propInfo(ctx.env, alias, lc.property);
  const label = value === null ? null : stage?.label ?? display(ctx, p, value);
  const from = stage?.value ?? (value === null ? null : value);
  const stageLabel = (v: string) => lc.stages.find((s) => s.value === v)?.label ?? display(ctx, p, v) ?? v;
  let next: NonNullable<ContactResult['lifecycle']>['next'];
  if (from === null) {
    // LC-1: no stage yet; the default is where every contact starts.
    const def = lc.stages.find((s) => s.value === lc.defaultValue);
    next = [{ value: lc.defaultValue, label: stageLabel(lc.defaultValue), criteria: def?.definition ?? 'The default stage.', ...(def?.ruleId ? { ruleId: def.ruleId } : {}) }];
  } else {
    next = lc.transitions
      .filter((t) => t.from.toLowerCase() === from.toLowerCase())
      .map((t) => ({ value: t.to, label: stageLabel(t.to), criteria: t.criteria, ...(t.ruleId ? { ruleId: t.ruleId } : {}) }));
  }
  return { value, label, definition: stage?.definition ?? null, next };
}

/** The marketing-consent property: the playbook's property on this object whose SOP label names consent. */
function consentProperty(ctx: Ctx, alias: string): string | null {
  return memoBy(ctx.env, 'consent', alias, findConsentProperty);
}

function findConsentProperty(env: Env, alias: string): string | null {
  const p = (env.playbook.properties ?? []).find((x) => x.object === alias && normLabel(x.label).includes('consent'));
  return p ? p.name : null;
}

export function contactResult(ctx: Ctx, rec: RecordData, alias: string, findings: Finding[]): ContactResult {
  const rules = rulesFor(ctx.env, alias);
  const leadRule = rules.find((r) => r.group === 'lead');
  // No verdict where the lead rule does not apply (LEAD-1 is evaluated for MQL and SQL contacts only):
  // a verdict is always shown with the finding that explains it.
  let lead: ContactResult['lead'] = null;
  const f = leadRule ? findings.find((x) => x.ruleId === leadRule.id) : undefined;
  if (f) lead = { eligible: f.status === 'met' ? true : f.status === 'unknown' ? null : false };
  const consentProp = consentProperty(ctx, alias);
  const consentRaw = consentProp ? rec.properties[consentProp] : undefined;
  const optRaw = rec.properties[HS.emailOptOut];
  const consent: ContactResult['consent'] = {
    value: consentProp ? display(ctx, propInfo(ctx.env, alias, consentProp), typeof consentRaw === 'string' ? consentRaw : null) : null,
    optedOut: optRaw === undefined ? null : parseBool(optRaw) ?? false,
  };
  const dupRule = rules.some((r) => r.rule.kind === 'check' && 'test' in r.rule && r.rule.test?.op === 'noDuplicates');
  return {
    kind: 'contact',
    lifecycle: lifecycle(ctx, rec, alias),
    lead,
    consent,
    duplicates: dupRule ? findDuplicates(ctx, rec).refs : [],
  };
}
