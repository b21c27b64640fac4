import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Constraint, ProviderContext, ProviderRow } from '../provider.js';
import { processProvider } from './process.js';

function ctx(constraints: Constraint[] = [], signal = new AbortController().signal): ProviderContext {
  return { args: [], constraints, signal, policy: { allows: () => true }, now: Date.now() };
}

async function collect(c: ProviderContext): Promise<ProviderRow[]> {
  const rows: ProviderRow[] = [];
  for await (const r of processProvider.collect(c)) rows.push(r);
  return rows;
}

describe('Process (linux)', () => {
  const sleepers: ChildProcess[] = [];
  beforeAll(() => {
    // Bring the machine to at least 500 processes, the count the Process target is set at (npm run bench:providers times it).
    const have = Number(execFileSync('sh', ['-c', 'ls /proc | grep -c "^[0-9]"']).toString());
    for (let i = have; i < 520; i++) sleepers.push(spawn('sleep', ['120'], { stdio: 'ignore' }));
  });
  afterAll(() => {
    for (const s of sleepers) s.kill();
  });

  it('matches ps on pid, parent and name (truth test)', async () => {
    const rows = await collect(ctx());
    const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,comm=']).toString().trim().split('\n').map((l) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)!;
      return { pid: Number(m[1]), ppid: Number(m[2]), comm: m[3]! };
    });
    const mine = new Map(rows.map((r) => [r.ProcessId as number, r]));
    let both = 0;
    const differ: string[] = [];
    for (const p of ps) {
      const r = mine.get(p.pid);
      if (!r) continue; // started after our read
      both++;
      // A process may exec (fork, then exec: 'node' becomes 'sleep') between the two reads.
      if (r.ParentProcessId !== p.ppid || !String(r.Name).startsWith(p.comm)) differ.push(`${p.pid} ${p.comm}/${String(r.Name)}`);
    }
    if (differ.length) console.log('Process: changed between the reads:', differ.join(', '));
    expect(differ.length).toBeLessThan(Math.max(3, both * 0.02));
    // Only processes born or ended between the two reads may differ.
    expect(both).toBeGreaterThan(ps.length * 0.95);
    expect(both).toBeGreaterThan(rows.length * 0.95);
  });

  it('describes this process correctly', async () => {
    const [me] = await collect(ctx([{ column: 'ProcessId', op: '==', value: process.pid }]));
    expect(me).toBeDefined();
    expect(me!.ExecutablePath).toBe(process.execPath);
    expect(me!.CommandLine).toContain(process.title); // vitest retitles its workers, which rewrites cmdline
    expect(Math.abs((me!.CreationDate as number) - (Date.now() - process.uptime() * 1000))).toBeLessThan(3000);
    const rss = process.memoryUsage().rss;
    expect(me!.WorkingSetSize as number).toBeGreaterThan(rss * 0.5);
    expect(me!.WorkingSetSize as number).toBeLessThan(rss * 2);
    expect(me!.UserName).toBe(execFileSync('id', ['-un']).toString().trim());
    expect(me!.ThreadCount as number).toBeGreaterThan(0);
  });

  it('reads only the wanted names when the query says Name ==', async () => {
    const rows = await collect(ctx([{ column: 'Name', op: '==', value: 'SLEEP' }]));
    expect(rows.length).toBeGreaterThanOrEqual(sleepers.length);
    expect(rows.every((r) => r.Name === 'sleep')).toBe(true);
  });

  it('skips processes that end while it reads', async () => {
    const shortLived = Array.from({ length: 40 }, (_, i) => spawn('sleep', [String(0.001 * i)], { stdio: 'ignore' }));
    for (let i = 0; i < 5; i++) await expect(collect(ctx())).resolves.toBeDefined();
    shortLived.forEach((s) => s.kill());
  });

  it('stops when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await collect(ctx([], ac.signal))).toEqual([]);
  });

  it('reads all of 500+ processes', async () => {
    expect((await collect(ctx())).length).toBeGreaterThanOrEqual(500);
  });
});
