import { encodeValue, tableRows, type Table, type ColumnSchema, type JsonValue } from '@openpivot/kql';
import type { OperationRecord, Store } from '../store/index.js';
import type { PreparedQuery } from '../operations/prepared-query.js';
import { mergeResult } from '../operations/merge.js';

/** CMPivot's results pane shows at most 100,000 cells; a page of results holds as many by default. */
export const MAX_PAGE_CELLS = 100_000;

/** Rows as the AdminService returns them: objects keyed by column name, values JSON-encoded by type. */
export function rowObjects(table: Table, from = 0, count = Infinity, device?: string): Record<string, JsonValue>[] {
  const rows = tableRows(table);
  const end = Math.min(rows.length, from + count);
  const hasDevice = table.schema.some((c) => c.name === 'Device');
  const out: Record<string, JsonValue>[] = [];
  for (let i = from; i < end; i++) {
    const o: Record<string, JsonValue> = {};
    table.schema.forEach((c, j) => (o[c.name] = encodeValue(rows[i]![j]!, c.type)));
    // The AdminService names the device on every row of a device's result.
    if (device !== undefined && !hasDevice) o.Device = device;
    out.push(o);
  }
  return out;
}

export function columnsOf(schema: readonly ColumnSchema[]): { Name: string; Type: string }[] {
  return schema.map((c) => ({ Name: c.name, Type: c.type }));
}

/**
 * Merged answers of ended operations do not change: kept for the next page or poll. Running
 * operations are merged anew on every read, over what has arrived.
 */
export class ResultCache {
  private readonly ended = new Map<string, Table>();

  constructor(private readonly store: Store) {}

  async merged(op: OperationRecord, query: PreparedQuery, deviceId?: number): Promise<Table> {
    const key = `${op.id}:${deviceId ?? '*'}`;
    const hit = this.ended.get(key);
    if (hit) return hit;
    // Read the status before the chunks: only an answer read after the end is complete.
    const ended = op.status !== 'running' || (await this.store.getOperation(op.id))?.status !== 'running';
    const chunks = deviceId === undefined ? await this.store.chunks(op.id) : await this.store.deviceChunks(op.id, deviceId);
    const table = mergeResult(query, chunks, op.createdAt);
    if (ended) {
      if (this.ended.size >= 16) this.ended.delete(this.ended.keys().next().value!);
      this.ended.set(key, table);
    }
    return table;
  }
}
