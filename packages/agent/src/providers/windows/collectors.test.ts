import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider.js';
import { jsonObjects } from './powershell.js';
import { fullScript, typedRows, type PsCollector } from './ps-collector.js';
import { registryPath, REGISTRY, REGISTRY_KEY } from './registry.js';
import { ADMINISTRATORS, CONNECTION, DEVICE, IP_CONFIG, SMB_CONFIG, SOFTWARE_UPDATE, USER } from './system-collectors.js';
import { APP_CRASH, EVENT_LOG, WIN_EVENT } from './win-event.js';
import { fileListScript, versionScript } from './file.js';
import { CIM_TABLE } from './cim-table.js';
import { WINDOWS_PROVIDERS } from './index.js';
import { Device } from '../../../../entities/src/specs/device.js';

const MALICIOUS = "'; Remove-Item C:\\ -Recurse; '";
const NOW = Date.UTC(2024, 0, 2, 12);
const fixture = (name: string) => jsonObjects('T', readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const rowsOf = (c: PsCollector, name: string) => typedRows(c, fixture(name));

/** Every single-quoted literal of a script, decoded; what is left outside them is the code. */
function literals(script: string): { strings: string[]; code: string } {
  const strings: string[] = [];
  let code = '';
  for (let i = 0; i < script.length; i++) {
    if (script[i] !== "'") { code += script[i]; continue; }
    let s = '';
    for (i++; i < script.length; i++) {
      if (script[i] === "'" && script[i + 1] === "'") { s += "'"; i++; continue; }
      if (script[i] === "'") break;
      s += script[i];
    }
    strings.push(s);
    code += '§';
  }
  return { strings, code };
}

describe('command lines', () => {
  it('reads Administrators by the well-known SID', () => {
    expect(fullScript(ADMINISTRATORS, { args: [], now: NOW })).toContain("Get-LocalGroupMember -SID 'S-1-5-32-544' | Select-Object @{n='ObjectClass';e={[string]$_.ObjectClass}}");
  });
  it('reads established TCP connections, SMB server settings, IP configuration', () => {
    expect(fullScript(CONNECTION, { args: [], now: NOW })).toContain('Get-NetTCPConnection -State Established');
    expect(fullScript(SMB_CONFIG, { args: [], now: NOW })).toContain('Get-SmbServerConfiguration | Select-Object EnableSMB1Protocol,');
    expect(fullScript(IP_CONFIG, { args: [], now: NOW })).toContain("DNSServerList=(@($_.DNSServer | ForEach-Object { $_.ServerAddresses }) -join '; ')");
    expect(fullScript(SOFTWARE_UPDATE, { args: [], now: NOW })).toContain("Search('DeploymentAction=* and IsInstalled=0 and Type=''Software''')");
  });
  it('reads Device from Win32_ComputerSystem and Win32_OperatingSystem in one script, not from the CIM table', () => {
    const s = fullScript(DEVICE, { args: [], now: NOW });
    expect(s).toContain('$cs=Get-CimInstance -Namespace root/cimv2 -ClassName Win32_ComputerSystem;');
    expect(s).toContain('$os=Get-CimInstance -Namespace root/cimv2 -ClassName Win32_OperatingSystem;');
    expect(s).toContain('OSName=$os.Caption; OSVersion=$os.Version }');
    expect(CIM_TABLE['Device']).toBeUndefined();
    expect(WINDOWS_PROVIDERS.filter((p) => p.entity === 'Device')).toHaveLength(1);
  });
  it('filters WinEvent by log and by the window ending at the query\'s now', () => {
    const s = fullScript(WIN_EVENT, { args: ['System', 3_600_000], now: NOW });
    expect(s).toContain(`FromUnixTimeMilliseconds(${NOW - 3_600_000})`);
    expect(s).toContain(`FromUnixTimeMilliseconds(${NOW})`);
    expect(s).toContain("Get-WinEvent -FilterHashtable @{LogName='System'; StartTime=$start; EndTime=$end}");
    expect(fullScript(EVENT_LOG, { args: ['Security'], now: NOW })).toContain(`FromUnixTimeMilliseconds(${NOW - 86_400_000})`);
    expect(fullScript(APP_CRASH, { args: [], now: NOW })).toContain(`FromUnixTimeMilliseconds(${NOW - 7 * 86_400_000})`);
  });
  it('keeps a malicious argument a literal in every parameterised script', () => {
    const cases: [string, string][] = [
      [fullScript(WIN_EVENT, { args: [MALICIOUS], now: NOW }), MALICIOUS],
      [fullScript(EVENT_LOG, { args: [MALICIOUS], now: NOW }), MALICIOUS],
      [fullScript(REGISTRY, { args: [`HKLM:\\SOFTWARE\\${MALICIOUS}`], now: NOW }), `Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\${MALICIOUS}`],
      [fullScript(REGISTRY_KEY, { args: [`hklm:\\${MALICIOUS}`], now: NOW }), `Registry::HKEY_LOCAL_MACHINE\\${MALICIOUS}`],
      [fileListScript(`C:\\${MALICIOUS}`), `C:\\${MALICIOUS}`],
      [versionScript([`C:\\a.exe`, `C:\\${MALICIOUS}.exe`]), `C:\\${MALICIOUS}.exe`],
    ];
    for (const [script, literal] of cases) {
      const { strings, code } = literals(script);
      expect(strings).toContain(literal);
      expect(code).not.toContain('Remove-Item');
    }
  });
  it('refuses registry paths that are not the registry', () => {
    expect(registryPath('Registry', 'hklm:\\SOFTWARE\\Microsoft\\SMS\\*')).toBe('Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\SMS\\*');
    expect(registryPath('Registry', 'HKEY_CURRENT_USER\\Software')).toBe('Registry::HKEY_CURRENT_USER\\Software');
    expect(registryPath('Registry', 'Registry::HKEY_USERS\\S-1-5-18\\')).toBe('Registry::HKEY_USERS\\S-1-5-18');
    expect(registryPath('Registry', 'HKCR:')).toBe('Registry::HKEY_CLASSES_ROOT');
    for (const bad of ['C:\\Windows\\*', 'Env:\\PATH', 'Cert:\\LocalMachine\\My', '\\\\server\\share', 'HKLMX:\\x', '', 'HKLM:\\a\nb']) {
      expect(() => registryPath('Registry', bad), bad).toThrow(ProviderError);
    }
    expect(() => registryPath('Registry', 'C:\\x')).toThrow(/^Registry: the argument 'path'/);
  });
  it('refuses a bad timespan or a missing log name', () => {
    expect(() => fullScript(WIN_EVENT, { args: ['System', -5], now: NOW })).toThrow(/^WinEvent: the argument 'timespan'/);
    expect(() => fullScript(WIN_EVENT, { args: [], now: NOW })).toThrow(/^WinEvent: the argument 'log'/);
  });
});

describe('recorded output', () => {
  it('Administrators: a single object and an array', () => {
    expect(rowsOf(ADMINISTRATORS, 'administrators-single.json')).toEqual([{ ObjectClass: 'User', Name: 'PC-01\\Administrator', PrincipalSource: 'Local' }]);
    expect(rowsOf(ADMINISTRATORS, 'administrators-array.json').map((r) => r.PrincipalSource)).toEqual(['Local', 'ActiveDirectory', 'AzureAD']);
  });
  it('Connection: IPv4 and IPv6 rows typed', () => {
    const rows = rowsOf(CONNECTION, 'connection-array.json');
    expect(rows[1]).toEqual({ Server: '2603:1030:800:5::bfee:a418', LocalAddress: '2a01:e0a:1:2::20', LocalPort: 52120, RemoteAddress: '2603:1030:800:5::bfee:a418', RemotePort: 443, State: 'Established', ProcessId: 0, ProcessName: 'Idle', Protocol: 'TCPv6' });
  });
  it('IPConfig: MACs with colons, empty strings kept', () => {
    const rows = rowsOf(IP_CONFIG, 'ip-config-array.json');
    expect(rows[0]).toMatchObject({ MACAddress: '00:15:5D:01:02:03', DNSServerList: '192.168.1.10; 192.168.1.11', InterfaceIndex: 12 });
    expect(rows[1]).toMatchObject({ Status: 'Disconnected', MACAddress: '', IPV6DefaultGateway: '' });
  });
  it('SMBConfig: one object of booleans', () => {
    expect(rowsOf(SMB_CONFIG, 'smb-config-single.json')).toEqual([{ EnableSMB1Protocol: false, EnableSMB2Protocol: true, RequireSecuritySignature: false, EnableSecuritySignature: false, EncryptData: false, RejectUnencryptedAccess: true }]);
  });
  it('Registry: (Default), hex bytes, joined multi-strings, unicode', () => {
    const rows = rowsOf(REGISTRY, 'registry-array.json');
    expect(rows.map((r) => [r.Property, r.Value])).toEqual([['(Default)', ''], ['ProductVersion', '5.00.9122.1000'], ['GUID', '01-00-04-80-A4-00'], ['Sites', 'P01, P02'], ['Beschreibung', 'Clïent — ✓']]);
    expect(rows[0]!.Key).toBe('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\SMS\\Mobile Client');
  });
  it('WinEvent: null messages become ""', () => {
    const rows = rowsOf(WIN_EVENT, 'win-event-array.json');
    expect(rows[0]).toMatchObject({ DateTime: 1704186000123, ID: 7054, LevelDisplayName: 'Error' });
    expect(rows[0]!.Message).toContain('café');
    expect(rows[1]!.Message).toBe('');
  });
  it("EventLog: Get-EventLog's entry types from levels and audit keywords", () => {
    expect(rowsOf(EVENT_LOG, 'event-log-array.json').map((r) => [r.EventID, r.EntryType])).toEqual([
      [4624, 'SuccessAudit'], [4625, 'FailureAudit'], [7000, 'Error'], [41, 'Error'], [1014, 'Warning'], [6005, 'Information'],
    ]);
  });
  it('AppCrash and SoftwareUpdate', () => {
    expect(rowsOf(APP_CRASH, 'app-crash-single.json')).toEqual([{ FileName: 'OUTLOOK.EXE', Version: '16.0.17126.20132', ReportId: '3f2b7c1e-9a44-4d2f-8b1e-2c6d9e0f1a23', DateTime: 1704186000000 }]);
    const updates = rowsOf(SOFTWARE_UPDATE, 'software-update-array.json');
    expect(updates[1]).toMatchObject({ Title: 'Microsoft Defender Antivirus – mise à jour KB2267602', RebootRequired: false, LastDeploymentChangeTime: 1704931200000, KBArticleIDs: 'KB2267602' });
  });
  it('Device: CMPivot\'s four columns then OSName and OSVersion; no console user is "", a trailing blank in Caption trimmed', () => {
    expect(rowsOf(DEVICE, 'device-single.json')).toEqual([{ UserName: 'CONTOSO\\jdoe', Model: 'Latitude 7440', Manufacturer: 'Dell Inc.', Domain: 'corp.contoso.com', OSName: 'Microsoft Windows 11 Enterprise', OSVersion: '10.0.22631' }]);
    expect(rowsOf(DEVICE, 'device-no-console-user.json')).toEqual([{ UserName: '', Model: 'Virtual Machine', Manufacturer: 'Microsoft Corporation', Domain: 'WORKGROUP', OSName: 'Microsoft Windows Server 2008 R2 Enterprise', OSVersion: '6.1.7601' }]);
    expect(DEVICE.properties.map((p) => p.name)).toEqual(Device.columns.slice(1).map((c) => c.name));
  });
  it('User: window manager, font driver and service sessions dropped, duplicates merged', () => {
    expect(rowsOf(USER, 'user-array.json')).toEqual([{ UserName: 'CONTOSO\\jdoe' }, { UserName: 'PC-01\\Zoë' }]);
  });
});
