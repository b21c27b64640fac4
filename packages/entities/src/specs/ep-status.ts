import { defineEntity } from '../define-entity.js';

export const EPStatus = defineEntity({
  name: 'EPStatus',
  description: 'Antimalware status via `Get-MpComputerStatus`. Windows 10 / Server 2016 or later with Defender running: the WMI class MSFT_MpComputerStatus in root\\Microsoft\\Windows\\Defender.',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'AMServiceEnabled', type: 'bool', doc: 'Am service enabled: true or false (MSFT_MpComputerStatus.AMServiceEnabled).' },
    { name: 'AntispywareEnabled', type: 'bool', doc: 'Antispyware enabled: true or false (MSFT_MpComputerStatus.AntispywareEnabled).' },
    { name: 'AntispywareSignatureLastUpdated', type: 'datetime', doc: 'Antispyware signature last updated (MSFT_MpComputerStatus.AntispywareSignatureLastUpdated) (UTC).' },
    { name: 'AntispywareSignatureVersion', type: 'string', doc: 'Antispyware signature version (MSFT_MpComputerStatus.AntispywareSignatureVersion).' },
    { name: 'AntivirusEnabled', type: 'bool', doc: 'Antivirus enabled: true or false (MSFT_MpComputerStatus.AntivirusEnabled).' },
    { name: 'AntivirusSignatureLastUpdated', type: 'datetime', doc: 'Antivirus signature last updated (MSFT_MpComputerStatus.AntivirusSignatureLastUpdated) (UTC).' },
    { name: 'AntivirusSignatureVersion', type: 'string', doc: 'Antivirus signature version (MSFT_MpComputerStatus.AntivirusSignatureVersion).' },
    { name: 'BehaviorMonitorEnabled', type: 'bool', doc: 'Behavior monitor enabled: true or false (MSFT_MpComputerStatus.BehaviorMonitorEnabled).' },
    { name: 'IoavProtectionEnabled', type: 'bool', doc: 'Ioav protection enabled: true or false (MSFT_MpComputerStatus.IoavProtectionEnabled).' },
    { name: 'IsTamperProtected', type: 'bool', doc: 'Is tamper protected: true or false (MSFT_MpComputerStatus.IsTamperProtected).' },
    { name: 'NISEnabled', type: 'bool', doc: 'Nis enabled: true or false (MSFT_MpComputerStatus.NISEnabled).' },
    { name: 'NISSignatureLastUpdated', type: 'datetime', doc: 'Nis signature last updated (MSFT_MpComputerStatus.NISSignatureLastUpdated) (UTC).' },
    { name: 'NISSignatureVersion', type: 'string', doc: 'Nis signature version (MSFT_MpComputerStatus.NISSignatureVersion).' },
    { name: 'OnAccessProtectionEnabled', type: 'bool', doc: 'On access protection enabled: true or false (MSFT_MpComputerStatus.OnAccessProtectionEnabled).' },
    { name: 'QuickScanEndTime', type: 'datetime', doc: 'Quick scan end time (MSFT_MpComputerStatus.QuickScanEndTime) (UTC).' },
    { name: 'RealTimeProtectionEnabled', type: 'bool', doc: 'Real time protection enabled: true or false (MSFT_MpComputerStatus.RealTimeProtectionEnabled).' },
  ],
  examples: [
    'EPStatus | project Device, QuickScanAge=datetime_diff(\'day\',now(),QuickScanEndTime) | summarize DeviceCount=count() by QuickScanAge',
    'EPStatus | where RealTimeProtectionEnabled == false or AntivirusEnabled == false',
  ],
});
