/**
 * Reading HubSpot's string values the way the SOP means them
 * (Resolutions: "Known" / "set" is not null and not empty after trimming;
 * "no", "0" and "false" are known). No regular expressions: this runs for
 * every leaf condition of every record.
 */

/** Null, undefined, or only whitespace. */
export function isBlank(v: string | null | undefined): boolean {
  if (v === null || v === undefined) return true;
  const n = v.length;
  if (n === 0) return true;
  if (v.charCodeAt(0) > 32 && v.charCodeAt(n - 1) > 32) return false;
  return v.trim().length === 0;
}

/** Trimmed, without allocating when nothing needs trimming. */
export function clean(v: string): string {
  const n = v.length;
  if (n === 0 || (v.charCodeAt(0) > 32 && v.charCodeAt(n - 1) > 32)) return v;
  return v.trim();
}

/** A multi-select value (`;`-separated), trimmed, empties dropped. */
export function splitMulti(v: string | null | undefined): string[] {
  if (isBlank(v)) return [];
  const s = v as string;
  if (s.indexOf(';') < 0) return [clean(s)];
  const out: string[] = [];
  for (const part of s.split(';')) {
    const t = clean(part);
    if (t.length > 0) out.push(t);
  }
  return out;
}

/** A finite number, or null (thousands separators tolerated). */
export function parseNumber(v: string | null | undefined): number | null {
  if (isBlank(v)) return null;
  let s = clean(v as string);
  if (s.indexOf(',') >= 0) s = s.split(',').join('');
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** HubSpot booleans are `"true"`/`"false"`; tolerate yes/no/1/0. Null when neither. */
export function parseBool(v: string | null | undefined): boolean | null {
  if (isBlank(v)) return null;
  const s = clean(v as string).toLowerCase();
  if (s === 'true' || s === 'yes' || s === '1') return true;
  if (s === 'false' || s === 'no' || s === '0') return false;
  return null;
}

/** Labels compared loosely: case, surrounding space, runs of spaces and dash variants (– — -) do not matter. */
export function normLabel(s: string): string {
  let out = '';
  let space = false;
  for (const ch of s.trim().toLowerCase()) {
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\u00a0') {
      space = true;
      continue;
    }
    if (space && out.length > 0) out += ' ';
    space = false;
    out += ch === '\u2013' || ch === '\u2014' || ch === '\u2212' ? '-' : ch;
  }
  return out;
}

const normCache = new Map<string, string>();

/** normLabel, memoized: association labels and stage labels repeat across every record. */
export function normLabelCached(s: string): string {
  let n = normCache.get(s);
  if (n === undefined) {
    n = normLabel(s);
    if (normCache.size > 2000) normCache.clear();
    normCache.set(s, n);
  }
  return n;
}

/** "A", "A or B", "A, B or C". */
export function orList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '\u2013',
  mdash: '\u2014',
};

/**
 * Text of an HTML fragment: tags dropped, entities decoded (SALES-PRO-8 reads
 * the note body "after decoding HTML entities"). A scanner, not a parser:
 * enough to find a snippet in what HubSpot's editor produces.
 */
export function htmlText(html: string): string {
  if (html.indexOf('<') < 0 && html.indexOf('&') < 0) return html;
  let out = '';
  const n = html.length;
  let i = 0;
  let from = 0;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c !== 60 && c !== 38) {
      i++;
      continue;
    }
    if (c === 60) {
      // '<': skip to the closing '>' (a lone '<' is kept as text)
      const close = html.indexOf('>', i + 1);
      if (close < 0) break;
      out += html.slice(from, i);
      const c1 = html.charCodeAt(i + 1) | 32;
      const c2 = html.charCodeAt(i + 2) | 32;
      // Block tags and line breaks separate words.
      if (c1 === 112 || c1 === 98 || c1 === 100 || c1 === 108 || (c1 === (47 | 32) && (c2 === 112 || c2 === 100 || c2 === 108))) out += ' ';
      i = from = close + 1;
      continue;
    }
    const semi = html.indexOf(';', i + 1);
    if (semi > i + 1 && semi - i <= 10) {
      const name = html.slice(i + 1, semi);
      let decoded: string | undefined;
      if (name.charCodeAt(0) === 35) {
        const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
        const code = hex ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
      } else {
        decoded = ENTITIES[name.toLowerCase()];
      }
      if (decoded !== undefined) {
        out += html.slice(from, i) + decoded;
        i = from = semi + 1;
        continue;
      }
    }
    i++;
  }
  return from === 0 ? html : out + html.slice(from);
}

/** Escape text for HTML content and attribute values (SOP-2: values from HubSpot are escaped). */
export function escapeHtml(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 34) rep = '&quot;';
    else if (c === 39) rep = '&#39;';
    if (rep !== null) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}
