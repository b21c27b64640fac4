import { defineEntity } from '../define-entity.js';

export const SWLicensingService = defineEntity({
  name: 'SWLicensingService',
  description: 'Software Licensing Service: the WMI class SoftwareLicensingService in root\\cimv2.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Version', type: 'string', doc: 'The version.' },
    { name: 'ClientMachineID', type: 'string', doc: 'Client machine ID (SoftwareLicensingService.ClientMachineID).' },
    { name: 'KeyManagementServiceMachine', type: 'string', doc: 'Key management service machine (SoftwareLicensingService.KeyManagementServiceMachine).' },
    { name: 'KeyManagementServiceProductKeyID', type: 'string', doc: 'Key management service product key ID (SoftwareLicensingService.KeyManagementServiceProductKeyID).' },
    { name: 'IsKeyManagementServiceMachine', type: 'long', doc: 'Is key management service machine (SoftwareLicensingService.IsKeyManagementServiceMachine).' },
    { name: 'KeyManagementServiceCurrentCount', type: 'long', doc: 'Key management service current count (SoftwareLicensingService.KeyManagementServiceCurrentCount).' },
    { name: 'RequiredClientCount', type: 'long', doc: 'Required client count (SoftwareLicensingService.RequiredClientCount).' },
    { name: 'VLActivationInterval', type: 'long', doc: 'Vl activation interval (SoftwareLicensingService.VLActivationInterval).' },
    { name: 'VLRenewalInterval', type: 'long', doc: 'Vl renewal interval (SoftwareLicensingService.VLRenewalInterval).' },
    { name: 'PolicyCacheRefreshRequired', type: 'long', doc: 'Policy cache refresh required (SoftwareLicensingService.PolicyCacheRefreshRequired).' },
  ],
  examples: [
    'SWLicensingService | project Version, ClientMachineID, KeyManagementServiceMachine, KeyManagementServiceProductKeyID',
    'SWLicensingService | summarize count() by Version',
  ],
});
