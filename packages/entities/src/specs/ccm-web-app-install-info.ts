import { defineEntity } from '../define-entity.js';

export const CCMWebAppInstallInfo = defineEntity({
  name: 'CCMWebAppInstallInfo',
  description: 'Web Applications: the WMI class CCM_WebAppInstallInfo in root\\ccm\\cimodels (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'AppDeliveryTypeId', type: 'string', doc: 'App delivery type ID (CCM_WebAppInstallInfo.AppDeliveryTypeId).' },
    { name: 'AppDtRevision', type: 'long', doc: 'App dt revision (CCM_WebAppInstallInfo.AppDtRevision).' },
    { name: 'TargetURL', type: 'string', doc: 'Target URL (CCM_WebAppInstallInfo.TargetURL).' },
    { name: 'URLFileName', type: 'string', doc: 'Url file name (CCM_WebAppInstallInfo.URLFileName).' },
    { name: 'URLPath', type: 'string', doc: 'Url path (CCM_WebAppInstallInfo.URLPath).' },
    { name: 'UserSID', type: 'string', doc: 'The security identifier of the user.' },
  ],
  examples: [
    'CCMWebAppInstallInfo | project AppDeliveryTypeId, AppDtRevision, TargetURL, URLFileName',
    'CCMWebAppInstallInfo | summarize count() by AppDeliveryTypeId',
  ],
});
