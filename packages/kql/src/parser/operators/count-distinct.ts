import type { Count, Distinct, Operator } from '../../syntax/ast.js';
import type { Token } from '../../syntax/token.js';
import type { Cursor } from '../cursor.js';
import { parseNamedList } from './extend.js';
import { isHint, parseParams } from '../clauses.js';

/** `| count`. */
export function parseCount(c: Cursor, kw: Token): Operator {
  const op: Count = { kind: 'Count', span: kw.span, keywordSpan: kw.span };
  return op;
}

/** `| distinct a, b` or `| distinct *`. */
export function parseDistinct(c: Cursor, kw: Token): Operator {
  parseParams(c, isHint);
  if (c.isPunct('*')) {
    c.next();
    const op: Distinct = { kind: 'Distinct', span: c.from(kw.span.start), keywordSpan: kw.span, star: true, columns: [] };
    return op;
  }
  const columns = parseNamedList(c);
  const op: Distinct = { kind: 'Distinct', span: c.from(kw.span.start), keywordSpan: kw.span, star: false, columns };
  return op;
}
