import type { ProviderRow } from '../provider.js';
import { props, type PsCollector } from './ps-collector.js';

// Enums (PrincipalSource, State, Status) are cast to [string] in PowerShell: ConvertTo-Json would
// otherwise write their numbers.

export const ADMINISTRATORS: PsCollector = {
  entity: 'Administrators',
  properties: props('ObjectClass Name PrincipalSource'),
  // By SID, not by name, so localised group names (Administratoren…) work.
  script: () =>
    "Get-LocalGroupMember -SID 'S-1-5-32-544' | Select-Object @{n='ObjectClass';e={[string]$_.ObjectClass}},@{n='Name';e={[string]$_.Name}},@{n='PrincipalSource';e={[string]$_.PrincipalSource}}",
};

export const CONNECTION: PsCollector = {
  entity: 'Connection',
  properties: props('Server LocalAddress LocalPort:long RemoteAddress RemotePort:long State ProcessId:long ProcessName Protocol'),
  // Process names come from one Get-Process, not one per connection.
  script: () =>
    "$names=@{}; Get-Process | ForEach-Object { $names[[int]$_.Id]=$_.ProcessName }; " +
    "Get-NetTCPConnection -State Established -ErrorAction SilentlyContinue | Select-Object @{n='Server';e={$_.RemoteAddress}},LocalAddress,LocalPort,RemoteAddress,RemotePort," +
    "@{n='State';e={[string]$_.State}},@{n='ProcessId';e={$_.OwningProcess}},@{n='ProcessName';e={[string]$names[[int]$_.OwningProcess]}}," +
    "@{n='Protocol';e={if ($_.RemoteAddress -like '*:*') {'TCPv6'} else {'TCP'}}}",
};

// Win32_ComputerSystem has no OS columns, so Device reads it and Win32_OperatingSystem in one
// PowerShell run (one process start, the costly part) and makes one row; CMPivot's four columns come
// first, then openpivot's OSName and OSVersion, named as the Device spec declares them.
export const DEVICE: PsCollector = {
  entity: 'Device',
  properties: props('UserName Model Manufacturer Domain OSName OSVersion'),
  script: () =>
    '$cs=Get-CimInstance -Namespace root/cimv2 -ClassName Win32_ComputerSystem; $os=Get-CimInstance -Namespace root/cimv2 -ClassName Win32_OperatingSystem; ' +
    '[pscustomobject]@{ UserName=$cs.UserName; Model=$cs.Model; Manufacturer=$cs.Manufacturer; Domain=$cs.Domain; OSName=$os.Caption; OSVersion=$os.Version }',
  // Older Windows (7, Server 2008 R2) end Caption with a space; OS and OperatingSystem keep WMI's text,
  // but a grouping key with a trailing blank is a trap, so it goes here.
  shape: (row) => ({ ...row, OSName: String(row.OSName).trim() }),
};

const join = (expr: string, member: string) => `(@(${expr} | ForEach-Object { ${member} }) -join '; ')`;

export const IP_CONFIG: PsCollector = {
  entity: 'IPConfig',
  properties: props('InterfaceAlias Name InterfaceDescription Status IPV4Address IPV6Address IPV4DefaultGateway IPV6DefaultGateway DNSServerList InterfaceIndex:long MACAddress IPV4PrefixLength'),
  script: () =>
    'Get-NetIPConfiguration | ForEach-Object { [pscustomobject]@{ ' +
    'InterfaceAlias=$_.InterfaceAlias; Name=[string]$_.NetProfile.Name; InterfaceDescription=$_.InterfaceDescription; Status=[string]$_.NetAdapter.Status; ' +
    `IPV4Address=${join('$_.IPv4Address', '$_.IPAddress')}; IPV6Address=${join('$_.IPv6Address', '$_.IPAddress')}; ` +
    `IPV4DefaultGateway=${join('$_.IPv4DefaultGateway', '$_.NextHop')}; IPV6DefaultGateway=${join('$_.IPv6DefaultGateway', '$_.NextHop')}; ` +
    `DNSServerList=${join('$_.DNSServer', '$_.ServerAddresses')}; InterfaceIndex=$_.InterfaceIndex; MACAddress=[string]$_.NetAdapter.MacAddress; ` +
    `IPV4PrefixLength=${join('$_.IPv4Address', "$_.IPAddress + '/' + $_.PrefixLength")} } }`,
  // Windows writes MACs as 00-15-5D-…; the entity (shared with Linux) uses colons.
  shape: (row) => ({ ...row, MACAddress: String(row.MACAddress).replace(/-/g, ':').toUpperCase() }),
};

export const SMB_CONFIG: PsCollector = {
  entity: 'SMBConfig',
  properties: props('EnableSMB1Protocol:bool EnableSMB2Protocol:bool RequireSecuritySignature:bool EnableSecuritySignature:bool EncryptData:bool RejectUnencryptedAccess:bool'),
  script: () => 'Get-SmbServerConfiguration | Select-Object EnableSMB1Protocol,EnableSMB2Protocol,RequireSecuritySignature,EnableSecuritySignature,EncryptData,RejectUnencryptedAccess',
};

export const SOFTWARE_UPDATE: PsCollector = {
  entity: 'SoftwareUpdate',
  properties: props('Title RebootRequired:bool LastDeploymentChangeTime:datetime UpdateID KBArticleIDs SecurityBulletinIDs Categories'),
  script: () =>
    "$searcher=(New-Object -ComObject 'Microsoft.Update.Session').CreateUpdateSearcher(); " +
    "$found=$searcher.Search('DeploymentAction=* and IsInstalled=0 and Type=''Software'''); " +
    '$found.Updates | ForEach-Object { [pscustomobject]@{ Title=$_.Title; RebootRequired=[bool]$_.RebootRequired; ' +
    'LastDeploymentChangeTime=([DateTimeOffset]$_.LastDeploymentChangeTime).ToUnixTimeMilliseconds(); UpdateID=$_.Identity.UpdateID; ' +
    "KBArticleIDs=(@($_.KBArticleIDs | ForEach-Object { 'KB' + $_ }) -join ','); SecurityBulletinIDs=(@($_.SecurityBulletinIDs) -join ','); " +
    "Categories=(@($_.Categories | ForEach-Object { $_.Name }) -join ',') } }",
};

// Sessions of the window manager and font driver hosts, and the service accounts, are not users.
const NOT_USERS = /^(window manager|font driver host)\\|\\(dwm-\d+|umfd-\d+)$|^nt authority\\/i;

export const USER: PsCollector = {
  entity: 'User',
  properties: props('UserName'),
  script: () =>
    "Get-CimInstance -ClassName Win32_LoggedOnUser | ForEach-Object { [pscustomobject]@{ UserName=[string]$_.Antecedent.Domain + '\\' + [string]$_.Antecedent.Name } }",
  finish: (rows) => {
    const seen = new Set<string>();
    const out: ProviderRow[] = [];
    for (const r of rows) {
      const name = String(r.UserName);
      const key = name.toLowerCase();
      if (NOT_USERS.test(name) || seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
    return out;
  },
};
