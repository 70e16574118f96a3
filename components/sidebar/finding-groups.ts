import type { Finding, FindingGroup } from '../../lib/rules/result';

const ORDER: Record<Finding['status'], number> = { violation: 0, missing: 1, warning: 2, unknown: 3, met: 4 };

/** Open findings first (violations, then what is needed next), met ones last; stable otherwise. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.status] - ORDER[b.f.status] || a.i - b.i)
    .map(({ f }) => f);
}

export function inGroups(findings: Finding[], ...groups: FindingGroup[]): Finding[] {
  return sortFindings(findings.filter((f) => groups.includes(f.group)));
}

/** Findings a view did not place in one of its sections, so none is ever dropped. */
export function notInGroups(findings: Finding[], groups: readonly FindingGroup[]): Finding[] {
  return sortFindings(findings.filter((f) => !groups.includes(f.group)));
}
