/**
 * @openpivot/site — the site server: the agent endpoint, AdminService-shaped REST, the store, RBAC,
 * audit, operations and collections.
 */
export { startSite, type SiteOptions, type RunningSite } from './site.js';
export { createEnrollToken, addUser, AdminCommandError } from './admin-commands.js';
export { openStore, type Store } from './store/index.js';
export { attachToCloud, CloudAttachError, type Attached } from './cloud/attach.js';
export { createLog, type Log } from '@openpivot/server';
