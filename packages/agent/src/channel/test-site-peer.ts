import { createPublicKey, randomBytes, verify } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_CODES, PROTOCOL_VERSION, describeErrors, parseAgentMessage, type AgentMessage, type ChunkMessage, type DeviceFacts, type DoneMessage } from '@openpivot/protocol';

/**
 * A small site for the agent's tests: the site's half of agent-messages.ts (challenge, enroll with counted
 * tokens, auth with signatures checked by node:crypto, acks) over a real WebSocket server, and nothing else.
 * Tests only; the real site lives in packages/site.
 */
export interface PeerOptions {
  readonly heartbeatMs?: number;
  /** Enrollment tokens and how many devices each may enroll. */
  readonly tokens?: Readonly<Record<string, number>>;
  /** Acknowledge every chunk and done as it arrives (true by default). */
  readonly autoAck?: boolean;
  /** Answer the agent's pings (true by default); false plays a site that hangs after the handshake. */
  readonly pong?: boolean;
}

export interface Enrolled {
  readonly publicKey: string;
  facts: DeviceFacts;
}

export class TestSitePeer {
  readonly devices = new Map<number, Enrolled>();
  readonly sessions = new Set<PeerSession>();
  /** Every handshake, in order: how each connection proved itself. */
  readonly handshakes: { kind: 'enroll' | 'auth' | 'refused'; deviceId?: number; reason?: string }[] = [];
  /** The nonce and signature of every enroll and auth, for tests that check the signature themselves. */
  readonly proofs: { nonce: string; signature: string }[] = [];
  autoAck: boolean;
  heartbeatMs: number;
  /** Set to answer each challenge with something else first (tests of invalid messages). */
  beforeChallenge: ((ws: WebSocket) => void) | null = null;
  /** Set false to accept sockets and never speak (a dead site). */
  speaks = true;
  readonly #tokens: Map<string, number>;
  readonly #server: WebSocketServer;
  #nextId = 1;

  private constructor(server: WebSocketServer, o: PeerOptions) {
    this.#server = server;
    this.#tokens = new Map(Object.entries(o.tokens ?? {}));
    this.autoAck = o.autoAck ?? true;
    this.heartbeatMs = o.heartbeatMs ?? 30_000;
    server.on('connection', (ws) => this.#accept(ws));
  }

  static async start(o: PeerOptions = {}, port = 0): Promise<TestSitePeer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port, path: '/agent', perMessageDeflate: false, backlog: 4096, autoPong: o.pong ?? true });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    return new TestSitePeer(server, o);
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  addToken(token: string, uses: number): void {
    this.#tokens.set(token, uses);
  }

  session(deviceId: number): PeerSession | undefined {
    for (const s of this.sessions) if (s.deviceId === deviceId) return s;
    return undefined;
  }

  async waitForSessions(n: number, timeoutMs = 5_000): Promise<void> {
    await waitUntil(() => this.sessions.size >= n, timeoutMs, () => `${n} sessions (have ${this.sessions.size})`);
  }

  /** Drops every connection at once, as a site that restarts would. */
  dropAll(): void {
    for (const s of this.sessions) s.ws.terminate();
  }

  async close(): Promise<void> {
    for (const c of this.#server.clients) c.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(ws: WebSocket): void {
    if (!this.speaks) return;
    const nonce = randomBytes(32).toString('base64');
    let session: PeerSession | null = null;
    const refuse = (code: number, reason: string): void => {
      this.handshakes.push({ kind: 'refused', reason });
      ws.close(code, reason);
    };
    ws.on('close', () => { if (session) this.sessions.delete(session); });
    ws.on('message', (data) => {
      const parsed = parseAgentMessage(data.toString());
      if (!parsed.ok) return ws.close(CLOSE_CODES.badMessage, describeErrors(parsed.errors).slice(0, 120));
      const m = parsed.value;
      if (session) return session.receive(m);
      if (m.t === 'enroll' || m.t === 'auth') this.proofs.push({ nonce, signature: m.signature });
      if (m.t === 'enroll') {
        const uses = this.#tokens.get(m.token) ?? 0;
        if (uses <= 0) return refuse(CLOSE_CODES.unauthorized, 'token unknown, used or expired');
        if (!verifies(m.publicKey, nonce, m.signature)) return refuse(CLOSE_CODES.unauthorized, 'bad signature');
        this.#tokens.set(m.token, uses - 1);
        const deviceId = this.#nextId++;
        this.devices.set(deviceId, { publicKey: m.publicKey, facts: m.facts });
        this.handshakes.push({ kind: 'enroll', deviceId });
        session = this.#welcome(ws, deviceId, m.facts);
      } else if (m.t === 'auth') {
        const known = this.devices.get(m.deviceId);
        if (!known || !verifies(known.publicKey, nonce, m.signature)) return refuse(CLOSE_CODES.unauthorized, 'unknown device or bad signature');
        known.facts = m.facts;
        this.handshakes.push({ kind: 'auth', deviceId: m.deviceId });
        session = this.#welcome(ws, m.deviceId, m.facts);
      } else {
        ws.close(CLOSE_CODES.badMessage, `expected enroll or auth, got ${m.t}`);
      }
    });
    this.beforeChallenge?.(ws);
    ws.send(JSON.stringify({ t: 'challenge', v: PROTOCOL_VERSION, nonce, siteId: 'test-site' }));
  }

  #welcome(ws: WebSocket, deviceId: number, facts: DeviceFacts): PeerSession {
    const s = new PeerSession(this, ws, deviceId, facts);
    this.sessions.add(s);
    ws.send(JSON.stringify({ t: 'welcome', deviceId, heartbeatMs: this.heartbeatMs }));
    return s;
  }
}

export interface Results {
  readonly chunks: ChunkMessage[];
  readonly done: DoneMessage;
}

/** One welcomed agent connection, with everything it has sent since. */
export class PeerSession {
  readonly messages: AgentMessage[] = [];
  heartbeats = 0;

  constructor(readonly peer: TestSitePeer, readonly ws: WebSocket, readonly deviceId: number, readonly facts: DeviceFacts) {}

  receive(m: AgentMessage): void {
    if (m.t === 'heartbeat') {
      this.heartbeats++;
      return;
    }
    this.messages.push(m);
    if (this.peer.autoAck && (m.t === 'chunk' || m.t === 'done')) this.send({ t: 'ack', opId: m.opId, seq: m.seq });
  }

  send(message: object): void {
    this.ws.send(JSON.stringify(message));
  }

  query(opId: number, text: string, extra: { dialect?: 'cmpivot' | 'kusto'; now?: number; timeLimitMs?: number; maxBytes?: number } = {}): void {
    this.send({ t: 'query', opId, text, dialect: extra.dialect ?? 'cmpivot', now: extra.now ?? Date.now(), timeLimitMs: extra.timeLimitMs ?? 10_000, maxBytes: extra.maxBytes ?? 128 * 1024 });
  }

  /** The chunks and the done of an operation received on this connection, once the done is here. */
  async results(opId: number, timeoutMs = 5_000): Promise<Results> {
    await waitUntil(() => this.messages.some((m) => m.t === 'done' && m.opId === opId), timeoutMs, () => `done of op ${opId} from device ${this.deviceId}`);
    const chunks = this.messages.filter((m): m is ChunkMessage => m.t === 'chunk' && m.opId === opId);
    const done = this.messages.find((m): m is DoneMessage => m.t === 'done' && m.opId === opId)!;
    return { chunks, done };
  }
}

function verifies(publicKey: string, nonce: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(nonce, 'base64'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Polls until `ok()` holds; fails naming what it waited for. */
export async function waitUntil(ok: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
