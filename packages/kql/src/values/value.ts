/**
 * A scalar value as the row-at-a-time path sees it. Which scalar type it is comes from the binder,
 * never from the JavaScript type: a number may be an int, long, real, datetime (ms since epoch)
 * or timespan (ms). Strings are never null in Kusto: a missing string is "".
 */
export type Value = null | boolean | number | string | DynamicValue;

/** A JSON value held by a `dynamic` column. */
export type DynamicValue = null | boolean | number | string | DynamicValue[] | { [key: string]: DynamicValue };

export type Row = Value[];

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
/** One tick is 100 ns, Kusto's unit of time. */
export const TICKS_PER_MS = 10_000;
