export type { Provider, ProviderContext, ProviderRow, Constraint, PathPolicy } from './providers/provider.js';
export { ProviderError, badArgument } from './providers/provider.js';
export { providersFor, currentPlatform } from './providers/registry.js';
export { createPathPolicy, DEFAULT_DENIED, type PolicyFile } from './local/path-policy.js';
export { runOnThisDevice, runLocalPlan, catalogOf, DEFAULT_TIME_LIMIT_MS, DEFAULT_MAX_BYTES, type LocalOptions, type LocalResult } from './local/run-local.js';
