import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { sqliteDatabases, postgresDatabases, type DatabaseBackend } from '@openpivot/testkit';
import type { Store } from './store.js';
import { openStore } from './open-store.js';

/** For store tests only: the site's store on fresh, empty databases of each dialect (testkit's). */
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

/** The site's store on the fresh databases of one backend. */
function storesOn(databases: DatabaseBackend): TestBackend {
  const stores: Store[] = [];
  return {
    name: databases.name,
    async fresh() {
      const db = await databases.fresh();
      return {
        options: db.options,
        raw: (text, params) => db.raw(text, params),
        async open(siteCode) {
          const store = await openStore({ ...db.options, ...(siteCode !== undefined ? { siteCode } : {}) });
          stores.push(store);
          return store;
        },
      };
    },
    async cleanup() {
      await Promise.allSettled(stores.map((s) => s.close()));
      await databases.cleanup();
    },
  };
}

export const sqliteBackend = (): TestBackend => storesOn(sqliteDatabases('site.db'));
export const postgresBackend = (): TestBackend => storesOn(postgresDatabases());
