import { sign } from 'node:crypto';
import WebSocket, { type RawData } from 'ws';
import {
  Backoff, CLOSE_CODES, CONNECTOR_PROTOCOL_VERSION, LIMITS, describeErrors, parseCloudMessage,
  type BackoffOptions, type CloudMessage, type ConnectorMessage,
} from '@openpivot/protocol';
import type { Log } from '@openpivot/server';
import type { Store } from '../store/index.js';
import type { Bus } from '../cluster/bus.js';
import type { Auditor } from '../audit.js';
import type { OperationService } from '../operations/operation-service.js';
import { connectorUrl, type CloudCredential } from './attach.js';
import { DeviceSyncState, loadSyncedDevices } from './device-sync.js';
import { CloudRelay } from './relay.js';

export interface CloudConnectorOptions {
  readonly store: Store;
  readonly bus: Bus;
  readonly operations: OperationService;
  readonly auditor: Auditor;
  readonly log: Log;
  readonly clock?: () => number;
  /** The stored credential (`loadCloudCredential`). */
  readonly credential: CloudCredential;
  readonly settings: {
    /** A device whose last heartbeat is older than this counts as offline (as the REST API says). */
    readonly staleAfterMs: number;
    readonly siteCode?: string;
    readonly siteVersion?: string;
    /** How often the devices are compared with what the cloud was told (1 s by default). */
    readonly syncIntervalMs?: number;
    /** A connection welcomed and held this long resets the backoff (10 s by default). */
    readonly stableMs?: number;
  };
  /** Reconnect delays: exponential with full jitter (0.5 s up to 60 s by default). */
  readonly backoff?: BackoffOptions;
}

export interface CloudConnector {
  /** Welcomed by the cloud and not closed since. */
  connected(): boolean;
  close(): Promise<void>;
}

/** The cloud is dead when silent this many heartbeats (no message, no pong). */
const SILENT_BEATS = 3;
const DEFAULT_SITE_VERSION = '0.1.0';

/**
 * The site's one outbound connection to the cloud (tenant attach): dials `ws(s)://…/connector`, proves
 * the connector key by signing the challenge, uploads the devices (all, then changes every second),
 * relays the cloud's query requests through the site's own RBAC, and reconnects with jittered backoff
 * whenever the connection drops. The cloud never dials the site.
 */
