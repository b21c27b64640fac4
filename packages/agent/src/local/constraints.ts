import type { BoundExpr, PlanNode, ScanNode, Value } from '@openpivot/kql';
import type { Constraint } from '../providers/provider.js';

/**
 * The conditions a query puts directly on an entity's rows (`Process | where Name == 'sshd'`), for
 * its provider to read less. Only the conjuncts of `where`s sitting right on the scan count, and only
 * simple shapes (column against constants); anything else is left to the engine, which applies the
 * whole predicate anyway.
 */
export function pushedConstraints(plan: PlanNode): Map<ScanNode, Constraint[]> {
  const found = new Map<ScanNode, Constraint[]>();
  const visit = (node: PlanNode): void => {
    if (node.kind === 'Filter') {
      const predicates: BoundExpr[] = [];
      let below: PlanNode = node;
      while (below.kind === 'Filter') {
        predicates.push(below.predicate);
        below = below.input;
      }
      if (below.kind === 'Scan') {
        const scan = below;
        const list = found.get(scan) ?? [];
        for (const p of predicates) for (const c of conjuncts(p)) {
          const k = asConstraint(c, scan);
          if (k) list.push(k);
        }
        found.set(scan, list);
        return;
      }
    }
    for (const child of children(node)) visit(child);
  };
  visit(plan);
  return found;
}

function children(node: PlanNode): PlanNode[] {
  switch (node.kind) {
    case 'Scan': case 'Values': case 'Range': case 'Exchange': return [];
    case 'Join': return [node.left, node.right];
    case 'Union': return [...node.inputs];
    default: return [node.input];
  }
}

function conjuncts(e: BoundExpr): BoundExpr[] {
  return e.k === 'logic' && e.op === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

function asConstraint(e: BoundExpr, scan: ScanNode): Constraint | undefined {
  const column = (x: BoundExpr): string | undefined => (x.k === 'col' ? scan.schema[x.index]?.name : undefined);
  switch (e.k) {
    case 'compare': {
      const col = column(e.left);
      if (col === undefined || e.right.k !== 'const' || e.right.value === null) return undefined;
      if (e.op === '==') return { column: col, op: e.ignoreCase ? '=~' : '==', value: e.right.value };
      if (e.op === '!=') return undefined;
      return { column: col, op: e.op, value: e.right.value };
    }
    case 'in': {
      const col = column(e.left);
      if (col === undefined || e.negated || !e.items.every((i) => i.k === 'const')) return undefined;
      const values: Value[] = e.items.flatMap((i) => (i.k === 'const' ? (Array.isArray(i.value) ? i.value : [i.value]) : []));
      return { column: col, op: 'in', value: values };
    }
    case 'string': {
      const col = column(e.left);
      if (col === undefined || e.right.k !== 'const' || e.op !== 'startswith') return undefined;
      return { column: col, op: 'startswith', value: e.right.value };
    }
    default:
      return undefined;
  }
}
