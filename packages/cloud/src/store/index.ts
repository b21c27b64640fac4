/** The cloud's store: one interface over SQLite and PostgreSQL. */
export type * from './store.js';
export { openCloudStore, type OpenCloudStoreOptions } from './open-cloud-store.js';
