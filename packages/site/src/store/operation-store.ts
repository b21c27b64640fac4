import { sql, type Kysely } from 'kysely';
import { DEVICE_STATUSES, FINAL_DEVICE_STATUSES, type DeviceStatus } from '@openpivot/protocol';
import type { Database } from './db-schema.js';
import type { Store } from './store.js';
import { toChunk, toOperation, toTarget } from './rows.js';
import { checkPage, StoreError } from '@openpivot/server';
import { batches } from './batches.js';
import { foldTargetUpdates, type FoldedUpdate } from './fold-target-updates.js';

export type OperationStore = Pick<Store,
  'createOperation' | 'getOperation' | 'listOperations' | 'runningOperations' | 'finishOperation' | 'targets' |
  'pendingForDevice' | 'updateTargets' | 'saveChunks' | 'chunks' | 'deviceChunks' | 'deleteOperationsBefore'>;

const KNOWN_STATUSES: ReadonlySet<string> = new Set(DEVICE_STATUSES);
const FINAL = [...FINAL_DEVICE_STATUSES];
/** Delivery is still owed to the device in these states. */
const UNDELIVERED: DeviceStatus[] = ['pending', 'offline', 'delivered'];
// Rows per statement: 9 parameters a target row, 6 a chunk row, well under SQLite's 32766.
const ROWS_PER_STATEMENT = 1000;

function checkStatus(status: string, field: string): void {
  if (!KNOWN_STATUSES.has(status)) throw new StoreError('invalid', field, `unknown device status "${status}"`);
}

/** One UPDATE … FROM (VALUES …) per batch: a round trip per thousand targets, not per target. */
async function applyFolded(db: Kysely<Database>, rows: readonly FoldedUpdate[]): Promise<void> {
  // Each value is cast so PostgreSQL types the VALUES columns (SQLite takes the casts as affinities).
  const values = sql.join(rows.map((u) => sql`(cast(${u.operationId} as integer), cast(${u.deviceId} as integer),
    cast(${u.status} as text), cast(${u.setError ? 1 : 0} as integer), cast(${u.error} as text), cast(${u.rows} as integer),
    cast(${u.truncated} as integer), cast(${u.warnings} as text), cast(${u.at} as bigint))`));
  await db
    .with('v(op, dev, status, set_error, error, nrows, truncated, warnings, at)', () => sql<{
      op: number; dev: number; status: string; set_error: number; error: string | null; nrows: number | null;
      truncated: number | null; warnings: string | null; at: number;
    }>`(values ${values})`)
    .updateTable('operation_targets')
    .from('v')
    .set((eb) => ({
      status: eb.ref('v.status'),
      // An omitted field keeps what the target had; error tells "omitted" from "set to null" by its flag.
      error: eb.case().when('v.set_error', '=', 1).then(eb.ref('v.error')).else(eb.ref('operation_targets.error')).end(),
      rows: eb.fn.coalesce('v.nrows', 'operation_targets.rows'),
      truncated: eb.fn.coalesce('v.truncated', 'operation_targets.truncated'),
      warnings: eb.fn.coalesce('v.warnings', 'operation_targets.warnings'),
      updated_at: eb.ref('v.at'),
    }))
    // Naming the operations lets SQLite search the primary key; joined on v alone it scans the whole table.
    .where('operation_targets.operation_id', 'in', [...new Set(rows.map((u) => u.operationId))])
    .whereRef('operation_targets.operation_id', '=', 'v.op')
    .whereRef('operation_targets.device_id', '=', 'v.dev')
    .where('operation_targets.status', 'not in', FINAL)
    .execute();
}

