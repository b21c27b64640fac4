import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cimRows, cimScript } from './cim-provider.js';
import { CIM_TABLE } from './cim-table.js';
import { convertValue, toDatetime, toTimespan } from './cim-values.js';
import { jsonObjects } from './powershell.js';

const fixture = (name: string) => jsonObjects('T', readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('WMI values', () => {
  it('reads "/Date(ms)/", DMTF and ISO dates as UTC ms', () => {
    expect(toDatetime('/Date(1704110400000)/')).toBe(Date.UTC(2024, 0, 1, 12));
    expect(toDatetime('/Date(1704110400000+0100)/')).toBe(Date.UTC(2024, 0, 1, 12));
    expect(toDatetime('20240101120000.000000+000')).toBe(Date.UTC(2024, 0, 1, 12));
    expect(toDatetime('20240101130000.000000+060')).toBe(Date.UTC(2024, 0, 1, 12));
    expect(toDatetime('20240101070000.250000-300')).toBe(Date.UTC(2024, 0, 1, 12, 0, 0, 250));
    expect(toDatetime('2024-01-01T13:00:00+01:00')).toBe(Date.UTC(2024, 0, 1, 12));
    expect(toDatetime({ value: '/Date(1704110400000)/', DisplayHint: 2 })).toBe(Date.UTC(2024, 0, 1, 12));
  });
  it('makes unset and pre-1753 dates null, as CMPivot does', () => {
    expect(toDatetime(null)).toBeNull();
    expect(toDatetime('')).toBeNull();
    expect(toDatetime('00000000000000.000000+000')).toBeNull();
    expect(toDatetime('16010101000000.000000+000')).toBeNull();
    expect(toDatetime('/Date(-11644473600000)/')).toBeNull();
  });
  it('applies CMPivot units by right shifts and /1000', () => {
    expect(convertValue(5 * 2 ** 30 + 123, 'long', 'KiloBytes')).toBe(5 * 2 ** 20);
    expect(convertValue(511101108224, 'long', 'MegaBytes')).toBe(487424);
    expect(convertValue(511101108224, 'long', 'GigaBytes')).toBe(476);
    expect(convertValue(90_500, 'long', 'Seconds')).toBe(90);
    expect(convertValue(255, 'string', 'HexString')).toBe('0xFF');
    expect(convertValue(null, 'long', 'MegaBytes')).toBeNull();
  });
  it('types booleans, numbers and strings, never a null string', () => {
    expect(convertValue('True', 'bool')).toBe(true);
    expect(convertValue(0, 'bool')).toBe(false);
    expect(convertValue(null, 'bool')).toBeNull();
    expect(convertValue('4096', 'long')).toBe(4096);
    expect(convertValue('n/a', 'long')).toBeNull();
    expect(convertValue(null, 'string')).toBe('');
    expect(convertValue(1033, 'string')).toBe('1033');
  });
  it('reads intervals: .NET TimeSpan objects and DMTF intervals', () => {
    expect(toTimespan({ Ticks: 3907530000000 })).toBe(390_753_000);
    expect(toTimespan('00000004123233.000000:000')).toBe(390_753_000);
    expect(convertValue({ Ticks: 3907530000000 }, 'string', 'DateString')).toBe('4 Days 12:32:33 Hours');
  });
});

describe('CIM table', () => {
  it('builds the Get-CimInstance command line from the table', () => {
    expect(cimScript(CIM_TABLE.Bios!)).toBe(
      "$ProgressPreference='SilentlyContinue'; $ErrorActionPreference='Stop'; [Console]::OutputEncoding=[Text.Encoding]::UTF8; " +
      'Get-CimInstance -Namespace root/cimv2 -ClassName Win32_BIOS | Select-Object Manufacturer,Version,SMBIOSBIOSVersion,SerialNumber,ReleaseDate,Name | ConvertTo-Json -Compress -Depth 2');
    expect(cimScript(CIM_TABLE.BitLocker!)).toContain('-Namespace root/cimv2/Security/MicrosoftVolumeEncryption -ClassName Win32_EncryptableVolume');
  });
  it('has only plain names in every command (nothing a query can inject)', () => {
    for (const [entity, s] of Object.entries(CIM_TABLE)) {
      expect(s.namespace, entity).toMatch(/^root(\/\w+)*$/);
      expect(s.className, entity).toMatch(/^\w+$/);
      expect(cimScript(s)).not.toMatch(/["`]/);
    }
  });
  it('reads a single object with a WCF date and escaped unicode', () => {
    const [row, ...rest] = cimRows(CIM_TABLE.Bios!, fixture('bios-single.json'));
    expect(rest).toEqual([]);
    expect(row).toEqual({
      Manufacturer: 'LENOVO', Version: 'LENOVO - 1520', SMBIOSBIOSVersion: 'N2HET73W (1.56 )', SerialNumber: 'PF2ABCDE',
      ReleaseDate: Date.UTC(2024, 0, 1), Name: "N2HET73W (1.56 ) & 'Setup' <UEFI> – Ünïcødé ©",
    });
  });
  it('reads an array with nulls, converting sizes to MB', () => {
    const rows = cimRows(CIM_TABLE.LogicalDisk!, fixture('logical-disk-array.json'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ DeviceID: 'C:', DriveType: 3, FileSystem: 'NTFS', VolumeName: 'Système', Size: 487424, FreeSpace: 117737, Compressed: false, ProviderName: '' });
    expect(rows[1]).toMatchObject({ DeviceID: 'D:', FileSystem: '', Size: null, FreeSpace: null, Compressed: null });
  });
  it('reads DMTF dates with their offsets', () => {
    const [row] = cimRows(CIM_TABLE.OperatingSystem!, fixture('operating-system-dmtf.json'));
    expect(row).toMatchObject({ InstallDate: Date.UTC(2023, 10, 15, 8, 30, 12), LastBootUpTime: Date.UTC(2024, 0, 2, 13, 30, 0, 500), OSLanguage: 1033, CSDVersion: '', WindowsDirectory: 'C:\\WINDOWS', TotalVisibleMemorySize: 16535164 });
  });
  it('keeps QuickFixEngineering.InstalledOn as the text WMI gives', () => {
    const rows = cimRows(CIM_TABLE.QuickFixEngineering!, fixture('quick-fix-engineering-array.json'));
    expect(rows.map((r) => [r.HotFixID, r.InstalledOn, r.InstallDate])).toEqual([['KB5034441', '1/15/2024', null], ['KB5033375', '12/12/2023', null]]);
  });
  it('renders an interval as CMPivot DateString text', () => {
    const rows = cimRows(CIM_TABLE.NetworkLoginProfile!, fixture('network-login-profile-timespan.json'));
    expect(rows[0]).toMatchObject({ Name: 'NT AUTHORITY\\SYSTEM', LastLogon: null, NumberOfLogons: null, PasswordAge: '' });
    expect(rows[1]).toMatchObject({ FullName: 'Jürgen Doe', LastLogon: 1704186000000, NumberOfLogons: 412, PasswordAge: '4 Days 12:32:33 Hours', LogonServer: '\\\\DC01' });
  });
  it('reads PowerShell 7 ISO dates', () => {
    const [row] = cimRows(CIM_TABLE.VideoController!, fixture('video-controller-pwsh7.json'));
    expect(row).toMatchObject({ DriverDate: Date.UTC(2023, 8, 14), AdapterRAM: 4293918720, PNPDeviceID: 'PCI\\VEN_10DE&DEV_2531&SUBSYS_151D10DE&REV_A1\\4&1A3AFAE6&0&0008' });
  });
});
