/**
 * @openpivot/protocol — the contracts between the pieces: agent↔site messages, REST bodies, limits,
 * permissions, built-in roles and user-facing messages. Pure (no Node built-ins): runs in the browser too.
 */
export * from './permissions.js';
export * from './messages.js';
export * from './limits.js';
export * from './validate.js';
export * from './agent-messages.js';
export * from './rest.js';
export * from './cloud-messages.js';
export * from './cloud-roles.js';
export * from './odata-path.js';
export * from './backoff.js';
export * from './cloud-rest.js';
export * from './diagnostic-details.js';
