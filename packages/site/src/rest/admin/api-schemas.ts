import { z } from 'zod';
import {
  ApiTokenBody, CollectionBody, CreateFavoriteBody, UpdateFavoriteBody, CollectionPatch, CollectionRule, PasswordBody, RoleAssignmentBody, RoleBody, RunCMPivotBody, RunCMPivotDevicesBody, UserBody,
  DEVICE_STATUSES, ERROR_CODES, OPERATION_STATUSES, PERMISSIONS, QUERY_SOURCES,
} from '@openpivot/protocol';

/**
 * The component schemas of the OpenAPI document. Request bodies come from the very zod schemas the
 * routes validate with, so the document cannot drift from them; responses are written out here,
 * matching the `*Json` functions of the route files.
 */
type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const bool: Schema = { type: 'boolean' };
const time: Schema = { type: 'string', format: 'date-time' };
const nullable = (s: Schema): Schema => ({ ...s, type: [s.type as string, 'null'] });
const arrayOf = (items: Schema): Schema => ({ type: 'array', items });
const object = (properties: Record<string, Schema>, required = Object.keys(properties)): Schema => ({ type: 'object', properties, required });
const list = (item: string, extra: Record<string, Schema> = {}): Schema => object({ value: arrayOf(ref(item)), ...extra }, ['value']);
const permissions = arrayOf({ type: 'string', enum: [...PERMISSIONS] });
const row: Schema = { type: 'object', additionalProperties: true, description: 'One result row: column name → value.' };
const paging = { '@odata.count': int, '@odata.nextLink': { type: 'string', description: 'Present when more rows follow.' } };

/** A zod request schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without its `$schema` line. */
function fromZod(schema: z.ZodType): Schema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;
  return rest;
}

