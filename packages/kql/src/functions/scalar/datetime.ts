import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, TICKS_PER_MS } from '../../values/value.js';
import type { Value } from '../../values/value.js';
import type { ArgInfo, RowFunction, ScalarFunction, SignatureError } from '../function-types.js';
import {
  addMonths, addPeriod, dayOfWeek, dayOfYear, diffPeriods, isoWeekOfYear, MS_PER_WEEK, partsOf, periodOf,
  startOfDay, startOfMonth, startOfWeek, startOfYear, tickBefore, utc,
} from './calendar.js';
import type { Period } from './calendar.js';
import { formatDatetimeWith } from './format-datetime.js';
import { alias, constantText, define, literal, unary } from './signature.js';

const now = define({
  name: 'now', doc: 'now([offset]): the current UTC time (fixed for the whole query), plus an optional timespan.',
  params: ['timespan'], minArgs: 0, result: 'datetime', volatile: true,
  compile: () => (vals, ctx) => (vals.length === 0 ? ctx.now : vals[0] === null ? null : ctx.now + (vals[0] as number)),
});

const ago = define({
  name: 'ago', doc: 'ago(timespan): now() minus the timespan.',
  params: ['timespan'], result: 'datetime', volatile: true,
  compile: () => (vals, ctx) => (vals[0] === null ? null : ctx.now - (vals[0] as number)),
});

function checkPeriod(name: string, args: readonly ArgInfo[], extra: readonly string[] = []): SignatureError | undefined {
  const text = constantText(args[0]);
  if (text === undefined || periodOf(text) !== undefined || extra.includes(text.trim().toLowerCase())) return undefined;
  return { error: `${name}(): unknown period '${text}'`, argIndex: 0 };
}

const datetimeAdd = define({
  name: 'datetime_add', doc: "datetime_add(period, amount, datetime): datetime moved by amount periods ('year' … 'nanosecond').",
  params: [literal('string'), 'integer', 'datetime'],
  result: (args) => checkPeriod('datetime_add', args) ?? 'datetime',
  compile: () => (vals) => {
    const period = periodOf(vals[0] as string);
    if (period === undefined || vals[1] === null || vals[2] === null) return null;
    return addPeriod(period, Math.trunc(vals[1] as number), vals[2] as number);
  },
});

const datetimeDiff = define({
  name: 'datetime_diff', doc: 'datetime_diff(period, a, b): how many period boundaries lie between b and a (a - b), as a long.',
  params: [literal('string'), 'datetime', 'datetime'],
  result: (args) => checkPeriod('datetime_diff', args) ?? 'long',
  compile: () => (vals) => {
    const period = periodOf(vals[0] as string);
    if (period === undefined || vals[1] === null || vals[2] === null) return null;
    return diffPeriods(period, vals[1] as number, vals[2] as number);
  },
});

const PART_NAMES = ['week_of_year', 'dayofyear'];

/** datetime_part(): `period` names plus 'week_of_year' (ISO 8601) and 'dayofyear'. */
export function datetimePart(part: string, ms: number): number | null {
  const name = part.trim().toLowerCase();
  if (name === 'week_of_year') return isoWeekOfYear(ms);
  if (name === 'dayofyear') return dayOfYear(ms);
  const period: Period | undefined = periodOf(name);
  if (period === undefined || period === 'week') return null;
  const p = partsOf(ms);
  switch (period) {
    case 'year': return p.year;
    case 'quarter': return Math.floor((p.month - 1) / 3) + 1;
    case 'month': return p.month;
    case 'day': return p.day;
    case 'hour': return p.hour;
    case 'minute': return p.minute;
    case 'second': return p.second;
    case 'millisecond': return p.millisecond;
    case 'microsecond': return Math.floor(p.ticks / 10);
    case 'nanosecond': return p.ticks * 100;
  }
}

const datetimePartFn = define({
  name: 'datetime_part', doc: "datetime_part(part, datetime): one part of a datetime as an int ('year', 'month', 'day', 'hour', 'week_of_year'…).",
  params: [literal('string'), 'datetime'],
  result: (args) => {
    const text = constantText(args[0]);
    if (text !== undefined && (periodOf(text) === 'week' || checkPeriod('datetime_part', args, PART_NAMES))) {
      return { error: `datetime_part(): unknown part '${text}'`, argIndex: 0 };
    }
    return 'int';
  },
  compile: () => (vals) => (vals[1] === null ? null : datetimePart(vals[0] as string, vals[1] as number)),
});

/** startof…/endof…: the period holding the date, moved by `offset` periods; endof… is one tick before the next start. */
function periodEdge(
  name: string, what: string, start: (ms: number) => number, next: (ms: number, n: number) => number, end: boolean,
): ScalarFunction {
  return define({
    name, doc: `${name}(date[, offset]): the ${end ? 'end' : 'start'} of the ${what} holding date, moved by offset ${what}s.`,
    params: ['datetime', 'long'], minArgs: 1, result: 'datetime',
    ...(name === 'startofday' ? { resultName: 'first-argument' as const } : {}),
    compile: () => (vals) => {
      const offset = vals.length > 1 ? vals[1] : 0;
      if (vals[0] === null || offset === null) return null;
      const first = next(start(vals[0] as number), Math.trunc(offset as number));
      return end ? tickBefore(next(first, 1)) : first;
    },
  });
}

