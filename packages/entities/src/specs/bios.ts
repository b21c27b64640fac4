import { defineEntity } from '../define-entity.js';

export const Bios = defineEntity({
  name: 'Bios',
  description: "The system firmware (BIOS or UEFI) as SMBIOS describes it; on Linux from /sys/class/dmi/id. One row; its values are ''/null where the firmware tables are not exposed (containers, many ARM boards).",
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Manufacturer', type: 'string', doc: 'The firmware vendor (DMI bios_vendor).' },
    { name: 'Version', type: 'string', doc: 'The firmware version (DMI bios_version).' },
    { name: 'SMBIOSBIOSVersion', type: 'string', doc: 'The BIOS version as SMBIOS reports it (DMI bios_version).' },
    { name: 'SerialNumber', type: 'string', doc: "The system serial number (DMI product_serial; root-only on Linux, '' when unreadable)." },
    { name: 'ReleaseDate', type: 'datetime', doc: 'The firmware release date (DMI bios_date), null when unknown.' },
    { name: 'Name', type: 'string', doc: 'A name for the firmware: vendor and version.' },
    { name: 'FirmwareType', type: 'string', doc: "Linux: 'UEFI' when booted through UEFI (/sys/firmware/efi exists), else 'BIOS'." },
    { name: 'BIOSRelease', type: 'string', doc: "Linux: the SMBIOS BIOS release 'major.minor' (DMI bios_release), '' when absent." },
  ],
  examples: [
    'Bios | project Manufacturer, Version, ReleaseDate',
    "Bios | where Manufacturer == 'Dell Inc.' | summarize count() by SMBIOSBIOSVersion",
    "Bios | where FirmwareType == 'UEFI' | project Version, SerialNumber",
  ],
});
