import { KUSTO_INFIX_SET } from '../diagnostics/kusto-names.js';
import * as msg from '../diagnostics/syntax-messages.js';
import type { BinaryOp, Expr, Ident, InList, StringOp } from '../syntax/ast.js';
import { span } from '../syntax/span.js';
import type { Token } from '../syntax/token.js';
import type { Cursor } from './cursor.js';
import { typedLiteralType, boolWord, decodeRaw, literal, parseTypedLiteral } from './literals.js';

// Binding strength, loosest first: or < and < comparisons and string predicates < + - < * / %.
const OR = 1;
const AND = 2;
const COMPARE = 3;
const ADD = 4;
const MUL = 5;

const PUNCT_OPS: Readonly<Record<string, readonly [BinaryOp, number]>> = {
  '==': ['==', COMPARE], '!=': ['!=', COMPARE], '<>': ['!=', COMPARE],
  '<': ['<', COMPARE], '<=': ['<=', COMPARE], '>': ['>', COMPARE], '>=': ['>=', COMPARE],
  '=~': ['=~', COMPARE], '!~': ['!~', COMPARE],
  '+': ['+', ADD], '-': ['-', ADD], '*': ['*', MUL], '/': ['/', MUL], '%': ['%', MUL],
};

const STRING_OPS: ReadonlySet<string> = new Set<StringOp>([
  'has', '!has', 'has_cs', '!has_cs', 'hasprefix', '!hasprefix', 'hasprefix_cs', '!hasprefix_cs',
  'hassuffix', '!hassuffix', 'hassuffix_cs', '!hassuffix_cs', 'contains', '!contains', 'contains_cs', '!contains_cs',
  'startswith', '!startswith', 'startswith_cs', '!startswith_cs', 'endswith', '!endswith', 'endswith_cs', '!endswith_cs',
  'like', '!like',
]);

const IN_OPS: ReadonlySet<string> = new Set(['in', '!in', 'in~', '!in~', 'has_any', 'has_all']);

type Infix =
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly level: number; readonly width: number }
  | { readonly kind: 'in'; readonly op: InList['op']; readonly width: 1 }
  | { readonly kind: 'between'; readonly negated: boolean; readonly width: 1 }
  | { readonly kind: 'unsupported'; readonly width: 1 };

/** The infix operator at the cursor, if any, without consuming it. */
function infixAt(c: Cursor): Infix | undefined {
  const t = c.tok;
  if (t.kind === 'Punct') {
    const p = PUNCT_OPS[t.text];
    return p ? { kind: 'binary', op: p[0], level: p[1], width: 1 } : undefined;
  }
  if (t.kind !== 'Identifier' && t.kind !== 'BangWord') return undefined;
  const w = c.keywordOf(t);
  if (w === 'or') return { kind: 'binary', op: 'or', level: OR, width: 1 };
  if (w === 'and') return { kind: 'binary', op: 'and', level: AND, width: 1 };
  if (STRING_OPS.has(w)) return { kind: 'binary', op: w as StringOp, level: COMPARE, width: 1 };
  if (IN_OPS.has(w)) return { kind: 'in', op: w as InList['op'], width: 1 };
  if (w === 'between' || w === '!between') return { kind: 'between', negated: w !== 'between', width: 1 };
  if (w === 'matches' && c.isKeyword('regex', c.peek())) return { kind: 'binary', op: 'matches regex', level: COMPARE, width: 2 };
  if (KUSTO_INFIX_SET.has(w)) return { kind: 'unsupported', width: 1 };
  return undefined;
}

/** Any expression. Depth-guarded: past the limit the rest of the item is skipped as one `Missing`. */
export function parseExpr(c: Cursor): Expr {
  const start = c.tok.span.start;
  if (!c.enter()) {
    c.skipItem(true);
    return { kind: 'Missing', span: span(start, Math.max(start, c.prevEnd())) };
  }
  try {
    return parseBinary(c, OR);
  } finally {
    c.leave();
  }
}

/**
 * The most operators one expression may chain (`a or b or …`) or stack (`- - - x`). The tree is built
 * by loops, but binding and evaluation walk it recursively, so its depth must stay bounded.
 */
