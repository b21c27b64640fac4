import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Device } from '../../../../entities/src/specs/device.js';
import { ComputerSystem } from '../../../../entities/src/specs/computer-system.js';
import { Bios } from '../../../../entities/src/specs/bios.js';
import { deviceProvider } from './device.js';
import { computerSystemProvider } from './computer-system.js';
import { biosProvider } from './bios.js';
import { osProvider } from './os.js';
import { collectRows, exampleProblems, runTool, schemaProblems, testContext } from './util/hw-test-kit.js';
import { parseResolvDomain } from './util/hw-domain.js';
import { consoleUserFromLogind } from './util/hw-console-user.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBiosDate } from './util/hw-dmi.js';
import { ProviderError } from '../provider.js';

const dmi = (n: string): string => {
  try {
    return readFileSync(`/sys/class/dmi/id/${n}`, 'utf8').trim();
  } catch {
    return '';
  }
};
const hasDmi = existsSync('/sys/class/dmi/id');

function lscpuField(out: string, key: string): string {
  return out.split('\n').find((l) => l.startsWith(key + ':'))?.slice(key.length + 1).trim() ?? '';
}

describe('Device, ComputerSystem and Bios on Linux', () => {
  it('match their schemas with one row each, and the examples bind', async () => {
    for (const [spec, p] of [[Device, deviceProvider], [ComputerSystem, computerSystemProvider], [Bios, biosProvider]] as const) {
      expect(exampleProblems(spec)).toEqual([]);
      const rows = await collectRows(p);
      expect(rows).toHaveLength(1);
      expect(schemaProblems(spec, rows)).toEqual([]);
    }
  });

  it('DMI fields are what sysfs holds, or "" where it is absent', async () => {
    if (!hasDmi) console.log('No /sys/class/dmi/id here (container or VM without DMI): checking the empty fallbacks.');
    const [d] = await collectRows(deviceProvider);
    const [b] = await collectRows(biosProvider);
    expect(d!['Model']).toBe(dmi('product_name'));
    expect(d!['Manufacturer']).toBe(dmi('sys_vendor'));
    expect(b!['Manufacturer']).toBe(dmi('bios_vendor'));
    expect(b!['SMBIOSBIOSVersion']).toBe(dmi('bios_version'));
    expect(b!['ReleaseDate']).toBe(parseBiosDate(dmi('bios_date')));
    expect(b!['FirmwareType']).toBe(existsSync('/sys/firmware/efi') ? 'UEFI' : 'BIOS');
  });

  it('UserName is the console user `who` lists, or ""', async () => {
    const who = (await runTool('who', [])).split('\n').filter((l) => /^\S+\s+(tty\d+|:\d)/.test(l)).map((l) => l.split(/\s+/)[0]);
    const [d] = await collectRows(deviceProvider);
    if (who.length === 0) expect(d!['UserName']).toBe('');
    else expect(who).toContain(d!['UserName']);
  });

  it('ComputerSystem agrees with hostname, lscpu, free and date', async () => {
    const [row] = await collectRows(computerSystemProvider);
    const lscpu = await runTool('lscpu', [], { ...process.env, LC_ALL: 'C' });
    expect(row!['Name']).toBe((await runTool('hostname', [])).trim().split('.')[0]);
    expect(row!['NumberOfProcessors']).toBe(Number(lscpuField(lscpu, 'Socket(s)')));
    expect(row!['NumberOfLogicalProcessors']).toBe(Number((await runTool('nproc', ['--all'])).trim()));
    const free = (await runTool('free', ['-b'])).split('\n').find((l) => l.startsWith('Mem:'))!.split(/\s+/);
    expect(row!['TotalPhysicalMemory']).toBe(Number(free[1]));
    const env = { ...process.env };
    delete env['TZ'];
    const z = (await runTool('date', ['+%z'], env)).trim();
    expect(row!['CurrentTimeZone']).toBe((z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))));
    expect(row!['HypervisorPresent']).toBe(lscpuField(lscpu, 'Hypervisor vendor') !== '' || /\bhypervisor\b/.test(lscpuField(lscpu, 'Flags')));
    if (process.arch === 'x64') expect(row!['SystemType']).toBe('x64-based PC');
  });

  it('OSName and OSVersion are what OS reports as Caption and Version, and what the shell reads from os-release', async () => {
    const [d] = await collectRows(deviceProvider);
    const [os] = await collectRows(osProvider);
    expect(d!['OSName']).toBe(os!['Caption']);
    expect(d!['OSVersion']).toBe(os!['Version']);
    // os-release read a second, independent way: sourced by the shell, as the file intends.
    const out = await runTool('/bin/sh', ['-c', '. /etc/os-release 2>/dev/null || . /usr/lib/os-release; printf "%s\\n%s\\n" "$PRETTY_NAME" "$VERSION_ID"']);
    const [pretty, versionId] = out.split('\n');
    expect(d!['OSName']).toBe(pretty);
    expect(d!['OSVersion']).toBe(versionId);
    expect(d!['OSName']).not.toBe('');
  });

  it('reads the DNS domain the way the resolver would', () => {
    expect(parseResolvDomain('nameserver 1.1.1.1\nsearch corp.example.com lab.example.com\n')).toBe('corp.example.com');
    expect(parseResolvDomain('domain ad.example.org\nsearch x.org\n')).toBe('ad.example.org');
    expect(parseResolvDomain('search .\n')).toBe('');
  });

  it('reads logind session files (written here by hand: logind does not run on this machine)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hw-sessions-'));
    try {
      const signal = new AbortController().signal;
      expect(await consoleUserFromLogind(signal, dir)).toBeNull();
      writeFileSync(join(dir, '3'), 'UID=1000\nUSER=bob\nACTIVE=1\nREMOTE=1\nCLASS=user\n');
      writeFileSync(join(dir, '4'), 'UID=1001\nUSER=carol\nACTIVE=0\nSEAT=seat0\nREMOTE=0\nCLASS=user\n');
      expect(await consoleUserFromLogind(signal, dir)).toBe('carol');
      writeFileSync(join(dir, '5'), 'UID=1002\nUSER=dave\nACTIVE=1\nSEAT=seat0\nREMOTE=0\nCLASS=user\n');
      writeFileSync(join(dir, '6'), 'UID=120\nUSER=gdm\nACTIVE=1\nSEAT=seat0\nCLASS=greeter\n');
      expect(await consoleUserFromLogind(signal, dir)).toBe('dave');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stop at once when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    for (const p of [deviceProvider, computerSystemProvider, biosProvider]) {
      await expect(collectRows(p, testContext(ac.signal))).rejects.toBeInstanceOf(ProviderError);
    }
  });
});
