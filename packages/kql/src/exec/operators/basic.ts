import type { FilterNode, ProjectNode, RangeNode, LimitNode, ValuesNode, ScanNode, ExchangeNode } from '../../plan/plan-node.js';
import { type ExecContext, checkAborted } from '../exec-context.js';
import { type Table, tableFromRows, selectRows, sliceRows, emptyTable } from '../table.js';
import { compileVector, dictionaryTest } from '../compile-vector.js';
import type { Column, StrColumn } from '../column.js';
import { bindMessages } from '../../diagnostics/bind-messages.js';
import { compileRow } from '../compile-row.js';

export function execFilter(node: FilterNode, input: Table, ctx: ExecContext): Table {
  const n = input.length;
  const keep = new Int32Array(n);
  let k = 0;
  const dict = dictionaryTest(node.predicate, ctx);
  if (dict) {
    // One pass over the codes, straight to the kept rows: no mask in between.
    const col = input.columns[dict.column] as StrColumn;
    const verdict = new Uint8Array(col.dict.length);
    for (let c = 0; c < verdict.length; c++) verdict[c] = dict.test(col.dict[c]!) ? 1 : 0;
    const codes = col.codes;
    for (let i = 0; i < n; i++) if (verdict[codes[i]!] === 1) keep[k++] = i;
    return k === n ? input : selectRows(input, keep.subarray(0, k));
  }
  const mask = compileVector(node.predicate, ctx)(input);
  if (mask.kind === 'bool') {
    const d = mask.data;
    for (let i = 0; i < n; i++) if (d[i] === 1) keep[k++] = i;
  } else if (mask.kind === 'any') {
    // A dynamic predicate keeps rows whose value is the boolean true.
    for (let i = 0; i < n; i++) if (mask.data[i] === true) keep[k++] = i;
  }
  if (k === n) return input;
  return selectRows(input, keep.subarray(0, k));
}

export function execProject(node: ProjectNode, input: Table, ctx: ExecContext): Table {
  const columns: Column[] = node.exprs.map((e) => {
    checkAborted(ctx);
    return compileVector(e, ctx)(input);
  });
  return { schema: node.schema, columns, length: input.length };
}

export function execValues(node: ValuesNode): Table {
  return tableFromRows(node.schema, node.rows);
}

/** At most this many rows from `range`: a typo such as `step 0.0001` must not eat the device's memory. */
export const MAX_RANGE_ROWS = 1_000_000;

export function execRange(node: RangeNode, ctx: ExecContext): Table {
  const bound = (e: RangeNode['from']): number => {
    const v = compileRow(e, ctx)([], 0);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error('range: a bound or the step is null or not finite.');
    return v;
  };
  const from = bound(node.from);
  const to = bound(node.to);
  const step = bound(node.step);
  if (step === 0) throw new Error('range: the step must not be zero.');
  const count = (step > 0 ? to >= from : to <= from) ? Math.floor((to - from) / step) + 1 : 0;
  if (count > MAX_RANGE_ROWS) throw new Error(`range would produce ${count} rows; at most ${MAX_RANGE_ROWS} are allowed.`);
  const data = new Float64Array(count);
  for (let i = 0; i < count; i++) data[i] = from + i * step;
  return { schema: node.schema, columns: [{ kind: 'num', length: count, data, nulls: null }], length: count };
}

export function execLimit(node: LimitNode, input: Table): Table {
  return sliceRows(input, node.count);
}

export function execScan(node: ScanNode, ctx: ExecContext): Table {
  const t = ctx.sources.scan?.(node);
  if (!t) throw new Error(bindMessages.unknownTable(node.table, { start: 0, end: 0 }, []).message);
  return conform(node.schema.map((c) => c.name), t, node);
}

export function execExchange(node: ExchangeNode, ctx: ExecContext): Table {
  return ctx.sources.exchange?.(node.id) ?? emptyTable(node.schema);
}

/** A source's table must carry the declared columns in the declared order; reorder by name if not. */
function conform(names: readonly string[], t: Table, node: ScanNode): Table {
  if (t.schema.length === names.length && t.schema.every((c, i) => c.name === names[i])) return t;
  const columns = names.map((n) => {
    const j = t.schema.findIndex((c) => c.name === n);
    if (j < 0) throw new Error(`${node.table}: the source gave no column '${n}'.`);
    return t.columns[j]!;
  });
  return { schema: node.schema, columns, length: t.length };
}
