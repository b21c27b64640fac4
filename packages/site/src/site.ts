import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { BUILT_IN_ROLES, ALL_SYSTEMS, LIMITS } from '@openpivot/protocol';
import { openStore, type Store } from './store/index.js';
import { Authenticator } from './auth/authenticate.js';
import { Auditor } from './audit.js';
import { LocalBus, type Bus } from './cluster/bus.js';
import { NatsBus } from './cluster/nats-bus.js';
import { AgentHub } from './agents/agent-hub.js';
import { AgentEndpoint } from './agents/agent-endpoint.js';
import { OperationService } from './operations/operation-service.js';
import { createApp } from './rest/app.js';
import { createLog, hashPassword, newPassword, serveWebApp, type Log } from '@openpivot/server';
import { startCleanup } from './cleanup.js';
import { loadCloudCredential } from './cloud/attach.js';
import { startCloudConnector, type CloudConnector } from './cloud/connector.js';

export interface SiteOptions {
  /** SQLite data directory (default ./.openpivot/site); ignored with `databaseUrl`. */
  readonly dataDir?: string;
  /** postgres://… to keep the site's data in PostgreSQL. */
  readonly databaseUrl?: string;
  /** nats://… to run several site nodes on one database. */
  readonly natsUrl?: string;
  readonly port?: number;
  readonly host?: string;
  /** Names this node in the store; stable across restarts so its devices are set offline on start. */
  readonly nodeId?: string;
  readonly log?: Log;
  readonly adminPassword?: string;
  readonly retentionDays?: number;
  readonly operationTimeoutMs?: number;
  readonly heartbeatMs?: number;
  readonly disconnectGraceMs?: number;
  readonly deviceTimeLimitMs?: number;
  /** PEM key and certificate: the REST API and the agent channel are then served over TLS (https, wss). */
  readonly tls?: { readonly key: Buffer; readonly cert: Buffer };
  /** The built web app (dist/web), served at /console/ as the site console. */
  readonly webRoot?: string;
  /** Reconnect delays of the cloud connector (tests shorten them); 0.5 s up to 60 s by default. */
  readonly cloudBackoff?: { readonly baseMs: number; readonly capMs: number };
}

export interface RunningSite {
  readonly url: string;
  readonly port: number;
  readonly nodeId: string;
  readonly siteId: string;
  readonly store: Store;
  /** Set only on the very first start when the password was generated: print it once. */
  readonly initialAdminPassword: string | null;
  readonly agentsConnected: () => number;
  /** Attached to a cloud and welcomed by it now (false when the site is not attached). */
  readonly cloudConnected: () => boolean;
  close(): Promise<void>;
}

export async function startSite(o: SiteOptions = {}): Promise<RunningSite> {
  const log = o.log ?? createLog(process.stderr);
  const store = await openStore({ dataDir: o.dataDir ?? '.openpivot/site', ...(o.databaseUrl ? { databaseUrl: o.databaseUrl } : {}) });
  const clock = Date.now;
  try {
    const siteId = await store.initSetting('site.id', randomUUID());
    const port = o.port ?? 8080;
    const nodeId = o.nodeId ?? `${hostname()}:${port}`;
    await store.ensureRoles(BUILT_IN_ROLES);
    await store.ensureBuiltInCollections(clock());
    const initialAdminPassword = await ensureAdmin(store, o.adminPassword ?? process.env.OPENPIVOT_ADMIN_PASSWORD, clock());
    await store.markNodeOffline(nodeId, clock());

    const bus: Bus = o.natsUrl ? await NatsBus.connect(o.natsUrl, siteId, log) : new LocalBus();
    const hub = new AgentHub();
    const auditor = new Auditor(store, log, clock);
    const operations = new OperationService(store, bus, hub, auditor, log, {
      deviceTimeLimitMs: o.deviceTimeLimitMs ?? LIMITS.deviceTimeLimitMs,
      deviceMaxBytes: LIMITS.deviceMaxResultBytes,
      disconnectGraceMs: o.disconnectGraceMs ?? 15_000,
    }, nodeId, clock);
    const heartbeatMs = o.heartbeatMs ?? LIMITS.heartbeatMs;
    const endpoint = new AgentEndpoint({ store, hub, operations, auditor, log, siteId, nodeId, heartbeatMs, clock });
    const app = createApp({
      store, auth: new Authenticator(store, clock), auditor, operations, bus, hub, log, clock, nodeId,
      settings: { operationTimeoutMs: o.operationTimeoutMs ?? LIMITS.operationTimeoutMs, staleAfterMs: 3 * heartbeatMs + 5_000 },
    }, o.tls);
    await serveWebApp(app, { root: o.webRoot, prefix: '/console/' });
    app.server.on('upgrade', (req, socket, head) => {
      if ((req.url ?? '').split('?')[0] === '/agent') endpoint.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    await app.listen({ port, host: o.host ?? '0.0.0.0' });
    const actualPort = (app.server.address() as AddressInfo).port;
    const resumed = await operations.resume();
    const cleanup = startCleanup(store, log, (o.retentionDays ?? LIMITS.retentionDays) * 86_400_000, clock);
    // Attached (`openpivot site attach`): keep one outbound connection to the cloud.
    const credential = await loadCloudCredential(store);
    const connector: CloudConnector | null = credential
      ? startCloudConnector({
        store, bus, operations, auditor, log, clock, credential,
        settings: { staleAfterMs: 3 * heartbeatMs + 5_000 },
        ...(o.cloudBackoff ? { backoff: o.cloudBackoff } : {}),
      })
      : null;
    log('site.started', { port: actualPort, tls: o.tls !== undefined, nodeId, siteId, database: store.dialect, nats: o.natsUrl ? true : false, resumedOperations: resumed, cloud: credential ? credential.url : null });

    let closed = false;
    return {
      url: `${o.tls ? 'https' : 'http'}://127.0.0.1:${actualPort}`, port: actualPort, nodeId, siteId, store, initialAdminPassword,
      agentsConnected: () => hub.size,
      cloudConnected: () => connector?.connected() ?? false,
      async close() {
        if (closed) return;
        closed = true;
        cleanup.stop();
        await connector?.close();
        await operations.close();
        await endpoint.close();
        await app.close();
        await bus.close();
        await store.close();
        log('site.stopped', { nodeId });
      },
    };
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
}

/** First start: user "admin", Full Administrator on All Systems. Returns the password if generated. */
async function ensureAdmin(store: Store, password: string | undefined, at: number): Promise<string | null> {
  if (await store.getUserByName('admin')) return null;
  const chosen = password && password.length > 0 ? password : newPassword();
  try {
    const user = await store.createUser({ name: 'admin', passwordHash: await hashPassword(chosen), at });
    const role = await store.getRoleByName('Full Administrator');
    await store.assignRole({ userId: user.id, roleId: role!.id, collectionId: ALL_SYSTEMS.id });
  } catch (e) {
    // Another node created it at the same moment: theirs stands.
    if (await store.getUserByName('admin')) return null;
    throw e;
  }
  return password ? null : chosen;
}
