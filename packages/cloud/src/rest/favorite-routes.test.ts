/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies; the tests assert on their fields. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS } from '@openpivot/protocol';
import { startCloud, type RunningCloud } from '../cloud.js';
import { addCloudUser, addTenant } from '../admin-commands.js';

/** Favourites through the cloud's HTTP API: a real cloud on a local port, users made as the CLI makes them. */

let cloud: RunningCloud;
let dataDir: string;
const PASSWORD = 'favourites-password-1';
const USERS = { alice: 'alice@contoso.com', bob: 'bob@contoso.com', eve: 'eve@fabrikam.com' } as const;

const basic = (upn: string): string => `Basic ${Buffer.from(`${upn}:${PASSWORD}`).toString('base64')}`;

async function call(method: string, path: string, upn: string | null, body?: unknown): Promise<{ status: number; body: any; text: string }> {
  const headers: Record<string, string> = {};
  if (upn) headers.authorization = basic(upn);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(cloud.url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(10_000) });
  const text = await r.text();
  return { status: r.status, text, body: text ? JSON.parse(text) : null };
}

const namesOf = (r: { body: any }): string[] => r.body.value.map((f: any) => f.name);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'openpivot-favorites-'));
  cloud = await startCloud({ dataDir, port: 0, host: '127.0.0.1', nodeId: 'favorites', log: () => undefined });
  const contoso = await addTenant(cloud.store, { name: 'Contoso' });
  const fabrikam = await addTenant(cloud.store, { name: 'Fabrikam' });
  // Any role keeps favourites: the least of them here.
  await addCloudUser(cloud.store, { upn: USERS.alice, tenantId: contoso, role: 'Read Only Operator', password: PASSWORD });
  await addCloudUser(cloud.store, { upn: USERS.bob, tenantId: contoso, role: 'Intune Administrator', password: PASSWORD });
  await addCloudUser(cloud.store, { upn: USERS.eve, tenantId: fabrikam, role: 'Intune Administrator', password: PASSWORD });
});

