import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import { acquireSqlite } from './sqlite.js';
import { StoreError } from './store-error.js';

export type SqlDialect = 'sqlite' | 'postgres';

export interface OpenDatabaseOptions {
  /** Where SQLite keeps `fileName` (created if absent). Used when `databaseUrl` is not given. */
  readonly dataDir?: string;
  /** The SQLite file's name in `dataDir`: `site.db`, `cloud.db`. */
  readonly fileName: string;
  /** `postgres://…` or `postgresql://…` selects PostgreSQL. */
  readonly databaseUrl?: string;
  /** The app's numbered migrations, per dialect. */
  readonly migrations: (dialect: SqlDialect) => MigrationProvider;
  /** Names the store in errors: "could not open the site store". */
  readonly label: string;
}

export interface OpenedDatabase<DB> {
  readonly db: Kysely<DB>;
  readonly dialect: SqlDialect;
  release(): Promise<void>;
}

const PG_INT8_OID = 20;

/**
 * Opens an app's database: PostgreSQL when `databaseUrl` names one, else SQLite under `dataDir`, with
 * pending migrations applied before it resolves. On PostgreSQL Kysely's migrator holds an advisory lock
 * while it runs them, so nodes starting together apply each migration once; on SQLite the migrations
 * run in one immediate transaction (see sqlite.ts), to the same effect. A bad option throws
 * `StoreError('invalid', 'dataDir' | 'databaseUrl', …)`, so a command line can say which flag was wrong.
 */
export async function openDatabase<DB>(o: OpenDatabaseOptions): Promise<OpenedDatabase<DB>> {
  const url = o.databaseUrl;
  const dialect: SqlDialect = url !== undefined && url !== '' ? 'postgres' : 'sqlite';
  const migrate = async (db: Kysely<DB>): Promise<void> => {
    try {
      const { error } = await new Migrator({ db, provider: o.migrations(dialect) }).migrateToLatest();
      if (error) throw error;
    } catch (err) {
      throw new Error(`could not open the ${o.label} (${dialect}): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  };
  if (dialect === 'postgres') return { dialect, ...(await openPostgres<DB>(url!, migrate)) };
  if (o.dataDir === undefined || o.dataDir === '') throw new StoreError('invalid', 'dataDir', 'required for SQLite (or give a postgres:// databaseUrl)');
  return { dialect, ...(await acquireSqlite<DB>(o.dataDir, o.fileName, migrate)) };
}

async function openPostgres<DB>(url: string, migrate: (db: Kysely<DB>) => Promise<void>): Promise<{ db: Kysely<DB>; release(): Promise<void> }> {
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
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
  return { db, release: () => db.destroy() };
}
