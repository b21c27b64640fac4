import type { DeviceFacts, DeviceStatus, OperationStatus, Permission, QuerySource, CollectionRule } from '@openpivot/protocol';
import type { UserFavorite } from '@openpivot/server';

/**
 * The site's store: every read and write of persistent state goes through this interface. Two
 * implementations share one Kysely query layer: SQLite (better-sqlite3, WAL) under the data directory
 * by default, PostgreSQL with `--database postgres://…`. Numbered migrations run on open.
 * Times are ms since the epoch (numbers); ids are numbers except collection ids ("SMS00001").
 */

export interface DeviceRecord {
  readonly id: number;
  readonly name: string;
  /** Ed25519 public key, SPKI DER, base64. */
  readonly publicKey: string;
  readonly facts: DeviceFacts;
  readonly enrolledAt: number;
  readonly lastSeen: number | null;
  readonly online: boolean;
  /** The site node holding its connection while online. */
  readonly nodeId: string | null;
}

export interface EnrollTokenRecord {
  readonly tokenHash: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** Enrollments left: 1 for the usual one-time token, N for `--uses N` (simulated fleets). */
  readonly usesLeft: number;
}

export interface UserRecord {
  readonly id: number;
  readonly name: string;
  /** scrypt$N$r$p$salt$hash, or null for a user that may not log in with a password. */
  readonly passwordHash: string | null;
  readonly createdAt: number;
  readonly disabled: boolean;
  /** The cloud user (UPN) this user stands for when a request comes through the cloud; null if none. */
  readonly upn: string | null;
}

export interface ApiTokenRecord {
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  /** SHA-256 hex of the secret: the secret itself is never stored. */
  readonly tokenHash: string;
  readonly createdAt: number;
  readonly expiresAt: number | null;
}

export interface RoleRecord {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly Permission[];
  readonly builtIn: boolean;
}

export interface RoleAssignmentRecord {
  readonly id: number;
  readonly userId: number;
  readonly roleId: number;
  readonly collectionId: string;
}

export interface CollectionRecord {
  readonly id: string;
  readonly name: string;
  readonly comment: string;
  /** null: direct membership only. Otherwise every rule must hold (members are added as well). */
  readonly rules: readonly CollectionRule[] | null;
  readonly builtIn: boolean;
  readonly createdAt: number;
}

export interface OperationRecord {
  readonly id: number;
  readonly userId: number;
  readonly userName: string;
  readonly source: QuerySource;
  /** `devices`: CMPivot on selected devices. */
  readonly targetKind: 'device' | 'collection' | 'devices';
  /** Device id as a string, the collection id, or the selected device ids sorted and joined with ','. */
  readonly targetId: string;
  readonly query: string;
  readonly querySha256: string;
  readonly dialect: 'cmpivot' | 'kusto';
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly status: OperationStatus;
  readonly finishedAt: number | null;
}

export interface TargetRecord {
  readonly operationId: number;
  readonly deviceId: number;
  readonly deviceName: string;
  readonly status: DeviceStatus;
  readonly error: string | null;
  readonly rows: number;
  readonly truncated: boolean;
  readonly warnings: readonly string[];
  readonly updatedAt: number;
}

export interface ChunkRecord {
  readonly operationId: number;
  readonly deviceId: number;
  readonly seq: number;
  readonly part: number;
  /** The rows as JSON text, exactly as received (stored without re-encoding). */
  readonly rowsJson: string;
  readonly rowCount: number;
}

/** A site user's saved CMPivot query (the console's favourites). */
export type FavoriteRecord = UserFavorite;

/** run: a query was asked (at submit); run-end: how it ended, with counts; the rest as named. */
export type AuditKind = 'run' | 'run-end' | 'auth-failure' | 'refused' | 'cancel' | 'admin';

