import { defineEntity } from '../define-entity.js';

export const PowerManagementMonthly = defineEntity({
  name: 'PowerManagementMonthly',
  description: 'Power Management Monthly Data: the WMI class CCM_PwrMgmtMonth in root\\ccm\\PowerManagementAgent (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'MonthStart', type: 'datetime', doc: 'Month start (CCM_PwrMgmtMonth.MonthStart) (UTC).' },
    { name: 'TypeOfEvent', type: 'string', doc: 'The kind of power event counted.' },
    { name: 'minutesComputerActive', type: 'long', doc: 'Minutes computer active (CCM_PwrMgmtMonth.minutesComputerActive).' },
    { name: 'minutesComputerOn', type: 'long', doc: 'Minutes computer on (CCM_PwrMgmtMonth.minutesComputerOn).' },
    { name: 'minutesComputerShutdown', type: 'long', doc: 'Minutes computer shutdown (CCM_PwrMgmtMonth.minutesComputerShutdown).' },
    { name: 'minutesComputerSleep', type: 'long', doc: 'Minutes computer sleep (CCM_PwrMgmtMonth.minutesComputerSleep).' },
    { name: 'minutesMonitorOn', type: 'long', doc: 'Minutes monitor on (CCM_PwrMgmtMonth.minutesMonitorOn).' },
    { name: 'minutesTotal', type: 'long', doc: 'Minutes counted in total.' },
  ],
  examples: [
    'PowerManagementMonthly | project MonthStart, TypeOfEvent, minutesComputerActive, minutesComputerOn',
    'PowerManagementMonthly | summarize count() by TypeOfEvent',
  ],
});
