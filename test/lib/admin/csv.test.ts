import { describe, expect, test } from 'vitest';
import { csvCell, parseCsv, toCsv } from '../../../lib/admin/csv';

describe('csvCell', () => {
  test.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['say "hi"', '"say ""hi"""'],
    [' padded ', '" padded "'],
  ])('neutralizes and quotes %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test('numbers stay numbers, empty values are empty cells', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
});

describe('toCsv', () => {
  test('round-trips through parseCsv with headers, BOM and CRLF', () => {
    const rows = [
      { name: 'Acme, Inc.', rule: 'SALES-PRO-2', missing: 'Deal Approval Status = "Approved"' },
      { name: '=cmd|" /C calc"!A0', rule: 'REC-1', missing: 'First name\nLast name' },
    ];
    const csv = toCsv(
      [
        { header: 'Record', value: (r: (typeof rows)[number]) => r.name },
        { header: 'Rule ID', value: (r) => r.rule },
        { header: 'What is missing', value: (r) => r.missing },
      ],
      rows,
    );
    expect(csv.startsWith('\uFEFFRecord,Rule ID,What is missing\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['Record', 'Rule ID', 'What is missing'],
      ['Acme, Inc.', 'SALES-PRO-2', 'Deal Approval Status = "Approved"'],
      [`'=cmd|" /C calc"!A0`, 'REC-1', 'First name\nLast name'],
    ]);
  });
});
