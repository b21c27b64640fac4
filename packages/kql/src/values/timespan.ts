import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, TICKS_PER_MS } from './value.js';

/** Units a timespan literal may carry (`2d`, `1.5h`, `30m`, `10s`, `100ms`, `5microseconds`, `3tick`). */
const UNITS: Readonly<Record<string, number>> = {
  d: MS_PER_DAY, day: MS_PER_DAY, days: MS_PER_DAY,
  h: MS_PER_HOUR, hr: MS_PER_HOUR, hrs: MS_PER_HOUR, hour: MS_PER_HOUR, hours: MS_PER_HOUR,
  m: MS_PER_MINUTE, min: MS_PER_MINUTE, minute: MS_PER_MINUTE, minutes: MS_PER_MINUTE,
  s: MS_PER_SECOND, sec: MS_PER_SECOND, second: MS_PER_SECOND, seconds: MS_PER_SECOND,
  ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  microsecond: 1 / 1000, microseconds: 1 / 1000,
  tick: 1 / TICKS_PER_MS, ticks: 1 / TICKS_PER_MS,
};

/** The unit suffixes, longest first, so a lexer can match `ms` before `m`. */
export const TIMESPAN_UNITS: readonly string[] = Object.keys(UNITS).sort((a, b) => b.length - a.length);

/** `1.5h` → 5,400,000. Returns null when the text is not a number followed by a known unit. */
export function parseTimespanLiteral(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([a-z]+)$/i.exec(text.trim());
  if (!m) return null;
  const name = m[2]!.toLowerCase();
  return Object.hasOwn(UNITS, name) ? Number(m[1]) * UNITS[name]! : null;
}

/**
 * Reads a timespan as `timespan(...)` and `totimespan()` accept it: a literal with a unit (`2h`)
 * or the clock form `[-][d.]hh:mm[:ss[.fffffff]]`. Returns ms, or null.
 */
export function parseTimespan(text: string): number | null {
  const literal = parseTimespanLiteral(text);
  if (literal !== null) return literal;
  const m = /^\s*(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*$/.exec(text);
  if (!m) return null;
  const [, neg, d, h, mi, s, frac] = m;
  const ms =
    Number(d ?? 0) * MS_PER_DAY + Number(h) * MS_PER_HOUR + Number(mi) * MS_PER_MINUTE +
    Number(s ?? 0) * MS_PER_SECOND + (frac ? Number(frac.padEnd(7, '0')) / TICKS_PER_MS : 0);
  return neg ? -ms : ms;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** As Kusto prints a timespan: `[-][d.]hh:mm:ss[.fffffff]`, e.g. `1.02:03:04.5000000`, `00:30:00`. */
export function formatTimespan(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const sign = ms < 0 ? '-' : '';
  let ticks = Math.round(Math.abs(ms) * TICKS_PER_MS);
  const fraction = ticks % 10_000_000;
  ticks = (ticks - fraction) / 10_000_000;
  const seconds = ticks % 60;
  ticks = (ticks - seconds) / 60;
  const minutes = ticks % 60;
  ticks = (ticks - minutes) / 60;
  const hours = ticks % 24;
  const days = (ticks - hours) / 24;
  const head = days > 0 ? `${days}.` : '';
  const tail = fraction > 0 ? `.${String(fraction).padStart(7, '0')}` : '';
  return `${sign}${head}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}${tail}`;
}
