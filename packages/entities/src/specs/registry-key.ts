import { defineEntity } from '../define-entity.js';

export const RegistryKey = defineEntity({
  name: 'RegistryKey',
  description: 'The registry keys matching a PowerShell registry path with wildcards, one row per key. On-premises only, as in CMPivot.',
  platforms: ['windows'],
  permission: 'sensitive',
  onPremOnly: true,
  parameters: [
    { name: 'path', type: 'string', doc: "A PowerShell registry path with wildcards: RegistryKey('hklm:\\SOFTWARE\\Microsoft\\*')." },
  ],
  columns: [{ name: 'Key', type: 'string', doc: 'The full name of a matching key (HKEY_LOCAL_MACHINE\\SOFTWARE\\…).' }],
  examples: [
    "RegistryKey('hklm:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*') | summarize count()",
    "RegistryKey('hklm:\\SOFTWARE\\Policies\\Microsoft\\*') | where Key contains 'Defender'",
  ],
});
