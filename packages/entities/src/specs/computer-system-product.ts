import { defineEntity } from '../define-entity.js';

export const ComputerSystemProduct = defineEntity({
  name: 'ComputerSystemProduct',
  description: 'Computer System Product: the WMI class Win32_ComputerSystemProduct in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Name', type: 'string', doc: 'The name (WMI Name).' },
    { name: 'Vendor', type: 'string', doc: 'Vendor (Win32_ComputerSystemProduct.Vendor).' },
    { name: 'Version', type: 'string', doc: 'The version.' },
    { name: 'IdentifyingNumber', type: 'string', doc: 'Identifying number (Win32_ComputerSystemProduct.IdentifyingNumber): serial.' },
    { name: 'UUID', type: 'string', doc: 'Uuid (Win32_ComputerSystemProduct.UUID).' },
    { name: 'SKUNumber', type: 'string', doc: 'Sku number (Win32_ComputerSystemProduct.SKUNumber).' },
    { name: 'Caption', type: 'string', doc: 'A short description (WMI Caption).' },
    { name: 'Description', type: 'string', doc: 'The description WMI reports.' },
  ],
  examples: [
    'ComputerSystemProduct | project Vendor, Name, IdentifyingNumber, UUID',
  ],
});
