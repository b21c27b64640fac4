import { afterAll, describe, expect, it } from 'vitest';
import { postgresBackend, sqliteBackend } from './test-backends.js';

const T0 = 1_700_000_000_000;

describe.each([sqliteBackend(), postgresBackend()])('favourites in the site store on $name', (backend) => {
  afterAll(() => backend.cleanup());

  it("keeps each user's favourites: named uniquely per user ignoring case, sorted by name, searched by name or tag", async () => {
    const store = await (await backend.fresh()).open();
    const alice = await store.createUser({ name: 'alice', passwordHash: null, at: T0 });
    const bob = await store.createUser({ name: 'bob', passwordHash: null, at: T0 });

    const disks = await store.createFavorite({ userId: alice.id, name: 'Disks', query: 'Disk | where FreeSpace < 1000', tags: ['Storage', 'daily'], at: T0 });
    expect(disks).toEqual({ id: expect.any(Number), userId: alice.id, name: 'Disks', query: 'Disk | where FreeSpace < 1000', tags: ['Storage', 'daily'], createdAt: T0, updatedAt: T0 });
    const apps = await store.createFavorite({ userId: alice.id, name: 'apps (all)', query: 'InstalledSoftware', tags: [], at: T0 + 1 });
    const zed = await store.createFavorite({ userId: alice.id, name: 'Zed_100%', query: 'OS', tags: ['security'], at: T0 + 2 });
    // Another user may use the same name; the same user may not, whatever its case.
    const bobs = await store.createFavorite({ userId: bob.id, name: 'DISKS', query: 'Disk', tags: ['storage'], at: T0 });
    await expect(store.createFavorite({ userId: alice.id, name: 'disks', query: 'x', tags: [], at: T0 }))
      .rejects.toMatchObject({ code: 'conflict', field: 'name', message: expect.stringContaining('"disks"') });
    await expect(store.createFavorite({ userId: 999_999, name: 'x', query: 'x', tags: [], at: T0 }))
      .rejects.toMatchObject({ code: 'invalid', field: 'userId' });

    // Sorted by name ignoring case, the same on both dialects.
    expect((await store.listFavorites(alice.id)).map((f) => f.name)).toEqual(['apps (all)', 'Disks', 'Zed_100%']);
    expect(await store.listFavorites(bob.id)).toEqual([bobs]);
    expect(await store.listFavorites(999_999)).toEqual([]);
    const names = async (search: string) => (await store.listFavorites(alice.id, { search })).map((f) => f.name);
    expect(await names('STORAGE')).toEqual(['Disks']);
    expect(await names('all')).toEqual(['apps (all)']);
    expect(await names('100%')).toEqual(['Zed_100%']);
    expect(await names('_')).toEqual(['Zed_100%']);
    expect(await names('   ')).toHaveLength(3);

    const renamed = await store.updateFavorite(alice.id, apps.id, { name: 'Apps', at: T0 + 10 });
    expect(renamed).toEqual({ ...apps, name: 'Apps', updatedAt: T0 + 10 });
    expect(await store.updateFavorite(alice.id, apps.id, { query: 'InstalledSoftware | count', tags: ['inventory'], at: T0 + 11 }))
      .toEqual({ ...apps, name: 'Apps', query: 'InstalledSoftware | count', tags: ['inventory'], updatedAt: T0 + 11 });
    // A change of case of its own name is no clash; another favourite's name is.
    expect(await store.updateFavorite(alice.id, apps.id, { name: 'APPS', at: T0 + 12 })).toMatchObject({ name: 'APPS' });
    await expect(store.updateFavorite(alice.id, zed.id, { name: 'DISKS', at: T0 })).rejects.toMatchObject({ code: 'conflict', field: 'name' });

    // Another user's favourite is absent: not changed, not deleted.
    expect(await store.updateFavorite(bob.id, disks.id, { name: 'mine now', at: T0 })).toBeNull();
    expect(await store.deleteFavorite(bob.id, disks.id)).toBe(false);
    expect((await store.listFavorites(alice.id)).find((f) => f.id === disks.id)).toEqual(disks);

    expect(await store.deleteFavorite(alice.id, disks.id)).toBe(true);
    expect(await store.deleteFavorite(alice.id, disks.id)).toBe(false);
    expect(await store.updateFavorite(alice.id, disks.id, { name: 'gone', at: T0 })).toBeNull();
    expect((await store.listFavorites(alice.id)).map((f) => f.name)).toEqual(['APPS', 'Zed_100%']);
    // The name is free again.
    expect((await store.createFavorite({ userId: alice.id, name: 'disks', query: 'Disk', tags: [], at: T0 })).name).toBe('disks');
  });

  it("removes a user's favourites with the user, and keeps them across a reopen", async () => {
    const db = await backend.fresh();
    const store = await db.open();
    const carol = await store.createUser({ name: 'carol', passwordHash: null, at: T0 });
    const dave = await store.createUser({ name: 'dave', passwordHash: null, at: T0 });
    const kept = await store.createFavorite({ userId: dave.id, name: 'Kept', query: 'OS', tags: ['a', 'b'], at: T0 });
    await store.createFavorite({ userId: carol.id, name: 'Gone', query: 'OS', tags: [], at: T0 });
    await store.deleteUser(carol.id);
    expect(await store.listFavorites(carol.id)).toEqual([]);
    expect(await (await db.open()).listFavorites(dave.id)).toEqual([kept]);
  });
});
