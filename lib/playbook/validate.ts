/**
 * validatePlaybook: shape first (./schema.ts), then cross-references
 * (./references.ts). Every error names where (a JSON path such as
 * `rules[12].test.of[0].property`, `$` for the root) and says what was
 * expected and what was found, so an admin can fix a pasted playbook without
 * reading code. Nothing is dropped or coerced: a playbook is either valid as
 * given or rejected with every problem listed.
 */
import type { z } from 'zod';
import { formatPath, type PathSegment } from './json-path';
import { checkReferences } from './references';
import { playbookSchemas } from './schema';
import { describeValue, didYouMean } from './suggest';
import type { Playbook } from './types';

export interface PlaybookError {
  path: string;
  message: string;
}

export type PlaybookValidation = { ok: true; playbook: Playbook } | { ok: false; errors: PlaybookError[] };

export function validatePlaybook(input: unknown): PlaybookValidation {
  const parsed = playbookSchemas().playbookSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: dedupe(parsed.error.issues.flatMap((issue) => explain(issue, [], input))) };
  }
  const playbook: Playbook = parsed.data;
  const errors = checkReferences(playbook);
  return errors.length === 0 ? { ok: true, playbook } : { ok: false, errors };
}

type Issue = z.core.$ZodIssue;

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value: unknown = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

const ARTICLE: Record<string, string> = {
  string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false',
  object: 'an object', array: 'a list', record: 'an object', nan: 'a number',
};

function expectedName(expected: string): string {
  return ARTICLE[expected] ?? expected;
}

function quoteAll(values: readonly unknown[]): string[] {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

function explain(issue: Issue, prefix: readonly PathSegment[], root: unknown): PlaybookError[] {
  const segments = [...prefix, ...(issue.path as PathSegment[])];
  const path = formatPath(segments);
  const found = valueAt(root, segments);
  const got = describeValue(found);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return [{ path, message: `expected ${expectedName(issue.expected)}; got nothing (the field is missing)` }];
      return [{ path, message: `expected ${expectedName(issue.expected)}; got ${got}` }];
    case 'invalid_value': {
      const allowed = quoteAll(issue.values);
      const hint = typeof found === 'string' ? didYouMean(found, allowed) : '';
      const expected = allowed.length === 1 ? `${allowed[0]}` : `one of ${allowed.join(', ')}`;
      return [{ path, message: `expected ${expected}; got ${got}${hint}` }];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = quoteAll((issue as { options?: unknown[] }).options ?? []);
        const hint = typeof found === 'string' ? didYouMean(found, options) : '';
        const what = found === undefined ? 'nothing (the field is missing)' : got;
        return [{ path, message: `expected one of ${options.join(', ')}; got ${what}${hint}` }];
      }
      return explainUnion(issue.errors, segments, found, root);
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: formatPath([...segments, key]),
        message: `unexpected field ${JSON.stringify(key)}: not part of the playbook format here${didYouMean(key, siblingsOf(found, key))}`,
      }));
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array') return [{ path, message: `expected at least ${min} item${min === '1' ? '' : 's'}; got ${got}` }];
      if (issue.origin === 'string') return [{ path, message: `expected a non-empty string; got ${got}` }];
      return [{ path, message: `expected a number ${issue.inclusive ? '≥' : '>'} ${min}; got ${got}` }];
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array') return [{ path, message: `expected at most ${max} items; got ${got}` }];
      return [{ path, message: `expected a number ${issue.inclusive ? '≤' : '<'} ${max}; got ${got}` }];
    }
    case 'invalid_format':
      return [{ path, message: `expected a ${issue.format}; got ${got}` }];
    case 'not_multiple_of':
      return [{ path, message: `expected a whole number; got ${got}` }];
    default:
      return [{ path, message: `${issue.message}; got ${got}` }];
  }
}

/**
 * A plain union (a number or `{ param }`, a list or `{ param }`…): when the
 * value has the shape of one branch, report that branch's problems; otherwise
 * list the alternatives.
 */
function explainUnion(branches: Issue[][], segments: PathSegment[], found: unknown, root: unknown): PlaybookError[] {
  const shaped = branches.filter((issues) => !issues.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  const first = shaped[0];
  if (shaped.length === 1 && first) return first.flatMap((issue) => explain(issue, segments, root));
  const alternatives = branches
    .map((issues) => issues.find((i) => i.code === 'invalid_type' && i.path.length === 0))
    .map((i) => (i && i.code === 'invalid_type' ? expectedName(i.expected) : undefined))
    .filter((name): name is string => name !== undefined)
    .map((name) => (name === 'an object' ? '{ "param": name }' : name));
  const path = formatPath(segments);
  const got = found === undefined ? 'nothing (the field is missing)' : describeValue(found);
  return [{ path, message: `expected ${[...new Set(alternatives)].join(' or ')}; got ${got}` }];
}

/** Field names of the playbook format, for "did you mean" on a misspelt key (collected on first use). */
let formatKeys: Set<string> | null = null;
function formatKeysOf(): Set<string> {
  return (formatKeys ??= collectKeys(playbookSchemas().playbookSchema));
}

function collectKeys(schema: unknown, keys = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return keys;
  seen.add(schema);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return keys;
  const shape = def['shape'];
  if (shape && typeof shape === 'object') {
    for (const key of Object.keys(shape)) {
      keys.add(key);
      collectKeys((shape as Record<string, unknown>)[key], keys, seen);
    }
  }
  for (const child of ['element', 'innerType', 'valueType', 'in', 'out']) collectKeys(def[child], keys, seen);
  const options = def['options'];
  if (Array.isArray(options)) for (const option of options) collectKeys(option, keys, seen);
  return keys;
}

/** Known field names not already used in the object holding the misspelt key. */
function siblingsOf(holder: unknown, key: string): string[] {
  const used = holder && typeof holder === 'object' ? Object.keys(holder) : [];
  return [...formatKeysOf()].filter((k) => k !== key && !used.includes(k));
}

function dedupe(errors: PlaybookError[]): PlaybookError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
