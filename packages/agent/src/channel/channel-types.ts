import type { KeyObject } from 'node:crypto';
import type { ClientOptions } from 'ws';
import { LIMITS, type DeviceFacts, type DoneMessage } from '@openpivot/protocol';
import type { BackoffOptions } from '@openpivot/protocol';
import type { AgentLogger } from './logger.js';
import type { QueryRunner } from './operations.js';

/** What the agent tells its owner about the channel. */
export interface AgentEvents {
  /** The site accepted the agent; `enrolled` on the connection that enrolled it. */
  welcome: { readonly deviceId: number; readonly enrolled: boolean };
  /** The connection ended; the agent will dial again unless it was closed or refused. */
  disconnect: { readonly code: number; readonly reason: string };
  /** The site refused the enrollment token: the agent has stopped. */
  rejected: EnrollmentRefused;
  /** A query has produced its `done` (sent, or kept for the next connection). */
  finished: DoneMessage;
}

/** The running agent, as whoever started it sees it. */
export interface AgentHandle {
  /** The id the site gave this device; undefined until the first welcome of an unenrolled agent. */
  readonly deviceId: number | undefined;
  /** Connected and welcomed right now. */
  readonly connected: boolean;
  /** Resolves with the device id at the first welcome; rejects if the agent stops before (refused, closed). */
  readonly welcomed: Promise<number>;
  /** Resolves when close() has finished; rejects with EnrollmentRefused when the site refused the token. */
  readonly closed: Promise<void>;
  on<E extends keyof AgentEvents>(event: E, listener: (value: AgentEvents[E]) => void): () => void;
  /** Stops dialling, cancels running queries, closes the socket. Never rejects. */
  close(): Promise<void>;
}

/** The site closed an enrolling agent with 4401: the token is wrong, used up or expired. */
export class EnrollmentRefused extends Error {
  constructor(readonly code: number, readonly reason: string) {
    super(`The site refused the enrollment (${code}${reason ? `: ${reason}` : ''}); the token may be wrong, used or expired.`);
    this.name = 'EnrollmentRefused';
  }
}

export interface ChannelOptions {
  readonly siteUrl: string;
  readonly identity: { readonly privateKey: string | KeyObject; readonly publicKey: string; readonly deviceId?: number };
  /** Needed while the identity has no device id. */
  readonly token?: string;
  /** Read before each connection. */
  readonly facts: () => DeviceFacts | Promise<DeviceFacts>;
  readonly run: QueryRunner;
  /** Called when the site gives an enrolling agent its id: persist it. A failure is logged. */
  readonly onEnrolled?: (deviceId: number) => void | Promise<void>;
  readonly log?: AgentLogger;
  readonly backoff?: BackoffOptions;
  /** A connection welcomed and held this long resets the backoff (10 s by default). */
  readonly stableMs?: number;
  /** From dialling to welcome at most (30 s by default); then the agent hangs up and tries again. */
  readonly handshakeTimeoutMs?: number;
  readonly maxConcurrentQueries?: number;
  readonly maxRetainedOperations?: number;
  /** WebSocket client options; a simulator passes one object to all its sockets. */
  readonly ws?: ClientOptions;
}

/** One object for every socket: no compression (its per-socket zlib state costs hundreds of KB). */
export const DEFAULT_WS_OPTIONS: ClientOptions = Object.freeze({ perMessageDeflate: false, maxPayload: LIMITS.maxMessageBytes, handshakeTimeout: 20_000 });
