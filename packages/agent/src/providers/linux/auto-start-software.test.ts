import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ProviderContext, ProviderRow } from '../provider.js';
import { autoStartSoftwareProvider, cronRebootStarts, systemdAutoStarts, xdgAutoStarts } from './auto-start-software.js';
import { findTool } from './util/proc-run-tool.js';
import { systemdRunning, templateOf } from './util/proc-systemd.js';
import { defaultRunlevel } from './util/proc-sysv.js';

async function collect(signal = new AbortController().signal): Promise<ProviderRow[]> {
  const c: ProviderContext = { args: [], constraints: [], signal, policy: { allows: () => true }, now: Date.now() };
  const rows: ProviderRow[] = [];
  for await (const r of autoStartSoftwareProvider.collect(c)) rows.push(r);
  return rows;
}

function sh(script: string): string {
  return execFileSync('sh', ['-c', script]).toString();
}

const running = systemdRunning();
const hasSystemctl = findTool('systemctl') !== null;
if (!running) console.log('AutoStartSoftware: systemd is not PID 1 here, so boot starts come from the rc?.d links; the systemd reader is still checked against systemctl offline');

describe('AutoStartSoftware (linux)', () => {
  it.skipIf(running)('lists the S links of rcS.d and the default runlevel (truth test against ls)', async () => {
    const rows = (await collect()).filter((r) => String(r.StartupType).startsWith('init script'));
    const links = sh(`ls -d /etc/rcS.d/S* /etc/rc${defaultRunlevel()}.d/S* 2>/dev/null || true`).split('\n').filter(Boolean);
    expect(new Set(rows.map((r) => r.Location))).toEqual(new Set(links));
  });

  it.skipIf(!hasSystemctl)('finds the units systemctl list-unit-files calls enabled (truth test, works offline)', () => {
    const mine = new Set(systemdAutoStarts().map((s) => templateOf(s.location.split('/').pop()!)));
    const out = execFileSync('systemctl', ['list-unit-files', '--state=enabled', '--no-legend', '--no-pager']).toString();
    const tool = new Set(out.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0]!));
    expect(mine).toEqual(tool);
  });

  it('names the package that ships each start as dpkg -S does', async () => {
    const rows = (await collect()).filter((r) => r.Product !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows.slice(0, 5)) {
      const file = String(r.FilePath) || String(r.StartupValue).split(' ')[0]!;
      let owner = '';
      try {
        owner = execFileSync('dpkg', ['-S', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().split(':')[0]!;
      } catch {
        continue; // dpkg -S misses merged-/usr spellings that the provider resolves
      }
      expect(r.Product, file).toBe(owner);
      expect(r.ProductVersion).toBe(execFileSync('dpkg-query', ['-W', '-f', '${Version}', owner]).toString());
    }
  });

  it('finds the @reboot cron lines and XDG autostart entries grep finds', () => {
    const cron = sh("cat /etc/crontab /etc/cron.d/* /var/spool/cron/crontabs/* 2>/dev/null | grep -cE '^[[:space:]]*@reboot' || true").trim();
    expect(cronRebootStarts().length).toBe(Number(cron));
    const xdg = sh("for f in /etc/xdg/autostart/*.desktop; do [ -e \"$f\" ] && ! grep -q '^Hidden=true' \"$f\" && echo \"$f\"; done; true").split('\n').filter(Boolean);
    expect(xdgAutoStarts().filter((s) => s.location.startsWith('/etc/xdg/')).map((s) => s.location).sort()).toEqual(xdg.sort());
  });

  it('returns nothing once cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await collect(ac.signal)).toEqual([]);
  });
});
