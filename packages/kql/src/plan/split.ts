import type { PlanNode, AggregateNode, ExchangeNode, JoinNode } from './plan-node.js';
import type { ColumnSchema } from '../types/schema.js';
import { colExpr } from './bound-expr.js';

/**
 * A query cut in two. Each device runs every `device` part over its own entities; the site feeds the
 * concatenation of all devices' outputs of part `i` to the merge plan's `Exchange` node `i`.
 * The law (tested with generated queries): merge(device(D1) … device(Dn)) equals the whole query
 * over the union of every device's rows, up to row order where the query sets none.
 */
export interface SplitPlan {
  readonly device: readonly PlanNode[];
  readonly merge: PlanNode;
}

type Placed =
  /** Runs on each device; its output can be concatenated across devices. */
  | { readonly at: 'device'; readonly node: PlanNode }
  /** Runs once, on the site. */
  | { readonly at: 'merge'; readonly node: PlanNode }
  /** Reads no entity (datatable, print, range): runs once, on the site. */
  | { readonly at: 'const'; readonly node: PlanNode };

export function split(plan: PlanNode): SplitPlan {
  const device: PlanNode[] = [];
  const toMerge = (p: Placed): PlanNode => {
    if (p.at !== 'device') return p.node;
    const exchange: ExchangeNode = { kind: 'Exchange', id: device.length, schema: p.node.schema };
    device.push(p.node);
    return exchange;
  };

  const place = (node: PlanNode): Placed => {
    switch (node.kind) {
      case 'Scan': return { at: 'device', node };
      case 'Values': case 'Range': case 'Exchange': return { at: 'const', node };
      // Row by row: wherever the input is, this goes too.
      case 'Filter': case 'Project': case 'MvExpand': case 'Parse': {
        const input = place(node.input);
        return { at: input.at, node: { ...node, input: input.node } as PlanNode };
      }
      case 'Aggregate': {
        const input = place(node.input);
        if (input.at !== 'device' || node.mode !== 'full') return { at: input.at === 'const' ? 'const' : 'merge', node: { ...node, input: toMerge(input) } };
        // Grouped by Device, every group lives on one device: the device answers it whole.
        if (groupsByDevice(node)) return { at: 'device', node: { ...node, input: input.node } };
        return { at: 'merge', node: splitAggregate(node, input.node, toMerge) };
      }
      case 'Top': case 'Limit': {
        // Each device cuts its own best N; the site cuts the best N of those.
        const input = place(node.input);
        if (input.at !== 'device') return { at: input.at, node: { ...node, input: input.node } as PlanNode };
        return { at: 'merge', node: { ...node, input: toMerge({ at: 'device', node: { ...node, input: input.node } as PlanNode }) } as PlanNode };
      }
      case 'Sort': {
        const input = place(node.input);
        return { at: input.at === 'const' ? 'const' : 'merge', node: { ...node, input: toMerge(input) } };
      }
      case 'Join': {
        const left = place(node.left);
        const right = place(node.right);
        if (left.at === 'const' && right.at === 'const') return { at: 'const', node: { ...node, left: left.node, right: right.node } };
        // Rows of one device only ever meet rows of the same device when the key includes Device.
        if (left.at === 'device' && right.at === 'device' && joinsOnDevice(node, left.node, right.node)) {
          return { at: 'device', node: { ...node, left: left.node, right: right.node } };
        }
        return { at: 'merge', node: { ...node, left: toMerge(left), right: toMerge(right) } };
      }
      case 'Union': {
        const inputs = node.inputs.map(place);
        if (inputs.every((i) => i.at === 'const')) return { at: 'const', node: { ...node, inputs: inputs.map((i) => i.node) } };
        if (inputs.every((i) => i.at === 'device')) return { at: 'device', node: { ...node, inputs: inputs.map((i) => i.node) } };
        return { at: 'merge', node: { ...node, inputs: inputs.map(toMerge) } };
      }
    }
  };

  const root = place(plan);
  return { device, merge: toMerge(root) };
}

/** summarize over device rows: partial states on each device, merged by key on the site. */
function splitAggregate(node: AggregateNode, input: PlanNode, toMerge: (p: Placed) => PlanNode): AggregateNode {
  const keySchema: ColumnSchema[] = node.schema.slice(0, node.keys.length);
  const partial: AggregateNode = {
    ...node,
    input,
    mode: 'partial',
    schema: [...keySchema, ...node.aggregates.map((_, i) => ({ name: `__state${i}`, type: 'dynamic' as const }))],
  };
  const exchange = toMerge({ at: 'device', node: partial });
  return {
    ...node,
    input: exchange,
    mode: 'final',
    keys: keySchema.map((c, i) => colExpr(c.type, i)),
  };
}

function groupsByDevice(node: AggregateNode): boolean {
  const device = deviceColumns(node.input);
  return node.keys.some((e) => e.k === 'col' && device.has(e.index));
}

function joinsOnDevice(node: JoinNode, left: PlanNode, right: PlanNode): boolean {
  const l = deviceColumns(left);
  const r = deviceColumns(right);
  return node.leftKeys.some((k, i) => l.has(k) && r.has(node.rightKeys[i]!));
}

/** Output columns that still hold the entity's Device value unchanged. */
export function deviceColumns(node: PlanNode): Set<number> {
  switch (node.kind) {
    case 'Scan': {
      const i = node.schema.findIndex((c) => c.name === 'Device');
      return new Set(i >= 0 ? [i] : []);
    }
    case 'Filter': case 'Sort': case 'Top': case 'Limit': case 'Parse':
      return deviceColumns(node.input);
    case 'MvExpand': {
      const cols = deviceColumns(node.input);
      for (const t of node.columns) cols.delete(t.index);
      return cols;
    }
    case 'Project': {
      const input = deviceColumns(node.input);
      const out = new Set<number>();
      node.exprs.forEach((e, j) => { if (e.k === 'col' && input.has(e.index)) out.add(j); });
      return out;
    }
    case 'Aggregate': {
      const input = deviceColumns(node.input);
      const out = new Set<number>();
      node.keys.forEach((e, j) => { if (e.k === 'col' && input.has(e.index)) out.add(j); });
      return out;
    }
    case 'Join': {
      if (node.joinKind === 'rightsemi' || node.joinKind === 'rightanti') return deviceColumns(node.right);
      const left = deviceColumns(node.left);
      if (node.joinKind === 'leftsemi' || node.joinKind === 'leftanti') return left;
      // Outer joins leave nulls where a side is missing; only inner kinds keep Device everywhere.
      if (node.joinKind !== 'inner' && node.joinKind !== 'innerunique') return new Set();
      const offset = node.left.schema.length;
      for (const r of deviceColumns(node.right)) left.add(r + offset);
      return left;
    }
    default:
      return new Set();
  }
}
