import { mkdir, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ENTITIES, type EntitySpec, type Platform } from '@openpivot/entities';
import type { DeviceFacts } from '@openpivot/protocol';
import type { PathPolicy, Provider } from '../providers/provider.js';
import { currentPlatform, providersFor } from '../providers/registry.js';
import { createPathPolicy } from '../local/path-policy.js';
import { catalogOf } from '../local/run-local.js';
import type { BackoffOptions } from '@openpivot/protocol';
import { openChannel, type AgentHandle } from './connection.js';
import { executeQuery, PlanCache } from './executor.js';
import { deviceName, readDeviceFacts } from './facts.js';
import { IDENTITY_FILE, loadOrCreateIdentity, saveIdentity } from './identity.js';
import { createLogger, type AgentLogger } from './logger.js';

export interface ConnectAgentOptions {
  /** The site's address, `http://host:port` or `https://host` (the agent dials `<siteUrl>/agent`). */
  readonly siteUrl: string;
  /** The enrollment token; only read while this data directory holds no device id. */
  readonly token?: string;
  /** Where the identity is kept (`agent-identity.json`); ~/.openpivot by default. */
  readonly dataDir?: string;
  /** JSON lines to stderr at 'info' by default. */
  readonly log?: AgentLogger;
  /** What FileContent, File and the like may read; the defaults of createPathPolicy otherwise. */
  readonly policy?: PathPolicy;
  readonly platform?: Platform;
  readonly entities?: readonly EntitySpec[];
  /** The platform's providers by default. */
  readonly providers?: readonly Provider[];
  /** The device name on every row (the short host name by default). */
  readonly device?: string;
  /** This machine's facts by default (os-release, addresses), read before each connection. */
  readonly facts?: () => DeviceFacts | Promise<DeviceFacts>;
  readonly backoff?: BackoffOptions;
  readonly maxConcurrentQueries?: number;
  readonly maxRetainedOperations?: number;
  readonly handshakeTimeoutMs?: number;
  readonly stableMs?: number;
}

export const DEFAULT_DATA_DIR = join(homedir(), '.openpivot');

/**
 * Starts the agent of this device (`openpivot agent --site URL --token T [--data DIR]`): loads or makes its
 * identity, then dials the site and keeps dialling until close(). Rejects before dialling when the
 * identity cannot be read or made, the URL is not http(s), or an unenrolled agent has no token.
 */
export async function connectAgent(o: ConnectAgentOptions): Promise<AgentHandle> {
  const log = o.log ?? createLogger({ fields: { component: 'agent' } });
  // The site closes the socket on a token the protocol cannot carry; say so now instead of retrying forever.
  if (o.token !== undefined && (o.token.length < 1 || o.token.length > 256)) throw new Error('token: expected 1 to 256 characters');
  const dataDir = resolve(o.dataDir ?? DEFAULT_DATA_DIR);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const realDataDir = await realpath(dataDir);
  const identity = await loadOrCreateIdentity(dataDir, o.siteUrl);
  if (identity.deviceId === undefined && !o.token) {
    throw new Error(`token: this agent is not enrolled with ${o.siteUrl} yet (no device id in ${join(dataDir, IDENTITY_FILE)}); pass an enrollment token`);
  }
  if (identity.deviceId !== undefined && o.token) log.info('already enrolled: the token is not used', { deviceId: identity.deviceId });
  const platform = o.platform ?? currentPlatform(process.platform);
  const entities = o.entities ?? ENTITIES;
  const device = o.device ?? deviceName();
  const env = {
    plans: new PlanCache(catalogOf(entities), 16),
    entities,
    providers: o.providers ?? providersFor(platform),
    policy: guardIdentity(o.policy ?? createPathPolicy({}, homedir()), [dataDir, realDataDir]),
    device,
  };
  log.info('agent starting', { site: o.siteUrl, device, platform, deviceId: identity.deviceId, dataDir });
  return openChannel({
    siteUrl: o.siteUrl,
    identity,
    ...(identity.deviceId === undefined && o.token ? { token: o.token } : {}),
    facts: o.facts ?? (() => readDeviceFacts(platform, device)),
    run: (q, signal) => executeQuery(q, env, signal),
    onEnrolled: (deviceId) => saveIdentity(dataDir, { ...identity, deviceId }),
    log,
    ...(o.backoff ? { backoff: o.backoff } : {}),
    ...(o.maxConcurrentQueries ? { maxConcurrentQueries: o.maxConcurrentQueries } : {}),
    ...(o.maxRetainedOperations ? { maxRetainedOperations: o.maxRetainedOperations } : {}),
    ...(o.handshakeTimeoutMs ? { handshakeTimeoutMs: o.handshakeTimeoutMs } : {}),
    ...(o.stableMs !== undefined ? { stableMs: o.stableMs } : {}),
  });
}

/**
 * The agent's own key must never come back as a query result (`FileContent('…/agent-identity.json')`),
 * whatever policy file the owner wrote: the identity files in the data directory are always refused.
 */
export function guardIdentity(policy: PathPolicy, dataDirs: readonly string[]): PathPolicy {
  const prefixes = dataDirs.map((d) => `${d.replace(/\/+$/, '')}/`);
  const isKeyFile = (path: string): boolean => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return prefixes.some((p) => path.startsWith(p)) && /identit/i.test(name);
  };
  return { allows: (path) => !isKeyFile(path) && policy.allows(path) };
}
