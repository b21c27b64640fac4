import type { Kysely } from 'kysely';
import { checkPage } from '@openpivot/server';
import type { Database } from './db-schema.js';
import type { CloudStore } from './store.js';
import { toAudit } from './rows.js';

export type AuditStore = Pick<CloudStore, 'appendAudit' | 'listAudit'>;

/** The cloud's audit trail, one per tenant. */
export function auditStore(db: Kysely<Database>): AuditStore {
  return {
    async appendAudit(a) {
      // Only the record's own fields: callers may pass a wider object, whose extra keys are not recorded.
      const row = await db.insertInto('audit')
        .values({
          tenant_id: a.tenantId, at: a.at, upn: a.upn, remote_addr: a.remoteAddr, action: a.action, machine_id: a.machineId,
          device_name: a.deviceName, query: a.query, operation_id: a.operationId, outcome: a.outcome, details: JSON.stringify(a.details),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAudit(row);
    },

    async listAudit(tenantId, o) {
      checkPage(o);
      // Newest first; ids follow insertion, which the callers' clocks (several nodes) may not.
      const rows = await db.selectFrom('audit').selectAll().where('tenant_id', '=', tenantId)
        .orderBy('id', 'desc').limit(o.limit).offset(o.offset).execute();
      return rows.map(toAudit);
    },
  };
}
