import { defineEntity } from '../define-entity.js';

export const OperatingSystemRecoveryConfiguration = defineEntity({
  name: 'OperatingSystemRecoveryConfiguration',
  description: 'Operating System Recovery Configuration: the WMI class Win32_OSRecoveryConfiguration in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'AutoReboot', type: 'bool', doc: 'Auto reboot: true or false (Win32_OSRecoveryConfiguration.AutoReboot).' },
    { name: 'DebugFilePath', type: 'string', doc: 'Debug file path (Win32_OSRecoveryConfiguration.DebugFilePath).' },
    { name: 'KernelDumpOnly', type: 'bool', doc: 'Kernel dump only: true or false (Win32_OSRecoveryConfiguration.KernelDumpOnly).' },
    { name: 'OverwriteExistingDebugFile', type: 'bool', doc: 'Overwrite existing debug file: true or false (Win32_OSRecoveryConfiguration.OverwriteExistingDebugFile).' },
    { name: 'SendAdminAlert', type: 'bool', doc: 'Send admin alert: true or false (Win32_OSRecoveryConfiguration.SendAdminAlert).' },
    { name: 'WriteDebugInfo', type: 'bool', doc: 'Write debug info: true or false (Win32_OSRecoveryConfiguration.WriteDebugInfo).' },
    { name: 'WriteToSystemLog', type: 'bool', doc: 'Write to system log: true or false (Win32_OSRecoveryConfiguration.WriteToSystemLog).' },
  ],
  examples: [
    'OperatingSystemRecoveryConfiguration | project Name, AutoReboot, DebugFilePath, KernelDumpOnly',
    'OperatingSystemRecoveryConfiguration | where AutoReboot == true | project Device, Name, DebugFilePath',
  ],
});
