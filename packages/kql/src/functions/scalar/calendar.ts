import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, TICKS_PER_MS } from '../../values/value.js';

/**
 * Calendar arithmetic on datetimes held as ms since the Unix epoch (UTC, proleptic Gregorian, as
 * Kusto's datetimes are). Fractions of a millisecond (ticks) are carried through unchanged.
 */

export const MS_PER_WEEK = 7 * MS_PER_DAY;

export function floorMod(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + b : r + 0; // + 0 turns -0 into 0
}

export interface Parts {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Ticks (100 ns) within the second, 0–9,999,999. */
  readonly ticks: number;
}

export function partsOf(ms: number): Parts {
  const whole = Math.floor(ms);
  const d = new Date(whole);
  const subMsTicks = Math.round((ms - whole) * TICKS_PER_MS);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    ticks: d.getUTCMilliseconds() * TICKS_PER_MS + Math.min(subMsTicks, TICKS_PER_MS - 1),
  };
}

/** Date.UTC without its two-digit-year quirk (years 0–99 would become 1900–1999). */
export function utc(year: number, monthIndex: number, day = 1, h = 0, m = 0, s = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(h, m, s, ms);
  return d.getTime();
}

const float = new Float64Array(1);
const bits = new BigInt64Array(float.buffer);

/**
 * One tick before `ms`. A present-day datetime in ms carries only about 2.4 ticks of precision, so
 * when subtracting a tick changes nothing the next lower double is used: still before `ms`, so
 * `t <= endofday(d)` never takes in the next day.
 */
export function tickBefore(ms: number): number {
  const down = ms - 1 / TICKS_PER_MS;
  if (down < ms || !Number.isFinite(ms)) return down;
  float[0] = ms;
  bits[0]! += ms > 0 ? -1n : 1n;
  return float[0];
}

export function startOfDay(ms: number): number {
  return ms - floorMod(ms, MS_PER_DAY);
}

/** 0 for Sunday … 6 for Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(ms: number): number {
  return floorMod(Math.floor(ms / MS_PER_DAY) + 4, 7);
}

/** Weeks start on Sunday. */
export function startOfWeek(ms: number): number {
  return startOfDay(ms) - dayOfWeek(ms) * MS_PER_DAY;
}

export function startOfMonth(ms: number): number {
  const d = new Date(Math.floor(ms));
  return utc(d.getUTCFullYear(), d.getUTCMonth());
}

export function startOfYear(ms: number): number {
  return utc(new Date(Math.floor(ms)).getUTCFullYear(), 0);
}

/** Adds calendar months as .NET's AddMonths does: the day clips to the end of a shorter month. */
export function addMonths(ms: number, months: number): number {
  const whole = Math.floor(ms);
  const d = new Date(whole);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(utc(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return utc(year, month, day) + floorMod(whole, MS_PER_DAY) + (ms - whole);
}

export function dayOfYear(ms: number): number {
  return Math.floor((startOfDay(ms) - startOfYear(ms)) / MS_PER_DAY) + 1;
}

/** ISO 8601 week number: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOfYear(ms: number): number {
  const day = startOfDay(ms);
  const isoDow = (dayOfWeek(ms) + 6) % 7; // Monday 0 … Sunday 6
  const thursday = day + (3 - isoDow) * MS_PER_DAY;
  const yearStart = startOfYear(thursday);
  return Math.floor((thursday - yearStart) / MS_PER_WEEK) + 1;
}

export type Period =
  | 'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second'
  | 'millisecond' | 'microsecond' | 'nanosecond';

const PERIODS: ReadonlySet<string> = new Set([
  'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond', 'microsecond', 'nanosecond',
]);

/** Period names are case-insensitive (`'Day'`, `'day'`). */
export function periodOf(text: string): Period | undefined {
  const p = text.trim().toLowerCase();
  return PERIODS.has(p) ? (p as Period) : undefined;
}

const FIXED_MS: Partial<Record<Period, number>> = {
  week: MS_PER_WEEK, day: MS_PER_DAY, hour: MS_PER_HOUR, minute: MS_PER_MINUTE, second: MS_PER_SECOND,
  millisecond: 1, microsecond: 1 / 1000, nanosecond: 1 / 1_000_000,
};

export function addPeriod(period: Period, amount: number, ms: number): number {
  if (period === 'year') return addMonths(ms, amount * 12);
  if (period === 'quarter') return addMonths(ms, amount * 3);
  if (period === 'month') return addMonths(ms, amount);
  return ms + amount * FIXED_MS[period]!;
}

/** Whole ticks split as (ms, ticks within the ms) so that differences stay exact for modern dates. */
function tickParts(ms: number): [number, number] {
  const whole = Math.floor(ms);
  return [whole, Math.min(TICKS_PER_MS - 1, Math.round((ms - whole) * TICKS_PER_MS))];
}

/**
 * datetime_diff(): how many period boundaries lie between b and a (a - b), counted on the calendar:
 * 'year' compares years, 'week' compares Sunday-started weeks, 'day' compares dates, and so on.
 */
export function diffPeriods(period: Period, a: number, b: number): number {
  switch (period) {
    case 'year': return partsOf(a).year - partsOf(b).year;
    case 'quarter': {
      const x = partsOf(a);
      const y = partsOf(b);
      return x.year * 4 + Math.floor((x.month - 1) / 3) - (y.year * 4 + Math.floor((y.month - 1) / 3));
    }
    case 'month': {
      const x = partsOf(a);
      const y = partsOf(b);
      return x.year * 12 + x.month - (y.year * 12 + y.month);
    }
    case 'week': return Math.round((startOfWeek(a) - startOfWeek(b)) / MS_PER_WEEK);
    case 'day': return Math.round((startOfDay(a) - startOfDay(b)) / MS_PER_DAY);
    case 'hour': return Math.floor(a / MS_PER_HOUR) - Math.floor(b / MS_PER_HOUR);
    case 'minute': return Math.floor(a / MS_PER_MINUTE) - Math.floor(b / MS_PER_MINUTE);
    case 'second': return Math.floor(a / MS_PER_SECOND) - Math.floor(b / MS_PER_SECOND);
    case 'millisecond': return Math.floor(a) - Math.floor(b);
    default: {
      const [am, at] = tickParts(a);
      const [bm, bt] = tickParts(b);
      if (period === 'microsecond') return (am - bm) * 1000 + Math.floor(at / 10) - Math.floor(bt / 10);
      return ((am - bm) * TICKS_PER_MS + at - bt) * 100;
    }
  }
}
