import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProviderContext, ProviderRow } from '../provider.js';
import { serviceProvider, startModeOf, systemdServiceRows } from './service.js';
import { findTool } from './util/proc-run-tool.js';
import { parseShow, systemdRunning } from './util/proc-systemd.js';
import { isServiceScriptName } from './util/proc-sysv.js';

async function collect(signal = new AbortController().signal): Promise<ProviderRow[]> {
  const c: ProviderContext = { args: [], constraints: [], signal, policy: { allows: () => true }, now: Date.now() };
  const rows: ProviderRow[] = [];
  for await (const r of serviceProvider.collect(c)) rows.push(r);
  return rows;
}

const running = systemdRunning();
const hasSystemctl = findTool('systemctl') !== null;
if (!running) console.log('Service: systemd is not PID 1 here, so the live systemd comparison is skipped; the SysV path and the unit-file reader are tested');

describe('Service (linux)', () => {
  it.skipIf(running)('lists the /etc/init.d scripts, running where service --status-all says so (truth test)', async () => {
    const rows = await collect();
    const scripts = readdirSync('/etc/init.d').filter(isServiceScriptName);
    expect(new Set(rows.map((r) => r.Name))).toEqual(new Set(scripts));
    const status = execFileSync('service', ['--status-all'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    const plus = [...status.matchAll(/\[ \+ \]\s+(\S+)/g)].map((m) => m[1]!);
    for (const name of plus) expect(rows.find((r) => r.Name === name)?.State, name).toBe('Running');
    for (const r of rows.filter((x) => x.State === 'Running')) {
      expect(readdirSync('/proc')).toContain(String(r.ProcessId));
      if (!plus.includes(String(r.Name))) console.log(`Service: ${String(r.Name)} runs (pid ${String(r.ProcessId)}) though its status script says not`);
    }
    console.log(`Service: ${rows.length} rows, ${rows.filter((r) => r.State === 'Running').length} running; service --status-all: ${plus.length} running`);
  });

  it.skipIf(!hasSystemctl)('reads unit files to the same states as systemctl list-unit-files (truth test, works offline)', () => {
    const rows = systemdServiceRows([]);
    const out = execFileSync('systemctl', ['list-unit-files', '--type=service', '--no-legend', '--no-pager']).toString();
    const tool = new Map(out.split('\n').filter(Boolean).map((l) => l.split(/\s+/) as [string, string]).filter(([n, s]) => s !== 'alias' && !n.includes('@.')));
    expect(new Set(rows.map((r) => `${String(r.Name)}.service`))).toEqual(new Set(tool.keys()));
    for (const r of rows) expect(`${String(r.Name)} ${String(r.UnitFileState)}`).toBe(`${String(r.Name)} ${tool.get(`${String(r.Name)}.service`)}`);
  });

  it.skipIf(!running)('agrees with systemctl on live state (truth test)', async () => {
    const rows = await collect();
    const out = execFileSync('systemctl', ['list-units', '--type=service', '--all', '--plain', '--no-legend', '--no-pager']).toString();
    for (const line of out.split('\n').filter(Boolean)) {
      const [unit, , active] = line.trim().split(/\s+/);
      const r = rows.find((x) => `${String(x.Name)}.service` === unit);
      if (r && active === 'active') expect(r.State).toBe('Running');
    }
  });

  it('parses systemctl show blocks and maps start modes', () => {
    const shown = parseShow('Id=ssh.service\nActiveState=active\nMainPID=812\n\nId=cron.service\nActiveState=failed\nMainPID=0\n');
    expect(shown.map((m) => [m.get('Id'), m.get('ActiveState'), m.get('MainPID')])).toEqual([['ssh.service', 'active', '812'], ['cron.service', 'failed', '0']]);
    expect([startModeOf('enabled'), startModeOf('static'), startModeOf('masked'), startModeOf('disabled')]).toEqual(['Auto', 'Manual', 'Disabled', 'Manual']);
  });

  it('returns nothing once cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await collect(ac.signal)).toEqual([]);
  });
});
