import type { Selectable } from 'kysely';
import type { CollectionRule, DeviceFacts, DeviceStatus, OperationStatus, Permission, QuerySource } from '@openpivot/protocol';
import type {
  ApiTokensTable, AuditTable, CollectionsTable, DevicesTable, OperationsTable, OperationTargetsTable,
  ResultChunksTable, RoleAssignmentsTable, RolesTable, UsersTable,
} from './db-schema.js';
import type {
  ApiTokenRecord, AuditKind, AuditRecord, ChunkRecord, CollectionRecord, DeviceRecord, OperationRecord,
  RoleAssignmentRecord, RoleRecord, TargetRecord, UserRecord,
} from './store.js';

/**
 * Rows to records. Text columns holding enums and JSON were written only by this store, from typed
 * values, so they are read back with a cast rather than validated again on every read.
 */

const json = <T>(text: string): T => JSON.parse(text) as T;

export const toDevice = (r: Selectable<DevicesTable>): DeviceRecord => ({
  id: r.id, name: r.name, publicKey: r.public_key, facts: json<DeviceFacts>(r.facts), enrolledAt: r.enrolled_at,
  lastSeen: r.last_seen, online: r.online === 1, nodeId: r.node_id,
});

export const toUser = (r: Selectable<UsersTable>): UserRecord => ({
  id: r.id, name: r.name, passwordHash: r.password_hash, createdAt: r.created_at, disabled: r.disabled === 1, upn: r.upn,
});

export const toApiToken = (r: Selectable<ApiTokensTable>): ApiTokenRecord => ({
  id: r.id, userId: r.user_id, name: r.name, tokenHash: r.token_hash, createdAt: r.created_at, expiresAt: r.expires_at,
});

export const toRole = (r: Selectable<RolesTable>): RoleRecord => ({
  id: r.id, name: r.name, description: r.description, permissions: json<Permission[]>(r.permissions), builtIn: r.built_in === 1,
});

export const toAssignment = (r: Selectable<RoleAssignmentsTable>): RoleAssignmentRecord => ({
  id: r.id, userId: r.user_id, roleId: r.role_id, collectionId: r.collection_id,
});

export const toCollection = (r: Selectable<CollectionsTable>): CollectionRecord => ({
  id: r.id, name: r.name, comment: r.comment, rules: r.rules === null ? null : json<CollectionRule[]>(r.rules),
  builtIn: r.built_in === 1, createdAt: r.created_at,
});

export const toOperation = (r: Selectable<OperationsTable>): OperationRecord => ({
  id: r.id, userId: r.user_id, userName: r.user_name, source: r.source as QuerySource,
  targetKind: r.target_kind as OperationRecord['targetKind'], targetId: r.target_id, query: r.query,
  querySha256: r.query_sha256, dialect: r.dialect as OperationRecord['dialect'], createdAt: r.created_at,
  expiresAt: r.expires_at, status: r.status as OperationStatus, finishedAt: r.finished_at,
});

export const toTarget = (r: Selectable<OperationTargetsTable>): TargetRecord => ({
  operationId: r.operation_id, deviceId: r.device_id, deviceName: r.device_name, status: r.status as DeviceStatus,
  error: r.error, rows: r.rows, truncated: r.truncated === 1, warnings: json<string[]>(r.warnings), updatedAt: r.updated_at,
});

export const toChunk = (r: Selectable<ResultChunksTable>): ChunkRecord => ({
  operationId: r.operation_id, deviceId: r.device_id, seq: r.seq, part: r.part, rowsJson: r.rows_json, rowCount: r.row_count,
});

export const toAudit = (r: Selectable<AuditTable>): AuditRecord => ({
  seq: r.seq, kind: r.kind as AuditKind, at: r.at, userName: r.user_name, source: r.source as QuerySource | null,
  remoteAddr: r.remote_addr, target: r.target, query: r.query, querySha256: r.query_sha256, operationId: r.operation_id,
  outcome: r.outcome, details: json<Record<string, unknown>>(r.details), prevHash: r.prev_hash, hash: r.hash,
});
