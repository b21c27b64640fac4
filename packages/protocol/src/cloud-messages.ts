import { z } from 'zod';
import { LIMITS } from './limits.js';
import { parseFrame, type Validated } from './validate.js';

/**
 * The connector channel between a site and the cloud (tenant attach): JSON text frames over one
 * WebSocket that the SITE dials (`/connector`) — the cloud never dials a site. Every message has a `t`
 * discriminant. The cloud opens with a challenge; the site proves the connector key it registered when
 * it was attached (`openpivot site attach`) by signing the nonce. Then the site uploads its devices (a
 * full list, then changes), the cloud relays query requests and cancels down, and the site streams each
 * request's outcome and rows back up. A message that fails these schemas closes the connection with
 * 4400 and the reason, never the process.
 */
export const CONNECTOR_PROTOCOL_VERSION = 1;

const b64 = z.string().max(8192).regex(/^[A-Za-z0-9+/=_-]*$/, 'expected base64');
/** The cloud's number for one run of a query on one device; unique in the cloud. */
const reqId = z.number().int().positive();
const ms = z.number().int().nonnegative();

/** A device as the site describes it to the cloud: what the admin center lists and shows. */
export const SyncedDevice = z.object({
  /** The site's ResourceId for the device. */
  deviceId: z.number().int().positive(),
  name: z.string().min(1).max(255),
  platform: z.enum(['linux', 'windows']),
  os: z.string().max(255),
  osVersion: z.string().max(255),
  agentVersion: z.string().max(64),
  ip: z.string().max(255),
  domain: z.string().max(255).nullable(),
  online: z.boolean(),
  /** ms since the epoch the site last heard from the agent, null if never. */
  lastSeen: ms.nullable(),
  collections: z.array(z.object({ id: z.string().max(64), name: z.string().max(255) })).max(1000),
});
export type SyncedDevice = z.infer<typeof SyncedDevice>;

// ---- cloud → site ----
export const ConnectorChallenge = z.object({ t: z.literal('challenge'), v: z.number().int(), nonce: b64 });
export const ConnectorWelcome = z.object({
  t: z.literal('welcome'),
  tenantId: z.string().max(64),
  heartbeatMs: z.number().int().positive(),
});
/** Run a query on one of the site's devices for a cloud user. The site applies its own RBAC to `upn`. */
export const RelayQuery = z.object({
  t: z.literal('query'),
  reqId,
  /** The signed-in cloud user; the site maps it to one of its own users (name or UPN). */
  upn: z.string().min(1).max(255),
  /** Where the cloud user called from, for the site's audit. */
  remoteAddr: z.string().max(255).nullable(),
  deviceId: z.number().int().positive(),
  text: z.string().max(LIMITS.maxQueryChars),
  timeoutMs: z.number().int().positive(),
  /** When the cloud sent it (ms since the epoch): the first hop of the round trip's timing. */
  sentAt: ms,
});
export const RelayCancel = z.object({ t: z.literal('cancel'), reqId });

export const CloudMessage = z.discriminatedUnion('t', [ConnectorChallenge, ConnectorWelcome, RelayQuery, RelayCancel]);
export type CloudMessage = z.infer<typeof CloudMessage>;
export type RelayQuery = z.infer<typeof RelayQuery>;

// ---- site → cloud ----
export const ConnectorAuth = z.object({
  t: z.literal('auth'),
  connectorId: z.string().min(1).max(64),
  /** Signature of the challenge nonce's bytes with the connector's Ed25519 private key, base64. */
  signature: b64,
  siteCode: z.string().max(16),
  siteVersion: z.string().max(64),
});
/**
 * Device sync. `reset: true` starts a full upload (the cloud forgets what it had from this site once
 * the upload ends with `complete: true`); without it, `devices` are new or changed ones and `removed`
 * names deleted ones. A full upload may span several messages.
 */
export const DeviceSync = z.object({
  t: z.literal('devices'),
  reset: z.boolean(),
  complete: z.boolean(),
  devices: z.array(SyncedDevice).max(1000),
  removed: z.array(z.number().int().positive()).max(1000),
});
export const ConnectorHeartbeat = z.object({ t: z.literal('heartbeat') });
/** The site admitted the request (its RBAC agreed) and started operation `operationId`. */
export const RelayAccepted = z.object({ t: z.literal('accepted'), reqId, operationId: z.number().int().positive(), receivedAt: ms });
/** The site refused the request; `code` says why (the cloud shows its own message for each). */
export const RelayRefused = z.object({
  t: z.literal('refused'),
  reqId,
  code: z.enum(['NotMapped', 'Forbidden', 'NotFound', 'InvalidQuery', 'Unavailable']),
  message: z.string().max(4096),
  /** For InvalidQuery: the query's diagnostics as the site's REST gives them. */
  details: z.array(z.unknown()).max(100).optional(),
});
/** The device's status changed on the site before its answer (`offline`, `running`…). */
export const RelayStatus = z.object({ t: z.literal('status'), reqId, deviceStatus: z.string().max(32) });
/** A slice of the device's answer; the first one carries the column schema. */
export const RelayRows = z.object({
  t: z.literal('rows'),
  reqId,
  seq: z.number().int().nonnegative(),
  columns: z.array(z.object({ name: z.string().max(1024), type: z.string().max(32) })).max(1024).optional(),
  rows: z.array(z.array(z.unknown())).max(LIMITS.chunkMaxRows),
});
/** The device's final status; no rows follow. Times (ms since the epoch) measure each hop. */
export const RelayDone = z.object({
  t: z.literal('done'),
  reqId,
  /** Rows messages sent before this one. */
  seq: z.number().int().nonnegative(),
  status: z.string().max(32),
  truncated: z.boolean(),
  warnings: z.array(z.string().max(4096)).max(100),
  error: z.string().max(4096).nullable(),
  timing: z.object({ receivedAt: ms, dispatchedAt: ms, answeredAt: ms, sentAt: ms }),
});

export const ConnectorMessage = z.discriminatedUnion('t', [ConnectorAuth, DeviceSync, ConnectorHeartbeat, RelayAccepted, RelayRefused, RelayStatus, RelayRows, RelayDone]);
export type ConnectorMessage = z.infer<typeof ConnectorMessage>;
export type DeviceSyncMessage = z.infer<typeof DeviceSync>;
export type RelayRefusedCode = z.infer<typeof RelayRefused>['code'];

/** `POST /connector/attach` (plain HTTPS, before any WebSocket): spends a one-time attach code. */
export const AttachRequest = z.object({
  code: z.string().min(1).max(256),
  /** The connector's Ed25519 public key, SPKI DER, base64. */
  publicKey: b64,
  siteId: z.string().min(1).max(128),
  siteCode: z.string().max(16),
  name: z.string().min(1).max(255),
});
export type AttachRequest = z.infer<typeof AttachRequest>;
export const AttachResponse = z.object({ connectorId: z.string().min(1).max(64), tenantId: z.string().max(64), tenantName: z.string().max(255) });
export type AttachResponse = z.infer<typeof AttachResponse>;

export function parseConnectorMessage(text: string): Validated<ConnectorMessage> {
  return parseFrame(ConnectorMessage, text);
}

export function parseCloudMessage(text: string): Validated<CloudMessage> {
  return parseFrame(CloudMessage, text);
}
