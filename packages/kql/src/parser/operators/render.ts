import type { Ident, Operator, OperatorParam, Render } from '../../syntax/ast.js';
import type { Token } from '../../syntax/token.js';
import { paramNameWidth, parseParam } from '../clauses.js';
import type { Cursor } from '../cursor.js';

const anyName = (): boolean => true;

/** `| render chart [with (kind=stacked, title='x', ...)]`; `with(` needs no space, and bare `kind=...` also works. */
export function parseRender(c: Cursor, kw: Token): Operator {
  let chart: Ident | undefined;
  if (c.tok.kind === 'Identifier' && !c.isKeyword('with')) chart = c.tryName();
  const props: OperatorParam[] = [];
  if (c.isKeyword('with') && c.isPunct('(', c.peek())) {
    c.next();
    c.next();
    if (!c.isPunct(')')) {
      do {
        const width = paramNameWidth(c, anyName);
        if (width === 0) {
          // Not `name=value`: report via the expected-name path and stop the list.
          c.expectName();
          c.expectPunct('=');
          break;
        }
        props.push(parseParam(c, width));
      } while (c.eatPunct(','));
    }
    c.expectPunct(')');
  }
  for (let w = paramNameWidth(c, anyName); w > 0; w = paramNameWidth(c, anyName)) props.push(parseParam(c, w));
  const base = { kind: 'Render' as const, span: c.from(kw.span.start), keywordSpan: kw.span, props };
  const op: Render = chart ? { ...base, chart } : base;
  return op;
}
