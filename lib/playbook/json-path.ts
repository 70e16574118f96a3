/**
 * JSON-path strings for error locations: `$` is the root, then
 * `rules[12].test.of[0].property`; keys that are not identifiers are quoted
 * (`ratios["1_month"]`).
 */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '$' : out;
}

/** Appends segments to an already formatted path. */
export function joinPath(base: string, ...segments: PathSegment[]): string {
  const tail = formatPath(segments);
  if (base === '$') return tail;
  if (tail === '$') return base;
  return tail.startsWith('[') ? base + tail : `${base}.${tail}`;
}
