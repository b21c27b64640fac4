import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SiteContext } from '../context.js';
import type { DeviceRecord, RoleAssignmentRecord, Store } from '../../store/index.js';
import { StoreError } from '../../store/index.js';
import { actorOf } from '../app.js';
import { sendError } from '../errors.js';

export const V = '/AdminService/v1.0';

export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Numeric ids in keys (`Users(3)`): anything else is not an id. */
export function parseNumericId(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

/**
 * Writes the audit record of an admin change. It is awaited: a change the trail cannot record is
 * still made (the store has committed it), but the caller sees the failure as a 500.
 */
export async function auditAdmin(ctx: SiteContext, req: FastifyRequest, outcome: string, target: string, details: Record<string, unknown> = {}): Promise<void> {
  await ctx.auditor.record('admin', actorOf(req), { target, outcome, details });
}

/**
 * A store refusal as an HTTP answer: `conflict` → 409, `invalid` → 400 naming the request field
 * (`fields` maps the store's field names to the body's). Anything else is a fault and is rethrown.
 */
export function sendStoreError(reply: FastifyReply, err: unknown, fields: Readonly<Record<string, string>> = {}): FastifyReply {
  if (!(err instanceof StoreError)) throw err;
  const target = fields[err.field] ?? err.field;
  const message = err.message.slice(err.field.length + 2);
  if (err.code === 'conflict') return sendError(reply, 409, 'Conflict', `${target}: ${message}`, [{ target, message }]);
  return sendError(reply, 400, 'BadRequest', 'The request body is not valid.', [{ target, message }]);
}

export async function allDevices(store: Store): Promise<DeviceRecord[]> {
  const all: DeviceRecord[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await store.listDevices({ limit: 10_000, offset });
    all.push(...page);
    if (page.length < 10_000) return all;
  }
}

/**
 * Whether dropping the assignments `dropped` selects would take Site.Admin from the last enabled user
 * holding it. Every change that removes assignments (a user, an assignment, a role, a collection)
 * asks first, so the site is never left without anyone able to administer it.
 */
export async function removesLastAdmin(store: Store, dropped: (a: RoleAssignmentRecord) => boolean): Promise<boolean> {
  let before = false;
  for (const user of await store.listUsers()) {
    if (user.disabled) continue;
    const admin = (await store.assignmentsOf(user.id)).filter((a) => a.permissions.includes('Site.Admin'));
    if (admin.some((a) => !dropped(a))) return false;
    if (admin.length > 0) before = true;
  }
  return before;
}

export const LAST_ADMIN = 'This would leave no user with the Site.Admin permission; give another user a role with Site.Admin first.';
