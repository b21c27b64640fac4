import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAVORITE_LIMITS, LIMITS } from '@openpivot/protocol';
import { startTestSite, basic, bearer, type TestSite } from './admin/test-site.js';

/**
 * The site console's favourites (the CMPivot pane's saved queries) through the site's HTTP API: a real
 * site on a local port, users made through the API. The same routes and shapes as the cloud's.
 */
const V = '/AdminService/v1.0';
let t: TestSite;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = await startTestSite();
  // Any signed-in user keeps favourites: these two have no role at all.
  for (const name of ['alice', 'bob']) expect((await t.call('POST', `${V}/Users`, { body: { Name: name, Password: `${name}-password` } })).status).toBe(201);
  alice = basic('alice', 'alice-password');
  bob = basic('bob', 'bob-password');
});
afterAll(() => t?.close());

const namesOf = (r: { json: { value: { name: string }[] } }): string[] => r.json.value.map((f) => f.name);
const fieldsOf = (r: { json: { error: { details?: { target: string }[] } } }): string[] => (r.json.error.details ?? []).map((d) => d.target);

describe('favourites API on the site', () => {
  it('creates, lists, renames, changes and deletes', async () => {
    const created = await t.call('POST', '/api/favorites', { auth: alice, body: { name: 'Low disk', query: 'Disk | where FreeSpace < 1000', tags: ['Storage', 'daily'] } });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(Number), name: 'Low disk', query: 'Disk | where FreeSpace < 1000', tags: ['Storage', 'daily'],
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), updatedAt: created.json.createdAt,
    });
    const id = created.json.id as number;
    // Tags may be left out, and are kept once each; a name is trimmed.
    expect((await t.call('POST', '/api/favorites', { auth: alice, body: { name: '  Apps ', query: 'InstalledSoftware' } })).json).toMatchObject({ name: 'Apps', tags: [] });
    expect((await t.call('POST', '/api/favorites', { auth: alice, body: { name: 'Services', query: 'Service', tags: ['security', 'security'] } })).json.tags).toEqual(['security']);

    const list = await t.call('GET', '/api/favorites', { auth: alice });
    expect(list.status).toBe(200);
    expect(namesOf(list)).toEqual(['Apps', 'Low disk', 'Services']);
    expect(list.json.value[1]).toEqual(created.json);
    expect(namesOf(await t.call('GET', '/api/favorites?search=STORAGE', { auth: alice }))).toEqual(['Low disk']);

    const renamed = await t.call('PUT', `/api/favorites/${id}`, { auth: alice, body: { name: 'Disks almost full' } });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.json).toMatchObject({ id, name: 'Disks almost full', query: 'Disk | where FreeSpace < 1000', tags: ['Storage', 'daily'], createdAt: created.json.createdAt });
    const changed = await t.call('PUT', `/api/favorites/${id}`, { auth: alice, body: { query: 'Disk', tags: ['weekly'] } });
    expect(changed.json).toMatchObject({ id, name: 'Disks almost full', query: 'Disk', tags: ['weekly'] });

    const deleted = await t.call('DELETE', `/api/favorites/${id}`, { auth: alice });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await t.call('DELETE', `/api/favorites/${id}`, { auth: alice })).status).toBe(404);
    expect((await t.call('PUT', `/api/favorites/${id}`, { auth: alice, body: { name: 'back' } })).status).toBe(404);
    expect(namesOf(await t.call('GET', '/api/favorites', { auth: alice }))).toEqual(['Apps', 'Services']);
  });

  it('works with an API token as with a password', async () => {
    const token = await t.call('POST', `${V}/Me/ApiTokens`, { auth: bob, body: { Name: 'console' } });
    expect(token.status, token.text).toBe(201);
    const made = await t.call('POST', '/api/favorites', { auth: bearer(token.json.Token), body: { name: 'By token', query: 'OS' } });
    expect(made.status, made.text).toBe(201);
    expect(namesOf(await t.call('GET', '/api/favorites', { auth: bob }))).toContain('By token');
  });

  it('refuses a name the user already has (ignoring case) with 409', async () => {
    expect((await t.call('POST', '/api/favorites', { auth: bob, body: { name: 'Dup', query: 'OS' } })).status).toBe(201);
    const dup = await t.call('POST', '/api/favorites', { auth: bob, body: { name: 'DUP', query: 'OS' } });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({ code: 'Conflict', details: [{ target: 'name', message: expect.stringContaining('DUP') }] });
    const other = await t.call('POST', '/api/favorites', { auth: bob, body: { name: 'Other', query: 'OS' } });
    expect((await t.call('PUT', `/api/favorites/${other.json.id}`, { auth: bob, body: { name: 'dup' } })).status).toBe(409);
    // Another user may have the same name.
    expect((await t.call('POST', '/api/favorites', { auth: alice, body: { name: 'dup', query: 'OS' } })).status).toBe(201);
  });

  it('answers a bad body, or one over the limits, with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: '', query: 'OS' }, 'name'],
      [{ name: '   ', query: 'OS' }, 'name'],
      [{ name: 'x'.repeat(FAVORITE_LIMITS.nameChars + 1), query: 'OS' }, 'name'],
      [{ query: 'OS' }, 'name'],
      [{ name: 'n' }, 'query'],
      [{ name: 'n', query: '' }, 'query'],
      [{ name: 'n', query: 'x'.repeat(LIMITS.maxQueryChars + 1) }, 'query'],
      [{ name: 'n', query: 'OS', tags: 'storage' }, 'tags'],
      [{ name: 'n', query: 'OS', tags: Array.from({ length: FAVORITE_LIMITS.tags + 1 }, (_, i) => `t${i}`) }, 'tags'],
      [{ name: 'n', query: 'OS', tags: ['ok', ''] }, 'tags.1'],
      [{ name: 'n', query: 'OS', tags: ['t'.repeat(FAVORITE_LIMITS.tagChars + 1)] }, 'tags.0'],
    ];
    for (const [body, field] of cases) {
      const r = await t.call('POST', '/api/favorites', { auth: alice, body });
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.json.error.code).toBe('BadRequest');
      expect(fieldsOf(r), JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    expect((await t.call('POST', '/api/favorites', { auth: alice, rawBody: '{"name":' })).status).toBe(400);
    // The limits themselves are fine.
    const most = await t.call('POST', '/api/favorites', {
      auth: alice,
      body: { name: 'x'.repeat(FAVORITE_LIMITS.nameChars), query: 'OS', tags: Array.from({ length: FAVORITE_LIMITS.tags }, (_, i) => `${i}`.padEnd(FAVORITE_LIMITS.tagChars, 't')) },
    });
    expect(most.status, most.text).toBe(201);
    const bad = await t.call('PUT', `/api/favorites/${most.json.id}`, { auth: alice, body: { tags: [42] } });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toContain('tags.0');
    expect((await t.call('PUT', `/api/favorites/${most.json.id}`, { auth: alice, body: { name: '' } })).status).toBe(400);
  });

  it("keeps a user's favourites from every other user, the Site.Admin too", async () => {
    const secret = await t.call('POST', '/api/favorites', { auth: alice, body: { name: 'Alice private', query: "OS | project Marker = 'alice-only'", tags: ['mine'] } });
    expect(secret.status).toBe(201);
    const id = secret.json.id as number;
    for (const auth of [bob, undefined]) {
      const list = await t.call('GET', '/api/favorites', auth === undefined ? {} : { auth });
      expect(list.status).toBe(200);
      expect(list.text).not.toContain('alice-only');
      expect(list.text).not.toContain('Alice private');
      const madeUp = await t.call('PUT', '/api/favorites/987654321', { ...(auth === undefined ? {} : { auth }), body: { name: 'taken over' } });
      const update = await t.call('PUT', `/api/favorites/${id}`, { ...(auth === undefined ? {} : { auth }), body: { name: 'taken over' } });
      expect(update.status).toBe(404);
      expect(update.json).toEqual(madeUp.json);
      const del = await t.call('DELETE', `/api/favorites/${id}`, auth === undefined ? {} : { auth });
      expect(del.status).toBe(404);
      expect(del.json).toEqual((await t.call('DELETE', '/api/favorites/987654321', auth === undefined ? {} : { auth })).json);
    }
    expect((await t.call('DELETE', '/api/favorites/not-a-number', { auth: alice })).status).toBe(404);
    const after = await t.call('GET', '/api/favorites?search=alice private', { auth: alice });
    expect(after.json.value).toEqual([secret.json]);
  });

  it('answers 401 with WWW-Authenticate to a caller who is not signed in', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/favorites', undefined], ['POST', '/api/favorites', { name: 'n', query: 'OS' }],
      ['PUT', '/api/favorites/1', { name: 'n' }], ['DELETE', '/api/favorites/1', undefined],
    ] as const) {
      const none = await t.call(method, path, { auth: null, ...(body ? { body } : {}) });
      expect(none.status, `${method} ${path}`).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
      expect((await t.call(method, path, { auth: basic('alice', 'wrong'), ...(body ? { body } : {}) })).status, `${method} ${path} with a wrong password`).toBe(401);
      expect((await t.call(method, path, { auth: bearer('opt_made-up'), ...(body ? { body } : {}) })).status, `${method} ${path} with a made-up token`).toBe(401);
    }
    expect(namesOf(await t.call('GET', '/api/favorites', { auth: alice }))).not.toContain('n');
  });
});
