import type { Constraint } from '../../provider.js';

/**
 * Turns the equality constraints a query pushes down on one column into a set of wanted values, or
 * null when the column is not narrowed that way (then everything is read). Strings are lower-cased:
 * cmpivot `==` on strings is case-insensitive, and reading a little more is always safe because the
 * engine applies the whole predicate again.
 */
export function wantedValues(constraints: readonly Constraint[], column: string): Set<string> | null {
  const sets: Set<string>[] = [];
  for (const c of constraints) {
    if (c.column.toLowerCase() !== column.toLowerCase()) continue;
    if (c.op !== '==' && c.op !== '=~' && c.op !== 'in') continue;
    const values: readonly unknown[] = Array.isArray(c.value) ? c.value : [c.value];
    const set = new Set<string>();
    for (const v of values) if (typeof v === 'string' || typeof v === 'number') set.add(String(v).toLowerCase());
    sets.push(set);
  }
  if (sets.length === 0) return null;
  // Two constraints on one column are ANDed: keep what all allow.
  return new Set([...sets[0]!].filter((v) => sets.every((s) => s.has(v))));
}
