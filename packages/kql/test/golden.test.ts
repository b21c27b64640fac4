import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runQuery, encodeValue, lineCol, type Dialect } from '@openpivot/kql';

/**
 * Golden query tests: each `*.kql` under golden/ runs through the engine, and its output must equal the
 * `*.json` beside it, worked out by hand from the Kusto and CMPivot documentation (see golden/README.md).
 */
const root = fileURLToPath(new URL('./golden/', import.meta.url));
const DEFAULT_NOW = '2024-01-15T12:00:00Z';

function kqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return kqlFiles(path);
    return name.endsWith('.kql') ? [path] : [];
  }).sort();
}

interface Directives { dialect: Dialect; now: string; unordered: boolean }

function directives(text: string): Directives {
  const d: Directives = { dialect: 'cmpivot', now: DEFAULT_NOW, unordered: false };
  for (const line of text.split('\n')) {
    const m = /^\s*\/\/\s*(dialect|now|unordered)\s*:?\s*(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'dialect') d.dialect = m[2]!.trim() as Dialect;
    else if (m[1] === 'now') d.now = m[2]!.trim();
    else d.unordered = true;
  }
  return d;
}

type Expected =
  | { columns: { name: string; type: string }[]; rows: unknown[][]; chart?: Record<string, unknown> }
  | { error: { line: number; col: number; contains?: string } };

/** Reals compare within 1e-9 relative; everything else exactly. */
function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => close(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return close(ka, kb) && ka.every((k) => close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

const files = kqlFiles(root);

describe('golden queries', () => {
  it('has at least 300 cases', () => {
    expect(files.length).toBeGreaterThanOrEqual(300);
  });

  for (const file of files) {
    const name = relative(root, file).replace(/\.kql$/, '');
    it(name, () => {
      const text = readFileSync(file, 'utf8');
      const expected = JSON.parse(readFileSync(file.replace(/\.kql$/, '.json'), 'utf8')) as Expected;
      const d = directives(text);
      const result = runQuery(text, { dialect: d.dialect, now: Date.parse(d.now) });
      const errors = result.diagnostics.filter((x) => x.severity === 'error');
      if ('error' in expected) {
        expect(errors.length, 'an error was expected').toBeGreaterThan(0);
        const first = errors[0]!;
        const at = lineCol(text, first.span.start);
        expect({ line: at.line, col: at.col, message: first.message }).toMatchObject({ line: expected.error.line, col: expected.error.col });
        if (expected.error.contains) expect(first.message.toLowerCase()).toContain(expected.error.contains.toLowerCase());
        return;
      }
      expect(errors.map((e) => `${e.code} at ${JSON.stringify(lineCol(text, e.span.start))}: ${e.message}`)).toEqual([]);
      expect(result.columns.map((c) => ({ name: c.name, type: c.type }))).toEqual(expected.columns);
      let rows = result.rows.map((row) => row.map((v, j) => encodeValue(v, result.columns[j]!.type)));
      let want = expected.rows;
      if (d.unordered) {
        const key = (r: unknown[]): string => JSON.stringify(r);
        rows = [...rows].sort((a, b) => key(a).localeCompare(key(b)));
        want = [...want].sort((a, b) => key(a).localeCompare(key(b)));
      }
      if (!close(rows, want)) expect(rows).toEqual(want);
      if (expected.chart) expect({ type: result.chart?.type, ...result.chart?.props }).toEqual(expected.chart);
      else expect(result.chart).toBeUndefined();
    });
  }
});
