/**
 * Every HTTP route of the site, as data for the OpenAPI document. Paths are written as clients call
 * them (OData keys in parentheses); `admin-routes.test.ts` checks both ways against the routes the site
 * registers, so a route added without its line here fails a test.
 */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteDoc {
  readonly method: Method;
  readonly path: string;
  readonly tag: 'CMPivot' | 'Operations' | 'Devices' | 'Collections' | 'Users' | 'Roles' | 'Me' | 'Favorites' | 'Audit' | 'Meta';
  readonly summary: string;
  /** The permission checked, as the description will say it. */
  readonly permission?: string;
  /** Query options, by name in QUERY_PARAMS. */
  readonly query?: readonly string[];
  /** Request body: a component schema name (built from the protocol's zod schema). */
  readonly body?: string;
  /** Success: status, response component schema (null: no body), description. */
  readonly ok: readonly [number, string | null, string];
  /** Error statuses besides 401 (which every authenticated route may answer). */
  readonly errors: readonly number[];
  /** `text/event-stream` instead of JSON. */
  readonly stream?: true;
  /** No credentials needed. */
  readonly open?: true;
}

const V = '/AdminService/v1.0';
const DEVICE = `${V}/Device({deviceId})`;
const COLLECTION = `${V}/Collections('{collectionId}')`;
const OPERATION = `${V}/CMPivotOperations({operationId})`;
const USER = `${V}/Users({userKey})`;
const CHANGE = 'Site.Admin';

export const PATH_PARAMS: Readonly<Record<string, { readonly schema: Record<string, unknown>; readonly description: string }>> = {
  deviceId: { schema: { type: 'integer', minimum: 1 }, description: 'The device (ResourceId / MachineId).' },
  collectionId: { schema: { type: 'string' }, description: "The collection id, such as 'SMS00001'." },
  operationId: { schema: { type: 'integer', minimum: 1 }, description: 'The OperationId RunCMPivot returned.' },
  userKey: { schema: { type: 'string' }, description: "The user's Id, or its name quoted: Users('alice')." },
  assignmentId: { schema: { type: 'integer', minimum: 1 }, description: 'The role assignment Id.' },
  roleKey: { schema: { type: 'string' }, description: "The role's Id, or its name quoted: Roles('Night Shift')." },
  tokenId: { schema: { type: 'integer', minimum: 1 }, description: 'The API token Id.' },
  favoriteId: { schema: { type: 'integer', minimum: 1 }, description: 'The favourite id.' },
};

export const QUERY_PARAMS: Readonly<Record<string, { readonly schema: Record<string, unknown>; readonly description: string }>> = {
  $top: { schema: { type: 'integer', minimum: 0 }, description: 'Page size.' },
  $skip: { schema: { type: 'integer', minimum: 0 }, description: 'Items to skip.' },
  $filter: { schema: { type: 'string', example: 'ClientOperationId eq 16777220' }, description: 'Only `ClientOperationId eq <OperationId>`.' },
  afterSeq: { schema: { type: 'integer', minimum: 0 }, description: 'Records after this Seq (paging on; 0 by default).' },
  search: { schema: { type: 'string' }, description: 'Only favourites whose name or a tag contains this, ignoring case.' },
};

