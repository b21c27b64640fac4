import type * as ast from '../syntax/ast.js';
import type { Catalog, ColumnSchema } from '../types/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dialect } from '../functions/function-types.js';
import type { PlanNode, ChartSpec } from '../plan/plan-node.js';
import { bindMessages as msg } from '../diagnostics/bind-messages.js';
import type { BindContext } from './context.js';
import { bindExpr, ERROR_EXPR } from './bind-expr.js';
import { bindSource } from './bind-source.js';
import { bindExtendOrProject, bindProjectAway, bindProjectRename, bindProjectReorder } from './bind-project.js';
import { bindSummarize, bindCount, bindDistinct } from './bind-summarize.js';
import { bindSort, bindTop, bindTake } from './bind-sort.js';
import { bindJoin, bindUnion } from './bind-join.js';
import { bindWhere, bindMvExpand, bindParse, bindRender } from './bind-misc.js';
import { tableLabel } from './bind-source.js';
import { resolveName } from './names.js';

/** Whether a name in a `let` value refers to a table (a catalog entity or an earlier tabular let). */
function namesTable(name: string, ctx: BindContext): boolean {
  const letNames = [...ctx.lets.keys()];
  const l = resolveName(name, letNames, ctx.dialect);
  if ('found' in l) return ctx.lets.get(letNames[l.found]!)!.kind === 'table';
  return 'found' in resolveName(name, ctx.catalog.tables.map((t) => t.name), ctx.dialect);
}

export interface BindOptions {
  readonly catalog: Catalog;
  readonly dialect?: Dialect;
}

export interface Bound {
  /** Null only when the text holds no query at all. */
  readonly plan: PlanNode | null;
  readonly schema: readonly ColumnSchema[];
  readonly chart?: ChartSpec;
  readonly diagnostics: readonly Diagnostic[];
  /** The entities the query reads (declared spelling): what permissions are checked against. */
  readonly tables: readonly string[];
  readonly dialect: Dialect;
}

type OperatorBinder = (op: never, input: PlanNode, ctx: BindContext, state: TabularState) => PlanNode;
interface TabularState { chart?: ChartSpec; readonly bindTabular: (t: ast.Tabular, ctx: BindContext) => PlanNode }

/** One binder per tabular operator; the Record makes a new operator kind a compile error until handled. */
const OPERATORS: { readonly [K in ast.OperatorKind]: (op: Extract<ast.Operator, { kind: K }>, input: PlanNode, ctx: BindContext, state: TabularState) => PlanNode } = {
  Where: (op, input, ctx) => bindWhere(op, input, ctx),
  Project: (op, input, ctx) => bindExtendOrProject(op, input, ctx),
  Extend: (op, input, ctx) => bindExtendOrProject(op, input, ctx),
  ProjectAway: (op, input, ctx) => bindProjectAway(op, input, ctx),
  ProjectRename: (op, input, ctx) => bindProjectRename(op, input, ctx),
  ProjectReorder: (op, input, ctx) => bindProjectReorder(op, input, ctx),
  Summarize: (op, input, ctx) => bindSummarize(op, input, ctx),
  Count: (_op, input) => bindCount(input),
  Distinct: (op, input, ctx) => bindDistinct(op, input, ctx),
  Sort: (op, input, ctx) => bindSort(op, input, ctx),
  Top: (op, input, ctx) => bindTop(op, input, ctx),
  Take: (op, input, ctx) => bindTake(op, input, ctx),
  Join: (op, input, ctx, state) => bindJoin(op, input, ctx, state.bindTabular),
  Union: (op, input, ctx, state) =>
    bindUnion(op.params, [input, ...op.tables.map((t) => state.bindTabular(t, ctx))], ctx, ['union_arg0', ...op.tables.map((t, i) => tableLabel(t, i + 1))]),
  MvExpand: (op, input, ctx) => bindMvExpand(op, input, ctx),
  Parse: (op, input, ctx) => bindParse(op, input, ctx),
  Render: (op, input, ctx, state) => { state.chart = bindRender(op, ctx); return input; },
  MissingOperator: (_op, input) => input,
};

function bindTabularWith(t: ast.Tabular, ctx: BindContext, state: TabularState): PlanNode {
  let plan = bindSource(t.source, ctx, (inner, c) => bindTabularWith(inner, c, { bindTabular: state.bindTabular }));
  t.operators.forEach((op, i) => {
    if (op.kind === 'Render' && i !== t.operators.length - 1) ctx.diagnostics.push(msg.renderNotLast(op.keywordSpan));
    plan = (OPERATORS[op.kind] as OperatorBinder)(op as never, plan, ctx, state);
  });
  return plan;
}

/** Binds a parsed script against a catalog: types every expression, resolves every name, builds the plan. */
export function bind(script: ast.Script, options: BindOptions): Bound {
  const dialect = options.dialect ?? 'cmpivot';
  const ctx: BindContext = {
    catalog: options.catalog,
    dialect,
    diagnostics: [],
    lets: new Map(),
    evalContext: { now: 0, dialect },
    tablesRead: new Set(),
    joins: 0,
  };
  const bindTabular = (t: ast.Tabular, c: BindContext): PlanNode => bindTabularWith(t, c, { bindTabular });
  let result: { plan: PlanNode; chart?: ChartSpec } | null = null;
  for (const st of script.statements) {
    if (st.kind === 'Let') {
      ctx.lets.set(st.name.name, bindLetValue(st, ctx, bindTabular));
      continue;
    }
    const state: TabularState = { bindTabular };
    const plan = bindTabularWith(st.query, ctx, state);
    result = state.chart ? { plan, chart: state.chart } : { plan };
  }
  if (result === null && ctx.diagnostics.length === 0 && script.statements.length > 0) ctx.diagnostics.push(msg.noQuery(script.span));
  return {
    plan: result?.plan ?? null,
    schema: result?.plan.schema ?? [],
    ...(result?.chart ? { chart: result.chart } : {}),
    diagnostics: ctx.diagnostics,
    tables: [...ctx.tablesRead],
    dialect,
  };
}

/**
 * `let x = 5` is a scalar; `let T = datatable(...)`, `let T = Process` (a bare table name) and
 * `let F = File('c:\x')` (an entity call) are tables.
 */
function bindLetValue(st: ast.LetStatement, ctx: BindContext, bindTabular: (t: ast.Tabular, c: BindContext) => PlanNode) {
  const v = st.value;
  if (v.kind === 'Tabular') return { kind: 'table' as const, plan: bindTabular(v, ctx) };
  const tableName = v.kind === 'Name' ? v.name : v.kind === 'Call' ? v.name.name : undefined;
  if (tableName !== undefined && namesTable(tableName, ctx)) {
    const ident = { name: tableName, span: v.kind === 'Call' ? v.name.span : v.span };
    const source: ast.TableRef = v.kind === 'Call'
      ? { kind: 'TableRef', span: v.span, name: ident, args: v.args }
      : { kind: 'TableRef', span: v.span, name: ident };
    return { kind: 'table' as const, plan: bindTabular({ kind: 'Tabular', span: v.span, source, operators: [] }, ctx) };
  }
  const expr = bindExpr(v, [], ctx);
  return { kind: 'scalar' as const, expr: expr === ERROR_EXPR ? expr : expr };
}
