/**
 * The index of the first line of a time-ordered batch at or after `since`, found by binary search
 * with a few parses instead of one per line (CcmLog's "stop at the time cutoff", from the old end).
 * `timeOf` gives a line's time, or null for a line without one (a continuation of the entry above):
 * those are passed over to the next dated line. Lines before the index belong to entries before
 * `since`; the line at the index may be such a continuation line, whose entry is before `since` too.
 * A batch that is out of order (a clock step) only costs the entries the search jumps over.
 */
export function firstLineSince(lines: readonly string[], since: number, timeOf: (line: string) => number | null): number {
  const dated = (from: number, to: number): { at: number; time: number } | null => {
    for (let j = from; j < to; j++) {
      const t = timeOf(lines[j]!);
      if (t !== null) return { at: j, time: t };
    }
    return null;
  };
  const first = dated(0, lines.length);
  if (first === null || first.time >= since) return 0;
  // lo is a dated line before `since`; the first dated line at or after hi (if any) is not
  let lo = first.at;
  let hi = lines.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    const d = dated(mid, hi);
    if (d === null || d.time >= since) hi = mid;
    else lo = d.at;
  }
  return hi;
}
