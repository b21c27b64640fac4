import type * as ast from '../syntax/ast.js';
import type { PlanNode, AggregateCall, AggregateNode } from '../plan/plan-node.js';
import { type BoundExpr, colExpr } from '../plan/bound-expr.js';
import type { ColumnSchema } from '../types/schema.js';
import { bindMessages as msg } from '../diagnostics/bind-messages.js';
import { lookupFunction, aggregateFunctions } from '../functions/registry.js';
import { bindExpr, argInfo, ERROR_EXPR, type AggregateCollector } from './bind-expr.js';
import { derivedName, generatedName } from './naming.js';
import { uniqueName } from './names.js';
import { type ScopeColumn, scopeOf } from './scope.js';
import { projectNode } from './bind-project.js';
import type { BindContext } from './context.js';

/** One aggregate call found in the summarize list, with its default output names. */
interface Collected {
  readonly call: AggregateCall;
  readonly names: readonly string[];
  readonly types: readonly ColumnSchema['type'][];
}

/**
 * `summarize aggs by keys` becomes an Aggregate node (keys first, then every aggregate's outputs),
 * followed by a projection when an item is an expression over aggregates (`summarize count() * 2`).
 */
export function bindSummarize(op: ast.Summarize, input: PlanNode, ctx: BindContext): PlanNode {
  for (const p of op.params) {
    if (!p.name.name.toLowerCase().startsWith('hint.')) {
      ctx.diagnostics.push(msg.unknownParameter('summarize', p.name.name, ['hint.strategy', 'hint.shufflekey', 'hint.num_partitions'], p.name.span));
    }
  }
  const inputScope = scopeOf(input.schema);
  const taken = new Set<string>();
  // As the official binder names them: a name given outright (`n = …`, or a bare column) is firm, and
  // two firm columns of one name are an error; any other clash gives the later column a digit suffix
  // (`count(), count_ = max(x)` → count_, count_1). Unnamed computed columns count Column1, Column2….
  const firm = new Set<string>();
  let unnamed = 0;
  const place = (name: string, isFirm: boolean, span: ast.Ident['span']): string => {
    let out = name;
    if (taken.has(name)) {
      if (isFirm && firm.has(name)) ctx.diagnostics.push(msg.duplicateColumn(name, span));
      else out = uniqueName(name, taken);
    }
    taken.add(out);
    if (isFirm) firm.add(out);
    return out;
  };

  // Keys first: their names are taken before any aggregate is named.
  const keys: BoundExpr[] = [];
  const keyNames: string[] = [];
  for (const item of op.by) {
    const expr = bindExpr(item.expr, inputScope, ctx);
    const written = item.names[0];
    const name = written?.name ?? derivedName(item.expr, inputScope, ctx.dialect) ?? `Column${++unnamed}`;
    keys.push(expr);
    keyNames.push(place(name, written !== undefined || unwrap(item.expr).kind === 'Name', written?.span ?? item.span));
  }

  const collected: Collected[] = [];
  const collector: AggregateCollector = {
    collect: (call, scope) => {
      const c = collectAggregate(call, scope, keyNames, ctx);
      if (c === null) return ERROR_EXPR;
      collected.push(c);
      // A placeholder column (negative index: never folded, never a real column) until the slots are placed.
      return colExpr(c.types[0]!, -collected.length);
    },
  };

  // Then each item: a bare aggregate call names its own outputs; anything else is computed after.
  type Item = { readonly span: ast.NamedExpr['span']; readonly names: readonly ast.Ident[]; readonly expr: BoundExpr; readonly slot?: number; readonly bare: boolean; readonly source: ast.Expr };
  const items: Item[] = [];
  for (const item of op.aggregates) {
    const before = collected.length;
    const expr = bindExpr(item.expr, inputScope, ctx, { aggregates: collector });
    const bare = unwrap(item.expr).kind === 'Call' && collected.length === before + 1 && slotOf(expr) === before;
    if (collected.length === before && expr !== ERROR_EXPR) ctx.diagnostics.push(msg.notAnAggregate(item.expr.span));
    items.push({ span: item.span, names: item.names, expr, bare, source: item.expr, ...(bare ? { slot: before } : {}) });
  }

  // Output names of every aggregate, in order, made unique against the keys and each other.
  const aggregateColumns: { name: string; type: ColumnSchema['type'] }[][] = collected.map(() => []);
  const finalColumns: ScopeColumn[] = keyNames.map((name, i) => ({ name, type: keys[i]!.type, expr: colExpr(keys[i]!.type, i) }));
  let offset = keys.length;
  const slotOffsets = collected.map((c) => { const o = offset; offset += c.names.length; return o; });
  for (const item of items) {
    if (item.slot !== undefined) {
      const c = collected[item.slot]!;
      c.names.forEach((defaultName, j) => {
        const written = item.names[j];
        const name = place(written?.name ?? (defaultName === '' ? `Column${++unnamed}` : defaultName), written !== undefined, written?.span ?? item.span);
        aggregateColumns[item.slot!]!.push({ name, type: c.types[j]! });
        finalColumns.push({ name, type: c.types[j]!, expr: colExpr(c.types[j]!, slotOffsets[item.slot!]! + j) });
      });
    } else {
      const written = item.names[0];
      const name = place(written?.name ?? `Column${++unnamed}`, written !== undefined, written?.span ?? item.span);
      finalColumns.push({ name, type: item.expr.type, expr: replaceSlots(item.expr, slotOffsets) });
    }
  }
  // Aggregates nested in expressions still need columns of their own in the Aggregate node.
  collected.forEach((c, s) => {
    if (aggregateColumns[s]!.length === 0) aggregateColumns[s] = c.names.map((n, j) => ({ name: `__agg${s}_${j}_${n}`, type: c.types[j]! }));
  });

  const node: AggregateNode = {
    kind: 'Aggregate',
    input,
    keys,
    aggregates: collected.map((c) => c.call),
    mode: 'full',
    schema: [...keyNames.map((name, i) => ({ name, type: keys[i]!.type })), ...aggregateColumns.flat()],
  };
  return projectNode(node, finalColumns);
}

