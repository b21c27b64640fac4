import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '@openpivot/server';
import { postgresDatabases, sqliteDatabases, type DatabaseBackend } from '@openpivot/testkit';
import type { CloudStore, OidcPendingRecord } from './store.js';
import { openCloudStore } from './index.js';

const T0 = 1_700_000_000_000;
const pending = (state: string, expiresAt: number): OidcPendingRecord =>
  ({ state, verifier: `verifier-${state}`, nonce: `nonce-${state}`, returnTo: `/admin?from=${state}`, expiresAt });
const roomy = { now: T0, max: 1000 };

/** Opens cloud stores on fresh databases of one backend, two at once when a test needs two nodes. */
function storesOn(databases: DatabaseBackend) {
  const stores: CloudStore[] = [];
  const open = async (options: Parameters<typeof openCloudStore>[0]) => {
    const store = await openCloudStore(options);
    stores.push(store);
    return store;
  };
  return {
    name: databases.name,
    async fresh(): Promise<CloudStore> {
      return open((await databases.fresh()).options);
    },
    /** Two stores on one fresh database: two cloud nodes. */
    async pair(): Promise<[CloudStore, CloudStore]> {
      const { options } = await databases.fresh();
      const first = await open(options);
      return [first, await open(options)];
    },
    async cleanup() {
      await Promise.allSettled(stores.map((s) => s.close()));
      await databases.cleanup();
    },
  };
}

describe.each([storesOn(sqliteDatabases('cloud.db')), storesOn(postgresDatabases())])('OpenID Connect sign-ins in progress on $name', (backend) => {
  afterAll(() => backend.cleanup());

  it('keeps a sign-in until it is taken, and gives it only once', async () => {
    const store = await backend.fresh();
    const p = pending('s1', T0 + 600_000);
    await store.putOidcPending(p, roomy);
    await store.putOidcPending(pending('s2', T0 + 600_000), roomy);
    await expect(store.putOidcPending({ ...p, verifier: 'another' }, roomy)).rejects.toSatisfy((e) => e instanceof StoreError && e.code === 'conflict' && e.field === 'state');
    expect(await store.takeOidcPending('s1', T0 + 1)).toEqual(p);
    expect(await store.takeOidcPending('s1', T0 + 1)).toBeNull();
    expect(await store.takeOidcPending('unknown', T0 + 1)).toBeNull();
    expect(await store.takeOidcPending('s2', T0 + 1)).toMatchObject({ state: 's2', verifier: 'verifier-s2', nonce: 'nonce-s2' });
  });

  it('answers an expired sign-in as unknown, and sweeps the expired ones', async () => {
    const store = await backend.fresh();
    await store.putOidcPending(pending('old', T0 + 10), roomy);
    expect(await store.takeOidcPending('old', T0 + 10)).toBeNull();
    // Spent by that attempt: not there even for a clock that is behind.
    expect(await store.takeOidcPending('old', T0)).toBeNull();

    for (const [state, expiresAt] of [['a', T0 + 10], ['b', T0 + 20], ['c', T0 + 30]] as const) {
      await store.putOidcPending(pending(state, expiresAt), roomy);
    }
    expect(await store.deleteExpiredOidcPending(T0 + 20)).toBe(2);
    expect(await store.deleteExpiredOidcPending(T0 + 20)).toBe(0);
    expect(await store.takeOidcPending('a', T0)).toBeNull();
    expect(await store.takeOidcPending('b', T0)).toBeNull();
    expect(await store.takeOidcPending('c', T0 + 29)).toEqual(pending('c', T0 + 30));
  });

  it('lets exactly one of two nodes racing for one state take it', async () => {
    const [one, two] = await backend.pair();
    for (let round = 0; round < 10; round++) {
      await one.putOidcPending(pending(`race${round}`, T0 + 600_000), roomy);
      const taken = await Promise.all([one.takeOidcPending(`race${round}`, T0), two.takeOidcPending(`race${round}`, T0)]);
      expect(taken.filter((t) => t !== null)).toEqual([pending(`race${round}`, T0 + 600_000)]);
    }
    // A sign-in put by one node is taken by the other.
    await two.putOidcPending(pending('across', T0 + 600_000), roomy);
    expect(await one.takeOidcPending('across', T0)).toEqual(pending('across', T0 + 600_000));
  });

  it('over its bound, drops the expired sign-ins first, then the oldest, never the new one', async () => {
    const store = await backend.fresh();
    const bound = { now: T0, max: 3 };
    await store.putOidcPending(pending('a', T0 + 100), bound);
    await store.putOidcPending(pending('b', T0 + 200), bound);
    await store.putOidcPending(pending('c', T0 + 300), bound);
    // Four at T0 + 150: the expired one goes, and nothing else.
    await store.putOidcPending(pending('d', T0 + 400), { ...bound, now: T0 + 150 });
    // Four again, none expired: the oldest gives way.
    await store.putOidcPending(pending('e', T0 + 500), { ...bound, now: T0 + 150 });
    // A new sign-in expiring sooner than every other (a node whose clock is behind) is still kept.
    await store.putOidcPending(pending('f', T0 + 160), { ...bound, now: T0 + 150 });
    const now = T0 + 150;
    const left = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map(async (s) => (await store.takeOidcPending(s, now))?.state ?? null));
    expect(left).toEqual([null, null, null, 'd', 'e', 'f']);
  });
});
