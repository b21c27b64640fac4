import * as msg from '../diagnostics/syntax-messages.js';
import type { Operator, Tabular } from '../syntax/ast.js';
import { span } from '../syntax/span.js';
import type { Cursor } from './cursor.js';
import { OPERATOR_PARSERS } from './operators/operator-table.js';
import { parseSource } from './sources.js';

/**
 * A source followed by `| operator` elements. `nested` is true inside parentheses, where a `)`
 * ends the pipeline. Depth-guarded like expressions, since subqueries nest.
 */
export function parseTabular(c: Cursor, nested: boolean): Tabular {
  const start = c.tok.span.start;
  if (!c.enter()) {
    c.skipItem(false);
    const s = span(start, Math.max(start, c.prevEnd()));
    return { kind: 'Tabular', span: s, source: { kind: 'MissingSource', span: s }, operators: [] };
  }
  try {
    const source = parseSource(c);
    const operators: Operator[] = [];
    for (;;) {
      if (c.eatPunct('|')) {
        operators.push(parseOperator(c, nested));
        continue;
      }
      if (c.atEnd() || c.isPunct(';') || (nested && c.isPunct(')'))) break;
      c.report(msg.unexpectedToken(c.tok.text, c.tok.span));
      c.skipToPipe(nested);
    }
    return { kind: 'Tabular', span: span(start, Math.max(start, c.prevEnd())), source, operators };
  } finally {
    c.leave();
  }
}

/** The operator after a `|` (already consumed). */
function parseOperator(c: Cursor, nested: boolean): Operator {
  const kw = c.tok;
  if (kw.kind !== 'Identifier') {
    c.report(msg.expectedOperator(kw.span));
    return { kind: 'MissingOperator', span: c.here(), keywordSpan: c.here() };
  }
  const key = kw.text.toLowerCase();
  const parser = Object.hasOwn(OPERATOR_PARSERS, key) ? OPERATOR_PARSERS[key] : undefined;
  c.next();
  if (!parser) {
    c.report(msg.unknownOperator(kw.text, kw.span));
    c.skipToPipe(nested);
    return { kind: 'MissingOperator', span: span(kw.span.start, c.prevEnd()), keywordSpan: kw.span };
  }
  if (c.dialect === 'kusto' && kw.text !== key) c.report(msg.operatorCase(kw.text, key, kw.span));
  return parser(c, kw);
}
