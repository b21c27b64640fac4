import type { UnionNode, MvExpandNode, ParseNode } from '../../plan/plan-node.js';
import type { Value } from '../../values/value.js';
import { type ExecContext, checkAborted } from '../exec-context.js';
import { type Table, concatTables } from '../table.js';
import { type Column, ColumnBuilder, constantColumn, getValue } from '../column.js';
import { compileVector } from '../compile-vector.js';
import { converterTo } from '../../values/convert.js';
import { textOf } from '../compile-row.js';

export function execUnion(node: UnionNode, inputs: readonly Table[], ctx: ExecContext): Table {
  checkAborted(ctx);
  const checkpoint = () => checkAborted(ctx);
  if (!node.sourceLabels) return concatTables(node.schema, inputs, checkpoint);
  const [source, ...rest] = node.schema;
  const labelled = inputs.map((t, i): Table => ({
    schema: [source!, ...t.schema],
    columns: [constantColumn('string', node.sourceLabels![i] ?? '', t.length), ...t.columns],
    length: t.length,
  }));
  return concatTables([source!, ...rest], labelled, checkpoint);
}

/**
 * mv-expand: each row becomes one row per element of its array(s); several arrays expand side by
 * side (the shorter padded with null). A property bag expands to one `{key: value}` bag (or `[key, value]`
 * array) per property; a scalar or null stays one row; an empty array gives no row.
 */
export function execMvExpand(node: MvExpandNode, input: Table, ctx: ExecContext): Table {
  const targets = node.columns;
  const builders = node.schema.map((c) => new ColumnBuilder(c.type, input.length));
  const casts = targets.map((t) => converterTo(t.type, 'dynamic'));
  const isTarget = node.schema.map((_, j) => targets.findIndex((t) => t.index === j));
  for (let i = 0; i < input.length; i++) {
    const lists = targets.map((t) => elements(getValue(input.columns[t.index]!, i), node.bagAsArray));
    if ((i & 0x3fff) === 0x3fff) checkAborted(ctx);
    const count = Math.min(Math.max(0, ...lists.map((l) => l.length)), node.limit);
    for (let r = 0; r < count; r++) {
      for (let j = 0; j < builders.length; j++) {
        const ti = isTarget[j]!;
        if (node.itemIndex && j === builders.length - 1) builders[j]!.push(r);
        else if (ti >= 0) builders[j]!.push(casts[ti]!(lists[ti]![r] ?? null));
        else builders[j]!.push(getValue(input.columns[j]!, i));
      }
    }
  }
  const columns = builders.map((b) => b.finish());
  return { schema: node.schema, columns, length: columns[0]?.length ?? 0 };
}

function elements(v: Value, bagAsArray: boolean): Value[] {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => (bagAsArray ? [k, x] : { [k]: x }));
  return [v];
}

/**
 * parse: one regex match per row; a row that does not match gets nulls (empty strings). A source that
 * is not a string is parsed as its text, as Kusto converts it. In the strict kinds (simple, regex) a
 * typed column whose text does not convert fails the whole row; kind=relaxed nulls just that column.
 */
export function execParse(node: ParseNode, input: Table, ctx: ExecContext): Table {
  const source = compileVector(node.source, ctx)(input);
  const asText = textOf(node.source.type);
  const start = input.schema.length;
  const builders = node.captures.map((c, j) => new ColumnBuilder(node.schema[start + j]!.type, input.length));
  const casts = node.captures.map((c) => converterTo(c.type, 'string'));
  const values: Value[] = new Array(node.captures.length);
  for (let i = 0; i < input.length; i++) {
    const v = getValue(source, i);
    const m = v === null ? null : node.regex.exec(asText(v));
    let ok = m !== null;
    for (let j = 0; ok && j < values.length; j++) {
      const x = casts[j]!(m!.groups?.[`c${j}`] ?? '');
      values[j] = x;
      if (x === null && node.captures[j]!.type !== 'string' && !node.relaxed) ok = false;
    }
    builders.forEach((b, j) => b.push(ok ? values[j]! : null));
  }
  const columns: Column[] = [...input.columns, ...builders.map((b) => b.finish())];
  return { schema: node.schema, columns, length: input.length };
}
