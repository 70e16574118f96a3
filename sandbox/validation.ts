/**
 * Property validation on writes, HubSpot's way: every problem answers 400
 * VALIDATION_ERROR with the message `Property values were not valid: [...]`
 * listing `{isValid:false, message, error, name}` per property
 * (PROPERTY_DOESNT_EXIST, READ_ONLY_VALUE, INVALID_OPTION, INVALID_DECIMAL,
 * INVALID_DATE, INVALID_DATETIME, INVALID_BOOLEAN, INVALID_OWNER_ID). Missing
 * required properties on create (`hs_timestamp` on engagements) answer
 * `Error creating CALL. Some required properties were not set.`.
 */
import type { PropertyDef } from '../lib/rules/snapshot';
import type { SandboxState } from './state';
import { READ_ONLY_PROPERTIES, SYSTEM_PROPERTIES } from './object-types';
import { HttpError, apiError, validationError } from './errors';
import { isRecord } from './http';

export interface PropertyError {
  isValid: false;
  message: string;
  error: string;
  name: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const EPOCH = /^-?\d{1,15}$/;
const PIPELINE_PROPS: Record<string, { pipeline: string; stage: string }> = {
  pipeline: { pipeline: 'pipeline', stage: 'dealstage' },
  dealstage: { pipeline: 'pipeline', stage: 'dealstage' },
  hs_pipeline: { pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage' },
  hs_pipeline_stage: { pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage' },
};

/** Epoch ms of a HubSpot date/datetime value (`YYYY-MM-DD`, ISO, epoch ms), or NaN. */
export function toEpoch(value: string): number {
  const v = value.trim();
  if (EPOCH.test(v)) return Number(v);
  if (DATE_ONLY.test(v)) return Date.parse(`${v}T00:00:00Z`);
  return Date.parse(v);
}

function isMulti(def: PropertyDef): boolean {
  return def.type === 'enumeration' && def.fieldType === 'checkbox';
}

function optionList(def: PropertyDef): string {
  return `[${def.options.map((o) => o.value).join(', ')}]`;
}

function checkValue(state: SandboxState, typeId: string, def: PropertyDef, value: string, write: Record<string, string | null>, current: Record<string, string>): PropertyError | undefined {
  const fail = (error: string, message: string): PropertyError => ({ isValid: false, message, error, name: def.name });
  const pipelineProp = state.pipelines(typeId).length > 0 ? PIPELINE_PROPS[def.name] : undefined;
  if (pipelineProp) {
    const pipelines = state.pipelines(typeId);
    if (def.name === pipelineProp.pipeline) {
      return pipelines.some((p) => p.id === value) ? undefined : fail('INVALID_OPTION', `${value} is not a valid pipeline id. Allowed: [${pipelines.map((p) => p.id).join(', ')}]`);
    }
    const pipelineId = write[pipelineProp.pipeline] ?? current[pipelineProp.pipeline];
    const scope = pipelineId ? pipelines.filter((p) => p.id === pipelineId) : pipelines;
    if (scope.some((p) => p.stages.some((s) => s.id === value))) return undefined;
    return fail('INVALID_OPTION', pipelineId ? `${value} is not a valid stage of pipeline ${pipelineId}` : `${value} is not a valid stage`);
  }
  switch (def.type) {
    case 'number':
      return NUMBER.test(value.trim()) ? undefined : fail('INVALID_DECIMAL', `${value} is not a valid number value for ${def.name}`);
    case 'bool':
      return value === 'true' || value === 'false' ? undefined : fail('INVALID_BOOLEAN', `${value} is not a valid boolean; use true or false`);
    case 'date': {
      const ms = toEpoch(value);
      if (Number.isNaN(ms)) return fail('INVALID_DATE', `${value} is not a valid date; use YYYY-MM-DD or epoch milliseconds at midnight UTC`);
      if (ms % 86_400_000 !== 0) {
        const d = new Date(ms);
        return fail('INVALID_DATE', `${value} is at ${d.getUTCHours()}:${d.getUTCMinutes()}:${d.getUTCSeconds()}.${d.getUTCMilliseconds()} UTC, not midnight!`);
      }
      return undefined;
    }
    case 'datetime':
      return Number.isNaN(toEpoch(value)) ? fail('INVALID_DATETIME', `${value} is not a valid datetime; use ISO 8601 or epoch milliseconds`) : undefined;
    case 'enumeration': {
      if (def.options.length === 0) {
        // HubSpot's option-less enumerations reference owners (hubspot_owner_id and owner properties).
        return state.owners().some((o) => o.id === value) ? undefined : fail('INVALID_OWNER_ID', `${value} is not a valid owner id`);
      }
      const parts = isMulti(def) ? value.split(';').filter((p) => p !== '') : [value];
      const bad = parts.find((p) => !def.options.some((o) => o.value === p));
      return bad === undefined ? undefined : fail('INVALID_OPTION', `${bad} was not one of the allowed options: ${optionList(def)}`);
    }
    default:
      return undefined;
  }
}

/**
 * HubSpot stores dates and datetimes, not the text written: a date reads back
 * as `YYYY-MM-DD`, a datetime as an ISO instant, whichever form was sent.
 */
function normalizeDates(state: SandboxState, typeId: string, values: Record<string, string | null>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === '') continue;
    const type = state.property(typeId, name)?.type;
    if (type !== 'date' && type !== 'datetime') continue;
    const iso = new Date(toEpoch(value)).toISOString();
    values[name] = type === 'date' ? iso.slice(0, 10) : iso;
  }
}

function propertyErrorsResponse(errors: PropertyError[]): HttpError {
  const message = `Property values were not valid: ${JSON.stringify(errors.map((e) => ({ ...e, localizedErrorMessage: e.message })))}`;
  return validationError(message, {
    errors: errors.map((e) => ({ message: e.message, code: e.error, context: { propertyName: [e.name] } })),
  });
}

/**
 * Validates a write's `properties` object and returns it normalized (values
 * as strings, `null` to clear). Throws the 400 HubSpot would answer.
 */
export function validateProperties(
  state: SandboxState,
  typeId: string,
  input: unknown,
  opts: { create: boolean; current?: Record<string, string> },
): Record<string, string | null> {
  if (input === undefined && opts.create) input = {};
  if (!isRecord(input)) throw validationError('Invalid input JSON: `properties` must be an object of property name to value');
  const out: Record<string, string | null> = {};
  for (const [name, raw] of Object.entries(input)) {
    if (raw === null) out[name] = null;
    else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') out[name] = String(raw);
    else throw validationError(`Invalid input JSON: the value of property "${name}" must be a string, number, boolean or null`);
  }
  const errors: PropertyError[] = [];
  const current = opts.current ?? {};
  for (const [name, value] of Object.entries(out)) {
    const def = state.property(typeId, name);
    if (!def && !SYSTEM_PROPERTIES.has(name)) {
      errors.push({ isValid: false, message: `Property "${name}" does not exist`, error: 'PROPERTY_DOESNT_EXIST', name });
      continue;
    }
    if (READ_ONLY_PROPERTIES.has(name) || def?.calculated) {
      errors.push({ isValid: false, message: `"${name}" is a read only property; its value cannot be set.`, error: 'READ_ONLY_VALUE', name });
      continue;
    }
    if (!def || value === null || value === '') continue;
    if (def.type !== 'string' && def.type !== 'phone_number' && value !== value.trim()) {
      // HubSpot rejects leading/trailing whitespace on non-string values (since January 2025).
      errors.push({ isValid: false, message: `"${value}" has leading or trailing whitespace, which is not allowed for ${def.type} properties`, error: 'INVALID_WHITESPACE', name });
      continue;
    }
    const err = checkValue(state, typeId, def, value, out, current);
    if (err) errors.push(err);
  }
  if (errors.length > 0) throw propertyErrorsResponse(errors);
  normalizeDates(state, typeId, out);
  if (opts.create) {
    const info = state.typeInfo(typeId);
    const missing = (info?.requiredOnCreate ?? []).filter((n) => out[n] === undefined || out[n] === null || out[n] === '');
    if (missing.length > 0) {
      throw new HttpError(apiError(400, `Error creating ${(info?.singular ?? 'object').toUpperCase()}. Some required properties were not set.`, 'VALIDATION_ERROR', {
        context: { properties: missing },
        errors: missing.map((n) => ({ message: `${n} is required`, code: 'REQUIRED_FIELD', context: { propertyName: [n] } })),
      }));
    }
  }
  return out;
}
