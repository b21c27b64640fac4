import type { Kysely, Updateable } from 'kysely';
import { checkPage, StoreError } from '@openpivot/server';
import type { Database, OperationsTable } from './db-schema.js';
import type { CloudOperationStatus, CloudStore } from './store.js';
import { json, toOperation } from './rows.js';
import { batches } from './batches.js';

export type OperationStore = Pick<CloudStore,
  'createOperation' | 'getOperation' | 'getOperationById' | 'listOperations' | 'updateOperation' | 'appendRows' | 'readRows' |
  'overdueOperations' | 'deleteOperationsEndedBefore'>;

const STATUSES: ReadonlySet<string> = new Set<CloudOperationStatus>(
  ['pending', 'running', 'completed', 'failed', 'refused', 'timedout', 'canceled', 'toolarge']);
/** Not ended yet: a pending operation the site never answered is overdue as much as a running one. */
const UNFINISHED: CloudOperationStatus[] = ['pending', 'running'];

const nonNegativeInteger = (n: number, field: string) => {
  if (!Number.isInteger(n) || n < 0) throw new StoreError('invalid', field, `expected a non-negative integer, got ${n}`);
};

/** Operations the cloud relays to a site, and the rows the site sends back. */
export function operationStore(db: Kysely<Database>): OperationStore {
  return {
    async createOperation(o) {
      const row = await db.insertInto('operations')
        .values({
          tenant_id: o.tenantId, user_id: o.userId, upn: o.upn, machine_id: o.machineId, connector_id: o.connectorId,
          query: o.query, status: 'pending', device_status: null, error_code: null, error: null, site_operation_id: null,
          columns: null, row_count: 0, result_bytes: 0, truncated: 0, warnings: '[]', timing: null, created_at: o.at,
          ended_at: null, deadline: o.deadline,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toOperation(row);
    },

    async getOperation(tenantId, id) {
      const row = await db.selectFrom('operations').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      return row ? toOperation(row) : null;
    },

    async getOperationById(id) {
      const row = await db.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toOperation(row) : null;
    },

    async listOperations(tenantId, o) {
      checkPage(o);
      let q = db.selectFrom('operations').selectAll().where('tenant_id', '=', tenantId)
        .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(o.limit).offset(o.offset);
      if (o.userId !== undefined) q = q.where('user_id', '=', o.userId);
      return (await q.execute()).map(toOperation);
    },

    async updateOperation(id, u) {
      if (u.status !== undefined && !STATUSES.has(u.status)) throw new StoreError('invalid', 'status', `unknown operation status "${u.status}"`);
      const set: Updateable<OperationsTable> = {};
      if (u.status !== undefined) set.status = u.status;
      if (u.deviceStatus !== undefined) set.device_status = u.deviceStatus;
      if (u.errorCode !== undefined) set.error_code = u.errorCode;
      if (u.error !== undefined) set.error = u.error;
      if (u.siteOperationId !== undefined) set.site_operation_id = u.siteOperationId;
      if (u.columns !== undefined) set.columns = u.columns === null ? null : JSON.stringify(u.columns);
      if (u.truncated !== undefined) set.truncated = u.truncated ? 1 : 0;
      if (u.warnings !== undefined) set.warnings = JSON.stringify(u.warnings);
      if (u.timing !== undefined) set.timing = u.timing === null ? null : JSON.stringify(u.timing);
      if (u.endedAt !== undefined) set.ended_at = u.endedAt;
      if (Object.keys(set).length === 0) return;
      await db.updateTable('operations').set(set).where('id', '=', id).execute();
    },

    async appendRows(id, seq, rows, bytes) {
      nonNegativeInteger(seq, 'seq');
      nonNegativeInteger(bytes, 'bytes');
      await db.transaction().execute(async (trx) => {
        // A slice sent twice (a resend after a reconnect) is stored, and counted, once.
        const added = await trx.insertInto('operation_rows')
          .values({ operation_id: id, seq, rows_json: JSON.stringify(rows), row_count: rows.length })
          .onConflict((oc) => oc.columns(['operation_id', 'seq']).doNothing())
          .returning('seq')
          .executeTakeFirst();
        if (!added) return;
        const r = await trx.updateTable('operations')
          .set((eb) => ({ row_count: eb('row_count', '+', rows.length), result_bytes: eb('result_bytes', '+', bytes) }))
          .where('id', '=', id)
          .executeTakeFirst();
        if (r.numUpdatedRows === 0n) throw new StoreError('invalid', 'id', `no operation with id ${id}`);
      });
    },

    async readRows(id, page) {
      checkPage(page);
      if (page.limit === 0) return [];
      const end = page.offset + page.limit;
      // Each slice's last row number (a running sum over seq) tells which slices the page overlaps.
      const slices = await db
        .with('s', (qc) => qc.selectFrom('operation_rows')
          .select((eb) => ['seq', 'rows_json', 'row_count', eb.fn.sum<number>('row_count').over((ob) => ob.orderBy('seq')).as('end_row')])
          .where('operation_id', '=', id))
        .selectFrom('s')
        .select(['rows_json', 'row_count', 'end_row'])
        .where('end_row', '>', page.offset)
        .where((eb) => eb(eb('end_row', '-', eb.ref('row_count')), '<', end))
        .orderBy('seq')
        .execute();
      const out: unknown[][] = [];
      for (const s of slices) {
        const start = Number(s.end_row) - s.row_count;
        const rows = json<unknown[][]>(s.rows_json);
        out.push(...rows.slice(Math.max(0, page.offset - start), end - start));
      }
      return out;
    },

    async overdueOperations(now) {
      const rows = await db.selectFrom('operations').selectAll()
        .where('status', 'in', UNFINISHED).where('deadline', '<=', now).orderBy('id').execute();
      return rows.map(toOperation);
    },

    async deleteOperationsEndedBefore(before) {
      return db.transaction().execute(async (trx) => {
        // The rows go by the ids actually deleted: an operation ending meanwhile keeps its rows with it.
        const gone = await trx.deleteFrom('operations').where('ended_at', 'is not', null).where('ended_at', '<', before)
          .returning('id').execute();
        for (const chunk of batches(gone.map((o) => o.id), 1000)) {
          await trx.deleteFrom('operation_rows').where('operation_id', 'in', chunk).execute();
        }
        return gone.length;
      });
    },
  };
}
