import { z } from 'zod';
import { LIMITS } from './limits.js';
import { PERMISSIONS } from './permissions.js';

/**
 * REST request bodies (AdminService-shaped where the AdminService has the call). Responses are
 * described in `openapi.ts`; these are what the site validates on the way in.
 */

/** `POST …/AdminService.RunCMPivot`. `Source` is openpivot's (console, cloud, api) and optional. */
export const RunCMPivotBody = z.object({
  InputQuery: z.string().min(1, 'InputQuery is empty').max(LIMITS.maxQueryChars),
  Dialect: z.enum(['cmpivot', 'kusto']).optional(),
  /** Seconds the operation waits for devices (default 3600, at most 86400). */
  TimeoutSeconds: z.number().int().min(1).max(86_400).optional(),
});
export type RunCMPivotBody = z.infer<typeof RunCMPivotBody>;

/** CMPivot on selected devices (the Devices node's selection, Device Pivot): at most this many at once. */
export const MAX_SELECTED_DEVICES = 10_000;

/**
 * `POST …/Device/AdminService.RunCMPivot`: the query on the devices selected by ResourceId. Each id once
 * (a selection holding one twice is answered once); the order is kept.
 */
export const RunCMPivotDevicesBody = RunCMPivotBody.extend({
  ResourceIds: z.array(z.number().int().positive())
    .min(1, 'ResourceIds is empty: select at least one device')
    .max(MAX_SELECTED_DEVICES, `ResourceIds holds more than ${MAX_SELECTED_DEVICES} devices`)
    .transform((ids) => [...new Set(ids)]),
});
export type RunCMPivotDevicesBody = z.infer<typeof RunCMPivotDevicesBody>;

/** A rule on device facts: every condition must hold. `Name like` takes `*` and `?` wildcards. */
export const CollectionRule = z.object({
  field: z.enum(['Name', 'Platform', 'OS', 'OSVersion', 'AgentVersion', 'IP', 'Domain']),
  op: z.enum(['equals', 'like', 'startswith', 'contains']),
  value: z.string().max(255),
});
export type CollectionRule = z.infer<typeof CollectionRule>;

export const CollectionBody = z.object({
  Name: z.string().min(1).max(255),
  Comment: z.string().max(1024).optional(),
  /** Devices added by id (direct membership). */
  Members: z.array(z.number().int().positive()).max(100_000).optional(),
  /** Rule-based membership: a device matching every rule belongs. */
  Rules: z.array(CollectionRule).max(32).optional(),
});
export type CollectionBody = z.infer<typeof CollectionBody>;

export const CollectionPatch = CollectionBody.partial();
export type CollectionPatch = z.infer<typeof CollectionPatch>;

export const UserBody = z.object({
  Name: z.string().min(1).max(128).regex(/^[A-Za-z0-9._@\\-]+$/, 'letters, digits and . _ @ \\ - only'),
  Password: z.string().min(8).max(1024).optional(),
});
export type UserBody = z.infer<typeof UserBody>;

/** `PUT …/Users(ID)/Password`. */
export const PasswordBody = z.object({ Password: UserBody.shape.Password.unwrap() });
export type PasswordBody = z.infer<typeof PasswordBody>;

export const RoleBody = z.object({
  Name: z.string().min(1).max(128),
  Description: z.string().max(1024).optional(),
  Permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
});
export type RoleBody = z.infer<typeof RoleBody>;

export const RoleAssignmentBody = z.object({
  Role: z.string().min(1).max(128),
  /** Collections the role applies to; default: All Systems. */
  Collections: z.array(z.string().min(1).max(64)).min(1).max(1000).optional(),
});
export type RoleAssignmentBody = z.infer<typeof RoleAssignmentBody>;

export const ApiTokenBody = z.object({
  Name: z.string().min(1).max(128),
  ExpiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type ApiTokenBody = z.infer<typeof ApiTokenBody>;

/** The error body every non-2xx answer carries (OData-like, as the AdminService answers). */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** Field errors, or query diagnostics with positions. */
    readonly details?: readonly ErrorDetail[];
  };
}

export interface ErrorDetail {
  readonly code?: string;
  readonly message: string;
  readonly target?: string;
  /** 1-based line and column of a query diagnostic, with its offsets. */
  readonly line?: number;
  readonly column?: number;
  readonly start?: number;
  readonly end?: number;
}
