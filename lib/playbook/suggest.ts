/** "Did you mean …?" for misspelt names, labels and values. */

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The candidate closest to `wanted` (case-insensitive), if close enough to be a likely typo. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  const target = wanted.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = distance(target, candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  const allowed = Math.max(2, Math.floor(wanted.length / 4));
  return best !== undefined && bestScore <= allowed ? best : undefined;
}

/**
 * The candidate most likely meant by `wanted`: the same words with other
 * dashes, spacing or case; then one containing the other ("Expansion" →
 * "Expansion Pipeline"); then a likely typo.
 */
export function similar(wanted: string, candidates: readonly string[]): string | undefined {
  const fold = (x: string) => x.replace(/[\u2010-\u2015\u2212-]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
  const target = fold(wanted);
  const same = candidates.find((c) => fold(c) === target);
  if (same !== undefined) return same;
  const containing = candidates.filter((c) => target.length >= 3 && (fold(c).includes(target) || target.includes(fold(c)) && fold(c).length >= 3));
  if (containing.length === 1) return containing[0];
  return closest(wanted, candidates);
}

export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const match = closest(wanted, candidates);
  return match === undefined ? '' : `; did you mean ${JSON.stringify(match)}?`;
}

/** `a, b, c` (at most `max`, then `… (n more)`). */
export function listOf(values: readonly string[], max = 12): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')}, … (${values.length - max} more)`;
}

/** A value as it reads in an error message: strings quoted, objects summarised. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return 'an object';
}
