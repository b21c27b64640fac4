import { defineEntity } from '../define-entity.js';

export const PrintJobs = defineEntity({
  name: 'PrintJobs',
  description: 'Print Jobs: the WMI class Win32_PrintJob in root\\cimv2.',
  platforms: ['windows'],
  permission: 'sensitive',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Document', type: 'string', doc: 'Document (Win32_PrintJob.Document).' },
    { name: 'Owner', type: 'string', doc: 'Owner (Win32_PrintJob.Owner).' },
    { name: 'HostPrintQueue', type: 'string', doc: 'Host print queue (Win32_PrintJob.HostPrintQueue).' },
    { name: 'DriverName', type: 'string', doc: 'Driver name (Win32_PrintJob.DriverName).' },
    { name: 'JobId', type: 'long', doc: 'Job ID (Win32_PrintJob.JobId).' },
    { name: 'JobStatus', type: 'string', doc: 'Job status (Win32_PrintJob.JobStatus).' },
    { name: 'Status', type: 'string', doc: 'The status WMI reports: \'OK\', \'Degraded\', \'Error\', \'Unknown\'…' },
    { name: 'TotalPages', type: 'long', doc: 'Total pages (Win32_PrintJob.TotalPages).' },
    { name: 'PagesPrinted', type: 'long', doc: 'Pages printed (Win32_PrintJob.PagesPrinted).' },
    { name: 'Size', type: 'long', doc: 'Size (Win32_PrintJob.Size), in bytes.' },
    { name: 'Priority', type: 'long', doc: 'Priority (Win32_PrintJob.Priority).' },
    { name: 'TimeSubmitted', type: 'datetime', doc: 'Time submitted (Win32_PrintJob.TimeSubmitted) (UTC).' },
  ],
  examples: [
    'PrintJobs | project TimeSubmitted, Owner, HostPrintQueue, TotalPages, JobStatus',
  ],
});
