import { defineEntity } from '../define-entity.js';

export const EventLog = defineEntity({
  name: 'EventLog',
  description:
    "Log entries of a service or program within a time span (24 hours by default): from the systemd journal (unit or syslog identifier), else from /var/log (syslog, messages, <name>.log, <name>/*.log). 'System' and 'Application' mean the whole system log, 'Security' the authentication log.",
  platforms: ['linux', 'windows'],
  permission: 'sensitive',
  parameters: [
    { name: 'name', type: 'string', doc: "A systemd unit (sshd, cron.service), a syslog identifier, a log file name under /var/log, or System / Application / Security." },
    { name: 'timespan', type: 'timespan', doc: 'How far back from now to read; 1d when left out.', optional: true },
  ],
  columns: [
    { name: 'DateTime', type: 'datetime', doc: 'When the entry was written.' },
    { name: 'EntryType', type: 'string', doc: "'Error' (priority emerg…err), 'Warning' (warning) or 'Information' (notice, info, debug)." },
    { name: 'Source', type: 'string', doc: 'The program that wrote it (the syslog identifier), or the log file name.' },
    { name: 'EventID', type: 'long', doc: 'Always 0: Linux logs have no numeric event ids.' },
    { name: 'Message', type: 'string', doc: 'The message text; continuation lines of a plain log file are joined with newlines.' },
    { name: 'Unit', type: 'string', doc: 'The systemd unit that wrote it, "" when unknown.' },
    { name: 'ProcessId', type: 'long', doc: 'The id of the process that wrote it; null when unknown.' },
    { name: 'Priority', type: 'long', doc: 'The syslog priority, 0 (emerg) to 7 (debug); null when the log does not say.' },
  ],
  examples: [
    "EventLog('sshd') | where Message contains 'Failed password' | summarize count() by bin(DateTime, 1h)",
    "EventLog('System', 7d) | where EntryType == 'Error' | project DateTime, Source, Message",
    "EventLog('Security') | where Message contains 'session opened' | project DateTime, Source, Message",
  ],
});
