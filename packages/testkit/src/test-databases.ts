import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

/**
 * Fresh, empty databases of each dialect, so one store suite runs against both. PostgreSQL is the
 * server at OPENPIVOT_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres); every database
 * made here is named openpivot_test_<random>_<n> and dropped by cleanup().
 */
export interface FreshDatabase {
  /** What the app's openStore needs to open this database (in this process or another). */
  readonly options: { readonly dataDir?: string; readonly databaseUrl?: string };
  /** Runs SQL on the database behind the store's back (to tamper with it). `?` placeholders. */
  raw(text: string, params: readonly unknown[]): Promise<void>;
}

export interface DatabaseBackend {
  readonly name: 'sqlite' | 'postgres';
  fresh(): Promise<FreshDatabase>;
  /** Removes every database made (close the stores first). */
  cleanup(): Promise<void>;
}

/** SQLite files named `fileName` in fresh temporary directories. */
export function sqliteDatabases(fileName: string): DatabaseBackend {
  const dirs: string[] = [];
  return {
    name: 'sqlite',
    async fresh() {
      const dataDir = mkdtempSync(join(tmpdir(), 'openpivot-store-'));
      dirs.push(dataDir);
      return {
        options: { dataDir },
        async raw(text, params) {
          const db = new BetterSqlite3(join(dataDir, fileName));
          try {
            db.prepare(text).run(...params);
          } finally {
            db.close();
          }
        },
      };
    },
    async cleanup() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresDatabases(): DatabaseBackend {
  const serverUrl = process.env.OPENPIVOT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const prefix = `openpivot_test_${randomBytes(4).toString('hex')}`;
  const databases: string[] = [];
  const urlOf = (name: string): string => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>, url = serverUrl): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
    } catch (err) {
      throw new Error(`PostgreSQL at ${serverUrl} is not reachable (set OPENPIVOT_TEST_PG): ${String(err)}`);
    }
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    async fresh() {
      const name = `${prefix}_${databases.length}`;
      await admin((c) => c.query(`create database ${name}`));
      databases.push(name);
      return {
        options: { databaseUrl: urlOf(name) },
        async raw(text, params) {
          // The suites write SQLite's `?` placeholders; PostgreSQL numbers them.
          let n = 0;
          await admin((c) => c.query(text.replace(/\?/g, () => `$${++n}`), [...params]), urlOf(name));
        },
      };
    },
    async cleanup() {
      if (databases.length === 0) return;
      await admin(async (c) => {
        for (const name of databases) await c.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}
