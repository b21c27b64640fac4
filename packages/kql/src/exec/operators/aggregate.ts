import type { AggregateNode } from '../../plan/plan-node.js';
import type { AggregateImpl } from '../../functions/function-types.js';
import type { Value } from '../../values/value.js';
import type { ExecContext } from '../exec-context.js';
import { checkAborted } from '../exec-context.js';
import type { Table } from '../table.js';
import { type Column, ColumnBuilder, gather, getValue } from '../column.js';
import { compileVector } from '../compile-vector.js';
import { groupRows } from '../grouping.js';

/**
 * summarize. In `full` mode each aggregate folds its rows and yields results; `partial` (on a device)
 * yields each group's JSON state instead; `final` (on the site) merges the states devices sent.
 */
export function execAggregate(node: AggregateNode, input: Table, ctx: ExecContext): Table {
  const keyCount = node.keys.length;
  const keys: Column[] = node.mode === 'final'
    ? input.columns.slice(0, keyCount)
    : node.keys.map((k) => compileVector(k, ctx)(input));
  const grouping = groupRows(keys, input.length, () => checkAborted(ctx));
  // summarize with no `by` over no rows still gives one row (count() = 0), as Kusto does.
  const groups = keyCount === 0 ? 1 : grouping.count;
  const impls: AggregateImpl[] = node.aggregates.map((a) => a.fn.create(a.argInfo, ctx.dialect));
  const states: unknown[][] = impls.map((impl) => {
    const s = new Array<unknown>(groups);
    for (let g = 0; g < groups; g++) s[g] = impl.init();
    return s;
  });
  const { groupOf } = grouping;
  const counted = new Map<number, Float64Array>();
  if (node.mode === 'final') {
    node.aggregates.forEach((_, a) => {
      const col = input.columns[keyCount + a]!;
      const impl = impls[a]!;
      const st = states[a]!;
      for (let i = 0; i < input.length; i++) {
        const g = groupOf[i]!;
        st[g] = impl.merge(st[g], getValue(col, i));
      }
    });
  } else {
    node.aggregates.forEach((agg, a) => {
      checkAborted(ctx);
      const impl = impls[a]!;
      const st = states[a]!;
      if (agg.args.length === 0) {
        if (node.mode === 'full' && agg.fn.name === 'count') {
          // count() is the common case: count into a typed array, no state objects.
          const counts = new Float64Array(groups);
          for (let i = 0; i < input.length; i++) counts[groupOf[i]!]!++;
          checkAborted(ctx);
          counted.set(a, counts);
          return;
        }
        for (let i = 0; i < input.length; i++) { const g = groupOf[i]!; st[g] = impl.add(st[g], NO_ARGS); }
        return;
      }
      const argCols = agg.args.map((e) => compileVector(e, ctx)(input));
      const args: Value[] = new Array(argCols.length);
      for (let i = 0; i < input.length; i++) {
        if ((i & 0xffff) === 0xffff) checkAborted(ctx);
        for (let j = 0; j < argCols.length; j++) args[j] = getValue(argCols[j]!, i);
        const g = groupOf[i]!;
        st[g] = impl.add(st[g], args);
      }
    });
  }
  checkAborted(ctx);
  const firstRows = Int32Array.from(grouping.firstRow);
  const out: Column[] = keys.map((k) => gather(k, firstRows));
  let at = keyCount;
  node.aggregates.forEach((agg, a) => {
    if (node.mode === 'partial') {
      const b = new ColumnBuilder('dynamic', groups);
      for (let g = 0; g < groups; g++) b.push(states[a]![g] as Value);
      out.push(b.finish());
      at++;
      return;
    }
    const counts = counted.get(a);
    if (counts) {
      out.push({ kind: 'num', length: groups, data: counts, nulls: null });
      at++;
      return;
    }
    const builders = Array.from({ length: agg.width }, (_, j) => new ColumnBuilder(node.schema[at + j]!.type, groups));
    for (let g = 0; g < groups; g++) {
      const r = impls[a]!.result(states[a]![g]);
      if (agg.width === 1 && !agg.fn.outputs) builders[0]!.push(r as Value);
      else for (let j = 0; j < agg.width; j++) builders[j]!.push((r as Value[])[j] ?? null);
    }
    for (const b of builders) out.push(b.finish());
    at += agg.width;
  });
  return { schema: node.schema, columns: out, length: groups };
}

const NO_ARGS: readonly Value[] = [];
