import { defineEntity } from '../define-entity.js';

export const PowerCapabilities = defineEntity({
  name: 'PowerCapabilities',
  description: 'Power Capabilities: the WMI class CCM_PwrMgmtSystemPowerCapabilities in root\\ccm\\PowerManagementAgent (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'PreferredPMProfile', type: 'long', doc: 'Preferred pm profile (CCM_PwrMgmtSystemPowerCapabilities.PreferredPMProfile).' },
    { name: 'SystemS3', type: 'bool', doc: 'System s3: true or false (CCM_PwrMgmtSystemPowerCapabilities.SystemS3).' },
    { name: 'SystemS4', type: 'bool', doc: 'System s4: true or false (CCM_PwrMgmtSystemPowerCapabilities.SystemS4).' },
    { name: 'SystemS5', type: 'bool', doc: 'System s5: true or false (CCM_PwrMgmtSystemPowerCapabilities.SystemS5).' },
    { name: 'LidPresent', type: 'bool', doc: 'LID present: true or false (CCM_PwrMgmtSystemPowerCapabilities.LidPresent).' },
    { name: 'SystemBatteriesPresent', type: 'bool', doc: 'System batteries present: true or false (CCM_PwrMgmtSystemPowerCapabilities.SystemBatteriesPresent).' },
    { name: 'UpsPresent', type: 'bool', doc: 'Ups present: true or false (CCM_PwrMgmtSystemPowerCapabilities.UpsPresent).' },
    { name: 'FullWake', type: 'bool', doc: 'Full wake: true or false (CCM_PwrMgmtSystemPowerCapabilities.FullWake).' },
    { name: 'ProcessorThrottle', type: 'bool', doc: 'Processor throttle: true or false (CCM_PwrMgmtSystemPowerCapabilities.ProcessorThrottle).' },
    { name: 'VideoDimPresent', type: 'bool', doc: 'Video dim present: true or false (CCM_PwrMgmtSystemPowerCapabilities.VideoDimPresent).' },
    { name: 'RtcWake', type: 'string', doc: 'Rtc wake (CCM_PwrMgmtSystemPowerCapabilities.RtcWake).' },
    { name: 'MinDeviceWakeState', type: 'string', doc: 'Min device wake state (CCM_PwrMgmtSystemPowerCapabilities.MinDeviceWakeState).' },
  ],
  examples: [
    'PowerCapabilities | project PreferredPMProfile, SystemS3, SystemS4, SystemS5',
    'PowerCapabilities | where SystemS3 == true | project Device, PreferredPMProfile, SystemS4',
  ],
});
