import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OS } from '../../../../entities/src/specs/os.js';
import { OperatingSystem } from '../../../../entities/src/specs/operating-system.js';
import { osProvider } from './os.js';
import { operatingSystemProvider } from './operating-system.js';
import { collectRows, exampleProblems, runTool, schemaProblems, testContext } from './util/hw-test-kit.js';
import { ProviderError } from '../provider.js';

/** os-release read a second, different way: the shell's own parser, as the file intends. */
async function osReleaseByShell(): Promise<Record<string, string>> {
  const out = await runTool('/bin/sh', ['-c', '. /etc/os-release 2>/dev/null || . /usr/lib/os-release; printf "%s\\n%s\\n%s\\n" "$PRETTY_NAME" "$VERSION_ID" "$ID"']);
  const [pretty, versionId, id] = out.split('\n');
  return { pretty: pretty!, versionId: versionId!, id: id! };
}

describe('OS and OperatingSystem on Linux', () => {
  it('match the schema, and the examples bind', async () => {
    expect(exampleProblems(OS)).toEqual([]);
    expect(exampleProblems(OperatingSystem)).toEqual([]);
    const os = await collectRows(osProvider);
    const full = await collectRows(operatingSystemProvider);
    expect(os).toHaveLength(1);
    expect(full).toHaveLength(1);
    expect(schemaProblems(OS, os)).toEqual([]);
    expect(schemaProblems(OperatingSystem, full)).toEqual([]);
  });

  it('agree with os-release read by the shell, uname, /proc/stat and free', async () => {
    const [row] = await collectRows(operatingSystemProvider);
    const shell = await osReleaseByShell();
    expect(row!['Caption']).toBe(shell.pretty);
    expect(row!['Version']).toBe(shell.versionId);
    expect(row!['DistributionId']).toBe(shell.id);
    expect(row!['BuildNumber']).toBe((await runTool('uname', ['-r'])).trim());
    expect(row!['Machine']).toBe((await runTool('uname', ['-m'])).trim());
    expect(row!['KernelVersion']).toBe((await runTool('uname', ['-v'])).trim());
    const btime = Number(/^btime (\d+)/m.exec(readFileSync('/proc/stat', 'utf8'))![1]) * 1000;
    expect(row!['LastBootUpTime']).toBe(btime);
    const free = (await runTool('free', ['-b'])).split('\n').find((l) => l.startsWith('Mem:'))!.split(/\s+/);
    expect(row!['TotalVisibleMemorySize']! as number * 1024).toBe(Number(free[1]));
    expect(Math.abs((row!['FreePhysicalMemory'] as number) * 1024 - Number(free[3]))).toBeLessThan(256 * 1024 * 1024);
  });

  it('OS is the basic projection of OperatingSystem', async () => {
    const [os] = await collectRows(osProvider);
    const [full] = await collectRows(operatingSystemProvider);
    for (const k of ['Caption', 'Version', 'BuildNumber', 'OSArchitecture', 'LastBootUpTime', 'Machine']) expect(os![k]).toBe(full![k]);
  });

  it('stops at once when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(collectRows(operatingSystemProvider, testContext(ac.signal))).rejects.toBeInstanceOf(ProviderError);
  });
});
