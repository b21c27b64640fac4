import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError, type ProviderContext, type ProviderRow } from '../provider.js';
import { processModuleProvider, versionFromFileName } from './process-module.js';

function ctx(args: ProviderContext['args'], signal = new AbortController().signal): ProviderContext {
  return { args, constraints: [], signal, policy: { allows: () => true }, now: Date.now() };
}

async function collect(c: ProviderContext): Promise<ProviderRow[]> {
  const rows: ProviderRow[] = [];
  for await (const r of processModuleProvider.collect(c)) rows.push(r);
  return rows;
}

describe('ProcessModule (linux)', () => {
  const sleepers: ChildProcess[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) sleepers.push(spawn('sleep', ['60'], { stdio: 'ignore' }));
    await new Promise((r) => setTimeout(r, 200)); // let the children exec
  });
  afterAll(() => sleepers.forEach((s) => s.kill()));

  it("lists the program and the libraries ldd names, with md5sum's hashes (truth test)", async () => {
    const rows = await collect(ctx(['sleep']));
    const mine = sleepers.map((s) => s.pid!);
    const ours = rows.filter((r) => mine.includes(r.ProcessId as number));
    expect(new Set(ours.map((r) => r.ProcessId))).toEqual(new Set(mine));
    const one = ours.filter((r) => r.ProcessId === mine[0]);
    const expected = new Set([realpathSync(execFileSync('sh', ['-c', 'command -v sleep']).toString().trim())]);
    for (const line of execFileSync('ldd', [realpathSync('/usr/bin/sleep')]).toString().split('\n')) {
      const m = /(\/\S+) \(0x/.exec(line);
      if (m) expected.add(realpathSync(m[1]!));
    }
    expect(new Set(one.map((r) => r.FileName))).toEqual(expected);
    for (const r of one) {
      const md5 = execFileSync('md5sum', [r.FileName as string]).toString().split(' ')[0]!.toUpperCase();
      expect(r.MD5Hash).toBe(md5);
      expect(r.Size as number).toBeGreaterThan(0);
      expect(r.ModuleName).toBe((r.FileName as string).split('/').pop());
    }
    expect(one.find((r) => r.ModuleName === 'libc.so.6')?.FileVersion).toBe('6');
  });

  it('matches the name without regard to case, and finds nothing for an unknown name', async () => {
    expect((await collect(ctx(['SLEEP']))).length).toBeGreaterThan(0);
    expect(await collect(ctx(['no-such-process-here']))).toEqual([]);
  });

  it('refuses a missing name with a readable error', async () => {
    await expect(collect(ctx([]))).rejects.toThrow(ProviderError);
    await expect(collect(ctx(['']))).rejects.toThrow(/ProcessModule: the argument 'name' is required/);
  });

  it('stops when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await collect(ctx(['sleep'], ac.signal))).toEqual([]);
  });

  it('reads versions from shared object names', () => {
    expect(versionFromFileName('/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30')).toBe('6.0.30');
    expect(versionFromFileName('/usr/bin/sleep')).toBe('');
  });
});
