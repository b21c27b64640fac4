import type { Diagnostic } from '../diagnostics/diagnostic.js';
import * as msg from '../diagnostics/syntax-messages.js';
import type { Dialect } from '../functions/function-types.js';
import { TIMESPAN_UNITS, parseTimespanLiteral } from '../values/timespan.js';
import { span } from './span.js';
import type { Token, TokenKind } from './token.js';
import { readQuoted } from './lex-string.js';

export interface LexResult {
  readonly tokens: Token[];
  readonly diagnostics: Diagnostic[];
}

/** Two-character symbols are tried before one-character ones, so `!~` wins over `!` and `..` over `.`. */
const PUNCT2 = new Set(['<>', '==', '!=', '<=', '>=', '=~', '!~', '..', '=>']);
const PUNCT1 = new Set(['|', '(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '=', '<', '>', '+', '-', '*', '/', '%', '?', '!', '~', '@']);

/** Type words whose parenthesised text is read raw: `datetime(2015-12-31 23:59:59.9)` is no token sequence. */
const RAW_WORDS = new Set(['datetime', 'date', 'timespan', 'time', 'guid']);

/** Operator keywords written with a hyphen, joined into one token only right after `|`. */
const HYPHENATED: Readonly<Record<string, readonly string[]>> = {
  project: ['away', 'rename', 'reorder', 'keep'],
  mv: ['expand', 'apply'],
  make: ['series'],
  parse: ['where', 'kv'],
};

const UNIT_SET = new Set(TIMESPAN_UNITS);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

function isIdentStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isAsciiLetter(c) || c === 95) return true;
  return c > 127 && /\p{L}/u.test(text[i]!);
}

function isIdentPart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isAsciiLetter(c) || isDigit(c) || c === 95) return true;
  return c > 127 && /[\p{L}\p{N}]/u.test(text[i]!);
}

/**
 * Splits query text into tokens. Never throws; each unreadable piece becomes a `Bad` token plus a
 * diagnostic. Linear in the text length: every step consumes at least one character.
 */
export function lex(text: string, dialect: Dialect = 'cmpivot'): LexResult {
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  const n = text.length;
  let i = 0;
  // The last token that is not a comment, to decide where hyphenated keywords may appear.
  let lastSignificant: Token | undefined;

  const push = (t: Token): void => {
    tokens.push(t);
    if (!t.trivia) lastSignificant = t;
  };
  const simple = (kind: TokenKind, start: number, end: number, value?: string | number): Token =>
    value === undefined ? { kind, span: span(start, end), text: text.slice(start, end) } : { kind, span: span(start, end), text: text.slice(start, end), value };

  while (i < n) {
    const c = text.charCodeAt(i);
    // Whitespace, including the odd Unicode spaces pasted from documents.
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || (c > 127 && /\s/u.test(text[i]!))) {
      i++;
      continue;
    }
    const start = i;
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      push({ kind: 'Comment', span: span(start, i), text: text.slice(start, i), trivia: true });
      continue;
    }
    // Strings: '..', "..", @'..', h'..', h@'..', ```..```.
    const q = stringStart(text, i);
    if (q !== -1) {
      const r = readQuoted(text, i, q, dialect, diagnostics);
      i = r.end;
      push(r.unterminated ? { ...simple('String', start, i, r.value), unterminated: true } : simple('String', start, i, r.value));
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)) && !endsOperand(lastSignificant, text, i))) {
      i = readNumber(text, i, dialect, diagnostics, push);
      continue;
    }
    if (isIdentStart(text, i) || (c === 36 && isIdentStart(text, i + 1))) {
      i++;
      while (i < n && isIdentPart(text, i)) i++;
      const word = text.slice(start, i);
      const lower = word.toLowerCase();
      if (RAW_WORDS.has(lower) && (dialect === 'cmpivot' || word === lower)) {
        const raw = readRaw(text, start, i, word, dialect, diagnostics);
        if (raw) {
          i = raw.span.end;
          push(raw);
          continue;
        }
      }
      // `in~` is one keyword; a `~` nowhere else follows a word.
      if (lower === 'in' && text.charCodeAt(i) === 126) i++;
      const joined = lastSignificant?.text === '|' ? hyphenatedEnd(text, i, lower) : -1;
      if (joined !== -1) i = joined;
      push(simple('Identifier', start, i));
      continue;
    }
    if (c === 33 && isAsciiLetter(text.charCodeAt(i + 1))) {
      i++;
      while (i < n && isIdentPart(text, i)) i++;
      if (text.slice(start + 1, i).toLowerCase() === 'in' && text.charCodeAt(i) === 126) i++;
      push(simple('BangWord', start, i));
      continue;
    }
    const width = PUNCT2.has(text.slice(i, i + 2)) ? 2 : PUNCT1.has(text[i]!) ? 1 : 0;
    if (width > 0) {
      i += width;
      push(simple('Punct', start, i));
      continue;
    }
    // One unreadable code point (keep surrogate pairs whole so spans stay on character boundaries).
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    diagnostics.push(msg.unexpectedCharacter(text.slice(start, i), span(start, i)));
    push(simple('Bad', start, i));
  }
  tokens.push({ kind: 'End', span: span(n, n), text: '' });
  return { tokens, diagnostics };
}

