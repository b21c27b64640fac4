import { describe, it, expect } from 'vitest';
import { analyze } from '../query.js';

/** Expected names are what the official binder (scripts/kusto-schema.cjs) reports for each query. */
function names(q: string): { columns: string[]; errors: number } {
  const a = analyze(q, { dialect: 'kusto' });
  return { columns: a.schema.map((c) => c.name), errors: a.diagnostics.filter((d) => d.severity === 'error').length };
}

describe('column naming follows the official binder', () => {
  it.each([
    ['datatable(x:real)[1] | summarize count(), count_=max(x)', ['count_', 'count_1']],
    ['datatable(x:real)[1] | summarize count_=max(x), count()', ['count_', 'count_1']],
    ['datatable(x:long)[1] | summarize sum(x), sum_x=count()', ['sum_x', 'sum_x1']],
    ['datatable(x:long)[1] | summarize count(), count()*2, Column1=count()', ['count_', 'Column1', 'Column11']],
    ['print x=1 | summarize count() by bin(x,1), x', ['x', 'x1', 'count_']],
    ['print x=1 | summarize count()*2 by x+1', ['Column1', 'Column2']],
    ['print x=1 | project x+1, x+2, Column1=3', ['Column1', 'Column2', 'Column11']],
    ['print x=1 | project x, Column1=2, 3', ['x', 'Column1', 'Column11']],
    ['print x=1 | project tostring(x), x', ['x', 'x1']],
    ['print x=1 | project x, y=x, y2 = tostring(x), tostring(x)', ['x', 'y', 'y2', 'x1']],
    ['print Column1=1 | project Column1, Column1 + 1', ['Column1', 'Column11']],
    ['print x=1 | extend Column1=5 | extend x+3', ['x', 'Column1', 'Column2']],
    ['print 1, print_0=2, 3', ['print_0', 'print_01', 'print_2']],
  ])('%s', (q, expected) => {
    expect(names(q)).toEqual({ columns: expected, errors: 0 });
  });

  it.each([
    'datatable(x:long)[1] | summarize a=count(), a=sum(x)',
    'datatable(x:long)[1] | summarize x=count() by x',
    'datatable(x:long)[1] | summarize count() by x, x',
    'print a=1 | project a, a',
  ])('two names given outright clash: %s', (q) => {
    expect(names(q).errors).toBe(1);
  });
});

describe('arithmetic with dynamic operands types as the official binder does', () => {
  it('keeps dynamic with dynamic, and reads dynamic next to datetime/timespan', () => {
    const a = analyze('print a = dynamic(1) + dynamic(2), b = -dynamic(1), c = dynamic(1) + 1d, d = datetime(2020-01-01) + dynamic(1), e = dynamic(1) - datetime(2020-01-01), f = datetime(2020-01-01) - dynamic(1), g = dynamic(1) + 1', { dialect: 'kusto' });
    expect(a.diagnostics).toEqual([]);
    expect(a.schema.map((c) => c.type)).toEqual(['dynamic', 'dynamic', 'timespan', 'datetime', 'timespan', 'timespan', 'long']);
  });
  it('still refuses dynamic * timespan', () => {
    expect(analyze('print dynamic(2) * 1d', { dialect: 'kusto' }).diagnostics.length).toBe(1);
  });
});
