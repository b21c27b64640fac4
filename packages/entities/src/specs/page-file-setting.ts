import { defineEntity } from '../define-entity.js';

export const PageFileSetting = defineEntity({
  name: 'PageFileSetting',
  description: 'Page File Setting: the WMI class Win32_PageFileSetting in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Caption', type: 'string', doc: 'A short description (WMI Caption).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'InitialSize', type: 'long', doc: 'Initial size (Win32_PageFileSetting.InitialSize), in MB.' },
    { name: 'MaximumSize', type: 'long', doc: 'Maximum size (Win32_PageFileSetting.MaximumSize), in MB.' },
    { name: 'SettingID', type: 'string', doc: 'The WMI identifier of the setting.' },
  ],
  examples: [
    'PageFileSetting | project Name, InitialSize, MaximumSize',
  ],
});
