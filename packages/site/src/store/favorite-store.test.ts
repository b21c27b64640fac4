import { afterAll, describe, expect, it } from 'vitest';
import { postgresBackend, sqliteBackend } from './test-backends.js';

const T0 = 1_700_000_000_000;

// What favourites do is @openpivot/server's favoriteStore's test; here, that the site's store keeps them with its users.
describe.each([sqliteBackend(), postgresBackend()])('favourites in the site store on $name', (backend) => {
  afterAll(() => backend.cleanup());

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
