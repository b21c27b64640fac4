import type { Kysely } from 'kysely';
import type { Database } from './db-schema.js';
import type { AuditRecord, Store } from './store.js';
import { toAudit } from './rows.js';
import { auditHash, canonicalJson } from './audit-chain.js';
import { SerialQueue, checkPage } from '@openpivot/server';

export type AuditStore = Pick<Store, 'appendAudit' | 'listAudit' | 'auditHead'>;

/** The audit trail: one hash chain, appended under a lock on its head row. */
export function auditStore(db: Kysely<Database>): AuditStore {
  const queue = new SerialQueue();
  return {
    async appendAudit(a) {
      return queue.run(() => db.transaction().execute(async (trx): Promise<AuditRecord> => {
        // Bumping the head first takes its row lock (PostgreSQL) or the write lock (SQLite) before the
        // previous hash is read, so appenders on every node queue here and form one chain.
        const head = await trx.updateTable('audit_head').set((eb) => ({ seq: eb('seq', '+', 1) }))
          .where('id', '=', 1).returning(['seq', 'hash']).executeTakeFirstOrThrow();
        // Stored as the canonical form so the record read back hashes exactly as it was hashed here.
        const detailsJson = canonicalJson(a.details);
        const record: Omit<AuditRecord, 'hash'> = {
          ...pickInput(a), details: JSON.parse(detailsJson) as Record<string, unknown>, seq: head.seq, prevHash: head.hash,
        };
        const hash = auditHash(head.hash, record);
        await trx.insertInto('audit').values({
          seq: record.seq, kind: record.kind, at: record.at, user_name: record.userName, source: record.source,
          remote_addr: record.remoteAddr, target: record.target, query: record.query, query_sha256: record.querySha256,
          operation_id: record.operationId, outcome: record.outcome, details: detailsJson, prev_hash: record.prevHash, hash,
        }).execute();
        await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
        return { ...record, hash };
      }));
    },

    async auditHead() {
      const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
      return { seq: Number(head.seq), hash: head.hash };
    },

    async listAudit(page) {
      checkPage(page);
      let q = db.selectFrom('audit').selectAll().orderBy('seq').limit(page.limit).offset(page.offset);
      if (page.afterSeq !== undefined) q = q.where('seq', '>', page.afterSeq);
      return (await q.execute()).map(toAudit);
    },
  };
}

/** Only the fields of an audit input: callers may pass a wider object, whose extra keys are not recorded. */
function pickInput(a: Parameters<Store['appendAudit']>[0]) {
  return {
    kind: a.kind, at: a.at, userName: a.userName, source: a.source, remoteAddr: a.remoteAddr, target: a.target,
    query: a.query, querySha256: a.querySha256, operationId: a.operationId, outcome: a.outcome,
  };
}
