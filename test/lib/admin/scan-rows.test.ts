import { describe, expect, test } from 'vitest';
import type { Evaluation, Finding } from '../../../lib/rules/result';
import { countBy, filterRows, recordUrl, rowsFor, scanCsv, sortRows } from '../../../lib/admin/scan-rows';
import { parseCsv as parseCsvRows } from '../../../lib/admin/csv';

function finding(ruleId: string, status: Finding['status'], items: Finding['items'] = []): Finding {
  return {
    ruleId, status, items, kind: 'gate', severity: status === 'warning' ? 'recommended' : 'required',
    group: 'earlier', title: `${ruleId} title`, why: 'why', source: { file: 'f.txt', quote: 'q' },
  };
}

function evaluation(id: string, name: string, findings: Finding[]): Evaluation {
  return {
    record: { objectTypeId: '0-3', id }, object: 'deal', name, findings, guidance: [], nextSteps: [],
    callLog: null, result: { kind: 'other' },
  };
}

const ctx = { uiDomain: 'app-eu1.hubspot.com', portalId: 4471200, ownerId: '7', ownerName: 'Ana Ruiz', pipeline: 'New Business', stage: 'Proposal', daysInStage: 12 };

describe('scan rows', () => {
  test('SALES-PRO-2 violation and ACC-7 warning become rows; met, missing and unknown do not', () => {
    const rows = rowsFor(
      evaluation('9001', 'Brightwater', [
        finding('SALES-PRO-2', 'violation', [{ label: 'Deal Approval Status', status: 'missing', current: 'Pending', required: 'equals Approved' }]),
        finding('ACC-7', 'warning', [{ label: 'Decision Maker', status: 'missing', current: null, required: 'at least one contact labelled Decision Maker' }]),
        finding('SALES-PRO-3', 'missing'),
        finding('SALES-SQL-1', 'unknown'),
        finding('SALES-SQL-2', 'met'),
      ]),
      ctx,
    );
    expect(rows.map((r) => [r.ruleId, r.status, r.missing])).toEqual([
      ['SALES-PRO-2', 'violation', 'Deal Approval Status: equals Approved (is Pending)'],
      ['ACC-7', 'warning', 'Decision Maker: at least one contact labelled Decision Maker'],
    ]);
    expect(rows[0]?.url).toBe('https://app-eu1.hubspot.com/contacts/4471200/record/0-3/9001');
    expect(recordUrl('app.hubspot.com', 1, '2-9000101', '5')).toBe('https://app.hubspot.com/contacts/1/record/2-9000101/5');
  });

  test('rule selection narrows the rows (SALES-PRO-2 only)', () => {
    const ev = evaluation('1', 'A', [finding('SALES-PRO-2', 'violation'), finding('REC-3', 'violation')]);
    expect(rowsFor(ev, { ...ctx, rules: new Set(['SALES-PRO-2']) }).map((r) => r.ruleId)).toEqual(['SALES-PRO-2']);
  });

  test('sort, filter and count by rule / owner / stage', () => {
    const a = rowsFor(evaluation('1', 'Zeta Clinic', [finding('REC-3', 'violation'), finding('SALES-PRO-2', 'violation')]), ctx);
    const b = rowsFor(evaluation('2', 'Alpha Care', [finding('SALES-PRO-2', 'violation')]), { ...ctx, ownerId: null, ownerName: null, stage: 'Engaged', daysInStage: 40 });
    const rows = [...a, ...b];
    expect(sortRows(rows, 'record').map((r) => r.recordName)).toEqual(['Alpha Care', 'Zeta Clinic', 'Zeta Clinic']);
    expect(sortRows(rows, 'days', 'desc')[0]?.recordName).toBe('Alpha Care');
    expect(filterRows(rows, { ruleId: 'SALES-PRO-2' })).toHaveLength(2);
    expect(filterRows(rows, { text: 'zeta' })).toHaveLength(2);
    expect(filterRows(rows, { ownerId: null })).toHaveLength(1);
    expect(countBy(rows, 'rule').find((g) => g.key === 'SALES-PRO-2')?.value).toBe(2);
    expect(countBy(rows, 'owner').map((g) => g.label).sort()).toEqual(['Ana Ruiz', 'No owner']);
    expect(countBy(rows, 'stage').map((g) => g.label).sort()).toEqual(['New Business › Engaged', 'New Business › Proposal']);
  });

  test('the CSV has the table columns and neutralizes formulas in HubSpot values', () => {
    const rows = rowsFor(evaluation('3', '=HYPERLINK("x")', [finding('REC-1', 'violation')]), ctx);
    const parsed = parseCsvRows(scanCsv(rows));
    expect(parsed[0]).toEqual(['Record', 'Record ID', 'Rule ID', 'Rule', 'Severity', 'What is missing', 'Owner', 'Pipeline', 'Stage', 'Days in stage', 'HubSpot link']);
    expect(parsed[1]?.[0]).toBe(`'=HYPERLINK("x")`);
    expect(parsed[1]?.[2]).toBe('REC-1');
    expect(parsed[1]?.[9]).toBe('12');
  });
});
