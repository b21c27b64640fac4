/**
 * @openpivot/cloud — the cloud service of tenant attach: tenants, cloud users and roles, the devices
 * each attached site syncs, the connector endpoint sites dial, the query relay and the admin API.
 */
export type * from './store/store.js';
export { openCloudStore } from './store/index.js';
export { startCloud, type CloudOptions, type RunningCloud } from './cloud.js';
export { addTenant, addCloudUser, newAttachCode, CloudCommandError } from './admin-commands.js';
