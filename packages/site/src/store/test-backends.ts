import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { Store } from './store.js';
import { openStore } from './open-store.js';

/**
 * For store tests only: fresh, empty databases of each dialect, so the one suite runs against both.
 * PostgreSQL is the server at OPENPIVOT_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres);
 * every database made here is named openpivot_test_<random>… and dropped by cleanup().
 */
export interface TestDatabase {
  /** Opens a store on this database (as many times as a test likes: they share the data). */
  open(siteCode?: string): Promise<Store>;
  /** What openStore needs to open this database (for another process). */
  readonly options: { dataDir?: string; databaseUrl?: string };
  /** Runs SQL on the database behind the store's back (to tamper with it). */
  raw(text: string, params: readonly unknown[]): Promise<void>;
}

export interface TestBackend {
  readonly name: 'sqlite' | 'postgres';
  fresh(): Promise<TestDatabase>;
  /** Closes every store opened and removes every database made. */
  cleanup(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const storeEntry = fileURLToPath(new URL('./index.ts', import.meta.url));
// A site node of its own: opens the store, appends audit records and creates collections, closes.
const NODE_SCRIPT = `
const { openStore } = await import(process.argv[1]);
const store = await openStore(JSON.parse(process.argv[2]));
for (let i = 0; i < 25; i++) {
  await store.appendAudit({ kind: 'admin', at: i, userName: null, source: null, remoteAddr: null, target: null,
    query: null, querySha256: null, operationId: null, outcome: process.pid + '.' + i, details: {} });
  if (i % 5 === 0) await store.createCollection({ name: 'n' + process.pid + '.' + i, comment: '', rules: null, members: [], at: i });
}
await store.close();`;

/** Runs NODE_SCRIPT in a separate Node process (TypeScript through tsx, as in development). */
export async function runNodeProcess(options: TestDatabase['options']): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', NODE_SCRIPT, storeEntry, JSON.stringify(options)], { cwd: repoRoot });
}

export function sqliteBackend(): TestBackend {
  const dirs: string[] = [];
  const stores: Store[] = [];
  return {
    name: 'sqlite',
    async fresh() {
      const dataDir = mkdtempSync(join(tmpdir(), 'openpivot-store-'));
      dirs.push(dataDir);
      return {
        options: { dataDir },
        async open(siteCode) {
          const store = await openStore({ dataDir, siteCode });
          stores.push(store);
          return store;
        },
        async raw(text, params) {
          const db = new BetterSqlite3(join(dataDir, 'site.db'));
          try {
            db.prepare(text).run(...params);
          } finally {
            db.close();
          }
        },
      };
    },
    async cleanup() {
      await Promise.allSettled(stores.map((s) => s.close()));
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(): TestBackend {
  const serverUrl = process.env.OPENPIVOT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const prefix = `openpivot_test_${randomBytes(4).toString('hex')}`;
  const databases: string[] = [];
  const stores: Store[] = [];
  const urlOf = (name: string) => {
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
        async open(siteCode) {
          const store = await openStore({ databaseUrl: urlOf(name), siteCode });
          stores.push(store);
          return store;
        },
        async raw(text, params) {
          // The suite writes SQLite's `?` placeholders; PostgreSQL numbers them.
          let n = 0;
          await admin((c) => c.query(text.replace(/\?/g, () => `$${++n}`), [...params]), urlOf(name));
        },
      };
    },
    async cleanup() {
      await Promise.allSettled(stores.map((s) => s.close()));
      if (databases.length === 0) return;
      await admin(async (c) => {
        for (const name of databases) await c.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}
