import { favoriteStore, openDatabase } from '@openpivot/server';
import type { Database } from './db-schema.js';
import type { CloudStore } from './store.js';
import { migrationProvider } from './migrations/index.js';
import { tenantStore } from './tenant-store.js';
import { connectorStore } from './connector-store.js';
import { deviceStore } from './device-store.js';
import { operationStore } from './operation-store.js';
import { auditStore } from './audit-store.js';
import { oidcPendingStore } from './oidc-pending-store.js';

export interface OpenCloudStoreOptions {
  /** Where SQLite keeps `cloud.db` (created if absent). Used when `databaseUrl` is not PostgreSQL. */
  readonly dataDir?: string;
  /** `postgres://…` or `postgresql://…` selects PostgreSQL. */
  readonly databaseUrl?: string;
}

/**
 * Opens the cloud's store: PostgreSQL when `databaseUrl` names one, else SQLite under `dataDir`.
 * Pending migrations are applied before it resolves.
 */
export async function openCloudStore(options: OpenCloudStoreOptions): Promise<CloudStore> {
  const { db, dialect, release } = await openDatabase<Database>({
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
    fileName: 'cloud.db', migrations: migrationProvider, label: 'cloud store',
  });
  let closed: Promise<void> | null = null;
  return {
    dialect,
    ...tenantStore(db),
    ...connectorStore(db),
    ...deviceStore(db),
    ...operationStore(db),
    ...auditStore(db),
    ...favoriteStore(db, { tenant: true }),
    ...oidcPendingStore(db),
    close: () => (closed ??= release()),
  };
}
