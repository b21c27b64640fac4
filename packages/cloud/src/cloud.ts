import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { createLog, serveWebApp, type Log } from '@openpivot/server';
import { openCloudStore } from './store/index.js';
import type { CloudStore } from './store/store.js';
import { LocalCloudBus, type CloudBus } from './cluster/cloud-bus.js';
import { NatsCloudBus } from './cluster/nats-cloud-bus.js';
import { CloudAuthenticator } from './auth/cloud-auth.js';
import { OidcSignIn, type OidcOptions } from './auth/oidc.js';
import { CloudAuditor } from './audit.js';
import { Relay } from './relay/relay.js';
import { ConnectorEndpoint } from './connectors/connector-endpoint.js';
import { createCloudApp } from './rest/app.js';

export interface CloudOptions {
  /** SQLite data directory (default ./.openpivot/cloud); ignored with `databaseUrl`. */
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  /** nats://… to run several cloud nodes on one database. */
  readonly natsUrl?: string;
  readonly port?: number;
  readonly host?: string;
  readonly nodeId?: string;
  readonly log?: Log;
  /** The admin center's limits: 10 minutes per query, 5 MB of result. */
  readonly queryTimeoutMs?: number;
  readonly resultLimitBytes?: number;
  readonly heartbeatMs?: number;
  readonly retentionDays?: number;
  /** The built web app (dist/web), served at / as the admin center. */
  readonly webRoot?: string;
  /** The cloud's address as browsers reach it (default http://127.0.0.1:PORT): the OpenID Connect callback is under it. */
  readonly publicUrl?: string;
  /** OpenID Connect sign-in, besides passwords; the redirect URI defaults to `${publicUrl}/auth/oidc/callback`. */
  readonly oidc?: OidcOptions;
}

export interface RunningCloud {
  readonly url: string;
  readonly port: number;
  readonly nodeId: string;
  readonly store: CloudStore;
  /** Every route of the API (method, URL pattern). */
  readonly routes: readonly { readonly method: string; readonly url: string }[];
  /** Site connectors whose socket this node holds. */
  readonly connectorsConnected: () => number;
  close(): Promise<void>;
}

export async function startCloud(o: CloudOptions = {}): Promise<RunningCloud> {
  const log = o.log ?? createLog(process.stderr);
  const store = await openCloudStore({ dataDir: o.dataDir ?? '.openpivot/cloud', ...(o.databaseUrl ? { databaseUrl: o.databaseUrl } : {}) });
  const clock = Date.now;
  try {
    const port = o.port ?? 8090;
    const nodeId = o.nodeId ?? `${hostname()}:${port}`;
    // A restarted node held no socket any more: its connectors' devices show offline until they return.
    await store.releaseConnectorsOfNode(nodeId, clock());
    const bus: CloudBus = o.natsUrl ? await NatsCloudBus.connect(o.natsUrl, nodeId, log) : new LocalCloudBus();
    const auditor = new CloudAuditor(store, log, clock);
    const relay = new Relay(store, bus, auditor, log, {
      timeoutMs: o.queryTimeoutMs ?? 10 * 60_000, resultLimitBytes: o.resultLimitBytes ?? 5 * 1024 * 1024, verdictTimeoutMs: 15_000,
    }, clock);
    const heartbeatMs = o.heartbeatMs ?? 15_000;
    const endpoint = new ConnectorEndpoint({ store, bus, relay, log, nodeId, heartbeatMs, clock });
    let publicUrl = o.publicUrl?.replace(/\/+$/, '') ?? '';
    const oidc = o.oidc ? new OidcSignIn(o.oidc, () => o.oidc?.redirectUri ?? `${publicUrl}/auth/oidc/callback`, store, log, clock) : undefined;
    const app = createCloudApp({
      store, auth: new CloudAuthenticator(store, clock), auditor, relay, bus, log, clock,
      settings: { sessionMs: 12 * 3_600_000, attachCodeMs: 86_400_000 }, ...(oidc ? { oidc } : {}),
    });
    await serveWebApp(app, { root: o.webRoot, prefix: '/' });
    app.server.on('upgrade', (req, socket, head) => {
      if ((req.url ?? '').split('?')[0] === '/connector') endpoint.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    await app.listen({ port, host: o.host ?? '0.0.0.0' });
    const actualPort = (app.server.address() as AddressInfo).port;
    publicUrl ||= `http://127.0.0.1:${actualPort}`;
    // An issuer that is down does not stop the cloud: sign-in says so, and discovery is tried again.
    oidc?.prepare();
    const sweeper = startSweeper(relay, store, log, (o.retentionDays ?? 7) * 86_400_000, clock);
    log('cloud.started', { port: actualPort, nodeId, database: store.dialect, nats: o.natsUrl !== undefined });

    let closed = false;
    return {
      url: `http://127.0.0.1:${actualPort}`, port: actualPort, nodeId, store, routes: app.routeList,
      connectorsConnected: () => endpoint.connected,
      async close() {
        if (closed) return;
        closed = true;
        clearInterval(sweeper);
        await endpoint.close();
        await app.close();
        await bus.close();
        await store.close();
        log('cloud.stopped', { nodeId });
      },
    };
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
}

/** Every few seconds: end overdue queries (the 10-minute limit); hourly, remove old operations and expired sign-ins. */
function startSweeper(relay: Relay, store: CloudStore, log: Log, retentionMs: number, clock: () => number): NodeJS.Timeout {
  let ticks = 0;
  const timer = setInterval(() => {
    const work = async (): Promise<void> => {
      await relay.expireOverdue();
      if (ticks++ % 720 === 0) {
        const removed = await store.deleteOperationsEndedBefore(clock() - retentionMs);
        if (removed > 0) log('cleanup.removed', { operations: removed });
        // Sign-ins abandoned at the identity provider; expired ones are never taken, this only frees the rows.
        const abandoned = await store.deleteExpiredOidcPending(clock());
        if (abandoned > 0) log('cleanup.removed', { oidcSignIns: abandoned });
      }
    };
    work().catch((e: unknown) => log('sweeper.failed', { error: e instanceof Error ? e.message : String(e) }));
  }, 5_000);
  timer.unref();
  return timer;
}
