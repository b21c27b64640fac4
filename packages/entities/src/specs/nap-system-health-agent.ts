import { defineEntity } from '../define-entity.js';

export const NAPSystemHealthAgent = defineEntity({
  name: 'NAPSystemHealthAgent',
  description: 'NAP System Health Agent: the WMI class NAP_SystemHealthAgent in root\\Nap.',
  platforms: ['windows'],
  permission: 'ordinary',
  onPremOnly: true,
  columns: [
    { name: 'ID', type: 'long', doc: 'Id (NAP_SystemHealthAgent.ID).' },
    { name: 'friendlyName', type: 'string', doc: 'Friendly name (NAP_SystemHealthAgent.friendlyName).' },
    { name: 'description', type: 'string', doc: 'Description (NAP_SystemHealthAgent.description).' },
    { name: 'vendorName', type: 'string', doc: 'Vendor name (NAP_SystemHealthAgent.vendorName).' },
    { name: 'version', type: 'string', doc: 'Version (NAP_SystemHealthAgent.version).' },
    { name: 'isBound', type: 'bool', doc: 'Is bound: true or false (NAP_SystemHealthAgent.isBound).' },
    { name: 'fixupState', type: 'long', doc: 'Fixup state (NAP_SystemHealthAgent.fixupState).' },
    { name: 'percentage', type: 'long', doc: 'Percentage (NAP_SystemHealthAgent.percentage).' },
    { name: 'registrationDate', type: 'string', doc: 'Registration date (NAP_SystemHealthAgent.registrationDate).' },
    { name: 'infoClsid', type: 'string', doc: 'Info CLSID (NAP_SystemHealthAgent.infoClsid).' },
  ],
  examples: [
    'NAPSystemHealthAgent | project ID, friendlyName, description, vendorName',
    'NAPSystemHealthAgent | where isBound == true | project Device, ID, friendlyName',
  ],
});
