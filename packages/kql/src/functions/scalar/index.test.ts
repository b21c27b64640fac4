import { describe, expect, it } from 'vitest';
import { SCALAR_FUNCTIONS } from './index.js';

describe('SCALAR_FUNCTIONS', () => {
  it('has unique names and sane argument counts', () => {
    const names = SCALAR_FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of SCALAR_FUNCTIONS) {
      expect(f.minArgs, f.name).toBeLessThanOrEqual(f.maxArgs);
      expect(f.doc.length, f.name).toBeGreaterThan(0);
    }
  });

  it('covers the functions CMPivot documents', () => {
    const names = new Set(SCALAR_FUNCTIONS.map((f) => f.name));
    for (const n of ['ago', 'bin', 'case', 'datetime_add', 'datetime_diff', 'iif', 'iff', 'indexof', 'isnotnull',
      'isnull', 'now', 'strcat', 'strlen', 'substring', 'tostring']) {
      expect(names.has(n), n).toBe(true);
    }
  });

  // From the official Kusto symbol table (ResultNameKind.FirstArgument), checked with the language service.
  it('names unnamed columns after the first argument exactly where Kusto does', () => {
    const firstArgument = new Set([
      'bin', 'floor', 'bin_at', 'startofday', 'format_datetime', 'todatetime', 'totimespan', 'split', 'tostring',
      'toint', 'tolong', 'todouble', 'toreal', 'todecimal', 'tobool', 'toboolean', 'toguid', 'parse_json', 'parsejson',
      'todynamic', 'toobject', 'round', 'abs', 'pow', 'sqrt', 'log', 'log10', 'log2', 'exp', 'exp2', 'exp10', 'ceiling',
      'tohex',
    ]);
    for (const f of SCALAR_FUNCTIONS) {
      expect(f.resultName === 'first-argument', f.name).toBe(firstArgument.has(f.name));
    }
  });

  it('marks only the clock readers volatile', () => {
    expect(SCALAR_FUNCTIONS.filter((f) => f.volatile).map((f) => f.name).sort()).toEqual(['ago', 'now']);
  });
});