/**
 * The quote character of a string starting at `i` (a token boundary), or -1.
 * Prefixes: `@` (verbatim), `h`/`H` (obfuscated), `h@`; and ``` for multi-line strings.
 */
function stringStart(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 39 || c === 34) return c;
  if (c === 96) return text.startsWith('```', i) ? 96 : -1;
  let j = i;
  if (c === 104 || c === 72) {
    j++;
    if (text.charCodeAt(j) === 64) j++;
  } else if (c === 64) {
    j++;
  } else {
    return -1;
  }
  const q = text.charCodeAt(j);
  return q === 39 || q === 34 ? q : -1;
}

/** Whether `.5` at `i` would follow an operand (`a.5`, `x[0].5`), where it is a member dot instead. */
function endsOperand(last: Token | undefined, text: string, i: number): boolean {
  if (!last || last.span.end !== i) return false;
  return last.kind === 'Identifier' || last.text === ')' || last.text === ']' || last.kind === 'Long' || last.kind === 'Real';
}

function readNumber(text: string, start: number, dialect: Dialect, diagnostics: Diagnostic[], push: (t: Token) => void): number {
  const n = text.length;
  let i = start;
  const make = (kind: TokenKind, value: number): void => push({ kind, span: span(start, i), text: text.slice(start, i), value });
  if (text.charCodeAt(i) === 48 && (text.charCodeAt(i + 1) | 32) === 120 && isHex(text.charCodeAt(i + 2))) {
    i += 2;
    while (i < n && isHex(text.charCodeAt(i))) i++;
    if (!isIdentPart(text, i)) {
      make('Long', Number.parseInt(text.slice(start + 2, i), 16));
      return i;
    }
  } else {
    let real = false;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    // `1..10` is a range, not `1.` then `.10`.
    if (text.charCodeAt(i) === 46 && text.charCodeAt(i + 1) !== 46) {
      real = true;
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i) | 32;
    const s = text.charCodeAt(i + 1);
    if (e === 101 && (isDigit(s) || ((s === 43 || s === 45) && isDigit(text.charCodeAt(i + 2))))) {
      real = true;
      i += 2;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    if (!isIdentPart(text, i)) {
      make(real ? 'Real' : 'Long', Number(text.slice(start, i)));
      return i;
    }
    const numEnd = i;
    while (i < n && isIdentPart(text, i)) i++;
    const unit = text.slice(numEnd, i);
    const okCase = dialect === 'cmpivot' || unit === unit.toLowerCase();
    const ms = okCase && UNIT_SET.has(unit.toLowerCase()) ? parseTimespanLiteral(text.slice(start, i)) : null;
    if (ms !== null) {
      make('Timespan', ms);
      return i;
    }
  }
  while (i < n && isIdentPart(text, i)) i++;
  diagnostics.push(msg.invalidNumber(text.slice(start, i), span(start, i)));
  push({ kind: 'Bad', span: span(start, i), text: text.slice(start, i) });
  return i;
}

/** End of `project-away` and friends when `word` at `end` continues with one; otherwise -1. */
function hyphenatedEnd(text: string, end: number, word: string): number {
  const tails = Object.hasOwn(HYPHENATED, word) ? HYPHENATED[word] : undefined;
  if (!tails || text.charCodeAt(end) !== 45) return -1;
  for (const tail of tails) {
    const stop = end + 1 + tail.length;
    if (text.slice(end + 1, stop).toLowerCase() === tail && !isIdentPart(text, stop)) return stop;
  }
  return -1;
}

/**
 * `datetime(...)` and friends: from the word to the closing `)`, read as one token whose value is the
 * inner text (a quoted inner string is decoded). Undefined when no `(` follows: then it is a plain word.
 */
function readRaw(text: string, start: number, wordEnd: number, word: string, dialect: Dialect, diagnostics: Diagnostic[]): Token | undefined {
  const n = text.length;
  let i = wordEnd;
  while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (text.charCodeAt(i) !== 40) return undefined;
  i++;
  while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const innerStart = i;
  let value: string;
  let innerEnd: number;
  const q = stringStart(text, i);
  if (q !== -1) {
    const r = readQuoted(text, i, q, dialect, diagnostics);
    value = r.value;
    i = r.end;
    innerEnd = i;
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  } else {
    while (i < n && text.charCodeAt(i) !== 41 && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13 && text.charCodeAt(i) !== 40 && text.charCodeAt(i) !== 124) i++;
    innerEnd = i;
    value = text.slice(innerStart, innerEnd).trim();
  }
  if (text.charCodeAt(i) === 41) i++;
  else diagnostics.push(msg.unterminatedLiteral(word, span(start, i)));
  return { kind: 'RawLiteral', span: span(start, i), text: text.slice(start, i), value, typeWord: word, innerSpan: span(innerStart, innerEnd) };
}
