import { defineEntity } from '../define-entity.js';

export const Device = defineEntity({
  name: 'Device',
  description: 'Basic information about the device: the console user, the maker and model, the domain, and the operating system.',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'UserName', type: 'string', doc: "The user logged on at the console ('' when nobody is; remote SSH sessions are not the console)." },
    { name: 'Model', type: 'string', doc: "The product name the maker gives the system (Linux: DMI product_name; '' where firmware tables are not exposed, as in containers)." },
    { name: 'Manufacturer', type: 'string', doc: "The system's maker (Linux: DMI sys_vendor; '' where not exposed)." },
    { name: 'Domain', type: 'string', doc: "The domain the device belongs to (Linux: its DNS domain, from the FQDN or resolv.conf; '' when none)." },
    // Not in CMPivot's Device: added so `Device | summarize count() by OSVersion` works without a join to OS.
    { name: 'OSName', type: 'string', doc: "openpivot extension (not a CMPivot column): the operating system's product name, as OS's Caption gives it (Linux: os-release PRETTY_NAME, e.g. 'Ubuntu 22.04.4 LTS'; Windows: Win32_OperatingSystem.Caption with trailing blanks removed, e.g. 'Microsoft Windows 11 Enterprise')." },
    { name: 'OSVersion', type: 'string', doc: "openpivot extension (not a CMPivot column): the operating system version, as OS's Version gives it (Linux: os-release VERSION_ID, e.g. '22.04', '' on rolling releases; Windows: Win32_OperatingSystem.Version, e.g. '10.0.22631')." },
  ],
  examples: [
    'Device | top 10 by UserName',
    "Device | where Manufacturer == 'Dell Inc.' | project Model, UserName",
    'Device | summarize count() by Model',
    'Device | summarize count() by OSVersion',
  ],
});
