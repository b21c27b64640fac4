import { defineEntity } from '../define-entity.js';

export const SoftwareUpdate = defineEntity({
  name: 'SoftwareUpdate',
  description:
    "Software updates applicable to the device but not installed, from the Windows Update Agent (search: DeploymentAction=* and IsInstalled=0 and Type='Software').",
  platforms: ['windows'],
  permission: 'ordinary',
  columns: [
    { name: 'Title', type: 'string', doc: 'The title of the update.' },
    { name: 'RebootRequired', type: 'bool', doc: 'True when installing it needs a restart.' },
    { name: 'LastDeploymentChangeTime', type: 'datetime', doc: 'When the update was last published or changed (UTC).' },
    { name: 'UpdateID', type: 'string', doc: 'The update id (a GUID).' },
    { name: 'KBArticleIDs', type: 'string', doc: "The KB articles, comma-joined ('KB5034441,KB5034439')." },
    { name: 'SecurityBulletinIDs', type: 'string', doc: "The security bulletins, comma-joined ('' for most current updates)." },
    { name: 'Categories', type: 'string', doc: "The update's categories, comma-joined ('Security Updates,Windows 11')." },
  ],
  examples: [
    "SoftwareUpdate | where Categories contains 'Security' | project Title, KBArticleIDs",
    'SoftwareUpdate | summarize count() by Title | order by count_ desc',
  ],
});
