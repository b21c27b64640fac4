import { defineEntity } from '../define-entity.js';

export const BrowserHelperObject = defineEntity({
  name: 'BrowserHelperObject',
  description: 'Browser Helper Object: the WMI class SMS_BrowserHelperObject in root\\cimv2\\sms (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'FileName', type: 'string', doc: 'The file name.' },
    { name: 'CLSID', type: 'string', doc: 'Clsid (SMS_BrowserHelperObject.CLSID).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'Product', type: 'string', doc: 'The product the file belongs to.' },
    { name: 'ProductVersion', type: 'string', doc: 'The product version.' },
    { name: 'Publisher', type: 'string', doc: 'The publisher.' },
    { name: 'Version', type: 'string', doc: 'The version.' },
    { name: 'FileVersion', type: 'string', doc: 'The file version from the version resource.' },
    { name: 'BinFileVersion', type: 'string', doc: 'Bin file version (SMS_BrowserHelperObject.BinFileVersion).' },
  ],
  examples: [
    'BrowserHelperObject | project FileName, CLSID, Description, Product',
    'BrowserHelperObject | summarize count() by FileName',
  ],
});