export function startCloudConnector(o: CloudConnectorOptions): CloudConnector {
  const clock = o.clock ?? Date.now;
  const log = o.log;
  const url = connectorUrl(o.credential.url);
  const backoff = new Backoff(o.backoff);
  const syncEvery = o.settings.syncIntervalMs ?? 1_000;
  let stopped = false;
  let ws: WebSocket | null = null;
  let welcomed = false;
  let retryTimer: NodeJS.Timeout | null = null;

  const dial = (): void => {
    if (stopped) return;
    retryTimer = null;
    const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: LIMITS.maxMessageBytes, handshakeTimeout: 20_000 });
    ws = socket;
    session(socket);
  };

  const retry = (): void => {
    if (stopped || retryTimer) return;
    const delay = backoff.next();
    retryTimer = setTimeout(dial, delay);
    retryTimer.unref();
  };

  /** One connection, from dial to close. Everything it starts it stops on close. */
  const session = (socket: WebSocket): void => {
    let phase: 'challenge' | 'welcome' | 'ready' = 'challenge';
    let welcomedAt = 0;
    let lastHeard = clock();
    let heartbeat: NodeJS.Timeout | null = null;
    let syncTimer: NodeJS.Timeout | null = null;
    let queue = Promise.resolve();
    let relay: CloudRelay | null = null;
    const sync = new DeviceSyncState();

    const send = (m: ConnectorMessage): void => {
      if (socket.readyState !== WebSocket.OPEN) return;
      try {
        socket.send(JSON.stringify(m));
      } catch (e) {
        log('cloud.send-failed', { error: errorText(e) });
      }
    };
    const fail = (code: number, reason: string): void => {
      let r = reason;
      while (Buffer.byteLength(r) > 123) r = r.slice(0, -1);
      socket.close(code, r);
    };

    const syncLoop = async (full: boolean): Promise<void> => {
      syncTimer = null;
      if (socket.readyState !== WebSocket.OPEN || phase !== 'ready') return;
      try {
        const devices = await loadSyncedDevices(o.store, clock(), o.settings.staleAfterMs);
        const messages = full ? sync.full(devices) : sync.changes(devices);
        for (const m of messages) send(m);
        if (full) log('cloud.devices-synced', { devices: devices.length });
        syncTimer = setTimeout(() => void syncLoop(false), syncEvery);
      } catch (e) {
        // A store hiccup: the next tick starts over with a full upload (what was sent is unknown).
        log('cloud.sync-failed', { error: errorText(e) });
        syncTimer = setTimeout(() => void syncLoop(true), syncEvery);
      }
      syncTimer?.unref();
    };

    const handle = async (m: CloudMessage): Promise<void> => {
      switch (m.t) {
        case 'challenge': {
          if (phase !== 'challenge') return fail(CLOSE_CODES.badMessage, 'A second challenge.');
          if (m.v !== CONNECTOR_PROTOCOL_VERSION) log('cloud.protocol-version', { cloud: m.v, site: CONNECTOR_PROTOCOL_VERSION });
          const signature = sign(null, Buffer.from(m.nonce, 'base64'), o.credential.privateKey).toString('base64');
          phase = 'welcome';
          return send({
            t: 'auth', connectorId: o.credential.connectorId, signature,
            siteCode: o.settings.siteCode ?? 'OPS', siteVersion: o.settings.siteVersion ?? DEFAULT_SITE_VERSION,
          });
        }
        case 'welcome': {
          if (phase !== 'welcome') return fail(CLOSE_CODES.badMessage, 'Welcome before authentication.');
          phase = 'ready';
          welcomed = true;
          welcomedAt = clock();
          relay = new CloudRelay({ store: o.store, bus: o.bus, operations: o.operations, auditor: o.auditor, log, clock, staleAfterMs: o.settings.staleAfterMs, send });
          const every = Math.max(100, m.heartbeatMs);
          heartbeat = setInterval(() => {
            if (clock() - lastHeard > SILENT_BEATS * every) {
              log('cloud.silent', { silentMs: clock() - lastHeard });
              socket.terminate();
              return;
            }
            send({ t: 'heartbeat' });
            if (socket.readyState === WebSocket.OPEN) socket.ping();
          }, every);
          heartbeat.unref();
          log('cloud.connected', { url, tenantId: m.tenantId, connectorId: o.credential.connectorId, heartbeatMs: m.heartbeatMs });
          return syncLoop(true);
        }
        case 'query': {
          if (phase !== 'ready' || !relay) return fail(CLOSE_CODES.badMessage, 'A query before the welcome.');
          const r = relay;
          // Admission is in order (a cancel finds its query accepted); the answers stream on their own.
          try {
            await r.query(m);
          } catch (e) {
            log('cloud.query-failed', { reqId: m.reqId, error: errorText(e) });
            send({ t: 'refused', reqId: m.reqId, code: 'Unavailable', message: 'The site could not run the request; try again.' });
          }
          return;
        }
        case 'cancel':
          if (phase !== 'ready' || !relay) return fail(CLOSE_CODES.badMessage, 'A cancel before the welcome.');
          try {
            await relay.cancel(m.reqId);
          } catch (e) {
            log('cloud.cancel-failed', { reqId: m.reqId, error: errorText(e) });
          }
          return;
      }
    };

    socket.on('open', () => log('cloud.dialled', { url }));
    socket.on('pong', () => (lastHeard = clock()));
    socket.on('message', (data: RawData, isBinary: boolean) => {
      lastHeard = clock();
      queue = queue.then(async () => {
        if (socket.readyState !== WebSocket.OPEN) return;
        if (isBinary) return fail(CLOSE_CODES.badMessage, 'Binary frames are not part of the protocol.');
        const parsed = parseCloudMessage(rawText(data));
        if (!parsed.ok) {
          const reason = describeErrors(parsed.errors);
          log('cloud.bad-message', { error: reason });
          return fail(CLOSE_CODES.badMessage, `Bad message: ${reason}`);
        }
        await handle(parsed.value);
      }).catch((e: unknown) => {
        log('cloud.error', { error: errorText(e) });
        fail(1011, 'The site could not handle the message.');
      });
    });
    socket.on('error', (e) => log('cloud.socket-error', { url, error: e.message }));
    socket.on('close', (code: number, reason: Buffer) => {
      if (heartbeat) clearInterval(heartbeat);
      if (syncTimer) clearTimeout(syncTimer);
      relay?.stop();
      if (ws === socket) {
        ws = null;
        welcomed = false;
      }
      if (phase === 'ready' && clock() - welcomedAt >= (o.settings.stableMs ?? 10_000)) backoff.reset();
      log('cloud.disconnected', { url, code, reason: reason.toString('utf8').slice(0, 123), welcomed: phase === 'ready' });
      retry();
    });
  };

  dial();
  return {
    connected: () => welcomed && ws !== null && ws.readyState === WebSocket.OPEN,
    async close() {
      if (stopped) return;
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const socket = ws;
      if (!socket || socket.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        const hard = setTimeout(() => socket.terminate(), 2_000);
        socket.once('close', () => {
          clearTimeout(hard);
          resolve();
        });
        if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
        else socket.close(1001, 'The site is shutting down.');
      });
    },
  };
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
