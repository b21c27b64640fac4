import type { Generated } from 'kysely';
import type { FavoriteColumns } from '@openpivot/server';

/**
 * The cloud's tables as Kysely sees them. Both dialects store the same shapes: booleans as integer 0/1
 * and structured values (collections, columns, warnings, timing, audit details) as JSON text, so one
 * query layer reads them the same way. Times are ms since the epoch (bigint, read back as numbers).
 */

export interface TenantsTable {
  id: string;
  name: string;
  created_at: number;
}

export interface UsersTable {
  id: Generated<number>;
  tenant_id: string;
  upn: string;
  /** `upn` lower-cased by the store: the unique key, so UPNs differing only in case collide. */
  upn_lower: string;
  role: string;
  password_hash: string | null;
  oidc_subject: string | null;
  created_at: number;
  disabled: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
}

export interface AttachCodesTable {
  code_hash: string;
  tenant_id: string;
  created_at: number;
  expires_at: number;
  /** When the code was spent (null: still unspent); the row stays as a record of the attach. */
  spent_at: number | null;
  connector_id: string | null;
}

export interface ConnectorsTable {
  id: string;
  tenant_id: string;
  site_id: string;
  site_code: string;
  name: string;
  public_key: string;
  attached_at: number;
  node_id: string | null;
  last_seen: number | null;
}

export interface DevicesTable {
  machine_id: Generated<number>;
  tenant_id: string;
  connector_id: string;
  site_code: string;
  /** The site's ResourceId; unique with connector_id. */
  device_id: number;
  name: string;
  /** `name` lower-cased by the store, for ordering and case-insensitive search alike in both dialects. */
  name_lower: string;
  platform: string;
  os: string;
  os_version: string;
  agent_version: string;
  ip: string;
  domain: string | null;
  online: number;
  last_seen: number | null;
  collections: string;
  synced_at: number;
}

export interface OperationsTable {
  id: Generated<number>;
  tenant_id: string;
  user_id: number;
  upn: string;
  machine_id: number;
  connector_id: string;
  query: string;
  status: string;
  device_status: string | null;
  error_code: string | null;
  error: string | null;
  site_operation_id: number | null;
  columns: string | null;
  row_count: number;
  result_bytes: number;
  truncated: number;
  warnings: string;
  timing: string | null;
  created_at: number;
  ended_at: number | null;
  deadline: number;
}

/** One slice of an operation's rows as the site sent it (RelayRows), keyed by its seq. */
export interface OperationRowsTable {
  operation_id: number;
  seq: number;
  rows_json: string;
  row_count: number;
}

export interface AuditTable {
  id: Generated<number>;
  tenant_id: string;
  at: number;
  upn: string | null;
  remote_addr: string | null;
  action: string;
  machine_id: number | null;
  device_name: string | null;
  query: string | null;
  operation_id: number | null;
  outcome: string;
  details: string;
}

/** A user's saved CMPivot query (the shared favourites table, with the user's tenant). */
export interface FavoritesTable extends FavoriteColumns {
  tenant_id: string;
}

/** An OpenID Connect sign-in in progress (see OidcPendingRecord); spent by its callback, or swept once expired. */
export interface OidcPendingTable {
  state: string;
  verifier: string;
  nonce: string;
  return_to: string;
  expires_at: number;
}

export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  sessions: SessionsTable;
  attach_codes: AttachCodesTable;
  connectors: ConnectorsTable;
  devices: DevicesTable;
  operations: OperationsTable;
  operation_rows: OperationRowsTable;
  audit: AuditTable;
  favorites: FavoritesTable;
  oidc_pending: OidcPendingTable;
}

export type { SqlDialect } from '@openpivot/server';