afterAll(async () => {
  await cloud?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('favourites API', () => {
  it('creates, lists, searches by name or tag, renames and deletes', async () => {
    const created = await call('POST', '/api/favorites', USERS.alice, { name: 'Low disk', query: 'Disk | where FreeSpace < 1000', tags: ['Storage', 'daily'] });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number), name: 'Low disk', query: 'Disk | where FreeSpace < 1000', tags: ['Storage', 'daily'],
      createdAt: expect.any(String), updatedAt: created.body.createdAt,
    });
    const id = created.body.id as number;
    // Tags may be left out; a name is trimmed.
    const apps = await call('POST', '/api/favorites', USERS.alice, { name: '  Apps ', query: 'InstalledSoftware' });
    expect(apps.status, apps.text).toBe(201);
    expect(apps.body).toMatchObject({ name: 'Apps', tags: [] });
    expect((await call('POST', '/api/favorites', USERS.alice, { name: 'Services', query: 'Service', tags: ['security', 'security'] })).body.tags).toEqual(['security']);

    expect(namesOf(await call('GET', '/api/favorites', USERS.alice))).toEqual(['Apps', 'Low disk', 'Services']);
    expect(namesOf(await call('GET', '/api/favorites?search=STORAGE', USERS.alice))).toEqual(['Low disk']);
    expect(namesOf(await call('GET', '/api/favorites?search=app', USERS.alice))).toEqual(['Apps']);
    expect(namesOf(await call('GET', '/api/favorites?search=nothing-like-it', USERS.alice))).toEqual([]);

    const renamed = await call('PUT', `/api/favorites/${id}`, USERS.alice, { name: 'Disks almost full' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ id, name: 'Disks almost full', query: 'Disk | where FreeSpace < 1000', tags: ['Storage', 'daily'] });
    const changed = await call('PUT', `/api/favorites/${id}`, USERS.alice, { query: 'Disk', tags: ['weekly'] });
    expect(changed.body).toMatchObject({ id, name: 'Disks almost full', query: 'Disk', tags: ['weekly'] });
    expect(namesOf(await call('GET', '/api/favorites?search=weekly', USERS.alice))).toEqual(['Disks almost full']);

    const deleted = await call('DELETE', `/api/favorites/${id}`, USERS.alice);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await call('DELETE', `/api/favorites/${id}`, USERS.alice)).status).toBe(404);
    expect((await call('PUT', `/api/favorites/${id}`, USERS.alice, { name: 'back' })).status).toBe(404);
    expect(namesOf(await call('GET', '/api/favorites', USERS.alice))).toEqual(['Apps', 'Services']);
  });

  it('refuses a name the user already has (ignoring case) with 409', async () => {
    expect((await call('POST', '/api/favorites', USERS.bob, { name: 'Dup', query: 'OS', tags: [] })).status).toBe(201);
    const dup = await call('POST', '/api/favorites', USERS.bob, { name: 'DUP', query: 'OS', tags: [] });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'Conflict', details: [{ target: 'name', message: expect.stringContaining('DUP') }] });
    const other = await call('POST', '/api/favorites', USERS.bob, { name: 'Other', query: 'OS' });
    const clash = await call('PUT', `/api/favorites/${other.body.id}`, USERS.bob, { name: 'dup' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('Conflict');
  });

  it('answers a bad body with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: '', query: 'OS' }, 'name'],
      [{ name: '   ', query: 'OS' }, 'name'],
      [{ name: 'x'.repeat(129), query: 'OS' }, 'name'],
      [{ query: 'OS' }, 'name'],
      [{ name: 'n', query: '' }, 'query'],
      [{ name: 'n', query: 'x'.repeat(LIMITS.maxQueryChars + 1) }, 'query'],
      [{ name: 'n', query: 'OS', tags: 'storage' }, 'tags'],
      [{ name: 'n', query: 'OS', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
      [{ name: 'n', query: 'OS', tags: ['ok', ''] }, 'tags.1'],
      [{ name: 'n', query: 'OS', tags: ['t'.repeat(41)] }, 'tags.0'],
    ];
    for (const [body, field] of cases) {
      const r = await call('POST', '/api/favorites', USERS.alice, body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body.error.code).toBe('BadRequest');
      expect(r.body.error.details.map((d: any) => d.target), JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    // The limits themselves are fine.
    const most = await call('POST', '/api/favorites', USERS.alice, { name: 'x'.repeat(128), query: 'OS', tags: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, 't')) });
    expect(most.status, most.text).toBe(201);
    const mine = await call('POST', '/api/favorites', USERS.alice, { name: 'to update', query: 'OS' });
    const bad = await call('PUT', `/api/favorites/${mine.body.id}`, USERS.alice, { tags: [42] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.target)).toContain('tags.0');
  });

  it("keeps a user's favourites from every other user, of the same tenant or another", async () => {
    const secret = await call('POST', '/api/favorites', USERS.alice, { name: 'Alice private', query: "OS | project Marker = 'alice-only'", tags: ['mine'] });
    expect(secret.status).toBe(201);
    const id = secret.body.id as number;
    for (const upn of [USERS.bob, USERS.eve]) {
      const list = await call('GET', '/api/favorites', upn);
      expect(list.status).toBe(200);
      expect(list.text).not.toContain('alice-only');
      expect(list.text).not.toContain('Alice private');
      expect((await call('GET', '/api/favorites?search=mine', upn)).body.value).toEqual([]);
      const madeUp = await call('PUT', '/api/favorites/987654321', upn, { name: 'taken over' });
      const update = await call('PUT', `/api/favorites/${id}`, upn, { name: 'taken over' });
      expect(update.status).toBe(404);
      expect(update.body).toEqual(madeUp.body);
      const del = await call('DELETE', `/api/favorites/${id}`, upn);
      expect(del.status).toBe(404);
      expect(del.body).toEqual((await call('DELETE', '/api/favorites/987654321', upn)).body);
    }
    expect((await call('DELETE', '/api/favorites/not-a-number', USERS.alice)).status).toBe(404);
    // Still there, unchanged.
    const after = await call('GET', '/api/favorites?search=alice private', USERS.alice);
    expect(after.body.value).toEqual([secret.body]);
  });

  it('answers 401 to a caller who is not signed in', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/favorites', undefined], ['POST', '/api/favorites', { name: 'n', query: 'OS' }],
      ['PUT', '/api/favorites/1', { name: 'n' }], ['DELETE', '/api/favorites/1', undefined],
    ] as const) {
      expect((await call(method, path, null, body)).status, `${method} ${path}`).toBe(401);
      const wrong = await fetch(cloud.url + path, { method, headers: { authorization: `Basic ${Buffer.from(`${USERS.alice}:wrong`).toString('base64')}` } });
      expect(wrong.status, `${method} ${path} with a wrong password`).toBe(401);
    }
  });
});
