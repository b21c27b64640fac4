import { defineEntity } from '../define-entity.js';

export const Device = defineEntity({
  name: 'Device',
  description: 'Basic information about the device: the console user, the maker and model, the domain.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'UserName', type: 'string', doc: "The user logged on at the console ('' when nobody is; remote SSH sessions are not the console)." },
    { name: 'Model', type: 'string', doc: "The product name the maker gives the system (Linux: DMI product_name; '' where firmware tables are not exposed, as in containers)." },
    { name: 'Manufacturer', type: 'string', doc: "The system's maker (Linux: DMI sys_vendor; '' where not exposed)." },
    { name: 'Domain', type: 'string', doc: "The domain the device belongs to (Linux: its DNS domain, from the FQDN or resolv.conf; '' when none)." },
  ],
  examples: [
    'Device | top 10 by UserName',
    "Device | where Manufacturer == 'Dell Inc.' | project Model, UserName",
    'Device | summarize count() by Model',
  ],
});
