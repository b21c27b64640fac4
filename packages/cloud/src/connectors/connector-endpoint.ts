import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import {
  LIMITS, CLOSE_CODES, CONNECTOR_PROTOCOL_VERSION, parseConnectorMessage, describeErrors,
  type CloudMessage, type ConnectorMessage,
} from '@openpivot/protocol';
import { verifyNonce, closeWith, SocketLiveness, type Log } from '@openpivot/server';
import type { CloudStore, ConnectorRecord } from '../store/store.js';
import type { CloudBus } from '../cluster/cloud-bus.js';
import type { Relay } from '../relay/relay.js';

export interface ConnectorEndpointOptions {
  readonly store: CloudStore;
  readonly bus: CloudBus;
  readonly relay: Relay;
  readonly log: Log;
  readonly nodeId: string;
  readonly heartbeatMs: number;
  readonly clock: () => number;
}

/**
 * The connector channel's cloud side (`GET /connector`, upgraded to WebSocket): sites dial in here,
 * the cloud never dials out. A connection starts with a challenge; until the site proves the key it
 * registered when it attached, nothing else is accepted. This node then serves the connector on the
 * bus (queries submitted on any node reach the site through it), records the devices the site syncs,
 * and hands the site's answers to the relay. A bad message closes that connection, never the cloud.
 */
