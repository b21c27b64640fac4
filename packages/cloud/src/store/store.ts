import type { CloudRoleName, SyncedDevice } from '@openpivot/protocol';
import type { SqlDialect } from '@openpivot/server';
import type { TenantFavorite } from '@openpivot/server';

/**
 * The cloud's store: every read and write of the cloud's persistent state goes through this interface.
 * One Kysely query layer over SQLite (`cloud.db` under the data directory, the default) or PostgreSQL
 * (`--database postgres://…`); numbered migrations run on open. Times are ms since the epoch.
 *
 * Tenant isolation starts here: every read that a request can reach takes the caller's tenant id and
 * finds nothing outside it — a device, operation or audit record of another tenant is simply absent.
 */

export interface TenantRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
}

export interface CloudUserRecord {
  readonly id: number;
  readonly tenantId: string;
  /** The sign-in name (user@domain); unique in the whole cloud, compared ignoring case. */
  readonly upn: string;
  readonly role: CloudRoleName;
  /** scrypt hash, or null for a user who signs in through OpenID Connect only. */
  readonly passwordHash: string | null;
  /** `issuer|subject` once the user has signed in through OpenID Connect. */
  readonly oidcSubject: string | null;
  readonly createdAt: number;
  readonly disabled: boolean;
}

export interface SessionRecord {
  /** SHA-256 hex of the bearer token: the token itself is never stored. */
  readonly tokenHash: string;
  readonly userId: number;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface ConnectorRecord {
  /** The connector's id, given to the site when it attached. */
  readonly id: string;
  readonly tenantId: string;
  /** The site's own id (`site.id` in its store), its three-letter code and a display name. */
  readonly siteId: string;
  readonly siteCode: string;
  readonly name: string;
  /** Ed25519 public key, SPKI DER, base64. */
  readonly publicKey: string;
  readonly attachedAt: number;
  /** The cloud node holding the site's WebSocket, while connected. */
  readonly nodeId: string | null;
  readonly lastSeen: number | null;
}

/** A synced device as the cloud keeps it. */
export interface CloudDeviceRecord extends SyncedDevice {
  /** The cloud's own device number (the API's MachineId); unique in the cloud, so in the tenant too. */
  readonly machineId: number;
  readonly tenantId: string;
  readonly connectorId: string;
  readonly siteCode: string;
  readonly syncedAt: number;
}

export type CloudOperationStatus = 'pending' | 'running' | 'completed' | 'failed' | 'refused' | 'timedout' | 'canceled' | 'toolarge';

export interface CloudOperationRecord {
  readonly id: number;
  readonly tenantId: string;
  readonly userId: number;
  readonly upn: string;
  readonly machineId: number;
  readonly connectorId: string;
  readonly query: string;
  readonly status: CloudOperationStatus;
  /** The device's status as the site reported it (completed, offline, failed, …), once known. */
  readonly deviceStatus: string | null;
  /** Refusal or failure code (NotMapped, Forbidden, SiteNotConnected, …) and message. */
  readonly errorCode: string | null;
  readonly error: string | null;
  /** The site's operation id, once the site accepted the request. */
  readonly siteOperationId: number | null;
  readonly columns: readonly { readonly name: string; readonly type: string }[] | null;
  readonly rowCount: number;
  /** Bytes of row JSON stored so far (the admin center's size limit is checked against it). */
  readonly resultBytes: number;
  readonly truncated: boolean;
  readonly warnings: readonly string[];
  /** Hop times reported by the site (see RelayDone.timing), plus the cloud's own. */
  readonly timing: Readonly<Record<string, number>> | null;
  readonly createdAt: number;
  readonly endedAt: number | null;
  readonly deadline: number;
}

export interface CloudAuditRecord {
  readonly id: number;
  readonly tenantId: string;
  readonly at: number;
  readonly upn: string | null;
  readonly remoteAddr: string | null;
  /** `query`, `signin`, `attach`, `attach-code`, `user-add`… */
  readonly action: string;
  readonly machineId: number | null;
  readonly deviceName: string | null;
  readonly query: string | null;
  readonly operationId: number | null;
  /** `accepted`, `completed`, `refused:NotMapped`, `denied:role`, `failed`… */
  readonly outcome: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** A saved CMPivot query, kept per cloud user (in the user's tenant). */
export type FavoriteRecord = TenantFavorite;

/**
 * An OpenID Connect sign-in in progress, keyed by the `state` sent to the issuer: what its callback needs
 * to finish it on whichever node it reaches. The verifier and nonce are secrets of the sign-in, never logged.
 */
export interface OidcPendingRecord {
  readonly state: string;
  /** The PKCE code verifier. */
  readonly verifier: string;
  readonly nonce: string;
  /** Where the app goes once signed in (a relative path). */
  readonly returnTo: string;
  readonly expiresAt: number;
}

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

export interface CloudStore {
  readonly dialect: SqlDialect;

  // tenants
  createTenant(t: { name: string; at: number }): Promise<TenantRecord>;
  getTenant(id: string): Promise<TenantRecord | null>;
  listTenants(): Promise<TenantRecord[]>;

  // users and sessions
  /** Throws StoreError('conflict', 'upn') when the UPN exists (ignoring case) anywhere in the cloud. */
  createUser(u: { tenantId: string; upn: string; role: CloudRoleName; passwordHash: string | null; at: number }): Promise<CloudUserRecord>;
  getUser(id: number): Promise<CloudUserRecord | null>;
  /** Case-insensitive. */
  getUserByUpn(upn: string): Promise<CloudUserRecord | null>;
  getUserByOidcSubject(subject: string): Promise<CloudUserRecord | null>;
  setOidcSubject(userId: number, subject: string): Promise<void>;
  listUsers(tenantId: string): Promise<CloudUserRecord[]>;
  createSession(s: SessionRecord): Promise<void>;
  /** Null when unknown or expired at `now`. */
  getSession(tokenHash: string, now: number): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;

  // attaching sites
  addAttachCode(c: { codeHash: string; tenantId: string; createdAt: number; expiresAt: number }): Promise<void>;
  /**
   * Spends a one-time code and records the connector, atomically: the tenant of the code, or null when
   * the code is unknown, expired at `at` or already spent (nothing is then written).
   */
  attachSite(a: { codeHash: string; connectorId: string; siteId: string; siteCode: string; name: string; publicKey: string; at: number }): Promise<ConnectorRecord | null>;
  getConnector(id: string): Promise<ConnectorRecord | null>;
  listConnectors(tenantId: string): Promise<ConnectorRecord[]>;
  /** Records which node holds the connector's socket (null: none), and when it was last heard from. */
  setConnectorNode(id: string, nodeId: string | null, at: number): Promise<void>;
  /** A cloud node starting (or restarting) lets go of the connectors it held. */
  releaseConnectorsOfNode(nodeId: string, at: number): Promise<void>;
  /**
   * The lease of a node on the connectors whose sockets it holds: records `nodeId` as their holder and
   * `at` as their last-seen. Returns the ones no node held before (released while this node still had
   * their sockets): their devices were marked offline, so the site must sync them again.
   */
  refreshConnectorHolds(nodeId: string, connectorIds: readonly string[], at: number): Promise<string[]>;
  /**
   * Lets go of the connectors held by another node than `exceptNodeId` whose last-seen is before
   * `seenBefore` (their node stopped refreshing them: it crashed), and marks their devices offline;
   * one transaction. Returns the connectors released and the node that held each one.
   */
  releaseExpiredConnectors(exceptNodeId: string, seenBefore: number, at: number): Promise<{ id: string; nodeId: string }[]>;

  // device sync
  /**
   * Applies one sync message from a connector: upserts `devices` (keeping each one's machineId), and
   * removes `removed` (site device ids). `resetBefore`: remove the connector's devices that were not
   * upserted at or after this time (the end of a full upload).
   */
  syncDevices(connectorId: string, s: { devices: readonly SyncedDevice[]; removed: readonly number[]; at: number; resetBefore?: number }): Promise<void>;
  /** A connector going away: its devices show offline (they are still managed by the site). */
  setConnectorDevicesOffline(connectorId: string, at: number): Promise<void>;
  /** The tenant's devices by name, optionally only names containing `search` (ignoring case). */
  /** `search` is a part of the name, or its start with `prefix` (OData `startswith`); without regard to case. */
  listDevices(tenantId: string, o: Page & { search?: string; prefix?: boolean }): Promise<CloudDeviceRecord[]>;
  countDevices(tenantId: string, search?: string, prefix?: boolean): Promise<number>;
  getDevice(tenantId: string, machineId: number): Promise<CloudDeviceRecord | null>;

  // operations and their results
  createOperation(o: { tenantId: string; userId: number; upn: string; machineId: number; connectorId: string; query: string; at: number; deadline: number }): Promise<CloudOperationRecord>;
  /** Null when the operation is not the tenant's. */
  getOperation(tenantId: string, id: number): Promise<CloudOperationRecord | null>;
  /** For the node relaying it: no tenant check. */
  getOperationById(id: number): Promise<CloudOperationRecord | null>;
  listOperations(tenantId: string, o: Page & { userId?: number }): Promise<CloudOperationRecord[]>;
  updateOperation(id: number, u: Partial<Pick<CloudOperationRecord, 'status' | 'deviceStatus' | 'errorCode' | 'error' | 'siteOperationId' | 'columns' | 'truncated' | 'warnings' | 'timing' | 'endedAt'>>): Promise<void>;
  /** Appends rows (seq 0, 1, 2…), adding to rowCount and resultBytes; a repeated seq is ignored. */
  appendRows(id: number, seq: number, rows: readonly (readonly unknown[])[], bytes: number): Promise<void>;
  /** The stored rows in seq order, `offset`/`limit` counted in rows. */
  readRows(id: number, page: Page): Promise<unknown[][]>;
  /** Running operations whose deadline has passed at `now`. */
  overdueOperations(now: number): Promise<CloudOperationRecord[]>;
  /** Removes operations (and their rows) that ended before `before`; returns how many. */
  deleteOperationsEndedBefore(before: number): Promise<number>;

  // audit
  appendAudit(r: Omit<CloudAuditRecord, 'id'>): Promise<CloudAuditRecord>;
  listAudit(tenantId: string, o: Page): Promise<CloudAuditRecord[]>;

  // favourites: every call is scoped by the user, who never sees or changes another's
  /** The user's favourites by name (ignoring case); `search` keeps those whose name or a tag contains it, ignoring case. */
  listFavorites(userId: number, o?: { search?: string }): Promise<FavoriteRecord[]>;
  /**
   * Saves a favourite in the user's tenant. Throws StoreError('conflict', 'name') when the user has one
   * by that name (ignoring case), StoreError('invalid', 'userId') when there is no such user.
   */
  createFavorite(f: { userId: number; name: string; query: string; tags: readonly string[]; at: number }): Promise<FavoriteRecord>;
  /** Changes the given fields; null when the user has no favourite `id`. Throws StoreError('conflict', 'name') as createFavorite. */
  updateFavorite(userId: number, id: number, u: { name?: string; query?: string; tags?: readonly string[]; at: number }): Promise<FavoriteRecord | null>;
  /** False when the user has no favourite `id`. */
  deleteFavorite(userId: number, id: number): Promise<boolean>;

  // OpenID Connect sign-ins in progress
  /**
   * Keeps a sign-in until its callback. Over `max` sign-ins kept at `now`, the expired ones are removed,
   * then the oldest (soonest to expire) until `max` remain. Throws StoreError('conflict', 'state') on a
   * state already kept.
   */
  putOidcPending(p: OidcPendingRecord, bound: { now: number; max: number }): Promise<void>;
  /**
   * Spends a sign-in: removes it and returns it, or null when unknown, already spent or expired at `now`.
   * Atomic: of two nodes taking one state at once, exactly one gets it.
   */
  takeOidcPending(state: string, now: number): Promise<OidcPendingRecord | null>;
  /** Removes the sign-ins expired at `now` (abandoned at the issuer); returns how many. */
  deleteExpiredOidcPending(now: number): Promise<number>;

  close(): Promise<void>;
}
