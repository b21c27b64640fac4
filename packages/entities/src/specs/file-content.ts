import { defineEntity } from '../define-entity.js';

export const FileContent = defineEntity({
  name: 'FileContent',
  description: 'The lines of a text file, one row per line. The local policy may deny the file.',
  platforms: ['linux', 'windows'],
  permission: 'sensitive',
  onPremOnly: true,
  parameters: [{ name: 'path', type: 'string', doc: "An absolute path to a file, or '~/…'." }],
  columns: [
    { name: 'Line', type: 'long', doc: 'The line number, from 1.' },
    { name: 'Content', type: 'string', doc: 'The text of the line, without its line break (UTF-8; invalid bytes become U+FFFD).' },
  ],
  examples: [
    "FileContent('/etc/ssh/sshd_config') | where Content startswith 'PermitRootLogin' | project Line, Content",
    "FileContent('/etc/os-release') | where Content startswith 'VERSION_ID=' | project Device, Version = substring(Content, 11)",
  ],
});