export const MAX_CHAIN = 1000;

function parseBinary(c: Cursor, minLevel: number): Expr {
  let left = parseUnary(c);
  let chained = 0;
  for (;;) {
    const t = c.tok;
    const infix = infixAt(c);
    if (!infix) {
      if (t.kind === 'BangWord') {
        // `!foo`: a negated operator Kusto does not have. Consume it and its operand to recover.
        c.report(msg.unknownStringOperator(t.text, t.span));
        c.next();
        parseUnary(c);
        continue;
      }
      return left;
    }
    const level = infix.kind === 'binary' ? infix.level : COMPARE;
    if (level < minLevel) return left;
    for (let k = 0; k < infix.width; k++) c.next();
    const opSpan = span(t.span.start, c.prevEnd());
    if (infix.kind === 'unsupported') {
      // A Kusto operator openpivot lacks (has_any…): say so, read its operand (a list or a value) and go on.
      c.report(msg.unsupportedInfix(t.text, t.span));
      if (c.isPunct('(')) c.skipGroupFrom(c.pos, true);
      else parseBinary(c, COMPARE + 1);
    } else if (infix.kind === 'in') {
      left = parseInList(c, left, infix.op);
    } else if (infix.kind === 'between') {
      left = parseBetween(c, left, infix.negated);
    } else {
      const right = parseBinary(c, level + 1);
      if (chained === MAX_CHAIN) c.report(msg.chainTooLong(opSpan, MAX_CHAIN));
      // Past the limit the rest is read (so parsing goes on) but not added to the tree.
      if (chained++ >= MAX_CHAIN) continue;
      left = { kind: 'Binary', span: span(left.span.start, right.span.end), op: infix.op, opSpan, left, right };
    }
  }
}

function parseInList(c: Cursor, left: Expr, op: InList['op']): Expr {
  const items: Expr[] = [];
  if (c.expectPunct('(')) {
    // `x in ()` is no list at all, in Kusto as here: the first item is missing.
    if (c.isPunct(')')) items.push(expectedExpr(c));
    else {
      do items.push(parseExpr(c));
      while (c.eatPunct(','));
    }
    c.expectPunct(')');
  }
  return { kind: 'In', span: span(left.span.start, Math.max(left.span.end, c.prevEnd())), op, left, items };
}

function parseBetween(c: Cursor, left: Expr, negated: boolean): Expr {
  let low: Expr = missing(c);
  let high: Expr = low;
  if (c.expectPunct('(')) {
    low = parseExpr(c);
    high = c.expectPunct('..') ? parseExpr(c) : missing(c);
    c.expectPunct(')');
  }
  return { kind: 'Between', span: span(left.span.start, Math.max(left.span.end, c.prevEnd())), negated, left, low, high };
}

/**
 * A value of a `datatable`: a literal with an optional sign, never an expression — Kusto reads
 * `[1e3 -8.0]` as two values missing their comma, not as `1e3 - 8.0`.
 */
export function parseDatatableValue(c: Cursor): Expr {
  return parseUnary(c);
}

/**
 * A sign applies to an operand, never to another sign: Kusto refuses `- -5` (write `-(-5)`), while
 * `1 - -5` is a binary minus and a sign. Extra signs are reported and skipped in a loop.
 */
function parseUnary(c: Cursor): Expr {
  if (!c.isPunct('-') && !c.isPunct('+')) return parsePostfix(c);
  const sign: Token = c.next();
  if (c.isPunct('-') || c.isPunct('+')) {
    c.report(msg.expectedExpression(span(sign.span.end, sign.span.end), c.tok.text));
    while (c.isPunct('-') || c.isPunct('+')) c.next();
  }
  const operand = parsePostfix(c);
  return { kind: 'Unary', span: span(sign.span.start, operand.span.end), op: sign.text as '-' | '+', operand };
}