const byDays = (ms: number, n: number): number => ms + n * MS_PER_DAY;
const byWeeks = (ms: number, n: number): number => ms + n * MS_PER_WEEK;
const byYears = (ms: number, n: number): number => addMonths(ms, 12 * n);

const EDGES: readonly ScalarFunction[] = [
  periodEdge('startofday', 'day', startOfDay, byDays, false),
  periodEdge('startofweek', 'week', startOfWeek, byWeeks, false),
  periodEdge('startofmonth', 'month', startOfMonth, addMonths, false),
  periodEdge('startofyear', 'year', startOfYear, byYears, false),
  periodEdge('endofday', 'day', startOfDay, byDays, true),
  periodEdge('endofweek', 'week', startOfWeek, byWeeks, true),
  periodEdge('endofmonth', 'month', startOfMonth, addMonths, true),
  periodEdge('endofyear', 'year', startOfYear, byYears, true),
];

function datePart(name: string, doc: string, f: (ms: number) => Value, result: 'int' | 'timespan' = 'int'): ScalarFunction {
  return define({ name, doc, params: ['datetime'], result, compile: () => unary((v) => f(v as number)) });
}

const PARTS: readonly ScalarFunction[] = [
  datePart('dayofweek', 'The days since the preceding Sunday, as a timespan (Sunday is 0d).', (ms) => dayOfWeek(ms) * MS_PER_DAY, 'timespan'),
  datePart('dayofmonth', 'The day of the month, 1–31.', (ms) => partsOf(ms).day),
  datePart('dayofyear', 'The day of the year, 1–366.', dayOfYear),
  datePart('getmonth', 'The month, 1–12.', (ms) => partsOf(ms).month),
  datePart('monthofyear', 'The month, 1–12.', (ms) => partsOf(ms).month),
  datePart('getyear', 'The year.', (ms) => partsOf(ms).year),
  datePart('hourofday', 'The hour, 0–23.', (ms) => partsOf(ms).hour),
  datePart('week_of_year', 'The ISO 8601 week number (week 1 holds the first Thursday).', isoWeekOfYear),
];

const makeDatetime = define({
  name: 'make_datetime', doc: 'make_datetime(year, month, day[, hour, minute, second]): a datetime, or null when invalid.',
  params: ['number'], minArgs: 3, maxArgs: 6, result: 'datetime',
  compile: () => (vals) => {
    if (vals.some((v) => v === null)) return null;
    const [y, mo, d, h = 0, mi = 0, s = 0] = vals as number[];
    const ints = [y, mo, d, h, mi].map((x) => Math.trunc(x!));
    const [year, month, day, hour, minute] = ints as [number, number, number, number, number];
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || s! < 0 || s! >= 60) return null;
    const base = utc(year, month - 1, day, hour, minute);
    if (new Date(base).getUTCDate() !== day) return null;
    return base + Math.round(s! * MS_PER_SECOND * TICKS_PER_MS) / TICKS_PER_MS;
  },
});

const makeTimespan = define({
  name: 'make_timespan', doc: 'make_timespan(hours, minutes[, seconds]) or make_timespan(days, hours, minutes, seconds): a timespan.',
  params: ['integer'], minArgs: 2, maxArgs: 4, result: 'timespan',
  compile: () => (vals) => {
    if (vals.some((v) => v === null)) return null;
    const n = vals as number[];
    const [d, h, m, s] = n.length === 4 ? n : [0, n[0]!, n[1]!, n[2] ?? 0];
    return d! * MS_PER_DAY + h! * MS_PER_HOUR + m! * MS_PER_MINUTE + s! * MS_PER_SECOND;
  },
});

const unixSeconds = define({
  name: 'unixtime_seconds_todatetime', doc: 'The datetime that many seconds after 1970-01-01.',
  params: ['number'], result: 'datetime', compile: () => unary((v) => (v as number) * MS_PER_SECOND),
});
const unixMilliseconds = define({
  name: 'unixtime_milliseconds_todatetime', doc: 'The datetime that many milliseconds after 1970-01-01.',
  params: ['number'], result: 'datetime', compile: () => unary((v) => v),
});

const formatDatetime = define({
  name: 'format_datetime', doc: "format_datetime(date, format): date as text, e.g. format_datetime(d, 'yyyy-MM-dd HH:mm:ss').",
  params: ['datetime', literal('strictString')], resultName: 'first-argument',
  // An empty format can only be a mistake; Kusto's binder refuses it too (KS133).
  result: (args) => (constantText(args[1]) === '' ? { error: 'format_datetime(): the format must not be empty', argIndex: 1 } : 'string'),
  compile: (): RowFunction => (vals) => (vals[0] === null ? '' : formatDatetimeWith(vals[0] as number, vals[1] as string)),
});

export const DATETIME_FUNCTIONS: readonly ScalarFunction[] = [
  now, ago, datetimeAdd, datetimeDiff, datetimePartFn, alias(datetimePartFn, 'datepart'),
  ...EDGES, ...PARTS, makeDatetime, makeTimespan, unixSeconds, unixMilliseconds, formatDatetime,
];
