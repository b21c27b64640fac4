import { defineEntity } from '../define-entity.js';

export const OfficeAddin = defineEntity({
  name: 'OfficeAddin',
  description: 'Office add-ins: the WMI class CCM_OfficeAddin in root\\ccm\\InvAgt (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'OfficeApp', type: 'string', doc: 'The Office application (Word, Excel, Outlook…).' },
    { name: 'FriendlyName', type: 'string', doc: 'The friendly name.' },
    { name: 'ProductName', type: 'string', doc: 'The product name.' },
    { name: 'ProductVersion', type: 'string', doc: 'The product version.' },
    { name: 'CompanyName', type: 'string', doc: 'Company name (CCM_OfficeAddin.CompanyName).' },
    { name: 'FileName', type: 'string', doc: 'The file name.' },
    { name: 'FileVersion', type: 'string', doc: 'The file version from the version resource.' },
    { name: 'Architecture', type: 'string', doc: 'The processor architecture it is built for.' },
    { name: 'Type', type: 'string', doc: 'The type.' },
    { name: 'LoadBehavior', type: 'long', doc: 'Load behavior (CCM_OfficeAddin.LoadBehavior).' },
    { name: 'LoadCount', type: 'long', doc: 'How many times it was loaded.' },
    { name: 'LoadFailCount', type: 'long', doc: 'How many times loading failed.' },
    { name: 'CrashCount', type: 'long', doc: 'How many crashes it was involved in.' },
    { name: 'AverageLoadTimeInMilliseconds', type: 'long', doc: 'Average load time in milliseconds (CCM_OfficeAddin.AverageLoadTimeInMilliseconds), in milliseconds.' },
  ],
  examples: [
    'OfficeAddin | project OfficeApp, FriendlyName, ProductName, ProductVersion',
    'OfficeAddin | summarize count() by OfficeApp',
  ],
});
