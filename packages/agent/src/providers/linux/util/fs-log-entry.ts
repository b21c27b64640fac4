/** One parsed log entry, before it becomes an EventLog row. */
export interface LogEntry {
  time: number;
  source: string;
  pid: number | null;
  priority: number | null;
  message: string;
  unit: string;
  /** Error / Warning / Information, when the log's own level says; otherwise from the priority. */
  entryType?: string;
}

/** EntryType from a syslog priority: 0–3 Error, 4 Warning, 5–7 Information. */
export function entryTypeOf(priority: number | null): string {
  if (priority === null) return 'Information';
  return priority <= 3 ? 'Error' : priority === 4 ? 'Warning' : 'Information';
}

/** Plain log lines often start with a level tag ([ERR], ERROR:, <W>); nothing else tells their severity. */
export function levelFromText(message: string): string {
  const m = /^\W{0,2}(emerg|alert|crit(?:ical)?|err(?:or)?|fatal|panic|ftl|warn(?:ing)?|wrn)\b/i.exec(message);
  if (!m) return 'Information';
  return /^(warn|wrn)/i.test(m[1]!) ? 'Warning' : 'Error';
}
