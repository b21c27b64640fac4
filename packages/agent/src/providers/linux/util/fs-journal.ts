import type { LogEntry } from './fs-log-entry.js';

type Field = string | number[] | (string | number[])[] | undefined;

/** journalctl writes non-UTF-8 fields as byte arrays and repeated fields as arrays of values. */
function text(v: Field): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v.length > 0 && typeof v[0] === 'number') return Buffer.from(v as number[]).toString('utf8');
  return text((v as (string | number[])[])[0]);
}

/** One line of `journalctl -o json`; null when it is not a journal entry. */
export function parseJournalLine(line: string): LogEntry | null {
  let o: Record<string, Field>;
  try { o = JSON.parse(line) as Record<string, Field>; } catch { return null; }
  const us = text(o.__REALTIME_TIMESTAMP);
  if (!us) return null;
  const prio = text(o.PRIORITY);
  const pid = text(o._PID) || text(o.SYSLOG_PID);
  return {
    time: Math.floor(Number(us) / 1000),
    source: text(o.SYSLOG_IDENTIFIER) || text(o._COMM),
    pid: pid ? Number(pid) : null,
    priority: prio === '' ? null : Number(prio),
    message: text(o.MESSAGE),
    unit: text(o._SYSTEMD_UNIT) || text(o.UNIT),
  };
}

/** journalctl match arguments for EventLog's name: whole journal, auth facilities, or a unit or identifier. */
export function journalMatches(name: string): string[] {
  const lower = name.toLowerCase();
  if (lower === 'system' || lower === 'application') return [];
  if (lower === 'security') return ['SYSLOG_FACILITY=4', '+', 'SYSLOG_FACILITY=10'];
  const unit = name.includes('.') ? name : `${name}.service`;
  const ident = name.endsWith('.service') ? name.slice(0, -'.service'.length) : name;
  // Groups joined by + are alternatives; fields inside one group must all match (UNIT= from PID 1 is systemd's own start/stop lines).
  return [`_SYSTEMD_UNIT=${unit}`, '+', `UNIT=${unit}`, '_PID=1', '+', `SYSLOG_IDENTIFIER=${ident}`];
}
