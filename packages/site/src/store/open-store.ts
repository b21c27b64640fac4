import { favoriteStore, openDatabase, StoreError } from '@openpivot/server';
import type { Database } from './db-schema.js';
import type { Store } from './store.js';
import { migrationProvider } from './migrations/index.js';
import { deviceStore } from './device-store.js';
import { userStore } from './user-store.js';
import { collectionStore } from './collection-store.js';
import { operationStore } from './operation-store.js';
import { auditStore } from './audit-store.js';

export interface OpenStoreOptions {
  /** Where SQLite keeps `site.db` (created if absent). Used when `databaseUrl` is not PostgreSQL. */
  readonly dataDir?: string;
  /** `postgres://…` or `postgresql://…` selects PostgreSQL. */
  readonly databaseUrl?: string;
  /** Prefix of generated collection ids: three letters or digits, "OPS" by default. */
  readonly siteCode?: string;
}

/**
 * Opens the store: PostgreSQL when `databaseUrl` names one, else SQLite under `dataDir`. Pending
 * migrations are applied before it resolves.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const siteCode = options.siteCode ?? 'OPS';
  if (!/^[A-Za-z0-9]{3}$/.test(siteCode)) {
    throw new StoreError('invalid', 'siteCode', `expected three letters or digits, got "${siteCode}"`);
  }
  const { db, dialect, release } = await openDatabase<Database>({
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
    fileName: 'site.db', migrations: migrationProvider, label: 'site store',
  });
  let closed: Promise<void> | null = null;
  return {
    dialect,
    ...deviceStore(db),
    ...userStore(db),
    ...collectionStore(db, siteCode.toUpperCase()),
    ...operationStore(db),
    ...auditStore(db),
    ...favoriteStore(db),
    close: () => (closed ??= release()),
  };
}
