import { defineEntity } from '../define-entity.js';

export const TSLicenseKeyPack = defineEntity({
  name: 'TSLicenseKeyPack',
  description: 'TS License Key Pack: the WMI class Win32_TSLicenseKeyPack in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'KeyPackId', type: 'long', doc: 'Key pack ID (Win32_TSLicenseKeyPack.KeyPackId).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
    { name: 'KeyPackType', type: 'long', doc: 'Key pack type (Win32_TSLicenseKeyPack.KeyPackType).' },
    { name: 'ProductType', type: 'long', doc: 'Product type (Win32_TSLicenseKeyPack.ProductType).' },
    { name: 'ProductVersion', type: 'string', doc: 'The product version.' },
    { name: 'TotalLicenses', type: 'long', doc: 'Licenses in the key pack.' },
    { name: 'IssuedLicenses', type: 'long', doc: 'Issued licenses (Win32_TSLicenseKeyPack.IssuedLicenses).' },
    { name: 'AvailableLicenses', type: 'long', doc: 'Available licenses (Win32_TSLicenseKeyPack.AvailableLicenses).' },
  ],
  examples: [
    'TSLicenseKeyPack | project KeyPackId, Description, KeyPackType, ProductType',
    'TSLicenseKeyPack | summarize count() by Description',
  ],
});