export class ConnectorEndpoint {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxMessageBytes, perMessageDeflate: false });
  private readonly liveness: SocketLiveness;
  /**
   * The sockets of each connector on this node. A site of several nodes dials from each of them with the
   * same connector: all are kept (none replaces another, which would make them take turns forever), and
   * a request goes down the newest open one.
   */
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly serving = new Map<string, () => void>();
  /** Writes of connectors going away, still running: close() waits for them. */
  private readonly pendingWrites = new Set<Promise<void>>();
  /** Connectors whose hold this node has recorded in the store: the ones its lease refresh covers. */
  private readonly recorded = new Set<string>();
  private readonly leaseTimer: NodeJS.Timeout;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly o: ConnectorEndpointOptions) {
    this.wss.on('connection', (socket: WebSocket, req: IncomingMessage) => this.onConnection(socket, req));
    // A site behind a dead link never sends a close: ping, and drop the silent.
    this.liveness = new SocketLiveness(() => this.wss.clients, o.heartbeatMs);
    // The lease: every heartbeat, this node tells the store it still holds its connectors. A node that
    // stops doing so (it crashed) loses them to another node's sweeper after the lease.
    this.leaseTimer = setInterval(() => {
      this.refreshing = this.refreshHolds().catch((e: unknown) =>
        this.o.log('connector.lease-refresh-failed', { error: e instanceof Error ? e.message : String(e) }));
    }, o.heartbeatMs);
    this.leaseTimer.unref();
  }

  /**
   * Refreshes this node's hold on every connector it serves, in one write. A hold found released (another
   * node took this one for dead, say after a long database stall) is taken back; its devices were marked
   * offline then, and the site only sends changes, so its sockets are closed: the site dials again and
   * uploads all its devices.
   */
  async refreshHolds(): Promise<void> {
    const ids = [...this.recorded];
    if (ids.length === 0) return;
    const retaken = await this.o.store.refreshConnectorHolds(this.o.nodeId, ids, this.o.clock());
    if (retaken.length === 0) return;
    this.o.log('connector.lease-retaken', { connectorIds: retaken });
    for (const id of retaken) {
      const sockets = this.sockets.get(id);
      if (sockets) {
        for (const ws of sockets) closeWith(ws, 1012, 'The cloud lost its hold on this site: connect again to sync.');
      } else {
        // Its socket closed while the refresh ran, and the close's write came first: let go again.
        await this.o.store.setConnectorNode(id, null, this.o.clock());
      }
    }
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  /** Connectors served by this node. */
  get connected(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    this.liveness.stop();
    clearInterval(this.leaseTimer);
    await this.refreshing;
    const held = [...this.sockets.keys()];
    for (const ws of this.wss.clients) closeWith(ws, CLOSE_CODES.shuttingDown, 'The cloud is shutting down.');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    for (const stop of this.serving.values()) stop();
    this.serving.clear();
    this.sockets.clear();
    this.recorded.clear();
    // Before the store closes: the sockets' own close handlers' writes, then once more for every connector
    // this node held — whichever runs first, the site shows disconnected and its devices offline.
    await Promise.allSettled([...this.pendingWrites]);
    const at = this.o.clock();
    for (const id of held) await this.disconnected(id, at);
    await this.o.store.releaseConnectorsOfNode(this.o.nodeId, at);
  }

  /** The one write of a connector's going away: no node holds it, its devices are offline. */
  private async disconnected(connectorId: string, at: number): Promise<void> {
    await this.o.store.setConnectorNode(connectorId, null, at);
    await this.o.store.setConnectorDevicesOffline(connectorId, at);
  }

  /** Adds a connector's socket; the first one makes this node serve the connector on the bus. */
  private hold(connectorId: string, socket: WebSocket): void {
    let set = this.sockets.get(connectorId);
    if (!set) this.sockets.set(connectorId, (set = new Set()));
    set.add(socket);
    if (this.serving.has(connectorId)) return;
    this.serving.set(connectorId, this.o.bus.serveConnector(connectorId, (m) => {
      const open = [...(this.sockets.get(connectorId) ?? [])].reverse().find((ws) => ws.readyState === ws.OPEN);
      if (!open) return false;
      open.send(JSON.stringify(m));
      return true;
    }));
  }

  /** Removes a connector's socket; true when it was the last one on this node. */
  private release(connectorId: string, socket: WebSocket): boolean {
    const set = this.sockets.get(connectorId);
    if (!set || !set.delete(socket) || set.size > 0) return false;
    this.sockets.delete(connectorId);
    this.recorded.delete(connectorId);
    this.serving.get(connectorId)?.();
    this.serving.delete(connectorId);
    return true;
  }

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    const remoteAddr = req.socket.remoteAddress ?? '';
    const nonce = randomBytes(32);
    let connector: ConnectorRecord | null = null;
    let queue = Promise.resolve();
    let resetStartedAt: number | null = null;
    this.liveness.watch(socket);
    const authTimer = setTimeout(() => closeWith(socket, CLOSE_CODES.unauthorized, 'No authentication within 10 s.'), 10_000);
    authTimer.unref();

    const send = (m: CloudMessage): boolean => {
      if (socket.readyState !== socket.OPEN) return false;
      socket.send(JSON.stringify(m));
      return true;
    };
    send({ t: 'challenge', v: CONNECTOR_PROTOCOL_VERSION, nonce: nonce.toString('base64') });

    const authenticate = async (m: ConnectorMessage): Promise<void> => {
      if (m.t !== 'auth') return closeWith(socket, CLOSE_CODES.unauthorized, 'Authenticate first.');
      const record = await this.o.store.getConnector(m.connectorId);
      if (!record || !verifyNonce(record.publicKey, nonce, m.signature)) {
        this.o.log('connector.auth-failed', { connectorId: m.connectorId, remoteAddr });
        return closeWith(socket, CLOSE_CODES.unauthorized, 'Unknown connector or bad signature: attach the site again.');
      }
      clearTimeout(authTimer);
      connector = record;
      this.hold(record.id, socket);
      await this.o.store.setConnectorNode(record.id, this.o.nodeId, this.o.clock());
      // Still held (the socket may have closed during the write): the lease refresh covers it from now on.
      if (this.sockets.has(record.id)) this.recorded.add(record.id);
      send({ t: 'welcome', tenantId: record.tenantId, heartbeatMs: this.o.heartbeatMs });
      this.o.log('connector.connected', { connectorId: record.id, tenantId: record.tenantId, siteCode: m.siteCode, siteVersion: m.siteVersion, remoteAddr });
    };

    const handle = async (c: ConnectorRecord, m: ConnectorMessage): Promise<void> => {
      switch (m.t) {
        case 'auth':
          return closeWith(socket, CLOSE_CODES.badMessage, 'Already authenticated.');
        case 'heartbeat':
          return;
        case 'devices': {
          const at = this.o.clock();
          if (m.reset) resetStartedAt = at;
          const reset = m.complete && resetStartedAt !== null ? { resetBefore: resetStartedAt } : {};
          await this.o.store.syncDevices(c.id, { devices: m.devices, removed: m.removed, at, ...reset });
          if (m.complete) resetStartedAt = null;
          return;
        }
        default:
          return this.o.relay.onConnectorMessage(c.id, m);
      }
    };

    socket.on('message', (data: RawData, isBinary: boolean) => {
      this.liveness.heard(socket);
      // One connection's messages are handled in order: a `done` never overtakes its rows.
      queue = queue.then(async () => {
        if (socket.readyState !== socket.OPEN) return;
        if (isBinary) return closeWith(socket, CLOSE_CODES.badMessage, 'Binary frames are not part of the protocol.');
        const parsed = parseConnectorMessage(data.toString());
        if (!parsed.ok) {
          this.o.log('connector.bad-message', { connectorId: connector?.id, remoteAddr, error: describeErrors(parsed.errors) });
          return closeWith(socket, CLOSE_CODES.badMessage, `Bad message: ${describeErrors(parsed.errors)}`);
        }
        if (!connector) return authenticate(parsed.value);
        return handle(connector, parsed.value);
      }).catch((e: unknown) => {
        this.o.log('connector.error', { connectorId: connector?.id, error: e instanceof Error ? e.message : String(e) });
        closeWith(socket, 1011, 'The cloud failed to handle a message.');
      });
    });

    socket.on('close', () => {
      clearTimeout(authTimer);
      const c = connector;
      // While another socket of the connector is open here, the site is still connected through it.
      if (!c || !this.release(c.id, socket)) return;
      const at = this.o.clock();
      const write = this.disconnected(c.id, at)
        .catch((e: unknown) => this.o.log('connector.close-failed', { connectorId: c.id, error: e instanceof Error ? e.message : String(e) }))
        .finally(() => this.pendingWrites.delete(write));
      this.pendingWrites.add(write);
      this.o.log('connector.disconnected', { connectorId: c.id });
    });
    socket.on('error', () => undefined);
  }
}
