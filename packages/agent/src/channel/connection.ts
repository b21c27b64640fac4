import WebSocket, { type RawData } from 'ws';
import { Backoff, CLOSE_CODES, PROTOCOL_VERSION, describeErrors, parseSiteMessage, type DeviceFacts, type SiteMessage } from '@openpivot/protocol';
import { DEFAULT_WS_OPTIONS, EnrollmentRefused, type AgentEvents, type AgentHandle, type ChannelOptions } from './channel-types.js';
import { agentEndpoint, signNonce } from './identity.js';
import { errorMessage, silentLogger, type AgentLogger } from './logger.js';
import { OperationTable } from './operations.js';

export { DEFAULT_WS_OPTIONS, EnrollmentRefused, type AgentEvents, type AgentHandle, type ChannelOptions } from './channel-types.js';

type Phase = 'idle' | 'challenge' | 'welcome' | 'ready' | 'stopped';
const HEARTBEAT = JSON.stringify({ t: 'heartbeat' });
/** The site is taken for dead after this many heartbeat periods without a message or a pong. */
const SILENT_BEATS = 3;

/** Dials the site and keeps dialling: the agent's side of the protocol in agent-messages.ts. */
export function openChannel(options: ChannelOptions): AgentHandle {
  return new AgentChannel(options);
}

class AgentChannel implements AgentHandle {
  readonly welcomed: Promise<number>;
  readonly closed: Promise<void>;
  readonly #o: ChannelOptions;
  readonly #log: AgentLogger;
  readonly #endpoint: string;
  readonly #backoff: Backoff;
  readonly #ops: OperationTable;
  readonly #listeners = new Map<keyof AgentEvents, Set<(v: never) => void>>();
  #deviceId: number | undefined;
  #phase: Phase = 'idle';
  #ws: WebSocket | null = null;
  #enrolling = false;
  #welcomedAt = 0;
  #lastSeen = 0;
  #timer: NodeJS.Timeout | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  /** Saving the device id after enrollment; close() waits for it so a quick stop does not lose it. */
  #persisting: Promise<void> = Promise.resolve();
  #settleWelcomed!: { resolve: (id: number) => void; reject: (e: Error) => void };
  #settleClosed!: { resolve: () => void; reject: (e: Error) => void };

  constructor(o: ChannelOptions) {
    this.#o = o;
    this.#log = o.log ?? silentLogger;
    this.#endpoint = agentEndpoint(o.siteUrl);
    this.#deviceId = o.identity.deviceId;
    if (this.#deviceId === undefined && !o.token) throw new Error('token: this agent is not enrolled yet; an enrollment token is needed');
    this.#backoff = new Backoff(o.backoff);
    this.#ops = new OperationTable({
      run: o.run, send: (text) => this.#send(text), log: this.#log,
      maxConcurrent: o.maxConcurrentQueries, maxRetained: o.maxRetainedOperations,
      onFinished: (done) => this.#emit('finished', done),
    });
    this.welcomed = new Promise((resolve, reject) => { this.#settleWelcomed = { resolve, reject }; });
    this.closed = new Promise((resolve, reject) => { this.#settleClosed = { resolve, reject }; });
    // Whoever does not wait for these must not get an unhandled rejection (it would end the process).
    this.welcomed.catch(() => undefined);
    this.closed.catch(() => undefined);
    void this.#dial();
  }

  get deviceId(): number | undefined {
    return this.#deviceId;
  }

  get connected(): boolean {
    return this.#phase === 'ready';
  }

  on<E extends keyof AgentEvents>(event: E, listener: (value: AgentEvents[E]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener as (v: never) => void);
    return () => set.delete(listener as (v: never) => void);
  }

  async close(): Promise<void> {
    if (this.#phase !== 'stopped') {
      this.#stop();
      const ws = this.#ws;
      this.#ws = null;
      if (ws) await closeSocket(ws);
      await this.#ops.abortAll();
      await this.#persisting;
      this.#log.info('agent stopped');
      this.#settleWelcomed.reject(new Error('The agent was closed before the site welcomed it.'));
      this.#settleClosed.resolve();
    }
    // Closing an agent that already stopped (refused) is not an error: the refusal was reported by `closed`.
    await this.closed.catch(() => undefined);
  }

  #emit<E extends keyof AgentEvents>(event: E, value: AgentEvents[E]): void {
    for (const l of this.#listeners.get(event) ?? []) {
      try {
        (l as (v: AgentEvents[E]) => void)(value);
      } catch (e) {
        this.#log.error('an agent event listener failed', { event, error: errorMessage(e) });
      }
    }
  }

  #isStopped(): boolean {
    return this.#phase === 'stopped';
  }

  #stop(): void {
    this.#phase = 'stopped';
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#timer = this.#heartbeat = null;
  }