export function componentSchemas(): Record<string, Schema> {
  const columns = arrayOf(object({ Name: str, Type: str }));
  const targetStatus = object({
    ClientOperationId: int, ResourceId: int, DeviceName: str, Status: { type: 'string', enum: [...DEVICE_STATUSES] },
    Error: nullable(str), Rows: int, Truncated: bool, Warnings: arrayOf(str), LastUpdateTime: time,
  });
  const operationSummary = object({
    OperationId: int, Query: str, QuerySha256: str, Dialect: { type: 'string', enum: ['cmpivot', 'kusto'] }, UserName: str,
    Source: { type: 'string', enum: [...QUERY_SOURCES] },
    Target: { oneOf: [object({ Device: int }), object({ Collection: str }), object({ Devices: arrayOf(int) })] },
    Status: { type: 'string', enum: [...OPERATION_STATUSES] }, CreatedAt: time, ExpiresAt: time, FinishedAt: nullable(time),
    Devices: int, Counts: { type: 'object', additionalProperties: int, description: 'Devices per status.' },
  });
  return {
    // Requests
    RunCMPivotBody: fromZod(RunCMPivotBody),
    RunCMPivotDevicesBody: fromZod(RunCMPivotDevicesBody),
    CollectionRule: fromZod(CollectionRule),
    CollectionBody: fromZod(CollectionBody),
    CollectionPatch: fromZod(CollectionPatch),
    UserBody: fromZod(UserBody),
    PasswordBody: fromZod(PasswordBody),
    RoleBody: fromZod(RoleBody),
    RoleAssignmentBody: fromZod(RoleAssignmentBody),
    ApiTokenBody: fromZod(ApiTokenBody),
    CreateFavoriteBody: fromZod(CreateFavoriteBody),
    UpdateFavoriteBody: fromZod(UpdateFavoriteBody),
    // Errors
    ErrorDetail: object({ code: str, message: str, target: str, line: int, column: int, start: int, end: int }, ['message']),
    ErrorBody: object({ error: object({ code: { type: 'string', enum: [...ERROR_CODES] }, message: str, details: arrayOf(ref('ErrorDetail')) }, ['code', 'message']) }),
    // CMPivot and operations
    RunCMPivotDeviceAccepted: object({ value: object({ OperationId: int, Status: { const: 'Running' } }) }),
    RunCMPivotCollectionAccepted: object({ OperationId: int, value: object({ OperationId: int, Status: { const: 'Running' } }) }),
    DeviceResult: object({
      value: object({ OperationId: int, Status: { type: 'string', enum: [...DEVICE_STATUSES] }, Error: nullable(str), Truncated: bool, Warnings: arrayOf(str), Columns: columns, Result: arrayOf(row) }),
      ...paging,
    }, ['value', '@odata.count']),
    CollectionResult: object({
      value: arrayOf(object({
        OperationId: int, Status: { type: 'string', enum: [...OPERATION_STATUSES] }, Complete: bool, Devices: int, Answered: int,
        Counts: { type: 'object', additionalProperties: int }, Truncated: bool, Columns: columns, Result: arrayOf(row),
      })),
      ...paging,
    }, ['value', '@odata.count']),
    TargetStatus: targetStatus,
    TargetStatusList: list('TargetStatus'),
    OperationSummary: operationSummary,
    OperationSummaryList: list('OperationSummary'),
    CancelResult: object({ OperationId: int, Status: { const: 'cancelled' } }),
    // Devices and collections
    Device: object({
      MachineId: int, ResourceId: int, Name: str, IsOnline: bool, LastSeen: nullable(time), EnrolledAt: time,
      Platform: str, OS: str, OSVersion: str, AgentVersion: str, IPAddress: str, Domain: nullable(str),
    }),
    DeviceList: list('Device', { '@odata.count': int }),
    Collection: object({
      CollectionId: str, Name: str, Comment: str, Rules: { oneOf: [arrayOf(ref('CollectionRule')), { type: 'null' }], description: 'null: direct members only.' },
      MemberCount: int, IsBuiltIn: bool, CreatedAt: time,
    }),
    CollectionList: list('Collection'),
    // Users, roles, tokens
    User: object({ Id: int, Name: str, CreatedAt: time, Disabled: bool, HasPassword: bool }),
    UserList: list('User'),
    NewUser: {
      allOf: [ref('User'), { type: 'object', properties: { Password: { type: 'string', description: 'Only when the site generated it: shown this once.' } } }],
    },
    RoleAssignment: object({ Id: int, UserId: int, RoleId: int, Role: str, Collection: str, Permissions: permissions }),
    RoleAssignmentList: list('RoleAssignment'),
    Role: object({ Id: int, Name: str, Description: str, Permissions: permissions, IsBuiltIn: bool }),
    RoleList: list('Role'),
    Me: object({
      Id: int, Name: str, AuthenticatedWith: { type: 'string', enum: ['password', 'token'] },
      Roles: arrayOf(object({ Role: str, Collection: str, Permissions: permissions })),
    }),
    ApiToken: object({ Id: int, Name: str, CreatedAt: time, ExpiresAt: nullable(time) }),
    ApiTokenList: list('ApiToken'),
    NewApiToken: {
      allOf: [ref('ApiToken'), object({ Token: { type: 'string', description: 'The secret, for Authorization: Bearer. Shown this once.' } })],
    },
    // Favourites
    Favorite: object({ id: int, name: str, query: str, tags: arrayOf(str), createdAt: time, updatedAt: time }),
    FavoriteList: list('Favorite'),
    // Audit
    AuditRecord: object({
      Seq: int, Kind: { type: 'string', enum: ['run', 'run-end', 'auth-failure', 'refused', 'cancel', 'admin'] }, At: time,
      UserName: nullable(str), Source: nullable(str), RemoteAddr: nullable(str), Target: nullable(str), Query: nullable(str),
      QuerySha256: nullable(str), OperationId: nullable(int), Outcome: str, Details: { type: 'object' }, PrevHash: str, Hash: str,
    }),
    AuditRecordList: list('AuditRecord', { '@odata.nextLink': str }),
    AuditVerification: {
      type: 'object',
      properties: { Ok: bool, Records: int, Seq: int, Reason: str },
      required: ['Ok', 'Records'],
      description: 'Ok with the number of records checked, or the first bad Seq and why.',
    },
  };
}
