import { defineEntity } from '../define-entity.js';

export const CCMRAX = defineEntity({
  name: 'CCMRAX',
  description: 'CCM_RAX: the WMI class CCM_RAXInfo in root\\ccm\\cimodels (kept by the Configuration Manager client; no rows without it).',
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'AppID', type: 'string', doc: 'App ID (CCM_RAXInfo.AppID).' },
    { name: 'FeedURL', type: 'string', doc: 'Feed URL (CCM_RAXInfo.FeedURL).' },
    { name: 'UserSID', type: 'string', doc: 'The security identifier of the user.' },
  ],
  examples: [
    'CCMRAX | project AppID, FeedURL, UserSID',
    'CCMRAX | summarize count() by AppID',
  ],
});
