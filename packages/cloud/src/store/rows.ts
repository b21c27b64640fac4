import type { Selectable } from 'kysely';
import type { CloudRoleName, SyncedDevice } from '@openpivot/protocol';
import type { AuditTable, ConnectorsTable, DevicesTable, OperationsTable, TenantsTable, UsersTable } from './db-schema.js';
import type {
  CloudAuditRecord, CloudDeviceRecord, CloudOperationRecord, CloudOperationStatus, CloudUserRecord, ConnectorRecord, TenantRecord,
} from './store.js';

/**
 * Rows to records. Text columns holding enums and JSON were written only by this store, from typed
 * values, so they are read back with a cast rather than validated again on every read.
 */

export const json = <T>(text: string): T => JSON.parse(text) as T;
const jsonOrNull = <T>(text: string | null): T | null => (text === null ? null : json<T>(text));

export const toTenant = (r: Selectable<TenantsTable>): TenantRecord => ({ id: r.id, name: r.name, createdAt: r.created_at });

export const toUser = (r: Selectable<UsersTable>): CloudUserRecord => ({
  id: r.id, tenantId: r.tenant_id, upn: r.upn, role: r.role as CloudRoleName, passwordHash: r.password_hash,
  oidcSubject: r.oidc_subject, createdAt: r.created_at, disabled: r.disabled === 1,
});

export const toConnector = (r: Selectable<ConnectorsTable>): ConnectorRecord => ({
  id: r.id, tenantId: r.tenant_id, siteId: r.site_id, siteCode: r.site_code, name: r.name, publicKey: r.public_key,
  attachedAt: r.attached_at, nodeId: r.node_id, lastSeen: r.last_seen,
});

export const toDevice = (r: Selectable<DevicesTable>): CloudDeviceRecord => ({
  machineId: r.machine_id, tenantId: r.tenant_id, connectorId: r.connector_id, siteCode: r.site_code, syncedAt: r.synced_at,
  deviceId: r.device_id, name: r.name, platform: r.platform as SyncedDevice['platform'], os: r.os, osVersion: r.os_version,
  agentVersion: r.agent_version, ip: r.ip, domain: r.domain, online: r.online === 1, lastSeen: r.last_seen,
  collections: json<SyncedDevice['collections']>(r.collections),
});

export const toOperation = (r: Selectable<OperationsTable>): CloudOperationRecord => ({
  id: r.id, tenantId: r.tenant_id, userId: r.user_id, upn: r.upn, machineId: r.machine_id, connectorId: r.connector_id,
  query: r.query, status: r.status as CloudOperationStatus, deviceStatus: r.device_status, errorCode: r.error_code,
  error: r.error, siteOperationId: r.site_operation_id, columns: jsonOrNull<CloudOperationRecord['columns']>(r.columns),
  rowCount: r.row_count, resultBytes: r.result_bytes, truncated: r.truncated === 1, warnings: json<string[]>(r.warnings),
  timing: jsonOrNull<Record<string, number>>(r.timing), createdAt: r.created_at, endedAt: r.ended_at, deadline: r.deadline,
});

export const toAudit = (r: Selectable<AuditTable>): CloudAuditRecord => ({
  id: r.id, tenantId: r.tenant_id, at: r.at, upn: r.upn, remoteAddr: r.remote_addr, action: r.action, machineId: r.machine_id,
  deviceName: r.device_name, query: r.query, operationId: r.operation_id, outcome: r.outcome,
  details: json<Record<string, unknown>>(r.details),
});
