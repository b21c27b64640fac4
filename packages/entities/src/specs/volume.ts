import { defineEntity } from '../define-entity.js';

export const Volume = defineEntity({
  name: 'Volume',
  description: 'Volume: the WMI class Win32_Volume in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceID', type: 'string', doc: 'The id of the device within its class (WMI DeviceID).' },
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'DriveLetter', type: 'string', doc: 'The drive letter with its colon (\'C:\'), "" when none.' },
    { name: 'Label', type: 'string', doc: 'Label (Win32_Volume.Label).' },
    { name: 'FileSystem', type: 'string', doc: 'File system (Win32_Volume.FileSystem).' },
    { name: 'DriveType', type: 'long', doc: 'Drive type (Win32_Volume.DriveType).' },
    { name: 'Capacity', type: 'long', doc: 'Capacity (Win32_Volume.Capacity).' },
    { name: 'FreeSpace', type: 'long', doc: 'Free space (Win32_Volume.FreeSpace): WMI bytes; CMPivot unit unverified.' },
    { name: 'BlockSize', type: 'long', doc: 'Block size (Win32_Volume.BlockSize).' },
    { name: 'SerialNumber', type: 'long', doc: 'The serial number.' },
    { name: 'Automount', type: 'bool', doc: 'Automount: true or false (Win32_Volume.Automount).' },
    { name: 'Compressed', type: 'bool', doc: 'Compressed: true or false (Win32_Volume.Compressed).' },
    { name: 'IndexingEnabled', type: 'bool', doc: 'Indexing enabled: true or false (Win32_Volume.IndexingEnabled).' },
  ],
  examples: [
    'Volume | where DriveType == 3 | project DriveLetter, Label, FileSystem, Capacity, FreeSpace',
    'Volume | summarize sum(FreeSpace) by FileSystem',
  ],
});
