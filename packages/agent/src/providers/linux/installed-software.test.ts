import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProviderContext, ProviderRow } from '../provider.js';
import { installedSoftwareProvider, rpmRows, versionParts } from './installed-software.js';
import { findTool } from './util/proc-run-tool.js';

function ctx(signal = new AbortController().signal): ProviderContext {
  return { args: [], constraints: [], signal, policy: { allows: () => true }, now: Date.now() };
}

async function collect(c: ProviderContext = ctx()): Promise<ProviderRow[]> {
  const rows: ProviderRow[] = [];
  for await (const r of installedSoftwareProvider.collect(c)) rows.push(r);
  return rows;
}

const hasDpkg = existsSync('/var/lib/dpkg/status') && findTool('dpkg-query') !== null;
if (!hasDpkg) console.log('InstalledSoftware: no dpkg database here; the dpkg truth test is skipped');
const hasRpm = findTool('rpm') !== null;
if (!hasRpm) console.log('InstalledSoftware: rpm is not installed here; the rpm truth test is skipped');

describe('InstalledSoftware (linux)', () => {
  it.skipIf(!hasDpkg)('has the same installed name+version set as dpkg-query (truth test)', async () => {
    const rows = (await collect()).filter((r) => r.PackageManager === 'dpkg');
    const tool = execFileSync('dpkg-query', ['-W', '-f', '${Package}\\t${Version}\\t${db:Status-Abbrev}\\n']).toString();
    const expected = new Set(
      tool.split('\n').filter((l) => l !== '').map((l) => l.split('\t'))
        // the second letter is the current state: n(ot-installed) and c(onfig-files) leave no software
        .filter(([, , abbrev]) => !'nc'.includes(abbrev![1]!)).map(([p, v]) => `${p}\t${v}`),
    );
    expect(new Set(rows.map((r) => `${String(r.ProductName)}\t${String(r.ProductVersion)}`))).toEqual(expected);
    expect(rows.length).toBe(expected.size);
  });

  it.skipIf(!hasDpkg)('fills publisher, install date and size like dpkg knows them', async () => {
    const rows = await collect();
    const dpkg = rows.find((r) => r.ProductName === 'dpkg')!;
    expect(dpkg.Publisher).toBe(execFileSync('dpkg-query', ['-W', '-f', '${Maintainer}', 'dpkg']).toString());
    expect(dpkg.InstalledSize).toBe(Number(execFileSync('dpkg-query', ['-W', '-f', '${Installed-Size}', 'dpkg']).toString()) * 1024);
    expect(dpkg.InstallDate).toBe(Math.round(statSync('/var/lib/dpkg/info/dpkg.list').mtimeMs));
    expect(dpkg.Status).toBe('install ok installed');
    expect(rows.filter((r) => r.InstallDate === null).length).toBe(0);
  });

  it.skipIf(!hasRpm)('matches rpm -qa (truth test)', async () => {
    const rows = (await collect()).filter((r) => r.PackageManager === 'rpm');
    const tool = execFileSync('rpm', ['-qa', '--qf', '%{NAME}\\n']).toString().split('\n').filter((n) => n && n !== 'gpg-pubkey');
    expect(new Set(rows.map((r) => r.ProductName))).toEqual(new Set(tool));
  });

  it('parses rpm query lines and versions', () => {
    const [r] = rpmRows('bash\t5.1.8-6.el9\tx86_64\tRed Hat, Inc.\t1700000000\t7738000\tThe GNU Bourne Again shell\tUnspecified\tbash-5.1.8-6.el9.src.rpm\thttps://www.gnu.org/software/bash\n');
    expect(r).toMatchObject({ ProductName: 'bash', ProductVersion: '5.1.8-6.el9', Publisher: 'Red Hat, Inc.', InstallDate: 1700000000000, SourcePackage: 'bash', VersionMajor: 5, VersionMinor: 1 });
    expect(versionParts('1:2.38.1-5+deb12u1')).toEqual({ major: 2, minor: 38 });
    expect(versionParts('git20230101')).toEqual({ major: null, minor: null });
  });

  it('returns nothing once cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await collect(ctx(ac.signal))).toEqual([]);
  });
});
