import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { findJsonSyntaxError, indexJsonPaths, locatePaths, parentPath } from '../../../lib/options/json-locate';
import { defaultJson } from './fixtures';

const text = `{
  "name": "x",
  "rules": [
    { "id": "A", "test": { "of": [ { "property": "p" } ] } },
    {
      "id": "B",
      "weird key": 1
    }
  ],
  "ratios": { "1_month": { "months": 1 } }
}`;

describe('JSON paths in text', () => {
  test('every member and item is indexed by the path validatePlaybook uses', () => {
    const index = indexJsonPaths(text);
    const at = (path: string) => text.slice(index.get(path)!, index.get(path)! + 12);
    expect(index.get('$')).toBe(0);
    expect(at('name')).toBe('"name": "x",');
    expect(at('rules[0]')).toMatch(/^\{ "id": "A"/);
    expect(at('rules[0].test.of[0].property')).toMatch(/^"property"/);
    expect(at('rules[1]["weird key"]')).toMatch(/^"weird key"/);
    expect(at('ratios["1_month"].months')).toMatch(/^"months"/);
  });

  test('lines and columns are 1-based', () => {
    const found = locatePaths(text, ['rules[1].id'])!.get('rules[1].id')!;
    expect(found.line).toBe(6);
    expect(found.column).toBe(7);
  });

  test('a missing field points at its nearest existing parent', () => {
    expect(parentPath('rules[3].title')).toBe('rules[3]');
    expect(parentPath('rules[3]')).toBe('rules');
    expect(parentPath('rules')).toBe('$');
    expect(parentPath('ratios["1_month"]')).toBe('ratios');
    const found = locatePaths(text, ['rules[1].title', 'nothing.here'])!;
    expect(found.get('rules[1].title')!.line).toBe(5);
    expect(found.get('nothing.here')!.line).toBe(1);
  });

  test('escaped quotes in strings do not confuse the scanner', () => {
    const tricky = '{"a": "say \\"hi\\" [x]", "b": [1, {"c": "}"}]}';
    const index = indexJsonPaths(tricky);
    expect(tricky.slice(index.get('b[1].c')!)).toMatch(/^"c"/);
  });

  test('the whole default playbook indexes (every rule located)', () => {
    const index = indexJsonPaths(defaultJson);
    const rules = (JSON.parse(defaultJson) as { rules: unknown[] }).rules;
    for (let i = 0; i < rules.length; i++) expect(index.has(`rules[${i}].id`)).toBe(true);
  });

  test('invalid JSON gives null', () => {
    expect(locatePaths('{"a": ', ['a'])).toBeNull();
  });
});

describe('JSON syntax errors', () => {
  const at = (text: string) => {
    const found = findJsonSyntaxError(text);
    return found ? { rest: text.slice(found.offset), reason: found.reason } : null;
  };

  test('each kind of mistake is named where it is', () => {
    expect(at('{"a" 1}')).toEqual({ rest: '1}', reason: "expected ':' after the field name" });
    expect(at('{"a": 1 "b": 2}')).toEqual({ rest: '"b": 2}', reason: "expected ',' or '}' after a value" });
    expect(at('{"a": 1,}')).toEqual({ rest: '}', reason: 'a trailing comma before }' });
    expect(at('[1, 2,]')).toEqual({ rest: ']', reason: 'a trailing comma before ]' });
    expect(at("{'a': 1}")).toEqual({ rest: "'a': 1}", reason: 'expected a field name in double quotes' });
    expect(at('{"a": \'x\'}')).toEqual({ rest: "'x'}", reason: 'strings need double quotes' });
    expect(at('{"a": "x}')?.reason).toBe('a string is not closed with "');
    expect(at('{"a": "line\nbreak"}')?.reason).toContain('line break');
    expect(at('{"a": [1, 2}')).toEqual({ rest: '}', reason: "expected ',' or ']' after a value" });
    expect(at('{"a": 1} x')).toEqual({ rest: 'x', reason: 'unexpected text after the end of the JSON' });
    expect(at('{"a": 1')?.reason).toBe('the text ends before the closing }');
    expect(at('')?.reason).toBe('the text ends where a value was expected');
  });

  test('agrees with JSON.parse on any valid JSON (none found)', () => {
    fc.assert(fc.property(fc.json(), (text) => findJsonSyntaxError(text) === null));
  });

  test('agrees with JSON.parse on arbitrary text: an error is found exactly when JSON.parse throws', () => {
    const jsonish = fc.stringMatching(/^[{}[\]",:\d\s.eE+\-a-z\\]{0,30}$/);
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.json().map((t) => t.slice(0, -1)), fc.string()), (text) => {
        let throws = false;
        try {
          JSON.parse(text);
        } catch {
          throws = true;
        }
        return (findJsonSyntaxError(text) !== null) === throws;
      }),
      { numRuns: 2000 },
    );
  });
});
