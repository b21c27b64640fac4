import { defineEntity } from '../define-entity.js';

export const NTEventlogFile = defineEntity({
  name: 'NTEventlogFile',
  description: 'NT Eventlog File: the WMI class Win32_NTEventlogFile in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'LogfileName', type: 'string', doc: 'Logfile name (Win32_NTEventlogFile.LogfileName).' },
    { name: 'Name', type: 'string', doc: 'Name (Win32_NTEventlogFile.Name): file path.' },
    { name: 'FileSize', type: 'long', doc: 'File size (Win32_NTEventlogFile.FileSize), in bytes.' },
    { name: 'MaxFileSize', type: 'long', doc: 'Max file size (Win32_NTEventlogFile.MaxFileSize), in bytes.' },
    { name: 'NumberOfRecords', type: 'long', doc: 'Number of records (Win32_NTEventlogFile.NumberOfRecords).' },
    { name: 'OverWritePolicy', type: 'string', doc: 'Over write policy (Win32_NTEventlogFile.OverWritePolicy).' },
    { name: 'OverwriteOutDated', type: 'long', doc: 'Overwrite out dated (Win32_NTEventlogFile.OverwriteOutDated).' },
    { name: 'LastModified', type: 'datetime', doc: 'Last modified (Win32_NTEventlogFile.LastModified) (UTC).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
  ],
  examples: [
    'NTEventlogFile | project LogfileName, FileSize, MaxFileSize, NumberOfRecords | order by FileSize desc',
  ],
});
