import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '@openpivot/kql';
import { judgeKusto } from '@openpivot/testkit';
import fc from 'fast-check';
import { T_COLUMNS, U_COLUMNS, queryArb, type Col } from './query-generator.js';

/**
 * Every golden query of the kusto dialect that the official Kusto binder accepts must give the same
 * result schema here: the same column names, in the same order, with the same types. This checks
 * the binder's naming and typing rules against Kusto's own, beyond the hand-written expectations.
 */
const root = fileURLToPath(new URL('./golden/', import.meta.url));
const files = (function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : n.endsWith('.kql') ? [p] : [];
  });
})(root).sort();

describe('result schemas agree with the official Kusto binder', () => {
  const kusto = files.filter((f) => /^\s*\/\/\s*dialect:\s*kusto/m.test(readFileSync(f, 'utf8')));

  it('covers a good share of the golden queries', () => {
    expect(kusto.length).toBeGreaterThan(150);
  });

  it.each(kusto.map((f) => [relative(root, f), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const verdict = judgeKusto(text);
    const ours = analyze(text, { dialect: 'kusto' });
    const theyAccept = verdict.diagnostics.length === 0;
    const weAccept = !ours.diagnostics.some((d) => d.severity === 'error');
    // A query Kusto refuses may still be one we accept on purpose (`like`); the reverse is a bug.
    if (theyAccept) expect(weAccept, JSON.stringify(ours.diagnostics)).toBe(true);
    if (theyAccept && weAccept) {
      // Kusto's binder types an unknown column reference as `unknown`; nothing here should.
      expect(ours.schema.map((c) => ({ name: c.name, type: c.type }))).toEqual(verdict.columns);
    }
  });
});

describe('generated queries: the same schema as the official Kusto binder', () => {
  // The entities become `let` tables, so both binders see the same schema without a catalog.
  const decl = (name: string, cols: readonly Col[]): string => `let ${name} = datatable(${cols.map((c) => `${c.name}:${c.type}`).join(', ')})[];\n`;
  const prelude = decl('T', T_COLUMNS) + decl('U', U_COLUMNS);

  it('agrees on 300 generated queries', () => {
    fc.assert(
      fc.property(queryArb, ({ text }) => {
        const full = prelude + text;
        const verdict = judgeKusto(full);
        expect(verdict.diagnostics, full).toEqual([]);
        const ours = analyze(full, { dialect: 'kusto' });
        expect(ours.diagnostics, full).toEqual([]);
        expect(ours.schema.map((c) => ({ name: c.name, type: c.type })), full).toEqual(verdict.columns);
      }),
      { numRuns: 300, seed: Number(process.env.JUDGE_SEED ?? Date.now() % 2 ** 31) },
    );
  });
});
