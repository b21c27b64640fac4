import { defineEntity } from '../define-entity.js';

export const InstalledSoftware = defineEntity({
  name: 'InstalledSoftware',
  description: 'A package installed on the device (dpkg, and rpm where it is used).',
  platforms: ['linux', 'windows'],
  permission: 'ordinary',
  columns: [
    { name: 'ProductName', type: 'string', doc: 'The package name.' },
    { name: 'ProductVersion', type: 'string', doc: 'The package version as the package manager writes it (1:2.38.1-5+deb12u1).' },
    { name: 'Publisher', type: 'string', doc: "The package's maintainer (dpkg) or vendor (rpm)." },
    { name: 'ARPDisplayName', type: 'string', doc: 'The package name again (what Add/Remove Programs would show).' },
    { name: 'InstallDate', type: 'datetime', doc: "When the package was installed or last upgraded (dpkg: its file list's modification time)." },
    { name: 'VersionMajor', type: 'long', doc: 'The first number of the upstream version; null when it does not start with one.' },
    { name: 'VersionMinor', type: 'long', doc: 'The second number of the upstream version; null when there is none.' },
    { name: 'Architecture', type: 'string', doc: 'Linux: amd64, arm64, all, x86_64, noarch…' },
    { name: 'Status', type: 'string', doc: "Linux: dpkg's status ('install ok installed', 'hold ok installed', 'install ok half-configured'…), 'installed' for rpm." },
    { name: 'Description', type: 'string', doc: "Linux: the package's one-line summary." },
    { name: 'Section', type: 'string', doc: 'Linux: the archive section (dpkg) or group (rpm).' },
    { name: 'InstalledSize', type: 'long', doc: 'Linux: the installed size in bytes (dpkg gives KiB, so a multiple of 1024).' },
    { name: 'SourcePackage', type: 'string', doc: 'Linux: the source package it was built from.' },
    { name: 'Homepage', type: 'string', doc: "Linux: the upstream project's address." },
    { name: 'PackageManager', type: 'string', doc: "Linux: 'dpkg' or 'rpm'." },
  ],
  examples: [
    "InstalledSoftware | where ProductName startswith 'openssl' | project ProductName, ProductVersion, Publisher",
    'InstalledSoftware | where InstallDate > ago(7d) | project InstallDate, ProductName, ProductVersion',
    'InstalledSoftware | summarize Packages = count() by Publisher | top 10 by Packages',
  ],
});
