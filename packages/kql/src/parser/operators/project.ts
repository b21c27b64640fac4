import * as msg from '../../diagnostics/syntax-messages.js';
import type { Ident, Operator, Project, ProjectAway, ProjectRename, ProjectReorder } from '../../syntax/ast.js';
import { span } from '../../syntax/span.js';
import type { Token } from '../../syntax/token.js';
import { atClauseEnd, parseList } from '../clauses.js';
import type { Cursor } from '../cursor.js';
import { parseNamedList } from './extend.js';

/** `| project a, b = expr, (x, y) = expr`. */
export function parseProject(c: Cursor, kw: Token): Operator {
  const items = parseNamedList(c);
  const op: Project = { kind: 'Project', span: c.from(kw.span.start), keywordSpan: kw.span, items };
  return op;
}

/**
 * A column name that may hold `*` wildcards (`Col*`, `*Id`, `a*b`): the pieces must touch, since
 * `a * b` with spaces is not one name.
 */
function wildcardName(c: Cursor): Ident {
  const start = c.tok.span.start;
  let text = '';
  let any = false;
  while (c.tok.kind === 'Identifier' || c.tok.kind === 'Long' || c.isPunct('*')) {
    if (any && c.tok.span.start !== c.prevEnd()) break;
    text += c.next().text;
    any = true;
  }
  if (any) return { name: text, span: span(start, c.prevEnd()) };
  return c.expectName();
}

function nameList(c: Cursor): Ident[] {
  if (atClauseEnd(c)) {
    c.report(msg.expectedName(c.tok.span, c.tok.text));
    return [];
  }
  return parseList(c, wildcardName);
}

/** `| project-away Col, Prefix*`. */
export function parseProjectAway(c: Cursor, kw: Token): Operator {
  const columns = nameList(c);
  const op: ProjectAway = { kind: 'ProjectAway', span: c.from(kw.span.start), keywordSpan: kw.span, columns };
  return op;
}

/** `| project-keep Col, Prefix*`: the named columns stay, in their input order (project-keep page). */
export function parseProjectKeep(c: Cursor, kw: Token): Operator {
  const columns = nameList(c);
  const op: ProjectAway = { kind: 'ProjectAway', span: c.from(kw.span.start), keywordSpan: kw.span, columns, keep: true };
  return op;
}

/** `| project-rename New = Old, ...`. */
export function parseProjectRename(c: Cursor, kw: Token): Operator {
  const items: { span: ReturnType<typeof span>; newName: Ident; oldName: Ident }[] = [];
  if (atClauseEnd(c)) c.report(msg.expectedName(c.tok.span, c.tok.text));
  else {
    do {
      const newName = c.expectName();
      c.expectPunct('=');
      const oldName = c.expectName();
      items.push({ span: span(newName.span.start, Math.max(newName.span.start, c.prevEnd())), newName, oldName });
    } while (c.eatPunct(','));
  }
  const op: ProjectRename = { kind: 'ProjectRename', span: c.from(kw.span.start), keywordSpan: kw.span, items };
  return op;
}

/** `| project-reorder a, b* asc`. */
export function parseProjectReorder(c: Cursor, kw: Token): Operator {
  const columns: ProjectReorder['columns'][number][] = [];
  if (atClauseEnd(c)) c.report(msg.expectedName(c.tok.span, c.tok.text));
  else {
    do {
      const name = wildcardName(c);
      const direction = c.eatKeyword('asc') ? 'asc' : c.eatKeyword('desc') ? 'desc' : undefined;
      const s = span(name.span.start, Math.max(name.span.start, c.prevEnd()));
      columns.push(direction ? { span: s, name, direction } : { span: s, name });
    } while (c.eatPunct(','));
  }
  const op: ProjectReorder = { kind: 'ProjectReorder', span: c.from(kw.span.start), keywordSpan: kw.span, columns };
  return op;
}
