/**
 * "Known" as the Resolutions define it, multi-select parsing, label
 * matching, and the HTML handling SALES-PRO-8 (decoding) and SOP-2
 * (escaping) rely on.
 */
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlText, isBlank, normLabel, orList, parseBool, parseNumber, splitMulti } from '../../../lib/rules/values';

describe('values', () => {
  it('known = not null and not empty after trimming; "no", "0" and "false" are known', () => {
    for (const v of [null, undefined, '', ' ', '\t\n']) expect(isBlank(v)).toBe(true);
    for (const v of ['no', '0', 'false', ' x ']) expect(isBlank(v)).toBe(false);
  });

  it('multi-select values are `;`-separated, empties dropped', () => {
    expect(splitMulti('rcm;coding')).toEqual(['rcm', 'coding']);
    expect(splitMulti(' rcm ; ;coding;')).toEqual(['rcm', 'coding']);
    expect(splitMulti(' ; ')).toEqual([]);
    expect(splitMulti(null)).toEqual([]);
  });

  it('numbers and booleans as HubSpot sends them', () => {
    expect(parseNumber('1,250,000')).toBe(1250000);
    expect(parseNumber(' 5.5 ')).toBe(5.5);
    expect(parseNumber('abc')).toBeNull();
    expect(parseBool('TRUE')).toBe(true);
    expect(parseBool('false')).toBe(false);
    expect(parseBool('maybe')).toBeNull();
  });

  it('labels compare loosely (case, spacing, en dash)', () => {
    expect(normLabel('  Closed – Won ')).toBe(normLabel('closed - won'));
    expect(normLabel('Summary – Not  Connected')).toBe('summary - not connected');
    expect(orList(['A'])).toBe('A');
    expect(orList(['A', 'B', 'C'])).toBe('A, B or C');
  });

  it('SALES-PRO-8: note bodies are read with tags dropped and entities decoded', () => {
    expect(htmlText('<p>#S&amp;OP</p>')).toContain('#S&OP');
    expect(htmlText('<div>a &lt;b&gt; &#35;&#x26; &quot;q&quot;</div>')).toContain('a <b> #& "q"');
    expect(htmlText('plain & simple')).toBe('plain & simple');
    expect(htmlText('x < y')).toBe('x < y');
  });

  it('SOP-2: values are escaped for HTML', () => {
    expect(escapeHtml(`<script>alert("x")</script> & Tom's`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Tom&#39;s');
    expect(escapeHtml('plain')).toBe('plain');
  });
});
