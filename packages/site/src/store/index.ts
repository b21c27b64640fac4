/** The site's store: one interface over SQLite and PostgreSQL. */
export type * from './store.js';
export { openStore, type OpenStoreOptions } from './open-store.js';
export { auditHash, verifyAuditChain, canonicalJson, GENESIS_HASH } from './audit-chain.js';
export { StoreError } from '@openpivot/server';
