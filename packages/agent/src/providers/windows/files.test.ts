import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProviderContext, ProviderRow } from '../provider.js';
import { parseDsregcmd } from './aad-status.js';
import { expandEnv } from './args.js';
import { ccmLogName, ccmRows, ccmTime, parseCcmLog } from './ccm-log.js';
import { FILE_CONTENT_PROVIDER } from './file-content.js';
import { hashFile } from './file.js';
import { decodeLines } from './text-file.js';

const dir = mkdtempSync(join(tmpdir(), 'op-win-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixtureText = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function ctx(args: ProviderContext['args'], allow = (_p: string) => true, signal = new AbortController().signal): ProviderContext {
  return { args, constraints: [], signal, policy: { allows: allow }, now: Date.now() };
}
async function all(it: AsyncIterable<ProviderRow>): Promise<ProviderRow[]> {
  const out: ProviderRow[] = [];
  for await (const r of it) out.push(r);
  return out;
}

describe('FileContent (read in Node, so it runs here)', () => {
  it('numbers lines from 1 across CRLF, LF and CR, UTF-16 with BOM', async () => {
    const p = join(dir, 'smscfg.ini');
    const text = '[Configuration - Client Properties]\r\nSMS Unique Identifier=GUID:1234\nZoë=ü\r';
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await all(FILE_CONTENT_PROVIDER.collect(ctx([p])))).toEqual([
      { Line: 1, Content: '[Configuration - Client Properties]' }, { Line: 2, Content: 'SMS Unique Identifier=GUID:1234' }, { Line: 3, Content: 'Zoë=ü' },
    ]);
  });
  it('matches wc -l on a real file', async () => {
    const rows = await all(FILE_CONTENT_PROVIDER.collect(ctx(['/etc/passwd'])));
    expect(rows.length).toBe(Number(execFileSync('wc', ['-l', '/etc/passwd'], { encoding: 'utf8' }).trim().split(/\s+/)[0]));
  });
  it('checks the policy on the resolved path before reading', async () => {
    const p = join(dir, 'secret.txt');
    writeFileSync(p, 'x');
    const seen: string[] = [];
    await expect(all(FILE_CONTENT_PROVIDER.collect(ctx([p], (q) => { seen.push(q); return false; })))).rejects.toThrow(/^FileContent: reading .* is not allowed/);
    expect(seen).toEqual([p]);
  });
  it('refuses relative and missing paths with the entity name', async () => {
    await expect(all(FILE_CONTENT_PROVIDER.collect(ctx(['relative.txt'])))).rejects.toThrow(/^FileContent: the path 'relative.txt' is not absolute/);
    await expect(all(FILE_CONTENT_PROVIDER.collect(ctx([join(dir, 'none')])))).rejects.toThrow(/^FileContent: the file .* does not exist/);
  });
  it('stops when cancelled', async () => {
    const p = join(dir, 'long.txt');
    writeFileSync(p, 'line\n'.repeat(100_000));
    const ac = new AbortController();
    let n = 0;
    for await (const _r of FILE_CONTENT_PROVIDER.collect(ctx([p], () => true, ac.signal))) if (++n === 10) ac.abort();
    expect(n).toBe(10);
  });
});

describe('text and paths', () => {
  it('decodes UTF-8 with and without BOM and UTF-16 BE', () => {
    expect(decodeLines(Buffer.from('\uFEFFa\nb\n'))).toEqual(['a', 'b']);
    expect(decodeLines(Buffer.from([0xfe, 0xff, 0x00, 0x61, 0x00, 0x0a, 0x00, 0x62]))).toEqual(['a', 'b']);
    expect(decodeLines(Buffer.alloc(0))).toEqual([]);
  });
  it('expands %VARS% case-insensitively, leaving unknown ones', () => {
    expect(expandEnv('%windir%\\system32\\%NOPE%\\x', { WINDIR: 'C:\\Windows' })).toBe('C:\\Windows\\system32\\%NOPE%\\x');
  });
  it('hashes as Get-FileHash writes (upper-case hex), matching sha256sum and md5sum', async () => {
    const h = await hashFile('/etc/passwd', new AbortController().signal);
    expect(h.sha256).toBe(execFileSync('sha256sum', ['/etc/passwd'], { encoding: 'utf8' }).split(' ')[0]!.toUpperCase());
    expect(h.md5).toBe(execFileSync('md5sum', ['/etc/passwd'], { encoding: 'utf8' }).split(' ')[0]!.toUpperCase());
  });
});

describe('CcmLog', () => {
  it('parses CMTrace entries, multi-line text and the bias to UTC', () => {
    const entries = parseCcmLog(fixtureText('scripts-cmtrace.log'));
    expect(entries).toHaveLength(3);
    expect(entries[1]).toEqual({
      LogText: 'Running script as\r\nNT AUTHORITY\\SYSTEM — line two', DateTime: Date.UTC(2024, 0, 2, 18, 15, 30, 123),
      Component: 'Scripts', Context: '', Type: '1', Thread: '4312 (0x10D8)', File: '',
    });
    expect(entries[2]!.DateTime).toBe(Date.UTC(2024, 0, 2, 18, 0, 0, 500));
  });
  it('parses the older SMS trace format', () => {
    const entries = parseCcmLog(fixtureText('policy-smstrace.log'));
    expect(entries.map((e) => [e.LogText, e.Component, e.DateTime, e.Thread])).toEqual([
      ['Policy Agent starting', 'PolicyAgent_PolicyDownload', Date.UTC(2024, 0, 2, 10), '1234 (0x4D2)'],
      ['Downloaded 3 policies', 'PolicyAgent_PolicyDownload', Date.UTC(2024, 0, 2, 10, 0, 5, 250), '1234 (0x4D2)'],
    ]);
  });
  it('keeps the window and returns oldest first', () => {
    const entries = parseCcmLog(fixtureText('scripts-cmtrace.log'));
    const rows = ccmRows(entries, Date.UTC(2024, 0, 2, 18, 30), 3_600_000);
    expect(rows.map((r) => r.Component)).toEqual(['Scripts', 'ScriptsAgent', 'Scripts']);
    expect(ccmRows(entries, Date.UTC(2024, 0, 2, 18, 30), 20 * 60_000).map((r) => r.Type)).toEqual(['1']);
  });
  it('accepts only log names, never paths', () => {
    expect(ccmLogName('ciagent')).toBe('ciagent');
    expect(ccmLogName('Scripts-1_x@y')).toBe('Scripts-1_x@y');
    for (const bad of ['..\\..\\Windows\\win', 'a.log', 'C:x', "'; x", '']) expect(() => ccmLogName(bad), bad).toThrow(/^CcmLog: the argument 'name'/);
    expect(ccmTime('1-2-2024', '00:00:00.000+000')).toBe(Date.UTC(2024, 0, 2));
  });
});

describe('AadStatus', () => {
  it('reads dsregcmd /status', () => {
    expect(parseDsregcmd(fixtureText('dsregcmd-status.txt'))).toEqual({
      DeviceId: '5d3c2b1a-0f9e-4d8c-b7a6-958473625140', AzureAdJoined: true, EnterpriseJoined: false, WorkplaceJoined: false,
      DomainJoined: true, DomainName: 'CONTOSO', TenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', TenantName: 'Contoso Ltd',
    });
  });
});
