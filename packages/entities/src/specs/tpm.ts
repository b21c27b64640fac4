import { defineEntity } from '../define-entity.js';

export const TPM = defineEntity({
  name: 'TPM',
  description: 'TPM: the WMI class Win32_Tpm in root\\cimv2\\Security\\MicrosoftTpm.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'IsActivated_InitialValue', type: 'bool', doc: 'Is activated initial value: true or false (Win32_Tpm.IsActivated_InitialValue).' },
    { name: 'IsEnabled_InitialValue', type: 'bool', doc: 'Is enabled initial value: true or false (Win32_Tpm.IsEnabled_InitialValue).' },
    { name: 'IsOwned_InitialValue', type: 'bool', doc: 'Is owned initial value: true or false (Win32_Tpm.IsOwned_InitialValue).' },
    { name: 'ManufacturerId', type: 'long', doc: 'Manufacturer ID (Win32_Tpm.ManufacturerId).' },
    { name: 'ManufacturerVersion', type: 'string', doc: 'Manufacturer version (Win32_Tpm.ManufacturerVersion).' },
    { name: 'ManufacturerVersionInfo', type: 'string', doc: 'Manufacturer version info (Win32_Tpm.ManufacturerVersionInfo).' },
    { name: 'PhysicalPresenceVersionInfo', type: 'string', doc: 'Physical presence version info (Win32_Tpm.PhysicalPresenceVersionInfo).' },
    { name: 'SpecVersion', type: 'string', doc: 'Spec version (Win32_Tpm.SpecVersion).' },
  ],
  examples: [
    'TPM | project IsEnabled_InitialValue, IsActivated_InitialValue, SpecVersion, ManufacturerVersion',
  ],
});
