import type { ColumnSchema } from '../types/schema.js';
import type { Value, Row } from '../values/value.js';
import { type Column, columnFromValues, getValue, gather, concatColumns, constantColumn } from './column.js';

/** A batch of rows held as columns, with its schema. Immutable once built. */
export interface Table {
  readonly schema: readonly ColumnSchema[];
  readonly columns: readonly Column[];
  readonly length: number;
}

export function tableFromRows(schema: readonly ColumnSchema[], rows: readonly Row[]): Table {
  const columns = schema.map((c, j) => columnFromValues(c.type, rows.map((r) => r[j] ?? (c.type === 'string' ? '' : null))));
  return { schema, columns, length: rows.length };
}

export function tableRows(t: Table): Row[] {
  const rows: Row[] = new Array(t.length);
  for (let i = 0; i < t.length; i++) rows[i] = t.columns.map((c) => getValue(c, i));
  return rows;
}

export function rowAt(t: Table, i: number): Value[] {
  return t.columns.map((c) => getValue(c, i));
}

export function emptyTable(schema: readonly ColumnSchema[]): Table {
  return tableFromRows(schema, []);
}

export function selectRows(t: Table, index: Int32Array): Table {
  return { schema: t.schema, columns: t.columns.map((c) => gather(c, index)), length: index.length };
}

export function sliceRows(t: Table, n: number): Table {
  if (n >= t.length) return t;
  const index = new Int32Array(Math.max(0, n));
  for (let i = 0; i < index.length; i++) index[i] = i;
  return selectRows(t, index);
}

/**
 * Appends tables that share column names and types by position, or — when `schema` is given — maps each
 * table's columns onto it by name, filling absent columns with nulls (union of differing tables).
 */
export function concatTables(schema: readonly ColumnSchema[], tables: readonly Table[], checkpoint: () => void = () => {}): Table {
  const parts = tables.map((t) =>
    schema.map((c) => {
      const j = t.schema.findIndex((s) => s.name === c.name && s.type === c.type);
      return j >= 0 ? t.columns[j]! : constantColumn(c.type, c.type === 'string' ? '' : null, t.length);
    }),
  );
  const columns = schema.map((c, j) => {
    checkpoint();
    return concatColumns(c.type, parts.map((p) => p[j]!));
  });
  return { schema, columns, length: tables.reduce((s, t) => s + t.length, 0) };
}
