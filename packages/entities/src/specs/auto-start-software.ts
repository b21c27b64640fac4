import { defineEntity } from '../define-entity.js';

export const AutoStartSoftware = defineEntity({
  name: 'AutoStartSoftware',
  description:
    'Software that starts with the system or at login: enabled systemd units (or SysV rc links), cron @reboot lines, XDG autostart entries and /etc/rc.local.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'FileName', type: 'string', doc: 'The file name of the program that starts (sshd, at-spi-bus-launcher), or the unit name when it runs none.' },
    { name: 'Location', type: 'string', doc: 'Where the start is set up: the enable link, rc?.d link, crontab or .desktop file.' },
    { name: 'StartupType', type: 'string', doc: "'systemd unit', 'init script (rcS)', 'init script (runlevel N)', 'cron @reboot', 'XDG autostart' or 'rc.local'." },
    { name: 'StartupValue', type: 'string', doc: 'The command that runs.' },
    { name: 'Product', type: 'string', doc: 'The package that ships the program (or its unit or script); "" when no package does.' },
    { name: 'ProductVersion', type: 'string', doc: "That package's version." },
    { name: 'Publisher', type: 'string', doc: "That package's maintainer." },
    { name: 'Description', type: 'string', doc: "The unit's Description=, the script's Short-Description or the entry's Comment=, else the package's summary." },
    { name: 'FileVersion', type: 'string', doc: "The package version again: Linux programs carry no version resource." },
    { name: 'FilePath', type: 'string', doc: 'Linux: the full path of the program when known.' },
  ],
  examples: [
    'AutoStartSoftware | project FileName, StartupType, Product, ProductVersion',
    "AutoStartSoftware | where Product == '' | project FileName, Location, StartupValue",
    'AutoStartSoftware | summarize count() by StartupType',
  ],
});
