import type { PlanNode, PlanKind } from '../plan/plan-node.js';
import type { ExecContext } from './exec-context.js';
import { checkAborted } from './exec-context.js';
import type { Table } from './table.js';
import { execFilter, execProject, execValues, execRange, execLimit, execScan, execExchange } from './operators/basic.js';
import { execAggregate } from './operators/aggregate.js';
import { execSort, execTop } from './operators/sort.js';
import { execJoin } from './operators/join.js';
import { execUnion, execMvExpand, execParse } from './operators/reshape.js';

type Executor<K extends PlanKind> = (node: Extract<PlanNode, { kind: K }>, ctx: ExecContext) => Table;

/** One executor per plan node kind; inputs are evaluated first, then the operator runs over them. */
const EXECUTORS: { readonly [K in PlanKind]: Executor<K> } = {
  Scan: (node, ctx) => execScan(node, ctx),
  Exchange: (node, ctx) => execExchange(node, ctx),
  Values: (node) => execValues(node),
  Range: (node, ctx) => execRange(node, ctx),
  Filter: (node, ctx) => execFilter(node, run(node.input, ctx), ctx),
  Project: (node, ctx) => execProject(node, run(node.input, ctx), ctx),
  Aggregate: (node, ctx) => execAggregate(node, run(node.input, ctx), ctx),
  Sort: (node, ctx) => execSort(node, run(node.input, ctx), ctx),
  Top: (node, ctx) => execTop(node, run(node.input, ctx), ctx),
  Limit: (node, ctx) => execLimit(node, run(node.input, ctx)),
  Join: (node, ctx) => execJoin(node, run(node.left, ctx), run(node.right, ctx), ctx),
  Union: (node, ctx) => execUnion(node, node.inputs.map((i) => run(i, ctx)), ctx),
  MvExpand: (node, ctx) => execMvExpand(node, run(node.input, ctx), ctx),
  Parse: (node, ctx) => execParse(node, run(node.input, ctx), ctx),
};

/** Runs a plan to a table. Entities and exchanges come from `ctx.sources`; the engine does no I/O. */
export function run(node: PlanNode, ctx: ExecContext): Table {
  checkAborted(ctx);
  const withCheckpoint = ctx.checkpoint ? ctx : { ...ctx, checkpoint: () => checkAborted(ctx) };
  return (EXECUTORS[node.kind] as Executor<PlanKind>)(node as never, withCheckpoint);
}
