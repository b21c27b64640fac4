import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';
import { seededRandom } from '@openpivot/testkit';

const SEEDS = [
  "Process | where Name has 'svc' and Size > 10 | summarize count() by Device | order by count_ desc | take 5",
  "Device | join kind=leftouter (File('c:\\windows\\x.sys') | where Size > 0) on Device",
  'let T = datatable(a:long, b:string)[1, "x", 2, "y"]; T | extend c = a * 2 | project-away b',
  "OperatingSystem | where LastBootUpTime <= ago(7d) | summarize count() by bin(LastBootUpTime, 1d) | render timechart",
  "print x = dynamic({'a': [1, 2.5, -3], 'd': datetime(2020-01-01)}), y = timespan(1.02:03:04), g = guid(74be27de-1e4e-49d9-b579-fe0b331d3642)",
  'T | mv-expand bagexpansion=array x, y = z to typeof(long) limit 10 | parse kind=regex Line with "a" Col:long * "b"',
  "T | render barchart with (kind=stacked, title='Boot times', ytitle='Time (ms)')",
  'range x from 1 to 10 step 2 | where x between (2 .. 5) and x !in (3, 4) | top 3 by x asc nulls last',
  "union withsource=S T1, (T2 | take 1) | project-rename A = B | project-reorder A desc | distinct *",
  "T | where a matches regex '[0-9]+' or b !contains_cs @'c:\\x' or c in~ ('A', h'b') // comment",
];

const ALPHABET: readonly string[] = [..."abcdefxyzTW019 _\t\n|()[]{},;:.=<>!~+-*/%@$'\"`\\#?&^h"];
const WORDS = ['where', 'project', 'project-away', 'summarize', 'by', 'join', 'on', 'kind=', 'let', 'datetime(', 'dynamic(', 'timespan(', 'guid(', '|', '(', ')', "'", '"', '@"', '..', 'between', 'in', '!in~', 'and', 'or', 'with', 'render', 'mv-expand', 'parse', 'to', 'typeof(', ';', '1d', '0x', '1e', '$left', '[', ']', '{', '}', ':', '```'];

const rng = seededRandom;

function makeCase(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const kind = r();
  if (kind < 0.25) {
    const n = Math.floor(r() * 80);
    let s = '';
    for (let i = 0; i < n; i++) s += r() < 0.3 ? pick(WORDS) + ' ' : pick(ALPHABET);
    return s;
  }
  let s = pick(SEEDS);
  if (kind < 0.35) return s.slice(0, Math.floor(r() * s.length));
  if (kind < 0.45) {
    const other = pick(SEEDS);
    return s.slice(0, Math.floor(r() * s.length)) + other.slice(Math.floor(r() * other.length));
  }
  const edits = 1 + Math.floor(r() * 6);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * (s.length + 1));
    const op = r();
    if (op < 0.35) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 4));
    else if (op < 0.7) s = s.slice(0, at) + (r() < 0.5 ? pick(ALPHABET) : pick(WORDS)) + s.slice(at);
    else s = s.slice(0, at) + pick(ALPHABET) + s.slice(at + 1);
  }
  return s;
}

/** Every `span` anywhere in the result lies inside the text and is not inverted. */
function spansInBounds(root: unknown, length: number): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    const s = (node as { span?: { start: number; end: number } }).span;
    if (s && !(s.start >= 0 && s.start <= s.end && s.end <= length)) return false;
    for (const [k, v] of Object.entries(node)) if (k !== 'value') stack.push(v);
  }
  return true;
}

describe('parser fuzz', () => {
  it('never throws on 20,000 random and mutated inputs, and keeps spans sane', () => {
    const r = rng(20240601);
    let slowest = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = makeCase(r);
      for (const dialect of ['cmpivot', 'kusto'] as const) {
        const t0 = performance.now();
        let result;
        try {
          result = parse(text, { dialect });
        } catch (e) {
          throw new Error(`parse threw on case ${i} (${dialect}): ${JSON.stringify(text)}: ${String(e)}`);
        }
        slowest = Math.max(slowest, performance.now() - t0);
        if (!spansInBounds(result, text.length)) throw new Error(`span out of bounds on case ${i}: ${JSON.stringify(text)}`);
        for (const d of result.diagnostics) {
          if (!/^KQL1\d{3}$/.test(d.code) || d.code === 'KQL1999') throw new Error(`bad code ${d.code} on ${JSON.stringify(text)}`);
        }
        expect(result.tokens[result.tokens.length - 1]!.kind).toBe('End');
        for (let k = 1; k < result.tokens.length; k++) {
          if (result.tokens[k]!.span.start < result.tokens[k - 1]!.span.end) throw new Error(`overlapping tokens in ${JSON.stringify(text)}`);
        }
      }
    }
    expect(slowest).toBeLessThan(1000);
  }, 120_000);
});
