import type { LogEntry } from './fs-log-entry.js';
import { levelFromText } from './fs-log-entry.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO = /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|[+-]\d{2}:?\d{2})?\s*/;
const BSD = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})\s+/;
const TAG = /^([^\s[:]+)(?:\[(\d+)\])?: ?/;

/** The last "YYYY-MM-DD HH:MM:SS±zone" turned into ms: log lines come many to the second. */
let lastStamp = '';
let lastStampMs = 0;

/** Local time unless the text names a zone; fraction digits beyond ms are dropped. */
function isoTime(m: RegExpExecArray): number {
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const zone = m[8] ?? '';
  // the first 19 characters are the date and time to the second whatever the separators
  const stamp = m[0].slice(0, 19) + zone;
  if (stamp !== lastStamp) {
    const [y, mo, d, h, mi, s] = [Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
    if (zone === '') {
      lastStampMs = new Date(y, mo, d, h, mi, s).getTime();
    } else {
      const off = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
      lastStampMs = Date.UTC(y, mo, d, h, mi, s) - off * 60_000;
    }
    lastStamp = stamp;
  }
  return lastStampMs + ms;
}

/**
 * A syslog line, RFC 3339 (rsyslog's default on Debian 12) or BSD ("Nov 24 05:55:01", no year: the
 * year of `now`, or the one before when that would be more than a day ahead). Null when the line has
 * no timestamp (a continuation line).
 */
export function parseSyslogLine(line: string, now: number): LogEntry | null {
  let time: number;
  let rest: string;
  const iso = ISO.exec(line);
  const bsd = iso ? null : BSD.exec(line);
  if (iso) {
    time = isoTime(iso);
    rest = line.slice(iso[0].length);
  } else if (bsd) {
    const month = MONTHS.indexOf(bsd[1]!);
    if (month < 0) return null;
    const year = new Date(now).getFullYear();
    const at = (y: number): number => new Date(y, month, Number(bsd[2]), Number(bsd[3]), Number(bsd[4]), Number(bsd[5])).getTime();
    time = at(year) > now + 86_400_000 ? at(year - 1) : at(year);
    rest = line.slice(bsd[0].length);
  } else {
    return null;
  }
  // host, then "ident[pid]: message"
  const sp = rest.indexOf(' ');
  const afterHost = sp < 0 ? '' : rest.slice(sp + 1);
  const tag = TAG.exec(afterHost);
  const message = tag ? afterHost.slice(tag[0].length) : afterHost;
  return { time, source: tag?.[1] ?? '', pid: tag?.[2] ? Number(tag[2]) : null, priority: null, message, unit: '', entryType: levelFromText(message) };
}

/**
 * A line of an application's own log: an optional "[pid] " (nats-server), then an ISO-like
 * timestamp (dpkg.log: "2025-06-24 14:36:25 …"); the source is the log's name.
 */
export function parsePlainLogLine(line: string, source: string): LogEntry | null {
  const pidTag = line.charCodeAt(0) === 91 ? /^\[(\d+)\]\s+/.exec(line) : null; // '['
  const body = pidTag ? line.slice(pidTag[0].length) : line;
  const iso = ISO.exec(body);
  if (!iso) return null;
  const message = body.slice(iso[0].length);
  return { time: isoTime(iso), source, pid: pidTag ? Number(pidTag[1]) : null, priority: null, message, unit: '', entryType: levelFromText(message) };
}
