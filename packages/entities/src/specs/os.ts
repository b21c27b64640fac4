import { defineEntity } from '../define-entity.js';

export const OS = defineEntity({
  name: 'OS',
  description: 'Basic information about the operating system: distribution, kernel build, architecture, free memory and last boot.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Caption', type: 'string', doc: "The operating system's full name (Linux: os-release PRETTY_NAME, e.g. 'Debian GNU/Linux 12 (bookworm)')." },
    { name: 'Version', type: 'string', doc: "The operating system version (Linux: os-release VERSION_ID, e.g. '12')." },
    { name: 'BuildNumber', type: 'string', doc: "The build (Linux: the running kernel release, as `uname -r` prints it)." },
    { name: 'OSArchitecture', type: 'string', doc: "'64-bit' or '32-bit', as Windows writes it." },
    { name: 'FreePhysicalMemory', type: 'long', doc: 'Physical memory not in use, in KB (Linux: MemFree of /proc/meminfo; caches count as used).' },
    { name: 'LastBootUpTime', type: 'datetime', doc: 'When the system last started (UTC).' },
    { name: 'Machine', type: 'string', doc: "Linux: the kernel's machine name (`uname -m`, e.g. 'x86_64')." },
  ],
  examples: [
    'OS | project Caption, Version, BuildNumber',
    "OS | where Version == '12' | project Caption, BuildNumber",
    'OS | summarize count() by Caption',
  ],
});
