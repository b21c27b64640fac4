import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ProviderContext, ProviderRow } from '../provider.js';
import { ADMIN_GROUPS, administratorsProvider, parseSudoers } from './administrators.js';

async function collect(signal = new AbortController().signal): Promise<ProviderRow[]> {
  const c: ProviderContext = { args: [], constraints: [], signal, policy: { allows: () => true }, now: Date.now() };
  const rows: ProviderRow[] = [];
  for await (const r of administratorsProvider.collect(c)) rows.push(r);
  return rows;
}

function getent(db: string, ...keys: string[]): string[][] {
  try {
    return execFileSync('getent', [db, ...keys]).toString().split('\n').filter(Boolean).map((l) => l.split(':'));
  } catch {
    return []; // getent exits 2 when a key is not found
  }
}

describe('Administrators (linux)', () => {
  it('lists uid 0 accounts and the members of the admin groups as getent does (truth test)', async () => {
    const rows = await collect();
    const expected = new Set<string>();
    const passwd = getent('passwd');
    for (const p of passwd) if (p[2] === '0') expected.add(p[0]!);
    for (const g of ADMIN_GROUPS.flatMap((name) => getent('group', name))) {
      for (const m of g[3]!.split(',').filter(Boolean)) expected.add(m);
      for (const p of passwd) if (p[3] === g[2]) expected.add(p[0]!);
    }
    const fromGroupsAndUid0 = rows.filter((r) => !String(r.GrantedBy).startsWith('sudoers')).map((r) => r.Name);
    console.log(`Administrators: ${rows.length} rows (${[...expected].join(', ')} expected from getent)`);
    expect(new Set(fromGroupsAndUid0)).toEqual(expected);
    const root = rows.find((r) => r.Name === 'root')!;
    expect(root).toMatchObject({ ObjectClass: 'User', PrincipalSource: 'Local', Uid: 0, GrantedBy: 'uid 0' });
  });

  it('reads full grants from sudoers and ignores narrower ones', () => {
    const text = [
      'Defaults env_reset',
      'root ALL=(ALL:ALL) ALL',
      '%sudo   ALL=(ALL:ALL) ALL',
      '%ops ALL=(ALL) NOPASSWD: ALL   # the on-call team',
      'alice,bob ALL = (root) ALL',
      'carol ALL=/usr/bin/systemctl restart nginx',
      'ADMINS ALL=(ALL) ALL',
      '# dave ALL=(ALL) ALL',
    ].join('\n');
    expect(parseSudoers(text, '/etc/sudoers').map((g) => `${g.isGroup ? '%' : ''}${g.principal}`)).toEqual(['root', '%sudo', '%ops', 'alice', 'bob']);
  });

  it('returns nothing once cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await collect(ac.signal)).toEqual([]);
  });
});
