import type { Kysely } from 'kysely';
import { uniqueAs } from '@openpivot/server';
import type { Database } from './db-schema.js';
import type { CloudStore } from './store.js';
import { toConnector } from './rows.js';
import { mustReferTo } from './foreign-key.js';

export type ConnectorStore = Pick<CloudStore,
  'addAttachCode' | 'attachSite' | 'getConnector' | 'listConnectors' | 'setConnectorNode' | 'releaseConnectorsOfNode'
  | 'refreshConnectorHolds' | 'releaseExpiredConnectors'>;

/** One-time attach codes and the site connectors they admitted. */
export function connectorStore(db: Kysely<Database>): ConnectorStore {
  return {
    async addAttachCode(c) {
      await mustReferTo('tenantId', `no tenant with id "${c.tenantId}"`, () =>
        uniqueAs('codeHash', 'this attach code already exists', () =>
          db.insertInto('attach_codes')
            .values({ code_hash: c.codeHash, tenant_id: c.tenantId, created_at: c.createdAt, expires_at: c.expiresAt, spent_at: null, connector_id: null })
            .execute()));
    },

    async attachSite(a) {
      return db.transaction().execute(async (trx) => {
        // The conditions sit in the UPDATE itself, so of two attaches racing for one code exactly one wins
        // (PostgreSQL re-checks them on the row the winner committed; SQLite runs one transaction at a time).
        const spent = await trx.updateTable('attach_codes')
          .set({ spent_at: a.at, connector_id: a.connectorId })
          .where('code_hash', '=', a.codeHash)
          .where('spent_at', 'is', null)
          .where('expires_at', '>', a.at)
          .returning('tenant_id')
          .executeTakeFirst();
        if (!spent) return null;
        // A clashing connector id throws, and the rollback leaves the code unspent.
        const row = await uniqueAs('connectorId', `a connector with id "${a.connectorId}" already exists`, () =>
          trx.insertInto('connectors')
            .values({
              id: a.connectorId, tenant_id: spent.tenant_id, site_id: a.siteId, site_code: a.siteCode, name: a.name,
              public_key: a.publicKey, attached_at: a.at, node_id: null, last_seen: null,
            })
            .returningAll()
            .executeTakeFirstOrThrow());
        return toConnector(row);
      });
    },

    async getConnector(id) {
      const row = await db.selectFrom('connectors').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toConnector(row) : null;
    },

    async listConnectors(tenantId) {
      const rows = await db.selectFrom('connectors').selectAll().where('tenant_id', '=', tenantId)
        .orderBy('attached_at').orderBy('id').execute();
      return rows.map(toConnector);
    },

    async setConnectorNode(id, nodeId, at) {
      await db.updateTable('connectors').set({ node_id: nodeId, last_seen: at }).where('id', '=', id).execute();
    },

    async releaseConnectorsOfNode(nodeId, _at) {
      // last_seen stays: the sites were last heard from before the node stopped, not at its restart. Their
      // sockets died with the node, so their devices show offline until each site connects and syncs again.
      await db.transaction().execute(async (trx) => {
        const held = trx.selectFrom('connectors').select('id').where('node_id', '=', nodeId);
        await trx.updateTable('devices').set({ online: 0 }).where('connector_id', 'in', held).execute();
        await trx.updateTable('connectors').set({ node_id: null }).where('node_id', '=', nodeId).execute();
      });
    },

    async refreshConnectorHolds(nodeId, connectorIds, at) {
      if (connectorIds.length === 0) return [];
      // Released ones first, so this node learns it lost them; then the rest. A release landing between
      // the two statements is not overwritten by the second (node_id is null then): the next refresh
      // takes it back and reports it.
      const retaken = await db.updateTable('connectors').set({ node_id: nodeId, last_seen: at })
        .where('id', 'in', connectorIds).where('node_id', 'is', null)
        .returning('id').execute();
      await db.updateTable('connectors').set({ node_id: nodeId, last_seen: at })
        .where('id', 'in', connectorIds).where('node_id', 'is not', null)
        .execute();
      return retaken.map((r) => r.id);
    },

    async releaseExpiredConnectors(exceptNodeId, seenBefore, _at) {
      return db.transaction().execute(async (trx) => {
        const expired = await trx.selectFrom('connectors').select(['id', 'node_id'])
          .where('node_id', 'is not', null).where('node_id', '!=', exceptNodeId).where('last_seen', '<', seenBefore)
          .execute();
        if (expired.length === 0) return [];
        // The conditions again in the UPDATE: a hold refreshed since the SELECT is kept (PostgreSQL re-checks
        // them on the row the refresh committed). The rows stay locked to the commit, so a refresh waiting on
        // them finds them released and takes them back knowing it.
        const released = await trx.updateTable('connectors').set({ node_id: null })
          .where('id', 'in', expired.map((r) => r.id))
          .where('node_id', 'is not', null).where('node_id', '!=', exceptNodeId).where('last_seen', '<', seenBefore)
          .returning('id').execute();
        if (released.length === 0) return [];
        const ids = released.map((r) => r.id);
        await trx.updateTable('devices').set({ online: 0 }).where('connector_id', 'in', ids).execute();
        const holder = new Map(expired.map((r) => [r.id, r.node_id!]));
        return ids.map((id) => ({ id, nodeId: holder.get(id)! }));
      });
    },
  };
}
