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
  checkOrder(c, pattern);
  const op: Parse = { kind: 'Parse', span: c.from(kw.span.start), keywordSpan: kw.span, params, source, pattern };
  return op;
}

/**
 * Kusto's order rules: a `*` is followed by a string or ends the pattern; a column starts the pattern
 * or follows a string; a `*` right after a string column could split the text anywhere, so it is refused.
 */
function checkOrder(c: Cursor, pattern: readonly ParsePart[]): void {
  pattern.forEach((part, i) => {
    const next = pattern[i + 1];
    const prev = pattern[i - 1];
    if (part.kind === 'Star' && next !== undefined && next.kind !== 'Text') c.report(msg.parseStarBeforeText(part.span));
    if (part.kind === 'Column' && prev !== undefined && prev.kind !== 'Text') c.report(msg.parseColumnAfterText(part.span));
    if (part.kind === 'Star' && prev?.kind === 'Column' && prev.type === 'string') c.report(msg.parseStarAfterStringColumn(part.span));
  });
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
