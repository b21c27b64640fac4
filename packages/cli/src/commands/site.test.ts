import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_ROLES } from '@openpivot/protocol';
import { openStore } from '@openpivot/site';
import { main } from '../main.js';
import { capture } from '../capture-io.js';

const dirs: string[] = [];
const dataDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'openpivot-cli-site-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('openpivot site user add --upn', () => {
  it('adds a user that a cloud sign-in name maps to', async () => {
    const dir = dataDir();
    // As the site's first start leaves it: built-in roles and All Systems.
    const fresh = await openStore({ dataDir: dir });
    await fresh.ensureRoles(BUILT_IN_ROLES);
    await fresh.ensureBuiltInCollections(Date.now());
    await fresh.close();
    const io = capture();
    expect(await main(['site', 'user', 'add', 'hd', '--role', 'Helpdesk Operator', '--upn', 'HD@contoso.com', '--data', dir], io)).toBe(0);
    expect(io.out()).toMatch(/^user hd added/);
    const store = await openStore({ dataDir: dir });
    try {
      expect(await store.findUserForCloud('hd@CONTOSO.com')).toMatchObject({ name: 'hd', upn: 'HD@contoso.com' });
    } finally {
      await store.close();
    }
    const taken = capture();
    expect(await main(['site', 'user', 'add', 'other', '--role', 'Helpdesk Operator', '--upn', 'hd@contoso.com', '--data', dir], taken)).toBe(2);
    expect(taken.err()).toMatch(/another user holds the UPN 'hd@contoso.com'/);
    const bad = capture();
    expect(await main(['site', 'user', 'add', 'third', '--role', 'Helpdesk Operator', '--upn', 'no-at-sign', '--data', dir], bad)).toBe(2);
    expect(bad.err()).toMatch(/not of the form name@domain/);
    // Neither refused user was left behind.
    const again = await openStore({ dataDir: dir });
    try {
      expect((await again.listUsers()).map((u) => u.name).sort()).toEqual(['hd']);
    } finally {
      await again.close();
    }
  });
});

describe('openpivot site attach', () => {
  it('needs --cloud and --code', async () => {
    for (const args of [['--code', 'c'], ['--cloud', 'http://127.0.0.1:1'], []]) {
      const io = capture();
      expect(await main(['site', 'attach', ...args, '--data', dataDir()], io)).toBe(2);
      expect(io.err()).toMatch(/usage: openpivot site attach --cloud URL --code CODE/);
    }
  });

  it('exits 1 with the reason when the cloud cannot be reached or the URL is wrong, and stores nothing', async () => {
    const dir = dataDir();
    const unreachable = capture();
    expect(await main(['site', 'attach', '--cloud', 'http://127.0.0.1:1', '--code', 'c', '--data', dir], unreachable)).toBe(1);
    expect(unreachable.err()).toMatch(/^openpivot site attach: cannot reach the cloud at http:\/\/127\.0\.0\.1:1/);
    expect(unreachable.out()).toBe('');
    const wrong = capture();
    expect(await main(['site', 'attach', '--cloud', 'cloud.example', '--code', 'c', '--data', dir], wrong)).toBe(1);
    expect(wrong.err()).toMatch(/the cloud URL 'cloud.example' is not a valid URL/);
    const store = await openStore({ dataDir: dir });
    try {
      expect(await store.getSetting('cloud.url')).toBeNull();
    } finally {
      await store.close();
    }
  });
});
