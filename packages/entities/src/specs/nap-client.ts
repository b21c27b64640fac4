import { defineEntity } from '../define-entity.js';

export const NAPClient = defineEntity({
  name: 'NAPClient',
  description: 'NAP Client: the WMI class NAP_Client in root\\Nap.',
  platforms: ['windows'],
  permission: 'ordinary',
  onPremOnly: true,
  columns: [
    { name: 'name', type: 'string', doc: 'Name (NAP_Client.name).' },
    { name: 'description', type: 'string', doc: 'Description (NAP_Client.description).' },
    { name: 'napEnabled', type: 'bool', doc: 'Nap enabled: true or false (NAP_Client.napEnabled).' },
    { name: 'napProtocolVersion', type: 'string', doc: 'Nap protocol version (NAP_Client.napProtocolVersion).' },
    { name: 'fixupURL', type: 'string', doc: 'Fixup URL (NAP_Client.fixupURL).' },
    { name: 'probationTime', type: 'string', doc: 'Probation time (NAP_Client.probationTime).' },
    { name: 'systemIsolationState', type: 'long', doc: 'System isolation state (NAP_Client.systemIsolationState).' },
  ],
  examples: [
    'NAPClient | project name, description, napEnabled, napProtocolVersion',
    'NAPClient | where napEnabled == true | project Device, name, description',
  ],
});
