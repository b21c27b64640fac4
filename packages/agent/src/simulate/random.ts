/**
 * Small deterministic randomness for simulated devices: the same seed and device index give the same
 * machine on every run, so a restarted simulator shows the site the same fleet.
 */
export type Random = () => number;

/** A 32-bit hash of the numbers and text given (FNV-1a over their decimal text, then an avalanche). */
export function hash32(...parts: readonly (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    const s = `${p}|`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: a fast generator of numbers in [0, 1) from a 32-bit state. */
export function randomFrom(...parts: readonly (number | string)[]): Random {
  let state = hash32(...parts);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export function between(r: Random, min: number, max: number): number {
  return min + Math.floor(r() * (max - min + 1));
}

export function pick<T>(r: Random, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

/** One item, each as likely as its weight. */
export function pickWeighted<T extends { readonly weight: number }>(r: Random, list: readonly T[]): T {
  const total = list.reduce((n, x) => n + x.weight, 0);
  let at = r() * total;
  for (const x of list) {
    at -= x.weight;
    if (at < 0) return x;
  }
  return list[list.length - 1]!;
}
