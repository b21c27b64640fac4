import { describe, it, expect } from 'vitest';
import { NumberIds } from './number-ids.js';

describe('NumberIds', () => {
  it('gives dense ids in first-seen order, one for 0 and -0, one for NaN', () => {
    const ids = new NumberIds();
    expect([5, 1.5, 5, -0, 0, NaN, NaN, 1e300].map((x) => ids.idOf(x))).toEqual([0, 1, 0, 2, 2, 3, 3, 4]);
    expect(ids.size).toBe(5);
    expect(ids.find(1.5)).toBe(1);
    expect(ids.find(7)).toBe(-1);
  });

  it('keeps every id through growth', () => {
    const ids = new NumberIds(2);
    for (let i = 0; i < 100_000; i++) expect(ids.idOf(i * 3600000 + 0.25)).toBe(i);
    for (let i = 0; i < 100_000; i += 997) expect(ids.find(i * 3600000 + 0.25)).toBe(i);
  });
});
