import { defineEntity } from '../define-entity.js';

export const File = defineEntity({
  name: 'File',
  description:
    'Files matching a path with wildcards (* and ? within a name, ** across directories, ~ for the home directory), with their hashes. Hidden files match too; files the local policy denies are left out.',
  platforms: ['linux', 'windows'],
  permission: 'sensitive',
  parameters: [{ name: 'path', type: 'string', doc: "An absolute path, '~/…', with * ? and ** wildcards: File('/etc/ssh/*_config')." }],
  columns: [
    { name: 'FileName', type: 'string', doc: 'The full path of the file.' },
    { name: 'Mode', type: 'string', doc: "The type and permission bits as ls writes them (-rw-r--r--, drwxr-xr-x)." },
    { name: 'LastWriteTime', type: 'datetime', doc: 'The last modification time.' },
    { name: 'Size', type: 'long', doc: 'The size in bytes; null for a directory.' },
    { name: 'Version', type: 'string', doc: 'Always "": Linux files carry no version resource.' },
    { name: 'SHA256Hash', type: 'string', doc: 'The SHA-256 of the content, upper-case hex as Get-FileHash writes it; "" for a directory.' },
    { name: 'MD5Hash', type: 'string', doc: 'The MD5 of the content, upper-case hex; "" for a directory.' },
    { name: 'Owner', type: 'string', doc: 'The owning user name (the numeric id when the name is unknown).' },
    { name: 'Group', type: 'string', doc: 'The owning group name (the numeric id when the name is unknown).' },
    { name: 'Permissions', type: 'string', doc: 'The permission bits in octal, with the setuid/setgid/sticky digit (0644, 4755).' },
  ],
  examples: [
    "File('/usr/bin/ssh*') | project FileName, Size, SHA256Hash",
    "File('/etc/**/*.conf') | where LastWriteTime > ago(1d) | project FileName, LastWriteTime",
    "File('/usr/bin/sudo') | project FileName, Owner, Permissions, MD5Hash",
  ],
});
