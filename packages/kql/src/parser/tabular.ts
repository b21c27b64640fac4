import * as msg from '../diagnostics/syntax-messages.js';
import type { Operator, Tabular } from '../syntax/ast.js';
import { span } from '../syntax/span.js';
import type { Cursor } from './cursor.js';
import { KUSTO_OPERATOR_SET, KUSTO_QUERY_OPERATORS } from '../diagnostics/kusto-names.js';
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
  const hyphenated = hyphenatedKustoOperator(c);
  const key = kw.text.toLowerCase();
  const parser = !hyphenated && Object.hasOwn(OPERATOR_PARSERS, key) ? OPERATOR_PARSERS[key] : undefined;
  c.next();
  if (!parser) {
    if (hyphenated) c.pos += hyphenated.width - 1;
    const name = hyphenated?.name ?? key;
    const kwSpan = span(kw.span.start, c.prevEnd());
    // A Kusto operator openpivot lacks gets its own code, so users know the query is not wrong, only unsupported.
    c.report(KUSTO_OPERATOR_SET.has(name) ? msg.unsupportedOperator(name, kwSpan) : msg.unknownOperator(kw.text, kwSpan));
    c.skipToPipe(nested);
    return { kind: 'MissingOperator', span: span(kw.span.start, c.prevEnd()), keywordSpan: kwSpan };
  }
  if (c.dialect === 'kusto' && kw.text !== key) c.report(msg.operatorCase(kw.text, key, kw.span));
  return parser(c, kw);
}

/**
 * `top-nested`, `sample-distinct`, `graph-match`…: Kusto operators the lexer does not join into one
 * word (it only joins those openpivot parses) arrive as `word - word`. The longest run of touching
 * `-word` tokens at the cursor that spells a Kusto operator, with its width in tokens; undefined if none.
 */
function hyphenatedKustoOperator(c: Cursor): { name: string; width: number } | undefined {
  let name = c.tok.text.toLowerCase();
  let found: { name: string; width: number } | undefined;
  for (let k = 1; k < 7; k += 2) {
    const dash = c.peek(k);
    const word = c.peek(k + 1);
    if (!c.isPunct('-', dash) || word.kind !== 'Identifier') break;
    if (dash.span.start !== c.peek(k - 1).span.end || word.span.start !== dash.span.end) break;
    name = `${name}-${word.text.toLowerCase()}`;
    if (!KUSTO_QUERY_OPERATORS.some((op) => op.startsWith(name))) break;
    if (KUSTO_OPERATOR_SET.has(name)) found = { name, width: k + 2 };
  }
  return found;
}
