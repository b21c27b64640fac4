import { describe, it, expect } from 'vitest';
import { editDistance, resolveName, suggestNames, uniqueName, wildcardMatcher } from './names.js';

describe('name resolution', () => {
  it('matches exactly first, then ignoring case only in cmpivot', () => {
    expect(resolveName('Name', ['name', 'Name'], 'kusto')).toEqual({ found: 1 });
    expect(resolveName('NAME', ['Name', 'Other'], 'cmpivot')).toEqual({ found: 0 });
    expect(resolveName('NAME', ['Name', 'Other'], 'kusto')).toEqual({ missing: ['Name'] });
    expect(resolveName('ab', ['AB', 'Ab'], 'cmpivot')).toEqual({ ambiguous: ['AB', 'Ab'] });
  });

  it('suggests close names, a swap of neighbours counting as one edit', () => {
    expect(editDistance('nmae', 'name', 1)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'xyzabc', 2)).toBe(3);
    expect(suggestNames('ProcesId', ['ProcessId', 'Name', 'Process'])[0]).toBe('ProcessId');
    expect(suggestNames('zzz', ['Name'])).toEqual([]);
  });

  it('numbers clashing names and matches wildcards', () => {
    expect(uniqueName('x', new Set(['x', 'x1']))).toBe('x2');
    expect(uniqueName('y', new Set(['x']))).toBe('y');
    const m = wildcardMatcher('Col*', 'kusto');
    expect(['Col1', 'Column', 'col2', 'xCol'].filter(m)).toEqual(['Col1', 'Column']);
    expect(['Col1', 'col2'].filter(wildcardMatcher('col*', 'cmpivot'))).toEqual(['Col1', 'col2']);
  });
});
