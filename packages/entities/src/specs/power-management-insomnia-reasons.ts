import { defineEntity } from '../define-entity.js';

export const PowerManagementInsomniaReasons = defineEntity({
  name: 'PowerManagementInsomniaReasons',
  description: 'Power Insomnia Reasons: the WMI class CCM_PwrMgmtLastSuspendError in root\\ccm\\PowerManagementAgent (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Time', type: 'datetime', doc: 'Time (CCM_PwrMgmtLastSuspendError.Time) (UTC).' },
    { name: 'Requester', type: 'string', doc: 'Requester (CCM_PwrMgmtLastSuspendError.Requester).' },
    { name: 'RequesterType', type: 'string', doc: 'Requester type (CCM_PwrMgmtLastSuspendError.RequesterType).' },
    { name: 'RequestType', type: 'string', doc: 'Request type (CCM_PwrMgmtLastSuspendError.RequestType).' },
    { name: 'RequesterInfo', type: 'string', doc: 'Requester info (CCM_PwrMgmtLastSuspendError.RequesterInfo).' },
    { name: 'AdditionalCode', type: 'long', doc: 'Additional code (CCM_PwrMgmtLastSuspendError.AdditionalCode).' },
    { name: 'AdditionalInfo', type: 'string', doc: 'Additional info (CCM_PwrMgmtLastSuspendError.AdditionalInfo).' },
    { name: 'UnknownRequester', type: 'bool', doc: 'Unknown requester: true or false (CCM_PwrMgmtLastSuspendError.UnknownRequester).' },
  ],
  examples: [
    'PowerManagementInsomniaReasons | project Time, Requester, RequesterType, RequestType',
    'PowerManagementInsomniaReasons | where UnknownRequester == true | project Device, Time, Requester',
  ],
});
