import type * as ast from '../syntax/ast.js';
import type { PlanNode } from '../plan/plan-node.js';
import type { BoundExpr } from '../plan/bound-expr.js';
import { bindMessages as msg } from '../diagnostics/bind-messages.js';
import { bindExpr, ERROR_EXPR } from './bind-expr.js';
import { resolveName, uniqueName, wildcardMatcher } from './names.js';
import { derivedName, generatedName } from './naming.js';
import { type ScopeColumn, scopeOf } from './scope.js';
import type { BindContext } from './context.js';

/** A projection over `input`: the plan node for a list of named output expressions. */
export function projectNode(input: PlanNode, columns: readonly ScopeColumn[]): PlanNode {
  // A projection that passes every column through unchanged is no work at all.
  const identity = columns.length === input.schema.length &&
    columns.every((c, i) => c.expr.k === 'col' && c.expr.index === i && c.name === input.schema[i]!.name);
  if (identity) return input;
  return {
    kind: 'Project',
    input,
    exprs: columns.map((c) => c.expr),
    schema: columns.map((c) => ({ name: c.name, type: c.type })),
  };
}

/**
 * `extend` adds or replaces columns; `project` keeps only the listed ones. Each item may use the
 * items before it: binding runs over a scope that grows as the list is read.
 */
export function bindExtendOrProject(
  op: ast.Extend | ast.Project,
  input: PlanNode,
  ctx: BindContext,
  /** How `print` names an unnamed computed item (print_0, print_1… by position). */
  unnamedName?: (position: number) => string,
): PlanNode {
  const inputScope = scopeOf(input.schema);
  const extend = op.kind === 'Extend';
  const scope: ScopeColumn[] = extend ? [...inputScope] : [];
  const position = new Map<string, number>(scope.map((c, i) => [c.name, i]));
  // In `project` the right-hand sides read the input row (`project a = b, b = a` swaps); a name the
  // input lacks may still refer to an earlier item of the list. In `extend` they read the growing row.
  const inputNames = new Set(inputScope.map((c) => c.name));
  const lookup: ScopeColumn[] = extend ? scope : [...inputScope];
  // In `project`, a name given outright (`a = …`, or a bare column `a`) is firm: two firm columns of
  // one name are an error, as the official binder has it; any other clash renames the later column
  // with a digit suffix (`project x, tostring(x)` gives x, x1; `project x + 1, Column1 = 2` gives
  // Column1, Column11). Unnamed computed columns count Column1, Column2… within the operator.
  const firm = new Set<string>();
  let unnamed = 0;
  for (const [index, item] of op.items.entries()) {
    const expr = bindExpr(item.expr, lookup, ctx);
    if (item.names.length > 1) {
      ctx.diagnostics.push(msg.unsupported('Assigning to several names at once', item.span));
      continue;
    }
    const written = item.names[0];
    const printed = unnamedName !== undefined && written === undefined && unparen(item.expr).kind !== 'Name' ? unnamedName(index) : undefined;
    const derived = written?.name ?? printed ?? derivedName(item.expr, lookup, ctx.dialect);
    let name = derived ?? (extend ? generatedName(position) : `Column${++unnamed}`);
    const isFirm = written !== undefined || unparen(item.expr).kind === 'Name';
    if (!extend && position.has(name)) {
      if (isFirm && firm.has(name)) {
        if (expr !== ERROR_EXPR) ctx.diagnostics.push(msg.duplicateColumn(name, written?.span ?? item.span));
      } else {
        name = uniqueName(name, new Set(position.keys()));
      }
    }
    if (isFirm) firm.add(name);
    const column: ScopeColumn = { name, type: expr.type, expr };
    const slot = position.get(name);
    if (slot !== undefined) scope[slot] = column;
    else {
      position.set(name, scope.length);
      scope.push(column);
    }
    if (!extend && !inputNames.has(name)) lookup.push(column);
  }
  return projectNode(input, scope);
}

export function bindProjectAway(op: ast.ProjectAway, input: PlanNode, ctx: BindContext): PlanNode {
  const scope = scopeOf(input.schema);
  const drop = new Set<number>();
  for (const name of op.columns) {
    const matches = matching(name, scope, ctx);
    matches.forEach((i) => drop.add(i));
  }
  // project-keep keeps the named columns in their input order, as project-away drops them.
  return projectNode(input, scope.filter((_, i) => drop.has(i) === (op.keep === true)));
}

export function bindProjectRename(op: ast.ProjectRename, input: PlanNode, ctx: BindContext): PlanNode {
  const scope = scopeOf(input.schema);
  for (const item of op.items) {
    const r = resolveName(item.oldName.name, scope.map((c) => c.name), ctx.dialect);
    if (!('found' in r)) {
      ctx.diagnostics.push(msg.unknownColumn(item.oldName.name, item.oldName.span, 'missing' in r ? r.missing : []));
      continue;
    }
    const clash = scope.findIndex((c, i) => c.name === item.newName.name && i !== r.found);
    if (clash >= 0) ctx.diagnostics.push(msg.duplicateColumn(item.newName.name, item.newName.span));
    scope[r.found] = { ...scope[r.found]!, name: item.newName.name };
  }
  return projectNode(input, scope);
}

export function bindProjectReorder(op: ast.ProjectReorder, input: PlanNode, ctx: BindContext): PlanNode {
  const scope = scopeOf(input.schema);
  const first: number[] = [];
  for (const item of op.columns) {
    let matches = matching(item.name, scope, ctx).filter((i) => !first.includes(i));
    if (item.direction) {
      const dir = item.direction === 'asc' ? 1 : -1;
      matches = matches.sort((a, b) => dir * (scope[a]!.name < scope[b]!.name ? -1 : scope[a]!.name > scope[b]!.name ? 1 : 0));
    }
    first.push(...matches);
  }
  const rest = scope.map((_, i) => i).filter((i) => !first.includes(i));
  return projectNode(input, [...first, ...rest].map((i) => scope[i]!));
}

/** Columns a name or `*` pattern picks; an error when it picks none. */
function matching(name: ast.Ident, scope: readonly ScopeColumn[], ctx: BindContext): number[] {
  if (!name.name.includes('*')) {
    const r = resolveName(name.name, scope.map((c) => c.name), ctx.dialect);
    if ('found' in r) return [r.found];
    if ('ambiguous' in r) ctx.diagnostics.push(msg.ambiguousName(name.name, name.span, r.ambiguous));
    else ctx.diagnostics.push(msg.unknownColumn(name.name, name.span, r.missing));
    return [];
  }
  const test = wildcardMatcher(name.name, ctx.dialect);
  const hits = scope.map((c, i) => (test(c.name) ? i : -1)).filter((i) => i >= 0);
  if (hits.length === 0) ctx.diagnostics.push(msg.wildcardNoMatch(name.name, name.span));
  return hits;
}

function unparen(e: ast.Expr): ast.Expr {
  return e.kind === 'Paren' ? unparen(e.inner) : e;
}

export type { BoundExpr };
