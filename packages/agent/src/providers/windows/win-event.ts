import { props, type PsCollector } from './ps-collector.js';
import { psQuote } from './powershell.js';
import { DAY_MS, stringArg, timespanArg } from './args.js';

// The window is computed from ctx.now, not from Get-Date, so the query's "now" is the same on every
// entity and the script is a pure function of its inputs.
function window(now: number, span: number): string {
  return `$start=[DateTimeOffset]::FromUnixTimeMilliseconds(${Math.floor(now - span)}).UtcDateTime; $end=[DateTimeOffset]::FromUnixTimeMilliseconds(${Math.floor(now)}).UtcDateTime; `;
}

// Get-WinEvent reports "no events" as an error; only that one means zero rows.
function events(filter: string, select: string): string {
  return `& { try { Get-WinEvent -FilterHashtable @{${filter}} -ErrorAction Stop | Select-Object ${select} } ` +
    "catch { if ($_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*') { throw } } }";
}

const WHEN = "@{n='DateTime';e={([DateTimeOffset]$_.TimeCreated).ToUnixTimeMilliseconds()}}";

export const WIN_EVENT: PsCollector = {
  entity: 'WinEvent',
  properties: props('DateTime:datetime LevelDisplayName ProviderName ID:long Message'),
  script: ({ args, now }) => {
    const log = stringArg('WinEvent', 'log', args[0]);
    return window(now, timespanArg('WinEvent', args[1])) +
      events(`LogName=${psQuote(log)}; StartTime=$start; EndTime=$end`, `${WHEN},@{n='LevelDisplayName';e={[string]$_.LevelDisplayName}},ProviderName,@{n='ID';e={$_.Id}},@{n='Message';e={[string]$_.Message}}`);
  },
};

/** Get-EventLog's EntryType from a modern event's level and audit keywords. */
export function entryType(level: unknown, audit: unknown): string {
  if (audit === 'FailureAudit' || audit === 'SuccessAudit') return audit;
  return level === 1 || level === 2 ? 'Error' : level === 3 ? 'Warning' : 'Information';
}

export const EVENT_LOG: PsCollector = {
  entity: 'EventLog',
  properties: props('DateTime:datetime EntryType Source EventID:long Message'),
  script: ({ args, now }) => {
    const log = stringArg('EventLog', 'name', args[0]);
    // Keywords are 64-bit masks that JSON numbers cannot hold exactly: the audit bits are tested here.
    const audit = "@{n='Audit';e={if ($_.Keywords -band 0x10000000000000) {'FailureAudit'} elseif ($_.Keywords -band 0x20000000000000) {'SuccessAudit'} else {''}}}";
    return window(now, timespanArg('EventLog', args[1])) +
      events(`LogName=${psQuote(log)}; StartTime=$start; EndTime=$end`, `${WHEN},@{n='Level';e={[int]$_.Level}},${audit},@{n='Source';e={$_.ProviderName}},@{n='EventID';e={$_.Id}},@{n='Message';e={[string]$_.Message}}`);
  },
  shape: (row, raw) => ({ ...row, EntryType: entryType(raw.Level, raw.Audit) }),
};

export const APP_CRASH: PsCollector = {
  entity: 'AppCrash',
  properties: props('FileName Version ReportId DateTime:datetime'),
  // Event 1000's insertion strings: 0 application, 1 its version, 12 the WER report id.
  script: ({ now }) =>
    window(now, 7 * DAY_MS) +
    events("LogName='Application'; ProviderName='Application Error'; Id=1000; StartTime=$start; EndTime=$end",
      `@{n='FileName';e={[string]$_.Properties[0].Value}},@{n='Version';e={[string]$_.Properties[1].Value}},@{n='ReportId';e={[string]$_.Properties[12].Value}},${WHEN}`),
};
