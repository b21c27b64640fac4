import { defineEntity } from '../define-entity.js';

export const SoftwareShortcut = defineEntity({
  name: 'SoftwareShortcut',
  description: 'Software Shortcut: the WMI class SMS_SoftwareShortcut in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'ShortcutName', type: 'string', doc: 'Shortcut name (SMS_SoftwareShortcut.ShortcutName).' },
    { name: 'ShortcutKey', type: 'string', doc: 'Shortcut key (SMS_SoftwareShortcut.ShortcutKey).' },
    { name: 'TargetExecutable', type: 'string', doc: 'Target executable (SMS_SoftwareShortcut.TargetExecutable).' },
    { name: 'ParentName', type: 'string', doc: 'Parent name (SMS_SoftwareShortcut.ParentName).' },
    { name: 'Product', type: 'string', doc: 'The product the file belongs to.' },
    { name: 'ProductVersion', type: 'string', doc: 'The product version.' },
    { name: 'Publisher', type: 'string', doc: 'The publisher.' },
    { name: 'ProductCode', type: 'string', doc: 'The Windows Installer product code, "" when none.' },
    { name: 'FileVersion', type: 'string', doc: 'The file version from the version resource.' },
    { name: 'FileSize', type: 'long', doc: 'The file size, in bytes.' },
    { name: 'ShortcutType', type: 'long', doc: 'Shortcut type (SMS_SoftwareShortcut.ShortcutType).' },
    { name: 'Language', type: 'long', doc: 'The language id (LCID).' },
  ],
  examples: [
    'SoftwareShortcut | where Publisher contains \'Microsoft\' | project ShortcutName, TargetExecutable',
  ],
});
