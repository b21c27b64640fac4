import { defineEntity } from '../define-entity.js';

export const AadStatus = defineEntity({
  name: 'AadStatus',
  description:
    "Azure AD (Entra ID) join state from 'dsregcmd /status'; without dsregcmd, the domain membership from Win32_ComputerSystem and the AAD fields false.",
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'DeviceId', type: 'string', doc: 'The Azure AD device id; "" when the device is not Azure AD joined or registered.' },
    { name: 'AzureAdJoined', type: 'bool', doc: 'True when the device is Azure AD joined (dsregcmd AzureAdJoined : YES).' },
    { name: 'EnterpriseJoined', type: 'bool', doc: 'True when the device is joined to an on-premises DRS (Enterprise join).' },
    { name: 'WorkplaceJoined', type: 'bool', doc: 'True when the signed-in user registered the device (Workplace join).' },
    { name: 'DomainJoined', type: 'bool', doc: 'True when the device is joined to an Active Directory domain.' },
    { name: 'DomainName', type: 'string', doc: 'The Active Directory domain (NetBIOS name), "" when not joined.' },
    { name: 'TenantId', type: 'string', doc: 'The Azure AD tenant id, "" when not joined.' },
    { name: 'TenantName', type: 'string', doc: 'The Azure AD tenant name, "" when not joined.' },
  ],
  examples: [
    "AadStatus | project Device, IsAADJoined=iif(isnull(DeviceId) or DeviceId == '', 'No', 'Yes') | summarize DeviceCount=count() by IsAADJoined",
    'AadStatus | where AzureAdJoined == true and DomainJoined == true | project Device, TenantName',
  ],
});
