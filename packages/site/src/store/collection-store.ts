import type { Kysely } from 'kysely';
import type { CollectionRule } from '@openpivot/protocol';
import type { Database } from './db-schema.js';
import type { Store } from './store.js';
import { toCollection } from './rows.js';
import { StoreError, uniqueAs } from '@openpivot/server';
import { batches } from './batches.js';

export type CollectionStore = Pick<Store,
  'ensureBuiltInCollections' | 'createCollection' | 'getCollection' | 'listCollections' | 'updateCollection' |
  'deleteCollection' | 'directMembers'>;

export const ALL_SYSTEMS_ID = 'SMS00001';

const rulesJson = (rules: readonly CollectionRule[] | null) => (rules === null ? null : JSON.stringify(rules));

async function replaceMembers(trx: Kysely<Database>, collectionId: string, members: readonly number[]): Promise<void> {
  await trx.deleteFrom('collection_members').where('collection_id', '=', collectionId).execute();
  const unique = [...new Set(members)];
  const known = new Set<number>();
  for (const chunk of batches(unique, 1000)) {
    for (const r of await trx.selectFrom('devices').select('id').where('id', 'in', chunk).execute()) known.add(r.id);
  }
  const missing = unique.find((id) => !known.has(id));
  if (missing !== undefined) throw new StoreError('invalid', 'members', `no device with id ${missing}`);
  for (const chunk of batches(unique, 1000)) {
    await trx.insertInto('collection_members').values(chunk.map((device_id) => ({ collection_id: collectionId, device_id }))).execute();
  }
}

/** Collections and their direct members. Rules are stored here and evaluated by the caller. */
export function collectionStore(db: Kysely<Database>, siteCode: string): CollectionStore {
  return {
    async ensureBuiltInCollections(at) {
      await db.insertInto('collections')
        .values({ id: ALL_SYSTEMS_ID, name: 'All Systems', comment: 'All systems', rules: null, built_in: 1, created_at: at })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },

    async createCollection(c) {
      return uniqueAs('name', `a collection named '${c.name}' exists already`, () => db.transaction().execute(async (trx) => {
        // The counter row is locked by this UPDATE until commit, so nodes sharing a database take distinct numbers.
        const { value } = await trx.updateTable('counters').set((eb) => ({ value: eb('value', '+', 1) }))
          .where('name', '=', 'collection').returning('value').executeTakeFirstOrThrow();
        const id = `${siteCode}${String(value).padStart(5, '0')}`;
        const row = await trx.insertInto('collections')
          .values({ id, name: c.name, comment: c.comment, rules: rulesJson(c.rules), built_in: 0, created_at: c.at })
          .returningAll()
          .executeTakeFirstOrThrow();
        await replaceMembers(trx, id, c.members);
        return toCollection(row);
      }));
    },

    async getCollection(id) {
      const row = await db.selectFrom('collections').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toCollection(row) : null;
    },

    async listCollections() {
      return (await db.selectFrom('collections').selectAll().orderBy('id').execute()).map(toCollection);
    },

    async updateCollection(id, patch) {
      return uniqueAs('name', `a collection named '${patch.name ?? ''}' exists already`, () => db.transaction().execute(async (trx) => {
        const set: { name?: string; comment?: string; rules?: string | null } = {};
        if (patch.name !== undefined) set.name = patch.name;
        if (patch.comment !== undefined) set.comment = patch.comment;
        if (patch.rules !== undefined) set.rules = rulesJson(patch.rules);
        if (Object.keys(set).length > 0) await trx.updateTable('collections').set(set).where('id', '=', id).execute();
        const row = await trx.selectFrom('collections').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) return null;
        if (patch.members !== undefined) await replaceMembers(trx, id, patch.members);
        return toCollection(row);
      }));
    },

    async deleteCollection(id) {
      // The built-in collection is the scope of every "all devices" assignment: it is never removed.
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('collections').select('built_in').where('id', '=', id).executeTakeFirst();
        if (!row || row.built_in === 1) return false;
        await trx.deleteFrom('collection_members').where('collection_id', '=', id).execute();
        await trx.deleteFrom('role_assignments').where('collection_id', '=', id).execute();
        await trx.deleteFrom('collections').where('id', '=', id).execute();
        return true;
      });
    },

    async directMembers(collectionId) {
      const rows = await db.selectFrom('collection_members').select('device_id')
        .where('collection_id', '=', collectionId).orderBy('device_id').execute();
      return rows.map((r) => r.device_id);
    },
  };
}
