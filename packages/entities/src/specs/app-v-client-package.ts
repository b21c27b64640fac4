import { defineEntity } from '../define-entity.js';

export const AppVClientPackage = defineEntity({
  name: 'AppVClientPackage',
  description: 'AppV Client Package: the WMI class AppvClientPackage in root\\AppV.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Version', type: 'string', doc: 'The version.' },
    { name: 'PackageId', type: 'string', doc: 'Package ID (AppvClientPackage.PackageId).' },
    { name: 'VersionId', type: 'string', doc: 'Version ID (AppvClientPackage.VersionId).' },
    { name: 'Path', type: 'string', doc: 'Path (AppvClientPackage.Path).' },
    { name: 'PackageSize', type: 'long', doc: 'Package size (AppvClientPackage.PackageSize).' },
    { name: 'PercentLoaded', type: 'long', doc: 'Percent loaded (AppvClientPackage.PercentLoaded).' },
    { name: 'InUse', type: 'bool', doc: 'In use: true or false (AppvClientPackage.InUse).' },
    { name: 'IsPublishedGlobally', type: 'bool', doc: 'Is published globally: true or false (AppvClientPackage.IsPublishedGlobally).' },
    { name: 'IsPublishedToUser', type: 'bool', doc: 'Is published to user: true or false (AppvClientPackage.IsPublishedToUser).' },
  ],
  examples: [
    'AppVClientPackage | project Name, Version, PackageId, VersionId',
    'AppVClientPackage | where InUse == true | project Device, Name, Version',
  ],
});
