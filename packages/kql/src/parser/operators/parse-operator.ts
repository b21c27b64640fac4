import * as msg from '../../diagnostics/syntax-messages.js';
import type { Operator, Parse, ParsePart } from '../../syntax/ast.js';
import { span } from '../../syntax/span.js';
import type { Token } from '../../syntax/token.js';
import { atClauseEnd, parseParams } from '../clauses.js';
import type { Cursor } from '../cursor.js';
import { expectedExpr, parseExpr } from '../expressions.js';
import { parseTypeName } from '../sources.js';

const PARAMS = new Set(['kind', 'flags']);

/** `| parse [kind=simple|regex|relaxed] expr with "text" Col:type * "text" Col2 ...`. */
export function parseParse(c: Cursor, kw: Token): Operator {
  const params = parseParams(c, (n) => PARAMS.has(n));
  const source = atClauseEnd(c) || c.isKeyword('with') ? expectedExpr(c) : parseExpr(c);
  const pattern: ParsePart[] = [];
  if (!c.eatKeyword('with')) c.report(msg.expectedKeyword('with', c.tok.span, c.tok.text));
  else if (atClauseEnd(c)) c.report(msg.invalidParsePattern(c.tok.span, c.tok.text));
  while (!atClauseEnd(c)) {
    const part = parsePart(c);
    if (part) pattern.push(part);
  }
  const op: Parse = { kind: 'Parse', span: c.from(kw.span.start), keywordSpan: kw.span, params, source, pattern };
  return op;
}

/** One pattern piece; an unusable token is reported and skipped (so the loop always advances). */
function parsePart(c: Cursor): ParsePart | undefined {
  const t = c.tok;
  if (t.kind === 'String') {
    let text = '';
    while (c.tok.kind === 'String') text += String(c.next().value ?? '');
    return { kind: 'Text', span: span(t.span.start, c.prevEnd()), text };
  }
  if (c.isPunct('*')) {
    c.next();
    return { kind: 'Star', span: t.span };
  }
  const name = c.tryName();
  if (name) {
    const type = c.eatPunct(':') ? parseTypeName(c).type : 'string';
    return { kind: 'Column', span: span(name.span.start, c.prevEnd()), name, type };
  }
  c.report(msg.invalidParsePattern(t.span, t.text));
  c.next();
  return undefined;
}
