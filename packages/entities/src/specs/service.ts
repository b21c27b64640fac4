import { defineEntity } from '../define-entity.js';

export const Service = defineEntity({
  name: 'Service',
  description: 'A service the device can run: systemd .service units when systemd runs, otherwise the SysV scripts of /etc/init.d.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: "The service's name: the unit name without '.service' (ssh, cron), or the init script's name." },
    { name: 'DisplayName', type: 'string', doc: "The unit's Description= or the script's LSB Short-Description." },
    { name: 'Description', type: 'string', doc: "The unit's Description= or the script's LSB Description." },
    { name: 'State', type: 'string', doc: "Running, Stopped, Start Pending or Stop Pending, in Windows' words." },
    { name: 'Status', type: 'string', doc: "'Error' when systemd marks the unit failed, else 'OK'." },
    { name: 'StartMode', type: 'string', doc: "Auto (started at boot), Manual, or Disabled (masked, or SysV links that only stop it)." },
    { name: 'Started', type: 'bool', doc: 'True when State is Running.' },
    { name: 'ProcessId', type: 'long', doc: 'The main process id; 0 when not running.' },
    { name: 'PathName', type: 'string', doc: "The command the service runs (ExecStart=, or the script's DAEMON), else the script's path." },
    { name: 'StartName', type: 'string', doc: "The account it runs as (User=, root by default; for SysV the running process's user, \"\" when stopped)." },
    { name: 'ServiceType', type: 'string', doc: "systemd's Type= (simple, forking, oneshot, notify…), or 'sysv'." },
    { name: 'ServiceManager', type: 'string', doc: "Linux: 'systemd' or 'sysv'." },
    { name: 'SubState', type: 'string', doc: "Linux: systemd's sub-state (running, exited, dead, failed…); 'running' or 'dead' for SysV." },
    { name: 'UnitFileState', type: 'string', doc: 'Linux: enabled, disabled, static, masked… as systemctl list-unit-files says; enabled/disabled for SysV.' },
    { name: 'UnitFile', type: 'string', doc: 'Linux: the unit file or init script.' },
  ],
  examples: [
    "Service | where Name == 'ssh' | project Name, State, StartMode, ProcessId",
    "Service | where StartMode == 'Auto' and State != 'Running' | project Name, DisplayName, Status",
    'Service | summarize count() by State, StartMode',
  ],
});
