import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileContentProvider, lastWantedLine } from './file-content.js';
import { collectAll, testContext } from './util/fs-test-context.js';

let dir = '';
const wcLines = (f: string): number => Number(execFileSync('wc', ['-l', f], { encoding: 'utf8' }).split(' ')[0]);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'op-fc-'));
  writeFileSync(join(dir, 'nl.txt'), 'a\r\nb\n\nd\n');
  writeFileSync(join(dir, 'nonl.txt'), 'a\nb\nlast without newline');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'utf8.txt'), 'é'.repeat(200_000) + '\n€\n');
  writeFileSync(join(dir, 'big.txt'), Array.from({ length: 200_000 }, (_, i) => `line ${i + 1} ${'x'.repeat(i % 50)}`).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FileContent (linux)', () => {
  it('has one row per line, as wc -l counts them (plus a last line without newline)', async () => {
    const nl = await collectAll(fileContentProvider, testContext([join(dir, 'nl.txt')]));
    expect(nl).toEqual([{ Line: 1, Content: 'a' }, { Line: 2, Content: 'b' }, { Line: 3, Content: '' }, { Line: 4, Content: 'd' }]);
    expect(nl.length).toBe(wcLines(join(dir, 'nl.txt')));
    const nonl = await collectAll(fileContentProvider, testContext([join(dir, 'nonl.txt')]));
    expect(nonl.length).toBe(wcLines(join(dir, 'nonl.txt')) + 1);
    expect(nonl[2]!.Content).toBe('last without newline');
    expect(await collectAll(fileContentProvider, testContext([join(dir, 'empty.txt')]))).toEqual([]);
    const utf = await collectAll(fileContentProvider, testContext([join(dir, 'utf8.txt')]));
    expect(utf.map((r) => String(r.Content).length)).toEqual([200_000, 1]);
    for (const f of ['/etc/passwd', '/etc/services', join(dir, 'big.txt')]) {
      expect((await collectAll(fileContentProvider, testContext([f]))).length).toBe(wcLines(f));
    }
  });

  it('refuses a denied path, a missing one and a directory', async () => {
    await expect(collectAll(fileContentProvider, testContext(['/etc/shadow'], { policy: { allows: (p) => p !== '/etc/shadow' } })))
      .rejects.toThrow('FileContent: access to /etc/shadow is denied by the local policy');
    await expect(collectAll(fileContentProvider, testContext([join(dir, 'missing')]))).rejects.toThrow(/^FileContent: cannot open .*: no such file/);
    await expect(collectAll(fileContentProvider, testContext([dir]))).rejects.toThrow(/is not a regular file/);
  });

  it('stops reading after the last line the query wants', async () => {
    expect(lastWantedLine([{ column: 'Line', op: '<', value: 10 }, { column: 'Line', op: 'in', value: [3, 40] }])).toBe(9);
    const rows = await collectAll(fileContentProvider, testContext([join(dir, 'big.txt')], { constraints: [{ column: 'Line', op: '<=', value: 3 }] }));
    expect(rows.map((r) => r.Line)).toEqual([1, 2, 3]);
  });
});
