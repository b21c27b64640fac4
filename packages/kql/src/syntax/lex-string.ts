import type { Diagnostic } from '../diagnostics/diagnostic.js';
import * as msg from '../diagnostics/syntax-messages.js';
import type { Dialect } from '../functions/function-types.js';
import { span } from './span.js';

export interface QuotedRead {
  /** The decoded text (as much as was read when unterminated). */
  readonly value: string;
  /** Offset just past the string. */
  readonly end: number;
  readonly unterminated: boolean;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v',
};

const HEX = /^[0-9a-fA-F]+$/;

/**
 * Reads one string literal starting at `start` whose quote character is `quote` (after any `h`/`@`
 * prefix), or a ```multi-line``` string when `quote` is the backtick. A string may not span lines
 * (Kusto's rule); an unclosed one reports at its opening quote and runs to the end of the line.
 */
export function readQuoted(text: string, start: number, quote: number, dialect: Dialect, diagnostics: Diagnostic[]): QuotedRead {
  const n = text.length;
  if (quote === 96) {
    const close = text.indexOf('```', start + 3);
    if (close === -1) {
      diagnostics.push(msg.unterminatedMultilineString(span(start, start + 3)));
      return { value: text.slice(start + 3), end: n, unterminated: true };
    }
    return { value: text.slice(start + 3, close), end: close + 3, unterminated: false };
  }
  let i = start;
  const c0 = text.charCodeAt(i);
  if (c0 === 104 || c0 === 72) i++;
  let verbatim = false;
  if (text.charCodeAt(i) === 64) {
    verbatim = true;
    i++;
  }
  const open = i;
  i++;
  let out = '';
  let chunk = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === quote) {
      if (verbatim && text.charCodeAt(i + 1) === quote) {
        out += text.slice(chunk, i + 1);
        i += 2;
        chunk = i;
        continue;
      }
      out += text.slice(chunk, i);
      return { value: out, end: i + 1, unterminated: false };
    }
    if (c === 10 || c === 13) break;
    if (c === 92 && !verbatim) {
      out += text.slice(chunk, i);
      const r = dialect === 'kusto' ? kustoEscape(text, i, diagnostics) : cmpivotEscape(text, i);
      out += r.text;
      i = r.end;
      chunk = i;
      continue;
    }
    i++;
  }
  out += text.slice(chunk, i);
  diagnostics.push(msg.unterminatedString(span(open, open + 1)));
  return { value: out, end: i, unterminated: true };
}

interface Escape {
  readonly text: string;
  readonly end: number;
}

/** CMPivot users write Windows paths with single backslashes, so only `\\`, `\'`, `\"` escape. */
function cmpivotEscape(text: string, i: number): Escape {
  const next = text[i + 1];
  if (next === '\\' || next === "'" || next === '"') return { text: next, end: i + 2 };
  return { text: '\\', end: i + 1 };
}

/** Kusto's escapes: the C-like singles, octal `\0`..`\777`, `\xHH`, `\uXXXX`, `\UXXXXXXXX`. */
function kustoEscape(text: string, i: number, diagnostics: Diagnostic[]): Escape {
  const next = text[i + 1];
  if (next === undefined || next === '\n' || next === '\r') {
    diagnostics.push(msg.invalidEscape('\\', span(i, i + 1)));
    return { text: '\\', end: i + 1 };
  }
  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) return { text: simple, end: i + 2 };
  if (next >= '0' && next <= '7') {
    let j = i + 1;
    while (j < i + 4 && text[j]! >= '0' && text[j]! <= '7') j++;
    return { text: String.fromCharCode(Number.parseInt(text.slice(i + 1, j), 8) & 0xffff), end: j };
  }
  const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
  if (width > 0) {
    const digits = text.slice(i + 2, i + 2 + width);
    const code = digits.length === width && HEX.test(digits) ? Number.parseInt(digits, 16) : -1;
    if (code >= 0 && code <= 0x10ffff) return { text: String.fromCodePoint(code), end: i + 2 + width };
  }
  // A surrogate pair after the backslash is one character: keep it whole in the span and the text.
  const len = next.charCodeAt(0) >= 0xd800 && next.charCodeAt(0) <= 0xdbff ? 3 : 2;
  diagnostics.push(msg.invalidEscape(text.slice(i, i + len), span(i, i + len)));
  return { text: text.slice(i, i + len), end: i + len };
}
