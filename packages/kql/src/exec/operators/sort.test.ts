import { describe, it, expect } from 'vitest';
import { runQuery } from '../../query.js';

const run = (q: string): unknown[] => runQuery(q, { now: 0, dialect: 'kusto' }).rows.map((r) => r[0]);
const data = 'datatable(x:real)[3.0, real(nan), 1.0, 2.0, real(nan), 0.0, 5.0, real(null), 4.0, -1.0]';

describe('sorting reals with NaN', () => {
  // A comparator that calls NaN equal to everything is not an order: rows came out unsorted.
  it('ranks NaN below every number, nulls still first when ascending', () => {
    expect(run(`${data} | order by x asc`)).toEqual([null, NaN, NaN, -1, 0, 1, 2, 3, 4, 5]);
    expect(run(`${data} | order by x desc`)).toEqual([5, 4, 3, 2, 1, 0, -1, NaN, NaN, null]);
  });
  it('top agrees with a full sort', () => {
    expect(run(`${data} | top 4 by x asc`)).toEqual([null, NaN, NaN, -1]);
    expect(run(`${data} | top 3 by x desc`)).toEqual([5, 4, 3]);
  });
});