function unwrap(e: ast.Expr): ast.Expr {
  return e.kind === 'Paren' ? unwrap(e.inner) : e;
}

function slotOf(e: BoundExpr): number | undefined {
  return e.k === 'col' && e.index < 0 ? -e.index - 1 : undefined;
}

/** Turns the placeholders for aggregates inside an expression into references to their columns. */
function replaceSlots(e: BoundExpr, offsets: readonly number[]): BoundExpr {
  const slot = slotOf(e);
  if (slot !== undefined) return colExpr(e.type, offsets[slot]!);
  switch (e.k) {
    case 'const': case 'col': return e;
    case 'call': return { ...e, args: e.args.map((a) => replaceSlots(a, offsets)) };
    case 'in': return { ...e, left: replaceSlots(e.left, offsets), items: e.items.map((a) => replaceSlots(a, offsets)) };
    default: return { ...e, left: replaceSlots(e.left, offsets), right: replaceSlots(e.right, offsets) } as BoundExpr;
  }
}

function collectAggregate(call: ast.Call, scope: readonly ScopeColumn[], keyNames: readonly string[], ctx: BindContext): Collected | null {
  const found = lookupFunction(call.name.name, ctx.dialect);
  if (!('aggregate' in found)) return null;
  const fn = found.aggregate;
  // `*` stands for every input column not already in the output (the keys, the first argument).
  const argExprs: ast.Expr[] = [];
  const argNames: (string | undefined)[] = [];
  const bound: BoundExpr[] = [];
  for (const a of call.args) {
    if (a.kind === 'Star') {
      if (!fn.acceptsStar) {
        ctx.diagnostics.push(msg.unsupported(`'*' in ${fn.name}()`, a.span));
        return null;
      }
      const firstName = argNames[0];
      scope.forEach((c) => {
        if (keyNames.includes(c.name) || c.name === firstName) return;
        argExprs.push(a);
        argNames.push(c.name);
        bound.push(c.expr);
      });
      continue;
    }
    const e = bindExpr(a, scope, ctx);
    if (e === ERROR_EXPR) return null;
    argExprs.push(a);
    argNames.push(a.kind === 'Name' ? derivedName(a, scope, ctx.dialect) : undefined);
    bound.push(e);
  }
  if (bound.length < fn.minArgs || bound.length > fn.maxArgs) {
    ctx.diagnostics.push(msg.wrongArgumentCount(fn.name, fn.minArgs, fn.maxArgs, bound.length, call.span));
    return null;
  }
  const info = argInfo(bound);
  const type = fn.returns(info, ctx.dialect);
  if (typeof type !== 'string') {
    const at = type.argIndex !== undefined ? argExprs[type.argIndex]?.span ?? call.span : call.span;
    ctx.diagnostics.push(msg.wrongArgument(fn.name, type.error, at));
    return null;
  }
  if (fn.outputs) {
    const outs = fn.outputs(info, argNames);
    return { call: { fn, args: bound, argInfo: info, width: outs.length }, names: outs.map((o) => o.name), types: outs.map((o) => o.type) };
  }
  const prefix = fn.namePrefix ?? fn.name;
  const name = ctx.dialect === 'cmpivot' ? `${prefix}_` : `${prefix}_${argNames[0] ?? ''}`;
  return { call: { fn, args: bound, argInfo: info, width: 1 }, names: [name], types: [type] };
}

/** `count` the operator: one row, one column `Count`. */
export function bindCount(input: PlanNode): PlanNode {
  const fn = aggregateFunctions.get('count')!;
  return {
    kind: 'Aggregate', input, keys: [], mode: 'full',
    aggregates: [{ fn, args: [], argInfo: [], width: 1 }],
    schema: [{ name: 'Count', type: 'long' }],
  };
}

/** `distinct a, b` groups by the columns with no aggregate; `distinct *` by every column. */
export function bindDistinct(op: ast.Distinct, input: PlanNode, ctx: BindContext): PlanNode {
  const scope = scopeOf(input.schema);
  if (op.star) return { kind: 'Aggregate', input, keys: scope.map((c) => c.expr), aggregates: [], mode: 'full', schema: input.schema };
  const taken = new Set<string>();
  const keys: BoundExpr[] = [];
  const schema: ColumnSchema[] = [];
  for (const item of op.columns) {
    const expr = bindExpr(item.expr, scope, ctx);
    const name = item.names[0]?.name ?? derivedName(item.expr, scope, ctx.dialect) ?? generatedName(taken);
    if (taken.has(name)) ctx.diagnostics.push(msg.duplicateColumn(name, item.span));
    taken.add(name);
    keys.push(expr);
    schema.push({ name, type: expr.type });
  }
  return { kind: 'Aggregate', input, keys, aggregates: [], mode: 'full', schema };
}
