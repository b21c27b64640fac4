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
  /** Sites' heartbeat, and how often this node refreshes its hold on the connectors it serves (15 s). */
  readonly heartbeatMs?: number;
  /**
   * A node's hold on a connector lasts this long without a refresh (3 × heartbeatMs): then any other
   * node's sweeper releases it and shows its devices offline (the holder crashed).
   */
  readonly leaseMs?: number;
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
    const sweeper = startSweeper({
      relay, store, log, clock, nodeId, retentionMs: (o.retentionDays ?? 7) * 86_400_000, leaseMs: o.leaseMs ?? 3 * heartbeatMs,
    });
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

interface SweeperOptions {
  readonly relay: Relay;
  readonly store: CloudStore;
  readonly log: Log;
  readonly clock: () => number;
  readonly nodeId: string;
  readonly retentionMs: number;
  readonly leaseMs: number;
}

/**
 * Every few seconds (at least once a lease): end overdue queries (the 10-minute limit) and release the
 * connectors of nodes whose lease ran out; hourly, remove old operations and expired sign-ins.
 */
function startSweeper(o: SweeperOptions): NodeJS.Timeout {
  const { relay, store, log, clock } = o;
  let cleanedAt = -Infinity;
  const timer = setInterval(() => {
    const work = async (): Promise<void> => {
      await relay.expireOverdue();
      // Never this node's own holds: its refresh keeps them, whatever the timing.
      const released = await store.releaseExpiredConnectors(o.nodeId, clock() - o.leaseMs, clock());
      for (const [nodeId, ids] of groupByNode(released)) log('connector.lease-expired', { connectorIds: ids, nodeId });
      if (clock() - cleanedAt >= 3_600_000) {
        cleanedAt = clock();
        const removed = await store.deleteOperationsEndedBefore(clock() - o.retentionMs);
        if (removed > 0) log('cleanup.removed', { operations: removed });
        // Sign-ins abandoned at the identity provider; expired ones are never taken, this only frees the rows.
        const abandoned = await store.deleteExpiredOidcPending(clock());
        if (abandoned > 0) log('cleanup.removed', { oidcSignIns: abandoned });
      }
    };
    work().catch((e: unknown) => log('sweeper.failed', { error: e instanceof Error ? e.message : String(e) }));
  }, Math.min(5_000, o.leaseMs));
  timer.unref();
  return timer;
}

function groupByNode(released: readonly { id: string; nodeId: string }[]): Map<string, string[]> {
  const byNode = new Map<string, string[]>();
  for (const r of released) byNode.set(r.nodeId, [...(byNode.get(r.nodeId) ?? []), r.id]);
  return byNode;
}
