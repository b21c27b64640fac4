import type { Generated } from 'kysely';
import type { FavoriteColumns } from '@openpivot/server';

/**
 * The tables as Kysely sees them. Both dialects store the same shapes: booleans as integer 0/1 and
 * structured values (facts, rules, permissions, warnings, audit details) as JSON text, so one query layer
 * reads them the same way. Times are ms since the epoch (bigint in PostgreSQL, read back as numbers).
 */

export interface SettingsTable {
  key: string;
  value: string;
}

export interface EnrollTokensTable {
  token_hash: string;
  created_at: number;
  expires_at: number;
  uses_left: number;
}

export interface DevicesTable {
  id: Generated<number>;
  name: string;
  public_key: string;
  facts: string;
  enrolled_at: number;
  last_seen: number | null;
  online: number;
  node_id: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  name: string;
  password_hash: string | null;
  created_at: number;
  disabled: number;
  /** The cloud sign-in name this user stands for (tenant attach); unique ignoring case where set. */
  upn: Generated<string | null>;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: number;
  expires_at: number | null;
}

export interface RolesTable {
  id: Generated<number>;
  name: string;
  description: string;
  permissions: string;
  built_in: number;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  user_id: number;
  role_id: number;
  collection_id: string;
}

export interface CollectionsTable {
  id: string;
  name: string;
  comment: string;
  rules: string | null;
  built_in: number;
  created_at: number;
}

export interface CollectionMembersTable {
  collection_id: string;
  device_id: number;
}

/** Named counters taken inside a transaction (collection ids), so nodes sharing a database never collide. */
export interface CountersTable {
  name: string;
  value: number;
}

export interface OperationsTable {
  id: Generated<number>;
  user_id: number;
  user_name: string;
  source: string;
  target_kind: string;
  target_id: string;
  query: string;
  query_sha256: string;
  dialect: string;
  created_at: number;
  expires_at: number;
  status: string;
  finished_at: number | null;
}

export interface OperationTargetsTable {
  operation_id: number;
  device_id: number;
  device_name: string;
  status: string;
  error: string | null;
  rows: number;
  truncated: number;
  warnings: string;
  updated_at: number;
}

export interface ResultChunksTable {
  operation_id: number;
  device_id: number;
  seq: number;
  part: number;
  rows_json: string;
  row_count: number;
}

export interface AuditTable {
  seq: number;
  kind: string;
  at: number;
  user_name: string | null;
  source: string | null;
  remote_addr: string | null;
  target: string | null;
  query: string | null;
  query_sha256: string | null;
  operation_id: number | null;
  outcome: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** One row (id 1): the last seq and hash. Updating it first in a transaction serialises appenders. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** A user's saved CMPivot query: the favourites table the site shares with the cloud. */
export type FavoritesTable = FavoriteColumns;

export interface Database {
  settings: SettingsTable;
  enroll_tokens: EnrollTokensTable;
  devices: DevicesTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  roles: RolesTable;
  role_assignments: RoleAssignmentsTable;
  collections: CollectionsTable;
  collection_members: CollectionMembersTable;
  counters: CountersTable;
  operations: OperationsTable;
  operation_targets: OperationTargetsTable;
  result_chunks: ResultChunksTable;
  audit: AuditTable;
  audit_head: AuditHeadTable;
  favorites: FavoritesTable;
}

export type { SqlDialect } from '@openpivot/server';
