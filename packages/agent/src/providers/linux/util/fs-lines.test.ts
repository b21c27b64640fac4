import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLineBatches, splitLines } from './fs-lines.js';
import { firstLineSince } from './fs-cutoff.js';
import { rowsFromBatches, ROWS_PER_TURN } from './fs-rows.js';

let dir = '';
const signal = new AbortController().signal;
const write = (name: string, data: string | Buffer): string => { const f = join(dir, name); writeFileSync(f, data); return f; };
async function lines(f: string): Promise<string[]> {
  const out: string[] = [];
  for await (const b of readLineBatches(f, signal)) out.push(...b);
  return out;
}
/** What the lines should be: the whole file decoded at once, split, `\r` of `\r\n` dropped. */
function expected(data: string | Buffer): string[] {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  if (text === '') return [];
  const l = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  return l.map((x) => (x.endsWith('\r') ? x.slice(0, -1) : x));
}

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'op-lines-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readLineBatches', () => {
  it('reads small files as Get-Content does', async () => {
    for (const [name, data] of [['empty', ''], ['nl', '\n'], ['two-nl', '\n\n'], ['nonl', 'a\nb'], ['crlf', 'a\r\nb\r\n\r\nlast\r'], ['bad-utf8', Buffer.from([0x61, 0xff, 0x0a, 0xc3, 0xa9, 0x0a])]] as const) {
      expect(await lines(write(name, data)), name).toEqual(expected(data));
    }
    expect(await lines(write('bad', Buffer.from([0x61, 0xff, 0x0a])))).toEqual(['a\uFFFD']);
  });

  it('keeps every line across batch and read boundaries, mixed ASCII and UTF-8, as wc -l counts them', async () => {
    // ~3 MiB: lines cross the 1 MiB reads and the batch edges; empty lines and é/€ here and there
    const parts: string[] = [];
    for (let i = 0; i < 60_000; i++) parts.push(i % 997 === 0 ? '' : i % 1_013 === 0 ? `é€ ligne ${i}` : `line ${i} ${'x'.repeat(i % 80)}`);
    const text = parts.join('\n') + '\n';
    const f = write('mixed', text);
    const got = await lines(f);
    expect(got.length).toBe(Number(execFileSync('wc', ['-l', f], { encoding: 'utf8' }).split(' ')[0]));
    expect(got).toEqual(expected(text));
  });

  it('does not cut a line longer than the read buffer', async () => {
    const long = 'y'.repeat(2_500_000);
    const text = `first\n${long}\nlast`;
    expect(await lines(write('long', text))).toEqual(['first', long, 'last']);
  });

  it('splits a buffer region the same whichever way it decodes', () => {
    const b = Buffer.from('abc\nd\u00e9f\r\n\nz');
    expect(splitLines(b)).toEqual(['abc', 'd\u00e9f', '', 'z']);
    expect(splitLines(b, 4, 10)).toEqual(['d\u00e9f', '']);
  });
});

describe('firstLineSince', () => {
  const timeOf = (l: string): number | null => (/^\d+ /.test(l) ? Number(l.slice(0, l.indexOf(' '))) : null);
  /** A full scan: the first dated line at or after since. */
  const naive = (ls: string[], since: number): number => {
    const i = ls.findIndex((l) => { const t = timeOf(l); return t !== null && t >= since; });
    return i < 0 ? ls.length : i;
  };
  it('finds the cutoff as a full scan would, passing over continuation lines', () => {
    const ls: string[] = [];
    for (let t = 0; t < 500; t++) { ls.push(`${t * 10} entry`); if (t % 7 === 0) ls.push('  continued', '  continued'); }
    for (const since of [-5, 0, 5, 10, 995, 2_000, 4_990, 4_995, 9_999]) {
      const i = firstLineSince(ls, since, timeOf);
      const j = naive(ls, since);
      // the search may stop on the continuation lines just above the first entry in the window
      expect(i, String(since)).toBeLessThanOrEqual(j);
      expect(ls.slice(i, j).every((l) => timeOf(l) === null), String(since)).toBe(true);
    }
    expect(firstLineSince(['  a', '  b'], 100, timeOf)).toBe(0);
    expect(firstLineSince([], 100, timeOf)).toBe(0);
  });
});

describe('rowsFromBatches', () => {
  it('hands out every row in order, lets timers run on long runs, and stops on abort', async () => {
    async function* batches(n: number): AsyncIterable<number[]> {
      for (let b = 0; b < n; b++) yield Array.from({ length: 10_000 }, (_, i) => b * 10_000 + i);
    }
    let timerRan = -1;
    let count = 0;
    setTimeout(() => { timerRan = count; }, 0);
    const out: number[] = [];
    for await (const x of rowsFromBatches(batches(5))) { out.push(x); count++; }
    expect(out).toEqual(Array.from({ length: 50_000 }, (_, i) => i));
    expect(timerRan).toBeGreaterThan(0);
    expect(timerRan).toBeLessThanOrEqual(ROWS_PER_TURN + 1);

    const ac = new AbortController();
    let n = 0;
    for await (const _ of rowsFromBatches(batches(5), ac.signal)) if (++n === 3) ac.abort();
    expect(n).toBe(10_000);
  });

  it('closes the source when the consumer stops early, and passes errors on', async () => {
    let closed = false;
    async function* src(): AsyncIterable<number[]> {
      try { yield [1, 2, 3]; yield [4]; } finally { closed = true; }
    }
    for await (const x of rowsFromBatches(src())) if (x === 2) break;
    expect(closed).toBe(true);
    async function* bad(): AsyncIterable<number[]> { yield [1]; throw new Error('EventLog: broken'); }
    const got: number[] = [];
    await expect((async () => { for await (const x of rowsFromBatches(bad())) got.push(x); })()).rejects.toThrow('EventLog: broken');
    expect(got).toEqual([1]);
  });
});
