import { defineEntity } from '../define-entity.js';

export const ComputerSystem = defineEntity({
  name: 'ComputerSystem',
  description: 'The computer as a whole: name, maker and model, domain, processors and memory (Win32_ComputerSystem on Windows).',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The computer name (Linux: the host name without its domain).' },
    { name: 'Manufacturer', type: 'string', doc: "The system's maker (Linux: DMI sys_vendor; '' where not exposed)." },
    { name: 'Model', type: 'string', doc: "The maker's product name (Linux: DMI product_name; '' where not exposed)." },
    { name: 'Domain', type: 'string', doc: "The domain (Linux: the DNS domain; '' when none)." },
    { name: 'DomainRole', type: 'long', doc: 'Windows: 0 standalone workstation … 5 primary domain controller; null on Linux.' },
    { name: 'UserName', type: 'string', doc: "The user at the console ('' when nobody is)." },
    { name: 'SystemType', type: 'string', doc: "The platform, as Windows writes it: 'x64-based PC', 'ARM64-based PC', 'X86-based PC'; else the kernel machine name." },
    { name: 'NumberOfProcessors', type: 'long', doc: 'Physical processor packages (sockets).' },
    { name: 'NumberOfLogicalProcessors', type: 'long', doc: 'Logical processors online (hardware threads).' },
    { name: 'TotalPhysicalMemory', type: 'long', doc: 'Physical memory the OS can use, in bytes (Linux: MemTotal × 1024).' },
    { name: 'CurrentTimeZone', type: 'long', doc: 'The current offset from UTC in minutes, east positive, daylight saving included.' },
    { name: 'PrimaryOwnerName', type: 'string', doc: "The registered owner; '' on Linux." },
    { name: 'Status', type: 'string', doc: "'OK' when the system answers (Windows also reports 'Degraded' and the like)." },
    { name: 'HypervisorPresent', type: 'bool', doc: 'True when the system runs under a hypervisor (the CPU\'s hypervisor flag, or /sys/hypervisor).' },
    { name: 'DNSHostName', type: 'string', doc: 'The host name as the kernel knows it (fully qualified when so configured).' },
  ],
  examples: [
    'ComputerSystem | summarize count() by Manufacturer, Model',
    'ComputerSystem | where TotalPhysicalMemory < 8000000000 | project Name, Model, TotalPhysicalMemory',
    'ComputerSystem | where HypervisorPresent == true | project Name, Manufacturer, Model',
  ],
});