/** Operations, their per-device targets and their result chunks. */
export function operationStore(db: Kysely<Database>): OperationStore {
  return {
    async createOperation(op) {
      op.targets.forEach((t, i) => checkStatus(t.status, `targets[${i}].status`));
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('operations')
          .values({
            user_id: op.userId, user_name: op.userName, source: op.source, target_kind: op.targetKind,
            target_id: op.targetId, query: op.query, query_sha256: op.querySha256, dialect: op.dialect,
            created_at: op.createdAt, expires_at: op.expiresAt, status: 'running', finished_at: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        for (const chunk of batches(op.targets, ROWS_PER_STATEMENT)) {
          await trx.insertInto('operation_targets').values(chunk.map((t) => ({
            operation_id: row.id, device_id: t.deviceId, device_name: t.deviceName, status: t.status, error: null,
            rows: 0, truncated: 0, warnings: '[]', updated_at: op.createdAt,
          }))).onConflict((oc) => oc.columns(['operation_id', 'device_id']).doNothing()).execute();
        }
        return toOperation(row);
      });
    },

    async getOperation(id) {
      const row = await db.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toOperation(row) : null;
    },

    async listOperations(page) {
      checkPage(page);
      const rows = await db.selectFrom('operations').selectAll()
        .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
      return rows.map(toOperation);
    },

    async runningOperations() {
      return (await db.selectFrom('operations').selectAll().where('status', '=', 'running').orderBy('id').execute()).map(toOperation);
    },

    async finishOperation(id, status, at) {
      // The status test in the UPDATE makes exactly one caller win, and a late timeout sweep cannot turn
      // "completed" into "timed-out".
      const r = await db.updateTable('operations').set({ status, finished_at: at })
        .where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },

    async targets(operationId) {
      const rows = await db.selectFrom('operation_targets').selectAll()
        .where('operation_id', '=', operationId).orderBy('device_id').execute();
      return rows.map(toTarget);
    },

    async pendingForDevice(deviceId, now) {
      const targets = await db.selectFrom('operation_targets as t')
        .innerJoin('operations as o', 'o.id', 't.operation_id')
        .selectAll('t')
        .where('t.device_id', '=', deviceId)
        .where('t.status', 'in', UNDELIVERED)
        .where('o.status', '=', 'running')
        .where('o.expires_at', '>', now)
        .orderBy('t.operation_id')
        .execute();
      if (targets.length === 0) return [];
      const ops = await db.selectFrom('operations').selectAll()
        .where('id', 'in', targets.map((t) => t.operation_id)).execute();
      const byId = new Map(ops.map((o) => [o.id, toOperation(o)]));
      return targets.flatMap((t) => {
        const operation = byId.get(t.operation_id);
        return operation ? [{ operation, target: toTarget(t) }] : [];
      });
    },

    async updateTargets(updates) {
      updates.forEach((u, i) => checkStatus(u.status, `updates[${i}].status`));
      const folded = foldTargetUpdates(updates);
      if (folded.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const chunk of batches(folded, ROWS_PER_STATEMENT)) await applyFolded(trx, chunk);
      });
    },

    async saveChunks(chunks) {
      if (chunks.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const batch of batches(chunks, ROWS_PER_STATEMENT)) {
          await trx.insertInto('result_chunks').values(batch.map((c) => ({
            operation_id: c.operationId, device_id: c.deviceId, seq: c.seq, part: c.part, rows_json: c.rowsJson, row_count: c.rowCount,
          }))).onConflict((oc) => oc.columns(['operation_id', 'device_id', 'seq']).doNothing()).execute();
        }
      });
    },

    async chunks(operationId) {
      const rows = await db.selectFrom('result_chunks').selectAll()
        .where('operation_id', '=', operationId).orderBy('device_id').orderBy('seq').execute();
      return rows.map(toChunk);
    },

    async deviceChunks(operationId, deviceId) {
      const rows = await db.selectFrom('result_chunks').selectAll()
        .where('operation_id', '=', operationId).where('device_id', '=', deviceId).orderBy('seq').execute();
      return rows.map(toChunk);
    },

    async deleteOperationsBefore(before) {
      return db.transaction().execute(async (trx) => {
        const old = trx.selectFrom('operations').select('id').where('created_at', '<', before);
        await trx.deleteFrom('result_chunks').where('operation_id', 'in', old).execute();
        await trx.deleteFrom('operation_targets').where('operation_id', 'in', old).execute();
        const r = await trx.deleteFrom('operations').where('created_at', '<', before).executeTakeFirst();
        return Number(r.numDeletedRows);
      });
    },
  };
}
