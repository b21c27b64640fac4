import { defineEntity } from '../define-entity.js';

export const PowerConfigurations = defineEntity({
  name: 'PowerConfigurations',
  description: 'Power Configuration: the WMI class CCM_PowerConfig in root\\ccm\\Policy\\Machine\\ActualConfig (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'PowerConfigID', type: 'string', doc: 'Power config ID (CCM_PowerConfig.PowerConfigID).' },
    { name: 'DurationInSec', type: 'long', doc: 'Duration in sec (CCM_PowerConfig.DurationInSec), in seconds.' },
    { name: 'PeakPowerPlan', type: 'string', doc: 'Peak power plan (CCM_PowerConfig.PeakPowerPlan).' },
    { name: 'PeakPowerPlanName', type: 'string', doc: 'Peak power plan name (CCM_PowerConfig.PeakPowerPlanName).' },
    { name: 'NonPeakPowerPlan', type: 'string', doc: 'Non peak power plan (CCM_PowerConfig.NonPeakPowerPlan).' },
    { name: 'NonPeakPowerPlanName', type: 'string', doc: 'Non peak power plan name (CCM_PowerConfig.NonPeakPowerPlanName).' },
    { name: 'PeakStartTimeHoursMin', type: 'string', doc: 'Peak start time hours min (CCM_PowerConfig.PeakStartTimeHoursMin).' },
    { name: 'WakeUpTimeHoursMin', type: 'string', doc: 'Wake up time hours min (CCM_PowerConfig.WakeUpTimeHoursMin).' },
  ],
  examples: [
    'PowerConfigurations | project PowerConfigID, DurationInSec, PeakPowerPlan, PeakPowerPlanName',
    'PowerConfigurations | summarize count() by PowerConfigID',
  ],
});
