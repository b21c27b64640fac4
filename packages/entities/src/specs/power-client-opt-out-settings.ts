import { defineEntity } from '../define-entity.js';

export const PowerClientOptOutSettings = defineEntity({
  name: 'PowerClientOptOutSettings',
  description: 'Power Management Exclusion Settings: the WMI class CCM_PowerManagementClientOptoutSetting in root\\ccm\\ClientSDK (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'AdminAllowOptout', type: 'bool', doc: 'Admin allow optout: true or false (CCM_PowerManagementClientOptoutSetting.AdminAllowOptout).' },
    { name: 'EffectiveClientOptOut', type: 'bool', doc: 'Effective client opt out: true or false (CCM_PowerManagementClientOptoutSetting.EffectiveClientOptOut).' },
    { name: 'IsClientOptOut', type: 'bool', doc: 'Is client opt out: true or false (CCM_PowerManagementClientOptoutSetting.IsClientOptOut).' },
  ],
  examples: [
    'PowerClientOptOutSettings | project AdminAllowOptout, EffectiveClientOptOut, IsClientOptOut',
    'PowerClientOptOutSettings | where AdminAllowOptout == true | project Device, EffectiveClientOptOut, IsClientOptOut',
  ],
});
