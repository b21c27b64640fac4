import type { PlanNode } from '../plan/plan-node.js';
import { colExpr } from '../plan/bound-expr.js';
import { resolveName } from './names.js';

/**
 * CMPivot joins "the matching row for the same device", and published queries rely on it even when the
 * right side has projected Device away: `OS | join (Device | project UserName)` (fact sheet §2.8).
 * The right side's rows still belong to a device; this rewrite makes that explicit by carrying Device
 * through the right side as one more, last, column, so the bare join can key on it. Operators that keep
 * rows per device (where, project, extend, summarize, distinct, sort, mv-expand, parse, join) carry it —
 * `summarize` and `distinct` then work per device, as they would on each device alone. Operators whose
 * answer depends on the other devices' rows (take, top, union, constant sources) cannot: undefined.
 *
 * The returned node's schema is the input node's schema plus a trailing Device column, so every column
 * index above it stays valid.
 */
export function keepDevice(node: PlanNode): PlanNode | undefined {
  const at = deviceIndex(node);
  if (at === node.schema.length - 1) return node;
  // A copy of the Device column, last, keeps the columns before it where the operators above expect them.
  if (at !== undefined) return { kind: 'Project', input: node, schema: [...node.schema, node.schema[at]!], exprs: [...node.schema, node.schema[at]!].map((c, j) => colExpr(c.type, j === node.schema.length ? at : j)) };
  switch (node.kind) {
    case 'Filter': return passThrough(node, (input) => ({ ...node, input, schema: input.schema }));
    case 'Sort': return passThrough(node, (input) => ({ ...node, input, schema: input.schema }));
    case 'MvExpand': return passThrough(node, (input) => withDevice({ ...node, input }, node));
    case 'Project': return passThrough(node, (input) => {
      const d = input.schema.length - 1;
      return { ...node, input, exprs: [...node.exprs, colExpr(input.schema[d]!.type, d)], schema: [...node.schema, input.schema[d]!] };
    });
    case 'Parse': return passThrough(node, (input) => withDevice({ ...node, input }, node));
    case 'Aggregate': {
      if (node.mode !== 'full') return undefined;
      return passThrough(node, (input) => {
        const d = input.schema.length - 1;
        const keys = [...node.keys, colExpr(input.schema[d]!.type, d)];
        const schema = [...node.schema.slice(0, node.keys.length), input.schema[d]!, ...node.schema.slice(node.keys.length)];
        return moveLast({ ...node, input, keys, schema }, node.keys.length);
      });
    }
    case 'Join': {
      // Rows keep their device through a join when its left side does (a bare join pairs rows of one device).
      if (node.joinKind === 'rightanti' || node.joinKind === 'rightsemi') return undefined;
      const left = keepDevice(node.left);
      if (!left) return undefined;
      const d = left.schema.length - 1;
      const schema = [...left.schema, ...node.schema.slice(node.left.schema.length)];
      return moveLast({ ...node, left, schema }, d);
    }
    default: return undefined;
  }
}

function deviceIndex(node: PlanNode): number | undefined {
  const r = resolveName('Device', node.schema.map((c) => c.name), 'cmpivot');
  return 'found' in r ? r.found : undefined;
}

/** Rebuilds `node` over its input rewritten to end in Device. */
function passThrough<N extends PlanNode & { readonly input: PlanNode }>(node: N, rebuild: (input: PlanNode) => PlanNode): PlanNode | undefined {
  const input = keepDevice(node.input);
  return input ? rebuild(input) : undefined;
}

/**
 * For operators that keep their input's columns in place and append their own (parse's captures,
 * mv-expand's item index): the input's trailing Device sits between the two, so it is moved last.
 */
function withDevice(rebuilt: PlanNode & { readonly input: PlanNode }, original: PlanNode & { readonly input: PlanNode }): PlanNode {
  const n = original.input.schema.length;
  const device = rebuilt.input.schema[n]!;
  const schema = [...original.schema.slice(0, n), device, ...original.schema.slice(n)];
  const node = { ...rebuilt, schema } as PlanNode;
  return n < original.schema.length ? moveLast(node, n) : node;
}

/** A projection moving column `from` to the end, the others keeping their order. */
function moveLast(node: PlanNode, from: number): PlanNode {
  const order = node.schema.map((_, i) => i).filter((i) => i !== from);
  order.push(from);
  return {
    kind: 'Project', input: node,
    exprs: order.map((i) => colExpr(node.schema[i]!.type, i)),
    schema: order.map((i) => node.schema[i]!),
  };
}
