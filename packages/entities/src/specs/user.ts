import { defineEntity } from '../define-entity.js';

export const User = defineEntity({
  name: 'User',
  description: 'A logged-on user session (utmp, as who lists it; systemd-logind sessions where utmp is not kept). One row per session.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'UserName', type: 'string', doc: 'The user name.' },
    { name: 'Terminal', type: 'string', doc: 'Linux: the terminal of the session (pts/0, tty1, :0).' },
    { name: 'Host', type: 'string', doc: 'Linux: where the session comes from (a remote host or address, an X display); "" for local.' },
    { name: 'LoginTime', type: 'datetime', doc: 'Linux: when the session began.' },
    { name: 'ProcessId', type: 'long', doc: "Linux: the session's login process (may have ended if the record is stale)." },
    { name: 'Source', type: 'string', doc: "Linux: 'utmp' or 'logind'." },
  ],
  examples: [
    'User | project UserName, Terminal, Host, LoginTime',
    "User | where Host != '' | summarize Sessions = count() by UserName",
    'User | where LoginTime < ago(7d) | project UserName, Terminal, LoginTime',
  ],
});
