import { describe, expect, it } from 'vitest';
import { Backoff, backoffCeiling } from './backoff.js';

describe('reconnect backoff', () => {
  it('doubles its ceiling from 0.5 s up to the 60 s cap', () => {
    expect([0, 1, 2, 3, 6, 7, 20, 2000].map((a) => backoffCeiling(a))).toEqual([500, 1000, 2000, 4000, 32000, 60000, 60000, 60000]);
  });

  it('draws each delay between 0 and the ceiling (full jitter)', () => {
    const high = new Backoff({ random: () => 0.999999 });
    const delays = Array.from({ length: 10 }, () => high.next());
    expect(delays).toEqual([499, 999, 1999, 3999, 7999, 15999, 31999, 59999, 59999, 59999]);
    const low = new Backoff({ random: () => 0 });
    expect(Array.from({ length: 5 }, () => low.next())).toEqual([0, 0, 0, 0, 0]);
  });

  it('spreads delays with Math.random and never leaves the bounds', () => {
    const b = new Backoff({ baseMs: 100, capMs: 1000 });
    for (let i = 0; i < 200; i++) {
      const ceiling = backoffCeiling(b.attempt, { baseMs: 100, capMs: 1000 });
      const d = b.next();
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(ceiling);
    }
    const spread = new Set(Array.from({ length: 50 }, () => b.next()));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('starts again from the base after reset', () => {
    const b = new Backoff({ random: () => 0.5 });
    b.next(); b.next(); b.next();
    expect(b.attempt).toBe(3);
    b.reset();
    expect(b.next()).toBe(250);
  });
});
