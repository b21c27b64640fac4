import { ENTITIES } from '@openpivot/entities';
import type { BackoffOptions } from '@openpivot/protocol';
import { DEFAULT_WS_OPTIONS, openChannel, type AgentHandle } from '../channel/connection.js';
import { executeQuery, PlanCache, type QueryEnvironment } from '../channel/executor.js';
import { agentEndpoint } from '../channel/identity.js';
import { atLeast, createLogger, errorMessage, type AgentLogger, type LogLevel } from '../channel/logger.js';
import { createPathPolicy } from '../local/path-policy.js';
import { catalogOf } from '../local/run-local.js';
import { FleetIdentities } from './fleet-identities.js';
import { simulatedDevice, simulatedFacts } from './synthetic-device.js';
import { syntheticProviders } from './synthetic-providers.js';

export interface SimulateOptions {
  /** How many virtual devices (SIM-00001…). */
  readonly count: number;
  readonly siteUrl: string;
  /** An enrollment token with at least `count` uses; not needed when every device is already enrolled. */
  readonly token?: string;
  /** Where `simulated-identities.json` is kept; in memory only when left out. */
  readonly dataDir?: string;
  /** The same seed gives the same devices (1 by default). */
  readonly seed?: number;
  /** Fleet events at 'info'; each device's own lines go here too, from `deviceLogLevel` up. */
  readonly log?: AgentLogger;
  /** 'error' by default: ten thousand devices each saying "disconnected" when the site restarts would drown everything else. */
  readonly deviceLogLevel?: LogLevel;
  /** New connections started per second (200 by default), so the site is not hit by all handshakes at once. */
  readonly connectRate?: number;
  /** 'SIM-' by default. */
  readonly namePrefix?: string;
  /** How often the fleet logs how many devices are connected, when that changed (10 s by default). */
  readonly statusEveryMs?: number;
  /** Reconnect delays; by default 1 s doubling to 60 s, so a site restart is not met by a stampede. */
  readonly backoff?: BackoffOptions;
  readonly maxConcurrentQueries?: number;
}

export interface SimulatedFleet {
  /** Devices connected and welcomed right now. */
  connected(): number;
  /** Devices the site refused (token used up or expired): they have stopped. */
  refused(): number;
  /**
   * Resolves once at least `n` devices (all by default) are connected at the same time; rejects after
   * `timeoutMs` (60 s by default), or as soon as too many were refused for `n` to be reached.
   */
  ready(n?: number, timeoutMs?: number): Promise<void>;
  /** Disconnects every device and saves the identities. */
  close(): Promise<void>;
}