  async #dial(): Promise<void> {
    this.#timer = null;
    if (this.#phase === 'stopped') return;
    let facts: DeviceFacts;
    try {
      facts = await this.#o.facts();
    } catch (e) {
      this.#log.error('cannot read the device facts', { error: errorMessage(e) });
      return this.#retry();
    }
    // close() may have run while the facts were being read.
    if (this.#isStopped()) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.#endpoint, this.#o.ws ?? DEFAULT_WS_OPTIONS);
    } catch (e) {
      this.#log.error('cannot dial the site', { url: this.#endpoint, error: errorMessage(e) });
      return this.#retry();
    }
    this.#ws = ws;
    this.#phase = 'challenge';
    this.#enrolling = false;
    this.#welcomedAt = 0;
    this.#log.debug('dialling the site', { url: this.#endpoint });
    // Also bounds a site that accepts the socket and then says nothing.
    this.#timer = setTimeout(() => {
      this.#log.warn('the site did not welcome the agent in time', { phase: this.#phase });
      ws.terminate();
    }, this.#o.handshakeTimeoutMs ?? 30_000);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (ws === this.#ws) this.#onMessage(ws, data, isBinary, facts);
    });
    ws.on('pong', () => { this.#lastSeen = Date.now(); });
    ws.on('error', (e: Error) => {
      if (ws === this.#ws) this.#log.warn('connection error', { url: this.#endpoint, error: e.message });
    });
    ws.on('close', (code: number, reason: Buffer) => {
      if (ws === this.#ws) this.#onClose(code, reason.toString());
    });
  }

  #onMessage(ws: WebSocket, data: RawData, isBinary: boolean, facts: DeviceFacts): void {
    this.#lastSeen = Date.now();
    if (isBinary) {
      this.#log.warn('ignored a binary message from the site');
      return;
    }
    const parsed = parseSiteMessage(rawText(data));
    if (!parsed.ok) {
      this.#log.warn('ignored an invalid message from the site', { error: describeErrors(parsed.errors) });
      return;
    }
    const m: SiteMessage = parsed.value;
    const expected = m.t === 'challenge' ? 'challenge' : m.t === 'welcome' ? 'welcome' : 'ready';
    if (this.#phase !== expected) {
      this.#log.warn('ignored a message out of turn', { type: m.t, phase: this.#phase, ...('opId' in m ? { opId: m.opId } : {}) });
      return;
    }
    switch (m.t) {
      case 'challenge': return this.#answer(ws, m.nonce, m.v, facts);
      case 'welcome': return this.#welcome(ws, m.deviceId, m.heartbeatMs);
      case 'query': return this.#ops.query(m);
      case 'ack': return this.#ops.ack(m.opId, m.seq);
      case 'cancel': return this.#ops.cancel(m.opId);
    }
  }

  #answer(ws: WebSocket, nonce: string, version: number, facts: DeviceFacts): void {
    if (version !== PROTOCOL_VERSION) this.#log.warn('the site speaks another protocol version', { site: version, agent: PROTOCOL_VERSION });
    let signature: string;
    try {
      signature = signNonce(this.#o.identity.privateKey, nonce);
    } catch (e) {
      this.#log.error('cannot sign the challenge', { error: errorMessage(e) });
      ws.terminate();
      return;
    }
    this.#phase = 'welcome';
    if (this.#deviceId !== undefined) {
      this.#sendOn(ws, JSON.stringify({ t: 'auth', deviceId: this.#deviceId, signature, facts }));
    } else {
      this.#enrolling = true;
      this.#sendOn(ws, JSON.stringify({ t: 'enroll', token: this.#o.token, publicKey: this.#o.identity.publicKey, signature, facts }));
    }
  }

  #welcome(ws: WebSocket, deviceId: number, heartbeatMs: number): void {
    const enrolled = this.#enrolling;
    if (enrolled) {
      this.#deviceId = deviceId;
      this.#log.info('enrolled with the site', { deviceId });
      this.#persisting = Promise.resolve()
        .then(() => this.#o.onEnrolled?.(deviceId))
        .catch((e: unknown) => this.#log.error('cannot save the device id; the agent will need a new token after a restart', { deviceId, error: errorMessage(e) }));
    } else if (deviceId !== this.#deviceId) {
      this.#log.warn('the site welcomed the agent under another device id', { deviceId, expected: this.#deviceId });
    }
    this.#enrolling = false;
    this.#phase = 'ready';
    this.#welcomedAt = this.#lastSeen = Date.now();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    // A site asking for a heartbeat every millisecond would keep the agent busy doing nothing else.
    const every = Math.max(10, heartbeatMs);
    this.#heartbeat = setInterval(() => this.#beat(ws, every), every);
    this.#log.info('connected to the site', { deviceId: this.#deviceId, heartbeatMs });
    this.#settleWelcomed.resolve(this.#deviceId!);
    this.#emit('welcome', { deviceId: this.#deviceId!, enrolled });
    this.#ops.resendAll();
  }

  #beat(ws: WebSocket, heartbeatMs: number): void {
    if (Date.now() - this.#lastSeen > SILENT_BEATS * heartbeatMs) {
      this.#log.warn('the site has been silent for three heartbeats: reconnecting', { silentMs: Date.now() - this.#lastSeen });
      ws.terminate();
      return;
    }
    if (this.#sendOn(ws, HEARTBEAT)) ws.ping();
  }

  #onClose(code: number, reason: string): void {
    const wasEnrolling = this.#enrolling && this.#phase === 'welcome';
    const heldMs = this.#welcomedAt ? Date.now() - this.#welcomedAt : 0;
    this.#ws = null;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    if (this.#timer) clearTimeout(this.#timer);
    this.#heartbeat = this.#timer = null;
    if (this.#phase === 'stopped') return;
    this.#phase = 'idle';
    this.#emit('disconnect', { code, reason });
    if (code === CLOSE_CODES.unauthorized && wasEnrolling) {
      const refused = new EnrollmentRefused(code, reason);
      this.#log.error('the site refused the enrollment token: stopping', { code, reason });
      this.#stop();
      this.#emit('rejected', refused);
      this.#settleWelcomed.reject(refused);
      this.#settleClosed.reject(refused);
      void this.#ops.abortAll();
      return;
    }
    // Two agents sharing one identity replace each other (4409): a reset would let them flap at full speed.
    if (heldMs >= (this.#o.stableMs ?? 10_000) && code !== CLOSE_CODES.replaced) this.#backoff.reset();
    const fields = { code, reason, deviceId: this.#deviceId };
    if (code === CLOSE_CODES.unauthorized) this.#log.error('the site refused the device credentials; retrying', fields);
    else if (code === CLOSE_CODES.replaced) this.#log.error('another connection took over this device id (a copied identity file?); retrying', fields);
    else this.#log.warn('disconnected from the site', fields);
    this.#retry();
  }

  #retry(): void {
    if (this.#phase === 'stopped') return;
    const delay = this.#backoff.next();
    this.#log.debug('reconnecting later', { delayMs: delay, attempt: this.#backoff.attempt });
    this.#timer = setTimeout(() => void this.#dial(), delay);
  }

  /** Sends on the current connection once welcomed; otherwise the message waits (it is retained). */
  #send(text: string): void {
    if (this.#phase === 'ready' && this.#ws) this.#sendOn(this.#ws, text);
  }

  #sendOn(ws: WebSocket, text: string): boolean {
    if (ws.readyState !== WebSocket.OPEN) return false;
    try {
      ws.send(text);
      return true;
    } catch (e) {
      this.#log.warn('cannot send to the site', { error: errorMessage(e) });
      return false;
    }
  }
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** A polite close, then a hard one if the site does not answer within two seconds. */
function closeSocket(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => ws.terminate(), 2_000);
    ws.once('close', () => {
      clearTimeout(hard);
      resolve();
    });
    if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
    else ws.close(1000, 'agent stopping');
  });
}
