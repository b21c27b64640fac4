import { defineEntity } from '../define-entity.js';

export const WindowsUpdate = defineEntity({
  name: 'WindowsUpdate',
  description: 'Windows Update: the WMI class Win32Reg_SMSWindowsUpdate in root\\cimv2 (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'InstanceKey', type: 'string', doc: 'The key of the registry-backed WMI instance.' },
    { name: 'AUOptions', type: 'long', doc: 'Au options (Win32Reg_SMSWindowsUpdate.AUOptions).' },
    { name: 'NoAutoUpdate', type: 'long', doc: 'No auto update (Win32Reg_SMSWindowsUpdate.NoAutoUpdate).' },
    { name: 'UseWUServer', type: 'long', doc: 'Use wu server (Win32Reg_SMSWindowsUpdate.UseWUServer).' },
  ],
  examples: [
    'WindowsUpdate | project InstanceKey, AUOptions, NoAutoUpdate, UseWUServer',
    'WindowsUpdate | summarize count() by InstanceKey',
  ],
});
