import { defineEntity } from '../define-entity.js';

export const Registry = defineEntity({
  name: 'Registry',
  description:
    "All values of the registry keys matching a PowerShell registry path (wildcards allowed), one row per value. Binary values are written as hex ('AA-BB'), multi-strings joined with ', '.",
  platforms: ['windows'],
  permission: 'sensitive',
  parameters: [
    { name: 'path', type: 'string', doc: "A PowerShell registry path: Registry('hklm:\\SOFTWARE\\Microsoft\\SMS\\*'). HKLM:, HKCU:, HKCR:, HKU:, HKCC: or Registry::." },
  ],
  columns: [
    { name: 'Key', type: 'string', doc: 'The full name of the key holding the value (HKEY_LOCAL_MACHINE\\SOFTWARE\\…).' },
    { name: 'Property', type: 'string', doc: "The value's name; '(Default)' for the key's unnamed value." },
    { name: 'Value', type: 'string', doc: "The data as text: numbers in decimal, REG_BINARY as 'AA-BB-…', REG_MULTI_SZ joined with ', '." },
  ],
  examples: [
    "Registry('hklm:\\SOFTWARE\\Microsoft\\SMS\\Mobile Client') | where Property == 'ProductVersion' | project Value",
    "Registry('hklm:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion') | where Property in ('ProductName', 'DisplayVersion') | project Property, Value",
  ],
});
