import type { Kysely } from 'kysely';
import type { Database } from './db-schema.js';
import type { Store } from './store.js';
import { toDevice } from './rows.js';
import { checkPage, StoreError, uniqueAs } from '@openpivot/server';
import { batches } from './batches.js';

export type DeviceStore = Pick<Store,
  'getSetting' | 'initSetting' | 'setSetting' | 'deleteSetting' | 'addEnrollToken' | 'enrollDevice' | 'getDevice' | 'getDeviceByPublicKey' | 'listDevices' |
  'markConnected' | 'markDisconnected' | 'touchDevices' | 'markNodeOffline'>;

/** Settings, enrollment tokens and devices. */
export function deviceStore(db: Kysely<Database>): DeviceStore {
  return {
    async getSetting(key) {
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value ?? null;
    },

    async initSetting(key, value) {
      // Two nodes starting at once may both generate a secret: the first insert wins and both read it back.
      await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
      return row.value;
    },

    async setSetting(key, value) {
      await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    },

    async deleteSetting(key) {
      await db.deleteFrom('settings').where('key', '=', key).execute();
    },

    async addEnrollToken(t) {
      if (!Number.isInteger(t.uses) || t.uses < 1) throw new StoreError('invalid', 'uses', `expected a positive integer, got ${t.uses}`);
      await uniqueAs('tokenHash', 'this enrollment token already exists', () =>
        db.insertInto('enroll_tokens')
          .values({ token_hash: t.tokenHash, created_at: t.createdAt, expires_at: t.expiresAt, uses_left: t.uses })
          .execute());
    },

    async enrollDevice(tokenHash, device) {
      return db.transaction().execute(async (trx) => {
        // The conditions sit in the UPDATE itself, so two enrollments racing for the last use cannot both win.
        const taken = await trx.updateTable('enroll_tokens')
          .set((eb) => ({ uses_left: eb('uses_left', '-', 1) }))
          .where('token_hash', '=', tokenHash)
          .where('uses_left', '>', 0)
          .where('expires_at', '>', device.at)
          .returning('token_hash')
          .executeTakeFirst();
        if (!taken) return null;
        const row = await trx.insertInto('devices')
          .values({
            name: device.facts.name, public_key: device.publicKey, facts: JSON.stringify(device.facts),
            enrolled_at: device.at, last_seen: null, online: 0, node_id: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toDevice(row);
      });
    },

    async getDevice(id) {
      const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toDevice(row) : null;
    },

    async getDeviceByPublicKey(publicKey) {
      const row = await db.selectFrom('devices').selectAll().where('public_key', '=', publicKey).orderBy('id', 'desc').executeTakeFirst();
      return row ? toDevice(row) : null;
    },

    async listDevices(page) {
      let q = db.selectFrom('devices').selectAll().orderBy('id');
      if (page) {
        checkPage(page);
        q = q.limit(page.limit).offset(page.offset);
      }
      return (await q.execute()).map(toDevice);
    },

    async markConnected(id, facts, nodeId, at) {
      await db.updateTable('devices')
        .set({ name: facts.name, facts: JSON.stringify(facts), online: 1, node_id: nodeId, last_seen: at })
        .where('id', '=', id)
        .execute();
    },

    async markDisconnected(id, nodeId, at) {
      await db.updateTable('devices')
        .set({ online: 0, node_id: null, last_seen: at })
        .where('id', '=', id)
        .where('node_id', '=', nodeId)
        .execute();
    },

    async touchDevices(ids, at) {
      if (ids.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const chunk of batches(ids, 1000)) {
          await trx.updateTable('devices').set({ last_seen: at }).where('id', 'in', chunk).execute();
        }
      });
    },

    async markNodeOffline(nodeId, _at) {
      // last_seen stays: the devices were last heard from before the node died, not at its restart.
      await db.updateTable('devices').set({ online: 0, node_id: null }).where('node_id', '=', nodeId).execute();
    },
  };
}