export interface AuditInput {
  readonly kind: AuditKind;
  readonly at: number;
  readonly userName: string | null;
  readonly source: QuerySource | null;
  readonly remoteAddr: string | null;
  readonly target: string | null;
  readonly query: string | null;
  readonly querySha256: string | null;
  readonly operationId: number | null;
  readonly outcome: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditRecord extends AuditInput {
  readonly seq: number;
  /** SHA-256 hex of the previous record's hash and this record's canonical JSON: tampering shows. */
  readonly prevHash: string;
  readonly hash: string;
}

/** An operation as submitted: the record's fields but those the store sets (id, status, end). */
export interface NewOperation extends Omit<OperationRecord, 'id' | 'status' | 'finishedAt'> {
  /** Devices targeted, with their first status (pending or offline). */
  readonly targets: readonly { readonly deviceId: number; readonly deviceName: string; readonly status: DeviceStatus }[];
}

export interface TargetUpdate {
  readonly operationId: number;
  readonly deviceId: number;
  readonly status: DeviceStatus;
  readonly error?: string | null;
  readonly rows?: number;
  readonly truncated?: boolean;
  readonly warnings?: readonly string[];
  readonly at: number;
}

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';

  // settings (site id, secrets generated on first start)
  getSetting(key: string): Promise<string | null>;
  /** Sets the value only if the key is absent; returns the value now stored (first writer wins across nodes). */
  initSetting(key: string, value: string): Promise<string>;
  /** Sets the value whether or not the key exists (the cloud connector's credential, replaced on re-attach). */
  setSetting(key: string, value: string): Promise<void>;
  deleteSetting(key: string): Promise<void>;

  // enrollment
  addEnrollToken(t: { tokenHash: string; createdAt: number; expiresAt: number; uses: number }): Promise<void>;
  /**
   * Atomically takes one use of an unexpired token with uses left and creates the device; null if the
   * token is unknown, used up or expired (at `device.at`). A device re-enrolling gets a new id.
   */
  enrollDevice(tokenHash: string, device: { publicKey: string; facts: DeviceFacts; at: number }): Promise<DeviceRecord | null>;

  // devices
  getDevice(id: number): Promise<DeviceRecord | null>;
  /** The device enrolled with this public key (SPKI DER, base64), if any. */
  getDeviceByPublicKey(publicKey: string): Promise<DeviceRecord | null>;
  listDevices(page?: Page): Promise<DeviceRecord[]>;
  /** On a successful connection: facts, online, node, last seen. */
  markConnected(id: number, facts: DeviceFacts, nodeId: string, at: number): Promise<void>;
  /** Only if still held by `nodeId` (a reconnect to another node wins). */
  markDisconnected(id: number, nodeId: string, at: number): Promise<void>;
  /** Heartbeats, batched. */
  touchDevices(ids: readonly number[], at: number): Promise<void>;
  /** On node start: every device this node held is offline (its sockets died with the process). */
  markNodeOffline(nodeId: string, at: number): Promise<void>;

  // users, tokens, roles
  createUser(u: { name: string; passwordHash: string | null; at: number }): Promise<UserRecord>;
  getUserByName(name: string): Promise<UserRecord | null>;
  getUser(id: number): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  setPassword(userId: number, passwordHash: string): Promise<void>;
  /** Sets or clears the user's UPN; a UPN another user holds (in any case) is a conflict on `upn`. */
  setUserUpn(userId: number, upn: string | null): Promise<void>;
  /**
   * The enabled user a cloud request from `upn` stands for: the one whose UPN equals it ignoring case,
   * else the one whose name does; null if none.
   */
  findUserForCloud(upn: string): Promise<UserRecord | null>;
  deleteUser(userId: number): Promise<void>;
  addApiToken(t: { userId: number; name: string; tokenHash: string; createdAt: number; expiresAt: number | null }): Promise<ApiTokenRecord>;
  getApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  listApiTokens(userId: number): Promise<ApiTokenRecord[]>;
  deleteApiToken(userId: number, id: number): Promise<boolean>;
  /** Creates or updates the built-in roles by name (idempotent; runs on every start). */
  ensureRoles(roles: readonly { name: string; description: string; permissions: readonly Permission[] }[]): Promise<void>;
  createRole(r: { name: string; description: string; permissions: readonly Permission[] }): Promise<RoleRecord>;
  getRoleByName(name: string): Promise<RoleRecord | null>;
  listRoles(): Promise<RoleRecord[]>;
  deleteRole(id: number): Promise<boolean>;
  assignRole(a: { userId: number; roleId: number; collectionId: string }): Promise<RoleAssignmentRecord>;
  /** The user's assignments with each role's permissions, for RBAC. */
  assignmentsOf(userId: number): Promise<(RoleAssignmentRecord & { readonly permissions: readonly Permission[]; readonly roleName: string })[]>;
  removeAssignment(id: number): Promise<boolean>;

