import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { LIMITS, CLOSE_CODES, PROTOCOL_VERSION, parseAgentMessage, describeErrors, type AgentMessage, type SiteMessage } from '@openpivot/protocol';
import type { Store, DeviceRecord } from '../store/index.js';
import type { Auditor } from '../audit.js';
import { sha256Hex, verifyNonce, closeWith, SocketLiveness, type Log } from '@openpivot/server';
import { ProtocolViolation, type OperationService } from '../operations/operation-service.js';
import type { AgentHub, AgentConnection } from './agent-hub.js';
import { HeartbeatBatcher } from './heartbeat-batcher.js';

export interface AgentEndpointOptions {
  readonly store: Store;
  readonly hub: AgentHub;
  readonly operations: OperationService;
  readonly auditor: Auditor;
  readonly log: Log;
  readonly siteId: string;
  readonly nodeId: string;
  readonly heartbeatMs: number;
  readonly clock?: () => number;
}

/**
 * The agent channel's server side (`GET /agent`, upgraded to WebSocket). Each connection starts with a
 * challenge; until the agent proves its key (or enrolls with a one-time token) nothing else is
 * accepted. A message that breaks the schema closes that connection with the reason — never the site.
 */
export class AgentEndpoint {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxMessageBytes, perMessageDeflate: false });
  private readonly heartbeats: HeartbeatBatcher;
  private readonly liveness: SocketLiveness;
  private readonly clock: () => number;

  constructor(private readonly o: AgentEndpointOptions) {
    this.clock = o.clock ?? Date.now;
    this.heartbeats = new HeartbeatBatcher(o.store, this.clock, o.log);
    this.wss.on('connection', (socket: WebSocket, req: IncomingMessage) => this.onConnection(socket, req));
    // Dead peers (a cable pulled, a VM paused) never send a close: ping them, drop the silent ones.
    this.liveness = new SocketLiveness(() => this.wss.clients, o.heartbeatMs);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  get connections(): number {
    return this.wss.clients.size;
  }

  async close(): Promise<void> {
    this.liveness.stop();
    this.heartbeats.stop();
    for (const ws of this.wss.clients) closeWith(ws, CLOSE_CODES.shuttingDown, 'The site is shutting down.');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.heartbeats.flush();
  }

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    const remoteAddr = req.socket.remoteAddress ?? '';
    const nonce = randomBytes(32);
    let conn: AgentConnection | null = null;
    let offBus: (() => void) | null = null;
    let queue = Promise.resolve();
    this.liveness.watch(socket);
    const authTimer = setTimeout(() => closeWith(socket, CLOSE_CODES.unauthorized, 'No authentication within 10 s.'), 10_000);
    authTimer.unref();

    const send = (m: SiteMessage): void => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
    };
    send({ t: 'challenge', v: PROTOCOL_VERSION, nonce: nonce.toString('base64'), siteId: this.o.siteId });

    socket.on('message', (data: RawData, isBinary: boolean) => {
      this.liveness.heard(socket);
      // Messages of one connection are handled in order: a done never overtakes its chunks.
      queue = queue.then(async () => {
        if (socket.readyState !== socket.OPEN) return;
        if (isBinary) return closeWith(socket, CLOSE_CODES.badMessage, 'Binary frames are not part of the protocol.');
        const parsed = parseAgentMessage(data.toString());
        if (!parsed.ok) {
          this.o.log('agent.bad-message', { deviceId: conn?.deviceId, remoteAddr, error: describeErrors(parsed.errors) });
          return closeWith(socket, CLOSE_CODES.badMessage, `Bad message: ${describeErrors(parsed.errors)}`);
        }
        const m = parsed.value;
        if (!conn) {
          conn = await this.authenticate(socket, m, nonce, remoteAddr);
          if (!conn) return;
          clearTimeout(authTimer);
          const replaced = this.o.hub.add(conn);
          if (replaced) closeWith(replaced.socket, CLOSE_CODES.replaced, 'The device connected again.');
          await this.o.store.markConnected(conn.deviceId, (m as Extract<AgentMessage, { facts: unknown }>).facts, this.o.nodeId, this.clock());
          send({ t: 'welcome', deviceId: conn.deviceId, heartbeatMs: this.o.heartbeatMs });
          this.o.log('agent.connected', { deviceId: conn.deviceId, name: conn.name, remoteAddr });
          offBus = await this.o.operations.agentConnected(conn.deviceId);
          return;
        }
        await this.onMessage(conn, m, send);
      }).catch((e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        if (e instanceof ProtocolViolation) {
          this.o.log('agent.protocol-violation', { deviceId: conn?.deviceId, error: message });
          closeWith(socket, CLOSE_CODES.badMessage, message);
        } else {
          this.o.log('agent.error', { deviceId: conn?.deviceId, error: message });
          closeWith(socket, 1011, 'The site could not handle the message; it will be retried.');
        }
      });
    });

    socket.on('close', () => {
      clearTimeout(authTimer);
      if (!conn) return;
      const c = conn;
      if (!this.o.hub.remove(c)) return; // replaced by a newer connection of the same device
      offBus?.();
      this.o.operations.agentDisconnected(c.deviceId);
      this.o.store.markDisconnected(c.deviceId, this.o.nodeId, this.clock()).catch((e: unknown) => this.o.log('agent.store-failed', { error: String(e) }));
      this.o.log('agent.disconnected', { deviceId: c.deviceId });
    });
    socket.on('error', (e) => this.o.log('agent.socket-error', { deviceId: conn?.deviceId, error: e.message }));
  }

  private async authenticate(socket: WebSocket, m: AgentMessage, nonce: Buffer, remoteAddr: string): Promise<AgentConnection | null> {
    const refuse = (reason: string, name: string | null): null => {
      this.o.auditor.recordQuietly('auth-failure', { userName: name, source: 'api', remoteAddr }, { target: 'agent', outcome: reason });
      closeWith(socket, CLOSE_CODES.unauthorized, reason);
      return null;
    };
    if (m.t === 'enroll') {
      if (!verifyNonce(m.publicKey, nonce, m.signature)) return refuse('The enrollment signature does not match the public key.', m.facts.name);
      // The agent proved it holds this key. If the key is enrolled already, its welcome was lost on the
      // way: it is that device again, and the token is not spent twice.
      const known = await this.o.store.getDeviceByPublicKey(m.publicKey);
      if (known) return this.connection(known, socket, remoteAddr, m.facts.name);
      const device = await this.o.store.enrollDevice(sha256Hex(m.token), { publicKey: m.publicKey, facts: m.facts, at: this.clock() });
      if (!device) return refuse('The enrollment token is not valid: unknown, used up or expired.', m.facts.name);
      this.o.auditor.recordQuietly('admin', { userName: null, source: 'api', remoteAddr }, { target: `Device(${device.id})`, outcome: 'enrolled', details: { name: device.name } });
      return this.connection(device, socket, remoteAddr, m.facts.name);
    }
    if (m.t === 'auth') {
      const device = await this.o.store.getDevice(m.deviceId);
      if (!device || !verifyNonce(device.publicKey, nonce, m.signature)) return refuse('The device is unknown or its signature is not valid.', m.facts.name);
      return this.connection(device, socket, remoteAddr, m.facts.name);
    }
    closeWith(socket, CLOSE_CODES.unauthorized, 'Authenticate first (enroll or auth).');
    return null;
  }

  private connection(device: DeviceRecord, socket: WebSocket, remoteAddr: string, name: string): AgentConnection {
    return { deviceId: device.id, name, socket, remoteAddr };
  }

  private async onMessage(conn: AgentConnection, m: AgentMessage, send: (m: SiteMessage) => void): Promise<void> {
    switch (m.t) {
      case 'heartbeat':
        this.heartbeats.touch(conn.deviceId);
        return;
      case 'chunk':
        await this.o.operations.onChunk(conn.deviceId, m);
        return send({ t: 'ack', opId: m.opId, seq: m.seq });
      case 'done':
        await this.o.operations.onDone(conn.deviceId, m);
        return send({ t: 'ack', opId: m.opId, seq: m.seq });
      case 'enroll': case 'auth':
        throw new ProtocolViolation('Already authenticated.');
    }
  }
}
