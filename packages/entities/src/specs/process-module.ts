import { defineEntity } from '../define-entity.js';

export const ProcessModule = defineEntity({
  name: 'ProcessModule',
  description: 'The program and shared objects loaded by the processes with a given name, one row per module per process.',
  platforms: ['linux'],
  permission: 'ordinary',
  parameters: [{ name: 'name', type: 'string', doc: "The process name as Process shows it, any case: ProcessModule('sshd')." }],
  columns: [
    { name: 'ModuleName', type: 'string', doc: 'The file name of the module (libc.so.6).' },
    { name: 'FileName', type: 'string', doc: 'The full path of the module.' },
    { name: 'FileVersion', type: 'string', doc: 'The version in a shared object\'s file name (libssl.so.3 → "3"); "" when the name carries none.' },
    { name: 'Size', type: 'long', doc: "The address space the module's mappings take in the process, in KB (like ModuleMemorySize / 1024)." },
    { name: 'MD5Hash', type: 'string', doc: 'The MD5 of the file, upper-case hex; "" when it cannot be read or was deleted.' },
    { name: 'ProcessId', type: 'long', doc: 'Linux: the process that maps the module.' },
    { name: 'IsDeleted', type: 'bool', doc: 'Linux: the file was deleted or replaced since it was loaded (an upgrade awaiting a restart).' },
  ],
  examples: [
    "ProcessModule('sshd') | project ModuleName, FileVersion, MD5Hash",
    "ProcessModule('postgres') | summarize Processes = count() by ModuleName",
    "ProcessModule('sshd') | where IsDeleted == true | distinct ProcessId, FileName",
  ],
});
