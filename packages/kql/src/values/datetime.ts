import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, TICKS_PER_MS } from './value.js';

// yyyy-mm-dd, then optional [T ]hh:mm[:ss[.fffffff]], then optional Z or ±hh:mm.
const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/i;

/**
 * Reads a datetime as `datetime(...)` and `todatetime()` accept it: ISO 8601 (date, optional time,
 * optional fraction to 100 ns, optional zone) or RFC 822/1123 (`Sat, 8 Nov 2014 15:05:02 GMT`).
 * A time without a zone is UTC. Returns ms since the epoch, or null when the text is no datetime.
 */
export function parseDatetime(text: string): number | null {
  const m = ISO.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    const hour = Number(h ?? 0);
    const minute = Number(mi ?? 0);
    const second = Number(s ?? 0);
    if (hour > 23 || minute > 59 || second > 59) return null;
    let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second);
    if (new Date(ms).getUTCDate() !== day) return null; // 2021-02-30
    if (frac) ms += Number(frac.padEnd(7, '0')) / TICKS_PER_MS;
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      ms -= sign * (Number(digits.slice(0, 2)) * MS_PER_HOUR + Number(digits.slice(2)) * MS_PER_MINUTE);
    }
    return ms;
  }
  // RFC 822 and friends: only when a day name or month name makes it unambiguous.
  if (/[a-z]{3}/i.test(text)) {
    const hasZone = /(gmt|utc|z|[+-]\d{4})\s*$/i.test(text.trim());
    const parsed = Date.parse(hasZone ? text : `${text} GMT`);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

/** ISO 8601 UTC with fractional seconds only where non-zero, trailing zeros trimmed: `2020-01-01T10:00:00.5Z`. */
export function formatDatetime(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const whole = Math.floor(ms / MS_PER_SECOND) * MS_PER_SECOND;
  let ticks = Math.round((ms - whole) * TICKS_PER_MS);
  // A double holds today's datetimes to about 2.4 ticks, so "one tick before a whole second" (what
  // endofday() and friends produce) comes back as 2 or 3 ticks before it; print it as Kusto does.
  if (ticks < 10_000_000 && ticks >= 9_999_997) ticks = 9_999_999;
  const base = new Date(whole).toISOString().slice(0, 19);
  if (ticks === 0) return `${base}Z`;
  if (ticks >= 10_000_000) return formatDatetime(whole + MS_PER_SECOND);
  return `${base}.${String(ticks).padStart(7, '0').replace(/0+$/, '')}Z`;
}

export { MS_PER_DAY };