export const ROUTES: readonly RouteDoc[] = [
  // CMPivot (cmpivot-routes.ts)
  { method: 'post', path: `${DEVICE}/AdminService.RunCMPivot`, tag: 'CMPivot', summary: 'Run a CMPivot query on one device', permission: 'Collection.Read and Collection.RunCMPivot on a collection holding the device (and Entity.Sensitive for sensitive entities)', body: 'RunCMPivotBody', ok: [200, 'RunCMPivotDeviceAccepted', 'The operation started.'], errors: [400, 403, 404] },
  { method: 'post', path: `${COLLECTION}/AdminService.RunCMPivot`, tag: 'CMPivot', summary: 'Run a CMPivot query on every device of a collection', permission: 'Collection.Read and Collection.RunCMPivot on the collection (and Entity.Sensitive for sensitive entities)', body: 'RunCMPivotBody', ok: [200, 'RunCMPivotCollectionAccepted', 'The operation started.'], errors: [400, 403, 404] },
  { method: 'get', path: `${DEVICE}/AdminService.CMPivotResult(OperationId={operationId})`, tag: 'CMPivot', summary: "One device's result; 404 NotReady until it has answered", permission: 'having run the operation, or Site.Admin', query: ['$top', '$skip'], ok: [200, 'DeviceResult', "The device's rows."], errors: [400, 404, 500] },
  { method: 'get', path: `${COLLECTION}/AdminService.CMPivotResult(OperationId={operationId})`, tag: 'CMPivot', summary: 'The merged result of a collection operation; 404 NotReady until a device has answered', permission: 'having run the operation, or Site.Admin', query: ['$top', '$skip'], ok: [200, 'CollectionResult', 'The merged rows so far.'], errors: [400, 404, 500] },
  { method: 'post', path: `${V}/Device/AdminService.RunCMPivot`, tag: 'CMPivot', summary: 'Run a CMPivot query on selected devices (ResourceIds)', permission: 'Collection.Read and Collection.RunCMPivot on a collection holding each device (and Entity.Sensitive for sensitive entities); one device refused refuses all', body: 'RunCMPivotDevicesBody', ok: [200, 'RunCMPivotCollectionAccepted', 'The operation started.'], errors: [400, 403, 404] },
  { method: 'get', path: `${V}/Device/AdminService.CMPivotResult(OperationId={operationId})`, tag: 'CMPivot', summary: 'The merged result of an operation on selected devices; 404 NotReady until a device has answered', permission: 'having run the operation, or Site.Admin', query: ['$top', '$skip'], ok: [200, 'CollectionResult', 'The merged rows so far.'], errors: [400, 404, 500] },
  // Operations (operation-routes.ts)
  { method: 'get', path: `${V}/SMS_CMPivotStatus`, tag: 'Operations', summary: 'Per-device status of an operation', permission: 'having run the operation, or Site.Admin', query: ['$filter'], ok: [200, 'TargetStatusList', 'One row per targeted device.'], errors: [400, 404] },
  { method: 'get', path: `${V}/CMPivotOperations`, tag: 'Operations', summary: 'Your operations (every operation, for Site.Admin)', query: ['$top', '$skip'], ok: [200, 'OperationSummaryList', 'Operations.'], errors: [] },
  { method: 'get', path: OPERATION, tag: 'Operations', summary: 'One operation', permission: 'having run the operation, or Site.Admin', ok: [200, 'OperationSummary', 'The operation.'], errors: [404] },
  { method: 'get', path: `${OPERATION}/Status`, tag: 'Operations', summary: 'Per-device status of an operation', permission: 'having run the operation, or Site.Admin', ok: [200, 'TargetStatusList', 'One row per targeted device.'], errors: [404] },
  { method: 'get', path: `${OPERATION}/Pending`, tag: 'Operations', summary: 'Devices that have not answered yet', permission: 'having run the operation, or Site.Admin', ok: [200, 'TargetStatusList', 'Devices pending, offline or still working.'], errors: [404] },
  { method: 'post', path: `${OPERATION}/Cancel`, tag: 'Operations', summary: 'Cancel a running operation', permission: 'having run the operation, or Site.Admin', ok: [200, 'CancelResult', 'Cancelled.'], errors: [404, 409] },
  { method: 'get', path: `${OPERATION}/Events`, tag: 'Operations', summary: 'Stream an operation as Server-Sent Events: snapshot, device, rows, result', permission: 'having run the operation, or Site.Admin', ok: [200, null, 'An event stream: `snapshot` (summary and targets), `device` (a status change), `rows` (a device\'s rows, when the query streams), `result` (the merged answer, last).'], errors: [404, 500], stream: true },
  // Devices (device-routes.ts)
  { method: 'get', path: `${V}/Device`, tag: 'Devices', summary: 'Devices you may read', permission: 'Collection.Read on a collection holding each device', query: ['$top', '$skip'], ok: [200, 'DeviceList', 'Devices.'], errors: [] },
  { method: 'get', path: DEVICE, tag: 'Devices', summary: 'One device', permission: 'Collection.Read on a collection holding it', ok: [200, 'Device', 'The device.'], errors: [404] },
  // Collections (admin/collections.ts)
  { method: 'get', path: `${V}/Collections`, tag: 'Collections', summary: 'Collections you may read', permission: 'Collection.Read (each collection listed is one you may read)', ok: [200, 'CollectionList', 'Collections.'], errors: [403] },
  { method: 'get', path: COLLECTION, tag: 'Collections', summary: 'One collection', permission: 'Collection.Read on it', ok: [200, 'Collection', 'The collection.'], errors: [403, 404] },
  { method: 'get', path: `${COLLECTION}/Members`, tag: 'Collections', summary: 'The devices in a collection (direct and by rule)', permission: 'Collection.Read on it', ok: [200, 'DeviceList', 'Member devices.'], errors: [403, 404] },
  { method: 'post', path: `${V}/Collections`, tag: 'Collections', summary: 'Create a collection', permission: CHANGE, body: 'CollectionBody', ok: [201, 'Collection', 'Created.'], errors: [400, 403, 409] },
  { method: 'patch', path: COLLECTION, tag: 'Collections', summary: 'Change a collection (built-in ones cannot be changed)', permission: CHANGE, body: 'CollectionPatch', ok: [200, 'Collection', 'Changed.'], errors: [400, 403, 404, 409] },
  { method: 'delete', path: COLLECTION, tag: 'Collections', summary: 'Delete a collection and the role assignments scoped to it', permission: CHANGE, ok: [204, null, 'Deleted.'], errors: [403, 404, 409] },
  // Users (admin/users.ts)
  { method: 'get', path: `${V}/Users`, tag: 'Users', summary: 'Users (never their passwords)', permission: CHANGE, ok: [200, 'UserList', 'Users.'], errors: [403] },
  { method: 'get', path: USER, tag: 'Users', summary: 'One user', permission: CHANGE, ok: [200, 'User', 'The user.'], errors: [403, 404] },
  { method: 'post', path: `${V}/Users`, tag: 'Users', summary: 'Create a user; without a Password one is generated and returned once', permission: CHANGE, body: 'UserBody', ok: [201, 'NewUser', 'Created.'], errors: [400, 403, 409] },
  { method: 'delete', path: USER, tag: 'Users', summary: 'Delete a user (not yourself, not the last Site.Admin)', permission: CHANGE, ok: [204, null, 'Deleted.'], errors: [403, 404, 409] },
  { method: 'put', path: `${USER}/Password`, tag: 'Users', summary: "Set a user's password", permission: CHANGE, body: 'PasswordBody', ok: [204, null, 'Set.'], errors: [400, 403, 404] },
  { method: 'get', path: `${USER}/RoleAssignments`, tag: 'Users', summary: "A user's role assignments", permission: CHANGE, ok: [200, 'RoleAssignmentList', 'Assignments.'], errors: [403, 404] },
  { method: 'post', path: `${USER}/RoleAssignments`, tag: 'Users', summary: 'Assign a role on collections (All Systems by default)', permission: CHANGE, body: 'RoleAssignmentBody', ok: [201, 'RoleAssignmentList', 'One assignment per collection.'], errors: [400, 403, 404] },
  { method: 'delete', path: `${USER}/RoleAssignments({assignmentId})`, tag: 'Users', summary: 'Remove a role assignment (not the last Site.Admin)', permission: CHANGE, ok: [204, null, 'Removed.'], errors: [403, 404, 409] },
  // Roles (admin/roles.ts)
  { method: 'get', path: `${V}/Roles`, tag: 'Roles', summary: 'Security roles and their permissions', permission: 'Collection.Read', ok: [200, 'RoleList', 'Roles.'], errors: [403] },
  { method: 'post', path: `${V}/Roles`, tag: 'Roles', summary: 'Create a role', permission: CHANGE, body: 'RoleBody', ok: [201, 'Role', 'Created.'], errors: [400, 403, 409] },
  { method: 'delete', path: `${V}/Roles({roleKey})`, tag: 'Roles', summary: 'Delete a role (built-in ones cannot be deleted)', permission: CHANGE, ok: [204, null, 'Deleted.'], errors: [403, 404, 409] },
  // Me (admin/me.ts)
  { method: 'get', path: `${V}/Me`, tag: 'Me', summary: 'Who you are and what your roles grant', ok: [200, 'Me', 'You.'], errors: [] },
  { method: 'get', path: `${V}/Me/ApiTokens`, tag: 'Me', summary: 'Your API tokens (never their secrets)', ok: [200, 'ApiTokenList', 'Tokens.'], errors: [] },
  { method: 'post', path: `${V}/Me/ApiTokens`, tag: 'Me', summary: 'Create an API token for Authorization: Bearer; the secret is returned once', body: 'ApiTokenBody', ok: [201, 'NewApiToken', 'Created.'], errors: [400] },
  { method: 'delete', path: `${V}/Me/ApiTokens({tokenId})`, tag: 'Me', summary: 'Revoke one of your API tokens', ok: [204, null, 'Revoked.'], errors: [404] },
  // Favourites (@openpivot/server favorite-routes.ts): each user's own, whatever their roles
  { method: 'get', path: '/api/favorites', tag: 'Favorites', summary: 'Your saved queries, by name', query: ['search'], ok: [200, 'FavoriteList', 'Favourites.'], errors: [] },
  { method: 'post', path: '/api/favorites', tag: 'Favorites', summary: 'Save a query under a name (unique among yours, ignoring case)', body: 'CreateFavoriteBody', ok: [201, 'Favorite', 'Saved.'], errors: [400, 409] },
  { method: 'put', path: '/api/favorites/{favoriteId}', tag: 'Favorites', summary: 'Rename a favourite, or change its query or tags (the fields given)', body: 'UpdateFavoriteBody', ok: [200, 'Favorite', 'Changed.'], errors: [400, 404, 409] },
  { method: 'delete', path: '/api/favorites/{favoriteId}', tag: 'Favorites', summary: 'Delete a favourite', ok: [204, null, 'Deleted.'], errors: [404] },
  // Audit (admin/audit-records.ts)
  { method: 'get', path: `${V}/AuditRecords`, tag: 'Audit', summary: 'The audit trail in Seq order', permission: 'Audit.Read', query: ['$top', 'afterSeq'], ok: [200, 'AuditRecordList', 'Records (at most 1000 a page).'], errors: [400, 403] },
  { method: 'get', path: `${V}/AuditRecords/Verify`, tag: 'Audit', summary: "Check the audit trail's hash chain", permission: 'Audit.Read', ok: [200, 'AuditVerification', 'Whether every record links to the one before and matches its hash.'], errors: [403] },
  // This document (openapi.ts)
  { method: 'get', path: '/openapi.json', tag: 'Meta', summary: 'This OpenAPI document', ok: [200, null, 'OpenAPI 3.1.'], errors: [], open: true },
];
