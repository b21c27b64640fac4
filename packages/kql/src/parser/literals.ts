import * as msg from '../diagnostics/syntax-messages.js';
import type { Literal } from '../syntax/ast.js';
import { span } from '../syntax/span.js';
import type { Token } from '../syntax/token.js';
import type { ScalarType } from '../types/scalar-type.js';
import { parseDatetime } from '../values/datetime.js';
import { parseTimespan } from '../values/timespan.js';
import type { DynamicValue } from '../values/value.js';
import { MS_PER_DAY } from '../values/value.js';
import type { Cursor } from './cursor.js';
import { parseDynamicBody } from './dynamic-literal.js';

/** Words that, followed by `(`, make a typed literal rather than a call: `long(5)`, `real(nan)`, `dynamic([1])`. */
export const TYPED_LITERAL_WORDS: Readonly<Record<string, ScalarType>> = {
  int: 'int', long: 'long', real: 'real', double: 'real', decimal: 'real',
  bool: 'bool', boolean: 'bool', dynamic: 'dynamic',
};

/** The type a typed-literal word makes, if it is one. */
export function typedLiteralType(word: string): ScalarType | undefined {
  return Object.hasOwn(TYPED_LITERAL_WORDS, word) ? TYPED_LITERAL_WORDS[word] : undefined;
}

const RAW_TYPES: Readonly<Record<string, ScalarType>> = {
  datetime: 'datetime', date: 'datetime', timespan: 'timespan', time: 'timespan', guid: 'guid',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BOOL_WORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

export function literal(type: ScalarType, value: Literal['value'], start: number, end: number): Literal {
  return { kind: 'Literal', span: span(start, end), type, value };
}

/** `true`, `True`, `TRUE` (and the same for false) as Kusto has them; any case in cmpivot. */
export function boolWord(c: Cursor, t: Token): boolean | undefined {
  if (t.kind !== 'Identifier') return undefined;
  if (c.dialect === 'kusto' && !BOOL_WORDS.has(t.text)) return undefined;
  const lower = t.text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

export function isNullWord(c: Cursor, t: Token): boolean {
  return c.isKeyword('null', t);
}

/** Decodes a `RawLiteral` token (`datetime(...)`, `timespan(...)`, `guid(...)`), reporting a bad one. */
export function decodeRaw(c: Cursor, t: Token): Literal {
  const word = (t.typeWord ?? '').toLowerCase();
  const type = RAW_TYPES[word] ?? 'string';
  const raw = String(t.value ?? '');
  const at = t.innerSpan ?? t.span;
  const make = (value: Literal['value']): Literal => literal(type, value, t.span.start, t.span.end);
  if (raw === 'null') return make(null);
  if (type === 'datetime') {
    const ms = parseDatetime(raw);
    if (ms === null) c.report(msg.invalidDatetime(raw, at));
    return make(ms);
  }
  if (type === 'timespan') {
    const ms = timespanText(raw);
    if (ms === null) c.report(msg.invalidTimespan(raw, at));
    return make(ms);
  }
  if (!GUID.test(raw)) {
    c.report(msg.invalidGuid(raw, at));
    return make(null);
  }
  return make(raw.toLowerCase());
}

/** `timespan(...)` content: signed literal with unit, the clock form, or a bare number of days. */
function timespanText(raw: string): number | null {
  let text = raw.trim();
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -1;
    text = text.slice(1).trim();
  }
  if (/^\d+(\.\d+)?$/.test(text)) return sign * Number(text) * MS_PER_DAY;
  const ms = parseTimespan(text);
  return ms === null ? null : sign * ms;
}

/**
 * After a typed-literal word and with `(` current: reads the literal up to `)`. A value that is not
 * a literal of the type reports and yields a typed null, skipping to the closing parenthesis.
 */
export function parseTypedLiteral(c: Cursor, word: Token, type: ScalarType): Literal {
  const openPos = c.pos;
  c.next();
  const value = type === 'dynamic' ? parseDynamicBody(c) : scalarBody(c, type);
  if (value !== undefined && c.isPunct(')')) {
    c.next();
    return literal(type, value, word.span.start, c.prevEnd());
  }
  if (value !== undefined) c.report(msg.expectedToken(')', c.tok.span, c.tok.text));
  else if (type !== 'dynamic') c.report(msg.invalidTypedLiteral(word.text, c.tok.span));
  c.pos = openPos;
  c.skipGroupFrom(openPos, true);
  return literal(type, null, word.span.start, c.prevEnd());
}

function scalarBody(c: Cursor, type: ScalarType): DynamicValue | undefined {
  const t = c.tok;
  if (isNullWord(c, t)) {
    c.next();
    return null;
  }
  if (type === 'bool') {
    const b = boolWord(c, t) ?? (c.dialect === 'cmpivot' ? caseless(t) : undefined);
    if (b !== undefined) {
      c.next();
      return b;
    }
    if (t.kind === 'Long') {
      c.next();
      return t.value !== 0;
    }
    return undefined;
  }
  let sign = 1;
  if (c.isPunct('-') || c.isPunct('+')) {
    if (c.isPunct('-')) sign = -1;
    c.next();
  }
  const n = c.tok;
  if (n.kind === 'Long' || (type === 'real' && n.kind === 'Real')) {
    c.next();
    return sign * (n.value as number);
  }
  if (type === 'real' && n.kind === 'Identifier') {
    const w = n.text.toLowerCase();
    if (w === 'nan' || w === 'inf') {
      c.next();
      return w === 'nan' ? Number.NaN : sign * Number.POSITIVE_INFINITY;
    }
  }
  return undefined;
}

function caseless(t: Token): boolean | undefined {
  const lower = t.kind === 'Identifier' ? t.text.toLowerCase() : '';
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}
