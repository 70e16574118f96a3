import { describe, expect, test } from 'vitest';
import { normalizeToken, tokenInputProblem } from '../../../lib/options/token-input';

describe('pasted token', () => {
  test('surrounding whitespace from a paste is dropped', () => {
    expect(normalizeToken('  pat-na1-abc \n')).toBe('pat-na1-abc');
    expect(tokenInputProblem('  pat-na1-abcdef \n')).toBeNull();
  });

  test('what surely is not a token is refused with what to do', () => {
    expect(tokenInputProblem('')).toBe('Paste the access token first.');
    expect(tokenInputProblem('pat-na1 abcdef')).toContain('no spaces');
    expect(tokenInputProblem('pat')).toContain('too short');
    expect(tokenInputProblem('x'.repeat(600))).toContain('too long');
  });
});
