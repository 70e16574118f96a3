/**
 * Where a JSON path (`rules[12].test.of[0].property`, as lib/playbook
 * formats them) is in a JSON text, so an error can point at its line. A
 * member's location is its key; an array item's is its first character. A
 * path that does not exist (a missing field) falls back to the nearest
 * existing parent.
 */
import { formatPath, type PathSegment } from '../playbook/json-path';

export interface TextLocation {
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Offsets of every value (and member key) in a valid JSON text, by formatted path. */
export function indexJsonPaths(text: string): Map<string, number> {
  const index = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: PathSegment[], at: number | null): void => {
    ws();
    index.set(formatPath(path), at ?? i);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        const keyAt = i;
        const key = readString();
        ws();
        i++; // colon
        value([...path, key], keyAt);
        ws();
        if (text[i] === ',') { i++; continue; }
        i++; // closing brace
        return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') { i++; return; }
      for (let n = 0; ; n++) {
        value([...path, n], null);
        ws();
        if (text[i] === ',') { i++; continue; }
        i++;
        return;
      }
    }
    if (c === '"') { readString(); return; }
    while (i < text.length && !/[\s,\]}]/.test(text[i] ?? '')) i++;
  };
  value([], null);
  return index;
}

const LAST_SEGMENT = /(\[(?:\d+|"(?:[^"\\]|\\.)*")\]|\.[A-Za-z_$][A-Za-z0-9_$]*)$/;

/** `rules[3].title` → `rules[3]` → `rules` → `$`. */
export function parentPath(path: string): string {
  if (path === '$') return '$';
  const stripped = path.replace(LAST_SEGMENT, '');
  return stripped === path || stripped === '' ? '$' : stripped;
}

export function lineColumn(text: string, offset: number): TextLocation {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = 0; k < end; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { offset, line, column: end - lineStart + 1 };
}

/** Locates each path (nearest existing parent when absent); null when the text is not valid JSON. */
export function locatePaths(text: string, paths: readonly string[]): Map<string, TextLocation> | null {
  let index: Map<string, number>;
  try {
    JSON.parse(text);
    index = indexJsonPaths(text);
  } catch {
    return null;
  }
  const out = new Map<string, TextLocation>();
  for (const path of paths) {
    let p = path;
    let offset = index.get(p);
    while (offset === undefined && p !== '$') {
      p = parentPath(p);
      offset = index.get(p);
    }
    out.set(path, lineColumn(text, offset ?? 0));
  }
  return out;
}

export interface JsonSyntaxError {
  offset: number;
  /** What was expected, in words. */
  reason: string;
}

/**
 * Where a JSON text stops being JSON, and why, the same in every browser
 * (Chrome's JSON.parse often says only "Unexpected token"). Null when valid.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  class Stop {
    constructor(readonly offset: number, readonly reason: string) {}
  }
  const stop = (reason: string, at = i): never => {
    throw new Stop(at, reason);
  };
  const ws = () => {
    while (i < text.length && ' \n\r\t'.includes(text[i]!)) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) stop('a string is not closed with "');
      const c = text[i]!;
      if (c === '"') { i++; return; }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) stop('\\u must be followed by 4 hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else stop('invalid escape in a string (use \\", \\\\, \\n…)');
        continue;
      }
      if (c.charCodeAt(0) < 0x20) stop('a line break or control character inside a string (close the string with ")');
      i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === undefined) stop('the text ends where a value was expected');
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') stop(text[i] === '}' ? 'a trailing comma before }' : 'expected a field name in double quotes');
        string();
        ws();
        if (text[i] !== ':') stop("expected ':' after the field name");
        i++;
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        stop(i >= text.length ? 'the text ends before the closing }' : "expected ',' or '}' after a value");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        ws();
        if (text[i] === ']') stop('a trailing comma before ]');
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        stop(i >= text.length ? 'the text ends before the closing ]' : "expected ',' or ']' after a value");
      }
    }
    if (c === '"') { string(); return; }
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) stop(c === "'" ? 'strings need double quotes' : 'expected a value (a string in double quotes, number, true, false, null, { or [)');
    i += literal![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) stop('unexpected text after the end of the JSON');
    return null;
  } catch (err) {
    if (err instanceof Stop) return { offset: err.offset, reason: err.reason };
    throw err;
  }
}
