import { describe, expect, test } from 'vitest';
import { lintReport } from '../../../lib/options/lint-report';

describe('lint report', () => {
  test('no issues is a clean report', () => {
    const report = lintReport({ portalId: 4471200, issues: [] });
    expect(report.clean).toBe(true);
    expect(report.groups).toEqual([]);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  test('groups by severity, errors first, each with path, message and fix', () => {
    const report = lintReport({
      portalId: 1,
      issues: [
        { severity: 'warning', path: 'pipelines[3].stages', message: 'order differs', fix: 'Reorder.' },
        { severity: 'error', path: 'pipelines[0].stages[4]', message: 'no stage labelled "Closed - Won"', fix: 'Use "Closed – Won".' },
        { severity: 'error', path: 'properties[2].name', message: 'no property' },
      ],
    });
    expect(report.clean).toBe(false);
    expect(report.groups.map((g) => [g.severity, g.heading])).toEqual([['error', '2 Errors'], ['warning', '1 Warning']]);
    expect(report.groups[0]!.problems).toEqual([
      { path: 'pipelines[0].stages[4]', message: 'no stage labelled "Closed - Won"', fix: 'Use "Closed – Won".' },
      { path: 'properties[2].name', message: 'no property', fix: null },
    ]);
  });
});
