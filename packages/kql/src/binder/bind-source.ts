import type * as ast from '../syntax/ast.js';
import type { PlanNode } from '../plan/plan-node.js';
import type { Row, Value } from '../values/value.js';
import type { ScalarType } from '../types/scalar-type.js';
import { isNumberBacked } from '../types/scalar-type.js';
import type { BindContext } from './context.js';
import { bindMessages as msg } from '../diagnostics/bind-messages.js';
import { bindExpr, ERROR_EXPR } from './bind-expr.js';
import { resolveName, suggestNames } from './names.js';
import { generatedName } from './naming.js';
import { projectNode, bindExtendOrProject } from './bind-project.js';
import { bindUnion, type BindTabular } from './bind-join.js';
import { MS_PER_DAY } from '../values/value.js';
import type { BoundExpr } from '../plan/bound-expr.js';

export function bindSource(s: ast.Source, ctx: BindContext, bindTabular: BindTabular): PlanNode {
  switch (s.kind) {
    case 'TableRef': return bindTableRef(s, ctx);
    case 'Datatable': return bindDatatable(s, ctx);
    case 'Print': return bindPrint(s, ctx);
    case 'Range': return bindRange(s, ctx);
    case 'SubQuery': return bindTabular(s.query, ctx);
    case 'UnionSource':
      return bindUnion(s.params, s.tables.map((t) => bindTabular(t, ctx)), ctx, s.tables.map(tableLabel));
    case 'MissingSource': return { kind: 'Values', rows: [], schema: [] };
  }
}

/** How `withsource=` names a union input: its table name, or `union_argN` for a subquery. */
export function tableLabel(t: ast.Tabular, i: number): string {
  return t.source.kind === 'TableRef' && t.operators.length === 0 ? t.source.name.name : `union_arg${i}`;
}

function bindTableRef(s: ast.TableRef, ctx: BindContext): PlanNode {
  const name = s.name.name;
  const letNames = [...ctx.lets.keys()];
  const l = resolveName(name, letNames, ctx.dialect);
  if ('found' in l) {
    const binding = ctx.lets.get(letNames[l.found]!)!;
    if (binding.kind === 'table') return binding.plan;
    ctx.diagnostics.push(msg.notATable(name, s.name.span));
    return { kind: 'Values', rows: [], schema: [] };
  }
  const tables = ctx.catalog.tables;
  const r = resolveName(name, tables.map((t) => t.name), ctx.dialect);
  if (!('found' in r)) {
    if ('ambiguous' in r) ctx.diagnostics.push(msg.ambiguousName(name, s.name.span, r.ambiguous));
    else ctx.diagnostics.push(msg.unknownTable(name, s.name.span, suggestNames(name, [...tables.map((t) => t.name), ...letNames])));
    return { kind: 'Values', rows: [], schema: [] };
  }
  const table = tables[r.found]!;
  const params = table.parameters ?? [];
  const args: Value[] = [];
  const written = s.args ?? [];
  const required = params.filter((p) => !p.optional).length;
  if (written.length < required || written.length > params.length) {
    const expected = params.map((p) => `${p.name}:${p.type}`).join(', ');
    ctx.diagnostics.push(msg.tableArguments(table.name, `expects ${params.length === 0 ? 'no arguments' : `(${expected})`}, given ${written.length}.`, s.span));
  } else {
    written.forEach((a, i) => {
      const v = bindExpr(a, [], ctx);
      if (v === ERROR_EXPR) return;
      if (v.k !== 'const') ctx.diagnostics.push(msg.expectedConstant(`The argument ${params[i]!.name} of ${table.name}`, a.span));
      else args.push(v.value);
    });
  }
  ctx.tablesRead.add(table.name);
  return { kind: 'Scan', table: table.name, args, schema: table.columns.map((c) => ({ name: c.name, type: c.type })) };
}

