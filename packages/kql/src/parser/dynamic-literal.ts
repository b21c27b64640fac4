import * as msg from '../diagnostics/syntax-messages.js';
import type { Token } from '../syntax/token.js';
import { formatDatetime } from '../values/datetime.js';
import { formatTimespan } from '../values/timespan.js';
import type { DynamicValue } from '../values/value.js';
import type { Cursor } from './cursor.js';
import { typedLiteralType, boolWord, decodeRaw, isNullWord, parseTypedLiteral } from './literals.js';

/**
 * The inside of `dynamic(...)`: a JSON-like value. Kusto also allows typed literals inside
 * (`datetime(...)`, `1d`, `guid(...)`, `long(5)`); a dynamic value holds those as their string form.
 * Returns undefined after reporting when the text is no dynamic value (the caller skips the rest).
 */
export function parseDynamicBody(c: Cursor): DynamicValue | undefined {
  if (!c.enter()) return undefined;
  try {
    return dynamicValue(c);
  } finally {
    c.leave();
  }
}

function dynamicValue(c: Cursor): DynamicValue | undefined {
  const t = c.tok;
  if (c.isPunct('[')) return array(c);
  if (c.isPunct('{')) return object(c);
  if (t.kind === 'String') return strings(c);
  if (t.kind === 'RawLiteral') {
    c.next();
    const lit = decodeRaw(c, t);
    if (lit.value === null || typeof lit.value !== 'number') return lit.value;
    return lit.type === 'datetime' ? formatDatetime(lit.value) : formatTimespan(lit.value);
  }
  if (t.kind === 'Timespan') {
    c.next();
    return formatTimespan(t.value as number);
  }
  if (c.isPunct('-') || c.isPunct('+') || t.kind === 'Long' || t.kind === 'Real') return number(c);
  if (isNullWord(c, t)) {
    c.next();
    return null;
  }
  const b = boolWord(c, t);
  if (b !== undefined) {
    c.next();
    return b;
  }
  const typed = t.kind === 'Identifier' ? typedLiteralType(c.keywordOf(t)) : undefined;
  if (typed && c.isPunct('(', c.peek())) {
    c.next();
    const lit = parseTypedLiteral(c, t, typed);
    return lit.value as DynamicValue;
  }
  c.report(msg.invalidDynamic(t.span, t.text));
  return undefined;
}

function number(c: Cursor): DynamicValue | undefined {
  const sign = c.isPunct('-') ? -1 : 1;
  if (c.isPunct('-') || c.isPunct('+')) c.next();
  const t: Token = c.tok;
  if (t.kind === 'Long' || t.kind === 'Real') {
    c.next();
    return sign * (t.value as number);
  }
  if (t.kind === 'Timespan') {
    c.next();
    return formatTimespan(sign * (t.value as number));
  }
  c.report(msg.invalidDynamic(t.span, t.text));
  return undefined;
}

function strings(c: Cursor): string {
  let out = '';
  while (c.tok.kind === 'String') out += String(c.next().value ?? '');
  return out;
}

function array(c: Cursor): DynamicValue | undefined {
  c.next();
  const out: DynamicValue[] = [];
  if (c.eatPunct(']')) return out;
  for (;;) {
    const v = parseDynamicBody(c);
    if (v === undefined) return undefined;
    out.push(v);
    if (c.eatPunct(',')) continue;
    if (c.eatPunct(']')) return out;
    c.report(msg.expectedToken(']', c.tok.span, c.tok.text));
    return undefined;
  }
}

function object(c: Cursor): DynamicValue | undefined {
  c.next();
  const out: { [key: string]: DynamicValue } = {};
  if (c.eatPunct('}')) return out;
  for (;;) {
    const k = c.tok;
    if (k.kind !== 'String' && k.kind !== 'Identifier') {
      c.report(msg.invalidDynamic(k.span, k.text));
      return undefined;
    }
    // One string token names a key: Kusto does not join adjacent strings there, as it does for values.
    const key = k.kind === 'String' ? String(c.next().value ?? '') : c.next().text;
    if (!c.expectPunct(':')) return undefined;
    const v = parseDynamicBody(c);
    if (v === undefined) return undefined;
    // A key such as "__proto__" must stay plain data.
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    if (c.eatPunct(',')) continue;
    if (c.eatPunct('}')) return out;
    c.report(msg.expectedToken('}', c.tok.span, c.tok.text));
    return undefined;
  }
}
