import pg from 'pg';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import type { Database, SqlDialect } from './db-schema.js';
import type { Store } from './store.js';
import { migrationProvider } from './migrations/index.js';
import { acquireSqlite } from './sqlite-database.js';
import { deviceStore } from './device-store.js';
import { userStore } from './user-store.js';
import { collectionStore } from './collection-store.js';
import { operationStore } from './operation-store.js';
import { auditStore } from './audit-store.js';
import { StoreError } from './store-error.js';

export interface OpenStoreOptions {
  /** Where SQLite keeps `site.db` (created if absent). Used when `databaseUrl` is not PostgreSQL. */
  readonly dataDir?: string;
  /** `postgres://…` or `postgresql://…` selects PostgreSQL. */
  readonly databaseUrl?: string;
  /** Prefix of generated collection ids: three letters or digits, "OPS" by default. */
  readonly siteCode?: string;
}

const PG_INT8_OID = 20;

/**
 * Opens the store: PostgreSQL when `databaseUrl` names one, else SQLite under `dataDir`. Pending
 * migrations are applied before it resolves. On PostgreSQL Kysely's migrator holds an advisory lock
 * while it runs them, so nodes starting together apply each migration once.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const siteCode = options.siteCode ?? 'OPS';
  if (!/^[A-Za-z0-9]{3}$/.test(siteCode)) {
    throw new StoreError('invalid', 'siteCode', `expected three letters or digits, got "${siteCode}"`);
  }
  const url = options.databaseUrl;
  const dialect: SqlDialect = url !== undefined && url !== '' ? 'postgres' : 'sqlite';
  const migrate = async (db: Kysely<Database>) => {
    try {
      const { error } = await new Migrator({ db, provider: migrationProvider(dialect) }).migrateToLatest();
      if (error) throw error;
    } catch (err) {
      throw new Error(`could not open the ${dialect} store: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  };
  const { db, release } = dialect === 'postgres' ? await openPostgres(url!, migrate) : await openSqlite(options.dataDir, migrate);
  let closed: Promise<void> | null = null;
  return {
    dialect,
    ...deviceStore(db),
    ...userStore(db),
    ...collectionStore(db, siteCode.toUpperCase()),
    ...operationStore(db),
    ...auditStore(db),
    close: () => (closed ??= release()),
  };
}

type Opened = { db: Kysely<Database>; release(): Promise<void> };

async function openSqlite(dataDir: string | undefined, migrate: (db: Kysely<Database>) => Promise<void>): Promise<Opened> {
  if (dataDir === undefined || dataDir === '') {
    throw new StoreError('invalid', 'dataDir', 'required for SQLite (or give a postgres:// databaseUrl)');
  }
  return acquireSqlite(dataDir, migrate);
}

async function openPostgres(url: string, migrate: (db: Kysely<Database>) => Promise<void>): Promise<Opened> {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new StoreError('invalid', 'databaseUrl', 'expected a postgres:// or postgresql:// URL (leave it out for SQLite)');
  }
  const pool = new pg.Pool({
    connectionString: url,
    // bigint columns hold ms timestamps (past 2^31, far below 2^53): read them as numbers, not strings.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server connection must not take the process down.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
  return { db, release: () => db.destroy() };
}