interface Waiter {
  readonly n: number;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Runs `count` virtual devices in this process, each with its own key, identity and WebSocket, speaking
 * the same protocol through the same channel code as a real agent, and answering queries from synthetic
 * entity data. Rejects at once for bad options or an unreadable identities file.
 */
export async function simulateAgents(o: SimulateOptions): Promise<SimulatedFleet> {
  if (!Number.isInteger(o.count) || o.count < 1 || o.count > 1_000_000) throw new Error(`count: expected a whole number from 1 to 1000000, got ${o.count}`);
  const rate = o.connectRate ?? 200;
  if (!(rate > 0)) throw new Error(`connectRate: expected a positive number of connections per second, got ${rate}`);
  agentEndpoint(o.siteUrl); // throws naming a bad URL before anything starts
  const seed = o.seed ?? 1;
  const log = o.log ?? createLogger({ fields: { component: 'simulator' } });
  const deviceLog = atLeast(log, o.deviceLogLevel ?? 'error');
  const identities = await FleetIdentities.open(o.dataDir, o.siteUrl, seed, log);
  const unenrolled = countUnenrolled(identities, o.count);
  if (unenrolled > 0 && !o.token) throw new Error(`token: ${unenrolled} of the ${o.count} simulated devices are not enrolled yet; pass a token with at least ${unenrolled} uses`);

  // Shared by every device: one catalog, one plan cache, one policy, one WebSocket options object.
  const plans = new PlanCache(catalogOf(ENTITIES), 64);
  const policy = createPathPolicy();
  const backoff = o.backoff ?? { baseMs: 1_000, capMs: 60_000 };
  const handles: AgentHandle[] = [];
  const up = new Uint8Array(o.count);
  let connected = 0;
  let refused = 0;
  let closing = false;
  const waiters = new Set<Waiter>();

  const settle = (): void => {
    for (const w of waiters) {
      if (connected >= w.n) w.resolve();
      else if (o.count - refused < w.n) w.reject(new Error(`${refused} simulated devices were refused enrollment (is the token used up or expired? it needs ${o.count} uses): at most ${o.count - refused} can connect, not ${w.n}`));
      else continue;
      clearTimeout(w.timer);
      waiters.delete(w);
    }
  };

  const start = (index: number): void => {
    const device = simulatedDevice(seed, index, o.namePrefix);
    const identity = identities.get(index);
    let handle: AgentHandle;
    try {
      handle = openChannel({
        siteUrl: o.siteUrl,
        identity,
        ...(identity.deviceId === undefined && o.token ? { token: o.token } : {}),
        facts: () => simulatedFacts(device),
        // Providers are made per query: between queries a device holds no entity data at all.
        run: (q, signal) => executeQuery(q, { plans, entities: ENTITIES, providers: syntheticProviders(device), policy, device: device.name } satisfies QueryEnvironment, signal),
        onEnrolled: (deviceId) => identities.setDeviceId(index, deviceId),
        log: deviceLog.child({ device: device.name }),
        backoff,
        ws: DEFAULT_WS_OPTIONS,
        maxConcurrentQueries: o.maxConcurrentQueries ?? 2,
        maxRetainedOperations: 16,
      });
    } catch (e) {
      log.error('cannot start a simulated device', { device: device.name, error: errorMessage(e) });
      return;
    }
    handle.on('welcome', () => {
      if (!up[index - 1]) { up[index - 1] = 1; connected++; }
      if (connected === o.count) log.info('all simulated devices are connected', { count: o.count });
      settle();
    });
    handle.on('disconnect', () => {
      if (up[index - 1]) { up[index - 1] = 0; connected--; }
    });
    handle.on('rejected', () => {
      refused++;
      settle();
    });
    handles.push(handle);
  };

  // Starts devices at `rate` a second, in small batches so the timer does not fire a thousand times a second.
  log.info('simulated fleet starting', { count: o.count, site: o.siteUrl, seed, connectRate: rate });
  const began = performance.now();
  let next = 1;
  let starter: NodeJS.Timeout | null = null;
  const startDue = (): void => {
    starter = null;
    const due = Math.min(o.count, Math.floor(((performance.now() - began) * rate) / 1000) + 1);
    while (!closing && next <= due) start(next++);
    if (!closing && next <= o.count) starter = setTimeout(startDue, Math.max(10, Math.ceil(1000 / rate)));
  };
  startDue();
  // One line now and then instead of one per device: "9,800 of 10,000 connected".
  let reported = -1;
  const status = setInterval(() => {
    if (connected === reported) return;
    reported = connected;
    log.info('simulated fleet status', { connected, count: o.count, refused });
  }, o.statusEveryMs ?? 10_000);
  status.unref();

  return {
    connected: () => connected,
    refused: () => refused,
    ready(n = o.count, timeoutMs = 60_000): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`only ${connected} of ${n} simulated devices connected within ${timeoutMs} ms (${refused} refused)`));
        }, timeoutMs);
        const waiter: Waiter = { n: Math.min(n, o.count), resolve, reject, timer };
        waiters.add(waiter);
        settle();
      });
    },
    async close(): Promise<void> {
      closing = true;
      if (starter) clearTimeout(starter);
      clearInterval(status);
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error('the simulated fleet was closed'));
      }
      waiters.clear();
      await Promise.all(handles.map((h) => h.close().catch(() => undefined)));
      await identities.flush();
      log.info('simulated fleet stopped', { count: o.count });
    },
  };
}

function countUnenrolled(identities: FleetIdentities, count: number): number {
  let n = 0;
  for (let i = 1; i <= count; i++) if (identities.deviceIdOf(i) === undefined) n++;
  return n;
}
