import { runMergePart, tableFromRows, type Table, type Row, type ColumnSchema, type ScalarType } from '@openpivot/kql';
import type { ChunkRecord } from '../store/index.js';
import type { PreparedQuery } from './prepared-query.js';

/**
 * Checks that rows from an agent fit a device part's schema before the engine sees them: right width,
 * and each value of its column's kind. An agent is a remote party; a bad value is its error, not ours.
 */
export function checkRows(schema: readonly ColumnSchema[], rows: readonly unknown[][]): string | null {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length !== schema.length) return `row ${i} has ${row.length} values; the query's device part has ${schema.length} columns`;
    for (let j = 0; j < row.length; j++) {
      if (!fits(row[j], schema[j]!.type)) return `row ${i}, column ${schema[j]!.name}: ${JSON.stringify(row[j])?.slice(0, 40)} is not a ${schema[j]!.type}`;
    }
  }
  return null;
}

function fits(v: unknown, type: ScalarType): boolean {
  if (v === null) return true;
  switch (type) {
    case 'bool': return typeof v === 'boolean';
    case 'int': case 'long': case 'real': case 'datetime': case 'timespan': return typeof v === 'number';
    case 'string': case 'guid': return typeof v === 'string';
    default: return true; // dynamic: any JSON value
  }
}

/** Every device's output, grouped for the merge part: outputs[d][part] is a table. */
export function deviceOutputs(query: PreparedQuery, chunks: readonly ChunkRecord[]): Table[][] {
  const byDevice = new Map<number, Row[][]>();
  for (const c of chunks) {
    const parts = byDevice.get(c.deviceId) ?? query.split.device.map(() => []);
    const rows = JSON.parse(c.rowsJson) as Row[];
    const target = parts[c.part];
    if (target) for (const r of rows) target.push(r);
    byDevice.set(c.deviceId, parts);
  }
  return [...byDevice.values()].map((parts) => parts.map((rows, i) => tableFromRows(query.split.device[i]!.schema, rows)));
}

/** The merged answer over whatever has arrived. */
export function mergeResult(query: PreparedQuery, chunks: readonly ChunkRecord[], now: number): Table {
  return runMergePart(query.split, deviceOutputs(query, chunks), { now, dialect: query.dialect });
}
