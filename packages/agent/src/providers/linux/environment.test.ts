import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ProviderContext, ProviderRow } from '../provider.js';
import { environmentProvider, parseEnvironmentFile } from './environment.js';

async function collect(signal = new AbortController().signal): Promise<ProviderRow[]> {
  const c: ProviderContext = { args: [], constraints: [], signal, policy: { allows: () => true }, now: Date.now() };
  const rows: ProviderRow[] = [];
  for await (const r of environmentProvider.collect(c)) rows.push(r);
  return rows;
}

describe('Environment (linux)', () => {
  it("lists the agent's environment as env prints it (truth test)", async () => {
    const rows = (await collect()).filter((r) => r.SystemVariable === false);
    // env run with this process's environment prints the same set; values holding newlines are left out of the comparison.
    const env = execFileSync('env', ['-0'], { env: process.env }).toString().split('\0').filter(Boolean);
    const expected = new Set(env.map((kv) => kv.slice(0, kv.indexOf('='))));
    expect(new Set(rows.map((r) => r.Name))).toEqual(expected);
    const path = rows.find((r) => r.Name === 'PATH')!;
    expect(path.VariableValue).toBe(process.env.PATH);
    expect(path.UserName).toBe(execFileSync('id', ['-un']).toString().trim());
  });

  it('reads /etc/environment as the <SYSTEM> variables', async () => {
    const system = (await collect()).filter((r) => r.SystemVariable === true);
    const lines = execFileSync('sh', ['-c', "grep -cE '^[[:space:]]*(export[[:space:]]+)?[A-Za-z_][A-Za-z0-9_]*=' /etc/environment || true"]).toString().trim();
    console.log(`Environment: ${system.length} system rows (/etc/environment has ${lines} assignments)`);
    expect(system.length).toBe(Number(lines));
    expect(system.every((r) => r.UserName === '<SYSTEM>')).toBe(true);
  });

  it('parses the pam_env file format', () => {
    expect(parseEnvironmentFile('# proxy\nPATH="/usr/local/bin:/usr/bin"\nexport LANG=C.UTF-8\nno equals here\nQ=\'a b\'\nEMPTY=\n')).toEqual([
      ['PATH', '/usr/local/bin:/usr/bin'], ['LANG', 'C.UTF-8'], ['Q', 'a b'], ['EMPTY', ''],
    ]);
  });

  it('returns nothing once cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await collect(ac.signal)).toEqual([]);
  });
});