  // collections
  /** Creates SMS00001 "All Systems" if absent. */
  ensureBuiltInCollections(at: number): Promise<void>;
  /** Ids are generated: a site code prefix and a number ("OPS00001"). */
  createCollection(c: { name: string; comment: string; rules: readonly CollectionRule[] | null; members: readonly number[]; at: number }): Promise<CollectionRecord>;
  getCollection(id: string): Promise<CollectionRecord | null>;
  listCollections(): Promise<CollectionRecord[]>;
  updateCollection(id: string, patch: { name?: string; comment?: string; rules?: readonly CollectionRule[] | null; members?: readonly number[] }): Promise<CollectionRecord | null>;
  deleteCollection(id: string): Promise<boolean>;
  /** Direct members only (rules are evaluated by the caller, which knows device facts). */
  directMembers(collectionId: string): Promise<number[]>;

  // operations
  createOperation(op: NewOperation): Promise<OperationRecord>;
  getOperation(id: number): Promise<OperationRecord | null>;
  listOperations(page: Page): Promise<OperationRecord[]>;
  /** Operations still running (for resume after a restart and for the timeout sweep). */
  runningOperations(): Promise<OperationRecord[]>;
  /** Ends a running operation; false if it had already ended (another node, or a race): exactly one caller wins. */
  finishOperation(id: number, status: OperationStatus, at: number): Promise<boolean>;
  targets(operationId: number): Promise<TargetRecord[]>;
  /** Targets of running operations for one device whose status is not final (to deliver on connect). */
  pendingForDevice(deviceId: number, now: number): Promise<{ operation: OperationRecord; target: TargetRecord }[]>;
  /** Many target updates in one transaction. A final status is never overwritten by another. */
  updateTargets(updates: readonly TargetUpdate[]): Promise<void>;
  /**
   * Stores chunks idempotently (same operation, device and seq: kept once) in one transaction; the
   * site acknowledges a chunk only after this resolves.
   */
  saveChunks(chunks: readonly ChunkRecord[]): Promise<void>;
  /** Every chunk of an operation, in (device, seq) order. */
  chunks(operationId: number): Promise<ChunkRecord[]>;
  /** One device's chunks of an operation, in seq order (streaming a device's rows as they arrive). */
  deviceChunks(operationId: number, deviceId: number): Promise<ChunkRecord[]>;
  /** Removes operations (targets, chunks) created before `before`; returns how many. */
  deleteOperationsBefore(before: number): Promise<number>;

  // audit
  /** Appends one record, computing prevHash and hash inside a transaction (serialised across nodes). */
  appendAudit(a: AuditInput): Promise<AuditRecord>;
  listAudit(page: Page & { readonly afterSeq?: number }): Promise<AuditRecord[]>;
  /** The chain's head (last seq and hash), kept apart from the records: removing the newest records shows. */
  auditHead(): Promise<{ seq: number; hash: string }>;

  // favourites: every call is scoped by the user, who never sees or changes another's
  /** The user's favourites by name (ignoring case); `search` keeps those whose name or a tag contains it, ignoring case. */
  listFavorites(userId: number, o?: { search?: string }): Promise<FavoriteRecord[]>;
  /**
   * Saves a favourite. Throws StoreError('conflict', 'name') when the user has one of that name
   * (ignoring case), StoreError('invalid', 'userId') for an unknown user.
   */
  createFavorite(f: { userId: number; name: string; query: string; tags: readonly string[]; at: number }): Promise<FavoriteRecord>;
  /** Changes the given fields; null when the user has no favourite `id`. Throws StoreError('conflict', 'name') as createFavorite. */
  updateFavorite(userId: number, id: number, u: { name?: string; query?: string; tags?: readonly string[]; at: number }): Promise<FavoriteRecord | null>;
  /** False when the user has no favourite `id`. */
  deleteFavorite(userId: number, id: number): Promise<boolean>;

  close(): Promise<void>;
}
