import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery, Kysely, SqliteAdapter, SqliteDialect, SqliteDriver,
  type DatabaseConnection, type DialectAdapter, type Driver, type SqliteDialectConfig,
} from 'kysely';

/**
 * Transactions start with BEGIN IMMEDIATE: they take the write lock up front, so a transaction that
 * reads before it writes never finds its snapshot stale when another process wrote in between
 * (SQLITE_BUSY_SNAPSHOT, which busy_timeout cannot wait out).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite does roll back DDL, though Kysely's adapter says otherwise. Saying so makes the migrator run
 * its check and every pending migration in one (immediate) transaction: processes opening one file at
 * once then migrate one after the other, which the adapter's no-op migration lock would not ensure.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

interface Shared {
  // One entry per file; the schema type belongs to whoever opened it.
  readonly db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly ready: Promise<void>;
  refs: number;
}

/**
 * One Kysely instance per database file in a process. better-sqlite3 is synchronous: a second connection
 * in the same process waiting on a lock would block the very event loop the first needs to commit, so
 * stores opened on one file in one process (two site nodes in a test) share a connection instead.
 */
const open = new Map<string, Shared>();

export async function acquireSqlite<DB>(
  dataDir: string,
  fileName: string,
  migrate: (db: Kysely<DB>) => Promise<void>,
): Promise<{ db: Kysely<DB>; release(): Promise<void> }> {
  const file = resolve(dataDir, fileName);
  let shared = open.get(file);
  if (!shared) {
    const db = new Kysely<DB>({
      dialect: new ImmediateSqliteDialect({
        database: async () => {
          mkdirSync(dataDir, { recursive: true });
          const sqlite = new BetterSqlite3(join(dataDir, fileName));
          sqlite.pragma('journal_mode = WAL');
          sqlite.pragma('synchronous = NORMAL');
          sqlite.pragma('busy_timeout = 5000');
          sqlite.pragma('foreign_keys = ON');
          return sqlite;
        },
      }),
    });
    shared = { db, ready: migrate(db), refs: 0 };
    open.set(file, shared);
  }
  const entry = shared;
  entry.refs += 1;
  const release = async () => {
    entry.refs -= 1;
    if (entry.refs > 0) return;
    if (open.get(file) === entry) open.delete(file);
    await entry.db.destroy();
  };
  try {
    await entry.ready;
  } catch (err) {
    await release();
    throw err;
  }
  return { db: entry.db as Kysely<DB>, release };
}
