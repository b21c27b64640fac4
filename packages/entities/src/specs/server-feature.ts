import { defineEntity } from '../define-entity.js';

export const ServerFeature = defineEntity({
  name: 'ServerFeature',
  description: 'Server Feature: the WMI class Win32_ServerFeature in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'ID', type: 'long', doc: 'Id (Win32_ServerFeature.ID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'ParentID', type: 'long', doc: 'Parent ID (Win32_ServerFeature.ParentID).' },
  ],
  examples: [
    'ServerFeature | project ID, Name, ParentID',
    'ServerFeature | summarize count() by Name',
  ],
});
