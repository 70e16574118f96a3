import { describe, expect, test } from 'vitest';
import { checkDraft } from '../../../lib/options/draft';
import { defaultJson } from './fixtures';

describe('checking the edited playbook', () => {
  test('the default playbook as exported is valid', () => {
    const check = checkDraft(defaultJson);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.playbook.rules.length).toBe(68);
  });

  test('an empty text says so', () => {
    const check = checkDraft('  \n');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors[0]!.message).toContain('empty');
  });

  test('a syntax error gives the line and column of the mistake', () => {
    const text = defaultJson.replace('"rules": [', '"rules" [');
    const check = checkDraft(text);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.syntax).toBe(true);
    const [error] = check.errors;
    const expectedLine = text.slice(0, text.indexOf('"rules" [')).split('\n').length;
    expect(error!.path).toBe('$');
    expect(error!.line).toBe(expectedLine);
    expect(error!.message).toBe(`Not valid JSON: expected ':' after the field name (line ${expectedLine}, column 11)`);
    expect(text.slice(error!.offset!)).toMatch(/^\[/);
  });

  test('validation errors keep their path and point at the line', () => {
    const text = defaultJson.replace('"kind": "gate"', '"kind": "gat"');
    const check = checkDraft(text);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.syntax).toBe(false);
    const error = check.errors.find((e) => e.path.endsWith('.kind'))!;
    expect(error.path).toMatch(/^rules\[\d+\]\.kind$/);
    expect(error.message).toContain('did you mean "gate"');
    expect(text.split('\n')[error.line! - 1]).toContain('"kind": "gat"');
    expect(text.slice(error.offset!)).toMatch(/^"kind": "gat"/);
  });

  test('a missing field points at the object that lacks it', () => {
    const data = JSON.parse(defaultJson) as { rules: Array<Record<string, unknown>> };
    delete data.rules[2]!['title'];
    const text = JSON.stringify(data, null, 2);
    const check = checkDraft(text);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const error = check.errors.find((e) => e.path === 'rules[2].title')!;
    expect(error.message).toContain('missing');
    expect(text.slice(error.offset!)).toMatch(/^\{\s+"id"/);
  });
});
