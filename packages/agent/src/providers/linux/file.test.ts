import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WHOLE_READ_MAX, fileProvider } from './file.js';
import { glob } from './util/fs-glob.js';
import { modeString, octalPermissions } from './util/fs-owners.js';
import { collectAll, testContext } from './util/fs-test-context.js';

let dir = '';
const signal = new AbortController().signal;
const globAll = async (p: string): Promise<string[]> => { const out: string[] = []; for await (const x of glob(p, signal)) out.push(x); return out; };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'op-file-'));
  mkdirSync(join(dir, 'a/b/c'), { recursive: true });
  writeFileSync(join(dir, 'one.txt'), 'one\n');
  writeFileSync(join(dir, '.hidden.txt'), 'h');
  writeFileSync(join(dir, 'a/two.txt'), 'two');
  writeFileSync(join(dir, 'a/b/c/three.txt'), 'x'.repeat(3_000_000));
  writeFileSync(join(dir, 'a/b/secret.txt'), 'no');
  symlinkSync(join(dir, 'a'), join(dir, 'a/b/loop'));
  chmodSync(join(dir, 'one.txt'), 0o4755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('File (linux)', () => {
  it('globs with *, ?, ** (without following links) and matches hidden files', async () => {
    expect(await globAll(`${dir}/*.txt`)).toEqual([`${dir}/.hidden.txt`, `${dir}/one.txt`]);
    expect(await globAll(`${dir}/on?.txt`)).toEqual([`${dir}/one.txt`]);
    expect(await globAll(`${dir}/**/*.txt`)).toEqual([`${dir}/.hidden.txt`, `${dir}/one.txt`, `${dir}/a/two.txt`, `${dir}/a/b/secret.txt`, `${dir}/a/b/c/three.txt`]);
    expect(await globAll(`${dir}/a/b/loop/two.txt`)).toEqual([`${dir}/a/b/loop/two.txt`]);
    expect(await globAll(`${dir}/nothing/*`)).toEqual([]);
  });

  it('gives the hashes sha256sum and md5sum give, and what stat gives', async () => {
    const rows = await collectAll(fileProvider, testContext([`${dir}/**/*.txt`]));
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      const f = String(r.FileName);
      expect(r.SHA256Hash).toBe(execFileSync('sha256sum', [f], { encoding: 'utf8' }).split(' ')[0]!.toUpperCase());
      expect(r.MD5Hash).toBe(execFileSync('md5sum', [f], { encoding: 'utf8' }).split(' ')[0]!.toUpperCase());
      const [size, perm, owner, mtime] = execFileSync('stat', ['-c', '%s %a %U %Y', f], { encoding: 'utf8' }).trim().split(' ');
      expect(r.Size).toBe(Number(size));
      expect(parseInt(String(r.Permissions), 8)).toBe(parseInt(perm!, 8));
      expect(r.Owner).toBe(owner);
      expect(Math.floor(Number(r.LastWriteTime) / 1000)).toBe(Number(mtime));
      expect(r.Version).toBe('');
    }
    expect(rows.find((r) => String(r.FileName).endsWith('one.txt'))!.Mode).toBe(execFileSync('stat', ['-c', '%A', `${dir}/one.txt`], { encoding: 'utf8' }).trim());
  });

  it('streams a file too big to read whole, and hashes it as sha256sum and md5sum do', async () => {
    const big = join(dir, 'big', 'nine-mib.bin');
    mkdirSync(join(dir, 'big'));
    writeFileSync(big, Buffer.alloc(WHOLE_READ_MAX + 1_000_001, 'ab\n'));
    writeFileSync(join(dir, 'big', 'small.bin'), 'small');
    const rows = await collectAll(fileProvider, testContext([`${dir}/big/*`]));
    expect(rows.map((r) => r.FileName)).toEqual([big, `${dir}/big/small.bin`]);
    expect(rows[0]!.Size).toBe(WHOLE_READ_MAX + 1_000_001);
    expect(rows[0]!.SHA256Hash).toBe(execFileSync('sha256sum', [big], { encoding: 'utf8' }).split(' ')[0]!.toUpperCase());
    expect(rows[0]!.MD5Hash).toBe(execFileSync('md5sum', [big], { encoding: 'utf8' }).split(' ')[0]!.toUpperCase());
  });

  it('keeps the glob order while examining several files at once', async () => {
    const files = await globAll('/etc/*');
    const rows = await collectAll(fileProvider, testContext(['/etc/*']));
    // dangling links are passed over (nothing to stat)
    expect(rows.map((r) => r.FileName)).toEqual(files.filter((f) => existsSync(f)));
  });

  it('lists a directory without hashes, and leaves out what the policy denies', async () => {
    const rows = await collectAll(fileProvider, testContext([`${dir}/a/*`], { policy: { allows: (p) => !p.endsWith('secret.txt') } }));
    expect(rows.map((r) => r.FileName)).toEqual([`${dir}/a/b`, `${dir}/a/two.txt`]);
    expect(rows[0]).toMatchObject({ Size: null, SHA256Hash: '', Mode: 'drwxr-xr-x' });
    const denied = await collectAll(fileProvider, testContext([`${dir}/a/b/*.txt`], { policy: { allows: (p) => !p.endsWith('secret.txt') } }));
    expect(denied).toEqual([]);
  });

  it('requires an absolute path', async () => {
    await expect(collectAll(fileProvider, testContext([]))).rejects.toThrow(/^File: the argument 'path' is required/);
    await expect(collectAll(fileProvider, testContext(['etc/hosts']))).rejects.toThrow(/^File: the argument 'path' must be absolute/);
  });

  it('stops when cancelled', async () => {
    const ac = new AbortController();
    const it = fileProvider.collect(testContext(['/usr/**/*'], { signal: ac.signal }))[Symbol.asyncIterator]();
    await it.next();
    ac.abort();
    const t = performance.now();
    while (!(await it.next()).done) { /* drain */ }
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('writes modes as ls does', () => {
    expect(modeString(0o100644)).toBe('-rw-r--r--');
    expect(modeString(0o104755)).toBe('-rwsr-xr-x');
    expect(modeString(0o41777)).toBe('drwxrwxrwt');
    expect(octalPermissions(0o100644)).toBe('0644');
  });
});
