import { readFile } from 'node:fs/promises';
import { linkTarget, readAttr } from './hw-read.js';

/** The system's time zone, described the way Win32_TimeZone does plus the IANA name and abbreviation. */
export interface ZoneInfo {
  readonly name: string;
  /** Offsets east of UTC in minutes: standard time, daylight time (= standard without DST), now. */
  readonly standardOffset: number;
  readonly daylightOffset: number;
  readonly currentOffset: number;
  readonly standardName: string;
  readonly daylightName: string;
  readonly abbreviation: string;
  readonly daylightInEffect: boolean;
}

/**
 * The configured zone: the /etc/localtime symlink (what glibc reads), else /etc/timezone (Debian),
 * else what the runtime resolved. Copied (non-symlink) /etc/localtime files have no name in them.
 */
export async function systemZoneName(signal: AbortSignal): Promise<string> {
  const target = await linkTarget('/etc/localtime');
  const i = target?.indexOf('zoneinfo/') ?? -1;
  if (target && i >= 0) return target.slice(i + 'zoneinfo/'.length).replace(/^(posix|right)\//, '');
  const etc = await readAttr('/etc/timezone', signal);
  if (etc !== '' && isKnownZone(etc)) return etc;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function isKnownZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Offset east of UTC in minutes at a moment, from ICU ("GMT+05:30"). */
export function offsetAt(zone: string, at: number): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{1,2})(?::?(\d{2}))?/.exec(part);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function longName(zone: string, at: number): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** The POSIX TZ string at the end of a TZif v2+ file: "CET-1CEST,M3.5.0,M10.5.0/3". */
export function tzifFooter(buf: Buffer): string {
  if (buf.toString('latin1', 0, 4) !== 'TZif' || buf[4] === 0) return '';
  const end = buf.length - 1;
  if (buf[end] !== 0x0a) return '';
  const start = buf.lastIndexOf(0x0a, end - 1);
  return start < 0 ? '' : buf.toString('latin1', start + 1, end);
}

/** Standard and daylight abbreviations of a POSIX TZ string ("CET", "CEST"; "<+0530>" → "+0530"). */
export function posixAbbreviations(tz: string): { std: string; dst: string } {
  const name = String.raw`(?:<([^>]+)>|([A-Za-z]{3,}))`;
  const m = new RegExp(`^${name}[+-]?\\d{1,2}(?::\\d{2}){0,2}(?:${name})?`).exec(tz);
  if (!m) return { std: '', dst: '' };
  return { std: m[1] ?? m[2] ?? '', dst: m[3] ?? m[4] ?? '' };
}

async function zoneFooter(zone: string, fromLocaltime: boolean): Promise<string> {
  for (const path of [...(fromLocaltime ? ['/etc/localtime'] : []), `/usr/share/zoneinfo/${zone}`]) {
    try {
      const f = tzifFooter(await readFile(path));
      if (f !== '') return f;
    } catch {
      // try the next file
    }
  }
  return '';
}

/** Describes a zone at a moment. `fromLocaltime` reads abbreviations from /etc/localtime first. */
export async function describeZone(zone: string, now: number, fromLocaltime = false): Promise<ZoneInfo> {
  const year = new Date(now).getUTCFullYear();
  const jan = Date.UTC(year, 0, 1);
  const jul = Date.UTC(year, 6, 1);
  const [offJan, offJul] = [offsetAt(zone, jan), offsetAt(zone, jul)];
  const standardOffset = Math.min(offJan, offJul);
  const daylightOffset = Math.max(offJan, offJul);
  const stdAt = offJan <= offJul ? jan : jul;
  const dstAt = offJan <= offJul ? jul : jan;
  const currentOffset = offsetAt(zone, now);
  const daylightInEffect = daylightOffset !== standardOffset && currentOffset === daylightOffset;
  const abbr = posixAbbreviations(await zoneFooter(zone, fromLocaltime));
  const fallbackAbbr = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return {
    name: zone,
    standardOffset,
    daylightOffset,
    currentOffset,
    standardName: longName(zone, stdAt),
    daylightName: longName(zone, dstAt),
    abbreviation: (daylightInEffect ? abbr.dst : abbr.std) || fallbackAbbr,
    daylightInEffect,
  };
}

/** "+01:00" style, as Windows captions write offsets. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
