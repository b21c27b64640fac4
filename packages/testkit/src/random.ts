/** A seeded random stream in [0, 1): the same on every machine, so a generated failure reproduces. */
export type Rng = () => number;

/** mulberry32: small, fast, and good enough to spread test inputs. */
export function seededRandom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
