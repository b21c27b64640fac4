import * as msg from '../diagnostics/syntax-messages.js';
import type { Expr, LetStatement, Statement, Tabular } from '../syntax/ast.js';
import { span } from '../syntax/span.js';
import type { Cursor } from './cursor.js';
import { expectedExpr, parseExpr } from './expressions.js';
import { parseTabular } from './tabular.js';

/** Statements separated by `;`. Stray text between statements is reported and skipped. */
export function parseStatements(c: Cursor): Statement[] {
  const statements: Statement[] = [];
  for (;;) {
    while (c.eatPunct(';'));
    if (c.atEnd()) return statements;
    const before = c.pos;
    statements.push(c.isKeyword('let') ? parseLet(c) : parseQuery(c));
    if (c.atEnd() || c.isPunct(';')) continue;
    c.report(msg.unexpectedToken(c.tok.text, c.tok.span));
    c.skipToPipe(false);
    // A stop token the skip would not pass (a stray `|` after a let) must still be consumed.
    if (c.pos === before || c.isPunct('|')) c.next();
  }
}

function parseQuery(c: Cursor): Statement {
  const query = parseTabular(c, false);
  return { kind: 'Query', span: query.span, query };
}

/** `let name = value`: the value is tabular when it looks like a query (see `looksTabular`). */
function parseLet(c: Cursor): LetStatement {
  const start = c.next().span.start;
  const name = c.expectName();
  let value: Expr | Tabular;
  if (!c.expectPunct('=')) value = { kind: 'Missing', span: c.here() };
  else if (c.atEnd() || c.isPunct(';')) value = expectedExpr(c);
  else if (looksLikeFunction(c)) value = skipFunction(c);
  else value = looksTabular(c) ? parseTabular(c, false) : parseExpr(c);
  return { kind: 'Let', span: span(start, Math.max(start, c.prevEnd())), name, value };
}

/** `(a:long, …) { … }` or `() { … }`: a user-defined function, which Kusto has and openpivot does not. */
function looksLikeFunction(c: Cursor): boolean {
  if (!c.isPunct('(')) return false;
  if (c.isPunct(')', c.peek())) return c.isPunct('{', c.peek(2));
  return c.isNameAt(1) && c.isPunct(':', c.peek(1 + c.nameWidthAt(1)));
}

/** Reports the function and skips its parameters and body, so the statements after it still parse. */
function skipFunction(c: Cursor): Expr {
  const start = c.tok.span.start;
  c.skipGroupFrom(c.pos, false);
  if (c.isPunct('{')) c.skipGroupFrom(c.pos, false);
  const s = c.from(start);
  c.report(msg.unsupportedFunctionDefinition(s));
  return { kind: 'Missing', span: s };
}

/**
 * Whether the let value ahead is a query: it starts with a source keyword, or holds a `|` outside
 * brackets (or directly inside a leading parenthesis) before the `;`. A bare name or entity call
 * (`let T = Process;`) stays an expression; the binder knows whether it names a table.
 */
function looksTabular(c: Cursor): boolean {
  if (c.isKeyword('print') || c.isKeyword('union') || (c.isKeyword('datatable') && c.isPunct('(', c.peek()))) return true;
  // `range x from ...` is a table; `range(1, 5, 1)` is the scalar function.
  if (c.isKeyword('range') && c.isNameAt(1)) return true;
  const leadingParen = c.isPunct('(');
  let balance = 0;
  for (let i = c.pos; i < c.tokens.length; i++) {
    const t = c.tokens[i]!;
    if (t.kind === 'End' || (t.kind === 'Punct' && t.text === ';')) return false;
    if (t.kind !== 'Punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') balance++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') balance--;
    else if (t.text === '|' && (balance === 0 || (leadingParen && balance === 1))) return true;
  }
  return false;
}