function bindDatatable(s: ast.Datatable, ctx: BindContext): PlanNode {
  const schema = s.columns.map((c) => ({ name: c.name.name, type: c.type }));
  const width = schema.length;
  // Two columns of one name could never be told apart (Kusto: KS171). Names differing in case are
  // two columns, in cmpivot too, where only a reference that cannot choose between them is an error.
  const seen = new Set<string>();
  for (const c of s.columns) {
    if (seen.has(c.name.name)) ctx.diagnostics.push(msg.duplicateColumn(c.name.name, c.name.span));
    seen.add(c.name.name);
  }
  if (width === 0 || s.values.length % width !== 0) {
    ctx.diagnostics.push(msg.datatableShape(width, s.values.length, s.values[0]?.span ?? s.span));
    return { kind: 'Values', rows: [], schema };
  }
  const rows: Row[] = [];
  for (let i = 0; i < s.values.length; i += width) {
    const row: Value[] = [];
    for (let j = 0; j < width; j++) {
      const e = s.values[i + j]!;
      const v = bindExpr(e, [], ctx);
      const type = schema[j]!.type;
      if (v === ERROR_EXPR) { row.push(null); continue; }
      if (v.k !== 'const') {
        ctx.diagnostics.push(msg.expectedConstant('A datatable value', e.span));
        row.push(null);
        continue;
      }
      const converted = fitValue(v.value, v.type, type);
      if (converted === undefined) {
        ctx.diagnostics.push(msg.expectedType(`The value for column '${schema[j]!.name}'`, type, v.type, e.span));
        row.push(null);
      } else row.push(converted);
    }
    rows.push(row);
  }
  return { kind: 'Values', rows, schema };
}

/** A literal placed in a typed column: numbers widen, a typed null fits anywhere; otherwise undefined. */
function fitValue(v: Value, from: ScalarType, to: ScalarType): Value | undefined {
  if (v === null) return to === 'string' ? '' : null;
  if (from === to) return v;
  if ((to === 'real' || to === 'long' || to === 'int') && (from === 'long' || from === 'int' || from === 'real')) {
    return to === 'real' ? v : Math.trunc(v as number);
  }
  if (to === 'dynamic') return v;
  if (to === 'guid' && from === 'string') return (v as string).toLowerCase();
  return undefined;
}

function bindPrint(s: ast.Print, ctx: BindContext): PlanNode {
  const one: PlanNode = { kind: 'Values', rows: [[]], schema: [] };
  // Unnamed print items are print_0, print_1… by position, not Column1.
  return bindExtendOrProject({ kind: 'Project', span: s.span, keywordSpan: s.span, items: s.items }, one, ctx, (i) => `print_${i}`);
}

function bindRange(s: ast.Range, ctx: BindContext): PlanNode {
  const from = bindExpr(s.from, [], ctx);
  const to = bindExpr(s.to, [], ctx);
  const step = bindExpr(s.step, [], ctx);
  const name = s.column.name;
  const empty: PlanNode = { kind: 'Values', rows: [], schema: [{ name, type: 'long' }] };
  if ([from, to, step].includes(ERROR_EXPR)) return empty;
  for (const [e, written] of [[from, s.from], [to, s.to], [step, s.step]] as const) {
    if (!isNumberBacked(e.type) || !isConstantOrClock(e)) {
      ctx.diagnostics.push(msg.expectedConstant('The bounds and step of range', written.span));
      return empty;
    }
  }
  const type: ScalarType = from.type === 'int' ? 'long' : from.type;
  if (step.k === 'const' && step.value === 0) {
    ctx.diagnostics.push(msg.tableArguments('range', 'the step must not be zero.', s.step.span));
    return empty;
  }
  // A number step over datetimes counts days, as a timespan literal would.
  const days: BoundExpr = type === 'datetime' && step.type !== 'timespan'
    ? { k: 'arith', type: 'timespan', op: '*', left: step, right: { k: 'const', type: 'real', value: MS_PER_DAY } }
    : step;
  return { kind: 'Range', type, from, to, step: days, schema: [{ name, type }] };
}

/** A range bound may be a constant or read only the clock (`ago(7d)`, `now()`), never a column. */
function isConstantOrClock(e: BoundExpr): boolean {
  switch (e.k) {
    case 'const': return true;
    case 'col': return false;
    case 'call': return e.args.every(isConstantOrClock);
    case 'in': return isConstantOrClock(e.left) && e.items.every(isConstantOrClock);
    default: return isConstantOrClock(e.left) && isConstantOrClock(e.right);
  }
}

export { projectNode, generatedName };
