import { z } from 'zod';
import { LIMITS } from './limits.js';
import { parseFrame, type Validated } from './validate.js';

/**
 * The agent channel: JSON text frames over one WebSocket the agent dials (`/agent`). Every message has
 * a `t` discriminant. The site opens with a challenge; the agent proves its key (or enrolls with a
 * one-time token) by signing the nonce; then queries flow down and result chunks flow up, each chunk
 * acknowledged once the site has stored it. A message that fails these schemas closes the connection
 * with code 4400 and the reason, never the server.
 */
export const PROTOCOL_VERSION = 1;

/** What a device says about itself on every connection. */
export const DeviceFacts = z.object({
  name: z.string().min(1).max(255),
  platform: z.enum(['linux', 'windows']),
  os: z.string().max(255),
  osVersion: z.string().max(255),
  agentVersion: z.string().max(64),
  ip: z.string().max(255),
  domain: z.string().max(255).optional(),
});
export type DeviceFacts = z.infer<typeof DeviceFacts>;

const b64 = z.string().max(8192).regex(/^[A-Za-z0-9+/=_-]*$/, 'expected base64');
const opId = z.number().int().positive();

// ---- site → agent ----
export const Challenge = z.object({ t: z.literal('challenge'), v: z.number().int(), nonce: b64, siteId: z.string().max(128) });
export const Welcome = z.object({ t: z.literal('welcome'), deviceId: z.number().int().positive(), heartbeatMs: z.number().int().positive() });
export const QueryMessage = z.object({
  t: z.literal('query'),
  opId,
  /** The query text; the agent binds it against its own catalog and runs the device parts of the split. */
  text: z.string().max(LIMITS.maxQueryChars),
  dialect: z.enum(['cmpivot', 'kusto']),
  /** ms since the epoch when the site received the query: `now()` in it means this instant everywhere. */
  now: z.number(),
  timeLimitMs: z.number().int().positive(),
  maxBytes: z.number().int().positive(),
});
export const Ack = z.object({ t: z.literal('ack'), opId, seq: z.number().int().nonnegative() });
export const Cancel = z.object({ t: z.literal('cancel'), opId });

export const SiteMessage = z.discriminatedUnion('t', [Challenge, Welcome, QueryMessage, Ack, Cancel]);
export type SiteMessage = z.infer<typeof SiteMessage>;
export type QueryMessage = z.infer<typeof QueryMessage>;

// ---- agent → site ----
export const Enroll = z.object({
  t: z.literal('enroll'),
  token: z.string().min(1).max(256),
  /** The agent's Ed25519 public key, SPKI DER, base64. */
  publicKey: b64,
  /** Signature of the challenge nonce's bytes with the private key, base64. */
  signature: b64,
  facts: DeviceFacts,
});
export const Auth = z.object({ t: z.literal('auth'), deviceId: z.number().int().positive(), signature: b64, facts: DeviceFacts });
export const Heartbeat = z.object({ t: z.literal('heartbeat') });
export const Chunk = z.object({
  t: z.literal('chunk'),
  opId,
  /** 0, 1, 2… per operation; the `done` message takes the next number. */
  seq: z.number().int().nonnegative(),
  /** Which device part of the split plan these rows belong to. */
  part: z.number().int().nonnegative().max(64),
  /** Rows in the part's column order; values as the engine holds them, through JSON. */
  rows: z.array(z.array(z.unknown())).max(LIMITS.chunkMaxRows),
});
export const Done = z.object({
  t: z.literal('done'),
  opId,
  seq: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  truncated: z.boolean(),
  warnings: z.array(z.string().max(4096)).max(100),
  /** Set when the device could not answer (its diagnostics' first message). */
  error: z.object({ code: z.string().max(64), message: z.string().max(4096) }).optional(),
});

export const AgentMessage = z.discriminatedUnion('t', [Enroll, Auth, Heartbeat, Chunk, Done]);
export type AgentMessage = z.infer<typeof AgentMessage>;
export type ChunkMessage = z.infer<typeof Chunk>;
export type DoneMessage = z.infer<typeof Done>;

/** WebSocket close codes the site uses, with the reason text beside them. */
export const CLOSE_CODES = {
  badMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  replaced: 4409,
  shuttingDown: 4503,
} as const;

/** Parses one text frame from an agent. */
export function parseAgentMessage(text: string): Validated<AgentMessage> {
  return parseFrame(AgentMessage, text);
}

/** Parses one text frame from the site. */
export function parseSiteMessage(text: string): Validated<SiteMessage> {
  return parseFrame(SiteMessage, text);
}

/** Splits rows into chunks of at most LIMITS.chunkMaxRows rows and about LIMITS.chunkMaxBytes bytes. */
export function chunkRows<R>(rows: readonly R[], maxRows: number = LIMITS.chunkMaxRows, maxBytes: number = LIMITS.chunkMaxBytes): R[][] {
  const chunks: R[][] = [];
  let current: R[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length + 1;
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
