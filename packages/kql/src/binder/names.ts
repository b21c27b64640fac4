import type { Dialect } from '../functions/function-types.js';

export type Resolution =
  | { readonly found: number }
  | { readonly ambiguous: readonly string[] }
  | { readonly missing: readonly string[] };

/**
 * Finds `name` among `candidates`. Kusto names are case-sensitive; the cmpivot dialect also accepts a
 * name that matches exactly one candidate ignoring case, because published CMPivot queries write
 * names in whatever case came to hand. An exact match always wins.
 */
export function resolveName(name: string, candidates: readonly string[], dialect: Dialect): Resolution {
  return resolveIn(name, candidates, (c) => c, dialect);
}

/** `resolveName` over any list of named things, without copying their names out first. */
export function resolveIn<T>(name: string, items: readonly T[], nameOf: (item: T) => string, dialect: Dialect): Resolution {
  for (let i = items.length - 1; i >= 0; i--) if (nameOf(items[i]!) === name) return { found: i };
  const candidates = { get list() { return items.map(nameOf); } };
  if (dialect === 'cmpivot') {
    const lower = name.toLowerCase();
    const hits: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const c = nameOf(items[i]!);
      if (c.length === name.length && c.toLowerCase() === lower && !hits.some((h) => nameOf(items[h]!) === c)) hits.push(i);
    }
    if (hits.length === 1) return { found: hits[0]! };
    if (hits.length > 1) return { ambiguous: hits.map((h) => nameOf(items[h]!)) };
  }
  // Suggestions cost an edit distance per candidate: worked out only if a message asks for them.
  return { get missing() { return suggestNames(name, candidates.list); } };
}

/** Up to three candidates close to `name`: same letters in another case, or a small edit distance. */
export function suggestNames(name: string, candidates: readonly string[]): string[] {
  const lower = name.toLowerCase();
  const budget = Math.max(1, Math.floor(name.length / 3));
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    const cl = c.toLowerCase();
    const d = cl === lower ? 0 : cl.startsWith(lower) && lower.length >= 3 ? 1 : editDistance(lower, cl, budget);
    if (d <= budget) scored.push({ c, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c)).slice(0, 3).map((s) => s.c);
}

/**
 * Edit distance counting a swap of two neighbours as one edit (`Nmae` is one from `Name`), giving up
 * (returning budget + 1) once it must exceed `budget`.
 */
export function editDistance(a: string, b: string, budget: number): number {
  if (Math.abs(a.length - b.length) > budget) return budget + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > budget) return budget + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The first of `base`, `base1`, `base2`… not in `taken` (Kusto's rule for clashing column names). */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

/** Matches a `project-away Col*` style pattern: `*` stands for any run of characters. */
export function wildcardMatcher(pattern: string, dialect: Dialect): (name: string) => boolean {
  if (!pattern.includes('*')) {
    return dialect === 'cmpivot' ? (n) => n.toLowerCase() === pattern.toLowerCase() : (n) => n === pattern;
  }
  const parts = pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`^${parts.join('.*')}$`, dialect === 'cmpivot' ? 'i' : '');
  return (n) => re.test(n);
}
