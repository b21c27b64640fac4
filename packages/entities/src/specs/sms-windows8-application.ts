import { defineEntity } from '../define-entity.js';

export const SMSWindows8Application = defineEntity({
  name: 'SMSWindows8Application',
  description: 'Windows app: the WMI class SMS_Windows8Application in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'ApplicationName', type: 'string', doc: 'Application name (SMS_Windows8Application.ApplicationName).' },
    { name: 'FullName', type: 'string', doc: 'Full name (SMS_Windows8Application.FullName).' },
    { name: 'FamilyName', type: 'string', doc: 'Family name (SMS_Windows8Application.FamilyName).' },
    { name: 'Version', type: 'string', doc: 'The version.' },
    { name: 'Publisher', type: 'string', doc: 'The publisher.' },
    { name: 'PublisherId', type: 'string', doc: 'Publisher ID (SMS_Windows8Application.PublisherId).' },
    { name: 'Architecture', type: 'string', doc: 'The processor architecture it is built for.' },
    { name: 'InstalledLocation', type: 'string', doc: 'Installed location (SMS_Windows8Application.InstalledLocation).' },
    { name: 'IsFramework', type: 'bool', doc: 'Is framework: true or false (SMS_Windows8Application.IsFramework).' },
    { name: 'ConfigMgrManaged', type: 'bool', doc: 'Config mgr managed: true or false (SMS_Windows8Application.ConfigMgrManaged).' },
    { name: 'DependencyApplicationNames', type: 'string', doc: 'Dependency application names (SMS_Windows8Application.DependencyApplicationNames).' },
  ],
  examples: [
    'SMSWindows8Application | project ApplicationName, FullName, FamilyName, Version',
    'SMSWindows8Application | where IsFramework == true | project Device, ApplicationName, FullName',
  ],
});
