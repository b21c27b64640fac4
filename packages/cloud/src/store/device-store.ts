import type { Kysely, SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import { checkPage, StoreError } from '@openpivot/server';
import type { Database } from './db-schema.js';
import type { CloudStore } from './store.js';
import { toDevice } from './rows.js';
import { batches } from './batches.js';

export type DeviceStore = Pick<CloudStore, 'syncDevices' | 'setConnectorDevicesOffline' | 'listDevices' | 'countDevices' | 'getDevice'>;

// 17 parameters a device: 500 devices a statement stay well under SQLite's 32766.
const DEVICES_PER_STATEMENT = 500;

/** `%`, `_` and the escape itself match literally in the search text; `prefix` anchors it at the start. */
const likePattern = (search: string, prefix: boolean) => `${prefix ? '' : '%'}${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function named<O>(q: SelectQueryBuilder<Database, 'devices', O>, search: string | undefined, prefix = false): SelectQueryBuilder<Database, 'devices', O> {
  if (search === undefined || search === '') return q;
  return q.where(sql<boolean>`name_lower like ${likePattern(search, prefix)} escape '\\'`);
}

/** The devices each connector syncs, read per tenant. */
export function deviceStore(db: Kysely<Database>): DeviceStore {
  return {
    async syncDevices(connectorId, s) {
      await db.transaction().execute(async (trx) => {
        const connector = await trx.selectFrom('connectors').select(['tenant_id', 'site_code'])
          .where('id', '=', connectorId).executeTakeFirst();
        if (!connector) throw new StoreError('invalid', 'connectorId', `no connector with id "${connectorId}"`);
        // One statement may not upsert a row twice (PostgreSQL refuses): the last copy of a device wins.
        const devices = [...new Map(s.devices.map((d) => [d.deviceId, d])).values()];
        for (const chunk of batches(devices, DEVICES_PER_STATEMENT)) {
          await trx.insertInto('devices')
            .values(chunk.map((d) => ({
              tenant_id: connector.tenant_id, connector_id: connectorId, site_code: connector.site_code, device_id: d.deviceId,
              name: d.name, name_lower: d.name.toLowerCase(), platform: d.platform, os: d.os, os_version: d.osVersion,
              agent_version: d.agentVersion, ip: d.ip, domain: d.domain, online: d.online ? 1 : 0, last_seen: d.lastSeen,
              collections: JSON.stringify(d.collections), synced_at: s.at,
            })))
            // machine_id is not among the updated columns: a device keeps its number across syncs.
            .onConflict((oc) => oc.columns(['connector_id', 'device_id']).doUpdateSet((eb) => ({
              site_code: eb.ref('excluded.site_code'), name: eb.ref('excluded.name'), name_lower: eb.ref('excluded.name_lower'),
              platform: eb.ref('excluded.platform'), os: eb.ref('excluded.os'), os_version: eb.ref('excluded.os_version'),
              agent_version: eb.ref('excluded.agent_version'), ip: eb.ref('excluded.ip'), domain: eb.ref('excluded.domain'),
              online: eb.ref('excluded.online'), last_seen: eb.ref('excluded.last_seen'),
              collections: eb.ref('excluded.collections'), synced_at: eb.ref('excluded.synced_at'),
            })))
            .execute();
        }
        for (const chunk of batches(s.removed, 1000)) {
          await trx.deleteFrom('devices').where('connector_id', '=', connectorId).where('device_id', 'in', chunk).execute();
        }
        if (s.resetBefore !== undefined) {
          await trx.deleteFrom('devices').where('connector_id', '=', connectorId).where('synced_at', '<', s.resetBefore).execute();
        }
      });
    },

    async setConnectorDevicesOffline(connectorId, _at) {
      // last_seen is the site's word on when it heard from the agent; losing the site does not change it.
      await db.updateTable('devices').set({ online: 0 }).where('connector_id', '=', connectorId).execute();
    },

    async listDevices(tenantId, o) {
      checkPage(o);
      const q = db.selectFrom('devices').selectAll().where('tenant_id', '=', tenantId)
        .orderBy('name_lower').orderBy('machine_id').limit(o.limit).offset(o.offset);
      return (await named(q, o.search, o.prefix).execute()).map(toDevice);
    },

    async countDevices(tenantId, search, prefix) {
      const q = db.selectFrom('devices').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId);
      const row = await named(q, search, prefix).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async getDevice(tenantId, machineId) {
      const row = await db.selectFrom('devices').selectAll()
        .where('tenant_id', '=', tenantId).where('machine_id', '=', machineId).executeTakeFirst();
      return row ? toDevice(row) : null;
    },
  };
}
