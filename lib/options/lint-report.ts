/**
 * The `playbook.lint` answer as a report: problems grouped by severity
 * (errors first), each with its JSON path, what is wrong and the fix the
 * linter suggests (lib/playbook/lint.ts `LintProblem.fix`).
 */
import type { PlaybookLintResult } from '../messages/schemas';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintLine {
  path: string;
  message: string;
  fix: string | null;
}

export interface LintGroup {
  severity: LintSeverity;
  heading: string;
  problems: LintLine[];
}

export interface LintReport {
  portalId: number;
  counts: Record<LintSeverity, number>;
  groups: LintGroup[];
  /** Nothing to report at all. */
  clean: boolean;
}

const HEADINGS: Record<LintSeverity, [string, string]> = {
  error: ['Error', 'Errors'],
  warning: ['Warning', 'Warnings'],
  info: ['Note', 'Notes'],
};

export function lintReport(result: PlaybookLintResult): LintReport {
  const counts: Record<LintSeverity, number> = { error: 0, warning: 0, info: 0 };
  const groups: LintGroup[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const problems = result.issues
      .filter((i) => i.severity === severity)
      .map((i) => ({ path: i.path, message: i.message, fix: typeof i['fix'] === 'string' && i['fix'] !== '' ? (i['fix'] as string) : null }));
    counts[severity] = problems.length;
    if (problems.length > 0) {
      const [one, many] = HEADINGS[severity];
      groups.push({ severity, heading: `${problems.length} ${problems.length === 1 ? one : many}`, problems });
    }
  }
  return { portalId: result.portalId, counts, groups, clean: groups.length === 0 };
}