function parsePostfix(c: Cursor): Expr {
  let e = parsePrimary(c);
  if (e.kind === 'Missing') return e;
  for (;;) {
    if (c.isPunct('.')) {
      c.next();
      const t = c.tok;
      let member: Ident;
      if (t.kind === 'Identifier' || t.kind === 'Long') {
        c.next();
        member = { name: t.text, span: t.span };
      } else {
        member = c.expectName();
      }
      e = { kind: 'Member', span: span(e.span.start, Math.max(e.span.end, c.prevEnd())), target: e, member };
    } else if (c.isPunct('[')) {
      c.next();
      const index = parseExpr(c);
      c.expectPunct(']');
      e = { kind: 'Index', span: span(e.span.start, c.prevEnd()), target: e, index };
    } else {
      return e;
    }
  }
}

export function missing(c: Cursor): Expr {
  return { kind: 'Missing', span: c.here() };
}

/** Reports an expected expression at the cursor (consuming nothing) and returns `Missing`. */
export function expectedExpr(c: Cursor): Expr {
  c.report(msg.expectedExpression(c.tok.span, c.tok.text));
  return missing(c);
}

function parsePrimary(c: Cursor): Expr {
  const t = c.tok;
  switch (t.kind) {
    case 'Long':
    case 'Real':
    case 'Timespan':
      c.next();
      return literal(t.kind === 'Long' ? 'long' : t.kind === 'Real' ? 'real' : 'timespan', t.value as number, t.span.start, t.span.end);
    case 'String':
      return parseStrings(c);
    case 'RawLiteral':
      c.next();
      return decodeRaw(c, t);
    case 'Identifier':
      return parseWord(c, t);
    case 'Punct':
      if (t.text === '(') return parseParen(c);
      if (t.text === '[' && c.isNameAt(0)) {
        const name = c.tryName()!;
        return { kind: 'Name', span: name.span, name: name.name };
      }
      return expectedExpr(c);
    default:
      return expectedExpr(c);
  }
}

/** Adjacent string literals are one string: `'a' 'b'` is `'ab'`. */
export function parseStrings(c: Cursor): Expr {
  const start = c.tok.span.start;
  let value = '';
  while (c.tok.kind === 'String') value += String(c.next().value ?? '');
  return literal('string', value, start, c.prevEnd());
}

function parseWord(c: Cursor, t: Token): Expr {
  const b = boolWord(c, t);
  if (b !== undefined) {
    c.next();
    return literal('bool', b, t.span.start, t.span.end);
  }
  const open = c.isPunct('(', c.peek());
  const typed = open ? typedLiteralType(c.keywordOf(t)) : undefined;
  c.next();
  if (typed) return parseTypedLiteral(c, t, typed);
  if (!open) return { kind: 'Name', span: t.span, name: t.text };
  if (QUERY_ARGUMENT_FUNCTIONS.has(t.text.toLowerCase())) {
    // toscalar(T | …) and materialize(T | …) take a query, which no scalar function does: the group is
    // skipped and the call kept without arguments, so the binder names the function as unsupported.
    c.skipGroupFrom(c.pos, false);
    return { kind: 'Call', span: span(t.span.start, c.prevEnd()), name: { name: t.text, span: t.span }, args: [] };
  }
  const args = parseArgs(c);
  return { kind: 'Call', span: span(t.span.start, c.prevEnd()), name: { name: t.text, span: t.span }, args };
}

/** Kusto functions whose argument is a query rather than an expression. */
const QUERY_ARGUMENT_FUNCTIONS: ReadonlySet<string> = new Set(['toscalar', 'materialize']);

/** `( [arg {, arg}] )` with the cursor on `(`; `*` is a `Star` argument. */
export function parseArgs(c: Cursor): Expr[] {
  const args: Expr[] = [];
  c.next();
  if (c.eatPunct(')')) return args;
  do {
    if (c.isPunct('*') && (c.isPunct(',', c.peek()) || c.isPunct(')', c.peek()))) {
      const s = c.next();
      args.push({ kind: 'Star', span: s.span });
    } else {
      args.push(parseExpr(c));
    }
  } while (c.eatPunct(','));
  c.expectPunct(')');
  return args;
}

function parseParen(c: Cursor): Expr {
  const open = c.next();
  const inner = parseExpr(c);
  c.expectPunct(')');
  return { kind: 'Paren', span: span(open.span.start, c.prevEnd()), inner };
}
