import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SystemBootData } from '../../../../entities/src/specs/system-boot-data.js';
import { systemBootDataProvider } from './system-boot-data.js';
import { collectRows, exampleProblems, runTool, schemaProblems, testContext } from './util/hw-test-kit.js';
import { BOOT_TIME, parseUtmp, USER_PROCESS } from './util/hw-utmp.js';
import { parseAnalyzeTime, systemdRunning } from './util/hw-systemd-analyze.js';
import { ProviderError } from '../provider.js';

const tmp = mkdtempSync(join(tmpdir(), 'hw-boot-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const hasSystemd = await systemdRunning();

describe('SystemBootData on Linux', () => {
  it('matches the schema, and the examples bind', async () => {
    expect(exampleProblems(SystemBootData)).toEqual([]);
    const rows = await collectRows(systemBootDataProvider);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(schemaProblems(SystemBootData, rows)).toEqual([]);
  });

  it('the current boot agrees with /proc/stat, uname and ps', async () => {
    const rows = await collectRows(systemBootDataProvider);
    const cur = rows.filter((r) => r['IsCurrentBoot'] === true);
    expect(cur).toHaveLength(1);
    const btime = Number(/^btime (\d+)/m.exec(readFileSync('/proc/stat', 'utf8'))![1]) * 1000;
    expect(cur[0]!['SystemStartTime']).toBe(btime);
    expect(cur[0]!['BootTime']).toBe(btime);
    expect(cur[0]!['OSVersion']).toBe((await runTool('uname', ['-r'])).trim());
    // PID 1 started KernelDuration after boot: uptime − PID 1's elapsed time, to ps's whole seconds
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    const etimes = Number((await runTool('ps', ['-o', 'etimes=', '-p', '1'])).trim());
    if (!hasSystemd) expect(Math.abs((cur[0]!['KernelDuration'] as number) / 1000 - (uptime - etimes))).toBeLessThan(2);
    console.log(`SystemBootData: ${rows.length} row(s); KernelDuration ${String(cur[0]!['KernelDuration'])} ms`);
  });

  it.skipIf(!hasSystemd)('with systemd, durations agree with systemd-analyze time', async () => {
    const phases = parseAnalyzeTime(await runTool('systemd-analyze', ['time']));
    const [cur] = await collectRows(systemBootDataProvider);
    expect(cur!['UserspaceDuration']).toBe(phases?.userspace ?? null);
  });
  if (!hasSystemd) console.log('systemd is not PID 1 here (no /run/systemd/system): BootDuration, BiosDuration, InitrdDuration and UserspaceDuration are null and their systemd-analyze test is skipped.');

  it('reads systemd-analyze time lines', () => {
    expect(parseAnalyzeTime('Startup finished in 7.130s (firmware) + 2.100s (loader) + 1.508s (kernel) + 3.001s (initrd) + 1min 10.222s (userspace) = 1min 23.961s\ngraphical.target reached after 10s in userspace.\n'))
      .toEqual({ firmware: 7130, loader: 2100, kernel: 1508, initrd: 3001, userspace: 70222, total: 83961 });
    expect(parseAnalyzeTime('Startup finished in 812ms (kernel) + 2.5s (userspace) = 3.312s')).toMatchObject({ firmware: null, kernel: 812, userspace: 2500 });
  });

  it('reads wtmp as utmpdump writes it: boot records and logins', () => {
    const text = [
      '[2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-18-amd64      ] [0.0.0.0        ] [2024-03-01T10:00:00,000000+00:00]',
      '[7] [01234] [tty1] [alice   ] [tty1        ] [                    ] [0.0.0.0        ] [2024-03-01T10:05:00,500000+00:00]',
    ].join('\n') + '\n';
    const file = join(tmp, 'wtmp');
    execFileSync('sh', ['-c', `utmpdump -r > '${file}' 2>/dev/null`], { input: text });
    const recs = parseUtmp(readFileSync(file));
    expect(recs).toEqual([
      { type: BOOT_TIME, pid: 0, line: '~', user: 'reboot', host: '6.1.0-18-amd64', time: Date.UTC(2024, 2, 1, 10) },
      { type: USER_PROCESS, pid: 1234, line: 'tty1', user: 'alice', host: '', time: Date.UTC(2024, 2, 1, 10, 5) + 500 },
    ]);
    expect(release()).not.toBe('');
  });

  it('stops at once when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(collectRows(systemBootDataProvider, testContext(ac.signal))).rejects.toBeInstanceOf(ProviderError);
  });
});
