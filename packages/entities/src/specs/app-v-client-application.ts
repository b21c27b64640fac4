import { defineEntity } from '../define-entity.js';

export const AppVClientApplication = defineEntity({
  name: 'AppVClientApplication',
  description: 'AppV Client Application: the WMI class AppvClientApplication in root\\AppV.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Version', type: 'string', doc: 'The version.' },
    { name: 'ApplicationId', type: 'string', doc: 'Application ID (AppvClientApplication.ApplicationId).' },
    { name: 'PackageId', type: 'string', doc: 'Package ID (AppvClientApplication.PackageId).' },
    { name: 'PackageVersionId', type: 'string', doc: 'Package version ID (AppvClientApplication.PackageVersionId).' },
    { name: 'TargetPath', type: 'string', doc: 'Target path (AppvClientApplication.TargetPath).' },
    { name: 'EnabledGlobally', type: 'bool', doc: 'Enabled globally: true or false (AppvClientApplication.EnabledGlobally).' },
    { name: 'EnabledForUser', type: 'bool', doc: 'Enabled for user: true or false (AppvClientApplication.EnabledForUser).' },
  ],
  examples: [
    'AppVClientApplication | project Name, Version, ApplicationId, PackageId',
    'AppVClientApplication | where EnabledGlobally == true | project Device, Name, Version',
  ],
});
