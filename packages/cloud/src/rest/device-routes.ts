import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MESSAGES } from '@openpivot/protocol';
import { sendError } from '@openpivot/server';
import type { CloudContext } from './context.js';
import type { CloudDeviceRecord } from '../store/store.js';
import { requireRole } from './app.js';

const V = '/AdminService/v1.0';
const PAGE_MAX = 1000;

/**
 * The tenant's synced devices, as the admin center lists them: `Device` with `$search` (a part of the
 * name) or OData `$filter=contains(Name,'…')` / `startswith(Name,'…')`, `$top`/`$skip`; `Device(MachineId)` with the client
 * details. A device of another tenant is 404, exactly as one that does not exist.
 */
export function registerDeviceRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.get<{ Querystring: { $search?: string; $filter?: string; $top?: string; $skip?: string } }>(`${V}/Device`, async (req, reply) => {
    if (!requireRole(ctx, req, reply, 'Devices.Read')) return reply;
    const search = searchOf(req.query);
    if (search === null) return sendError(reply, 400, 'BadRequest', "$filter supports contains(Name,'text') or startswith(Name,'text') only; or use $search=text.");
    const top = count(req.query.$top, PAGE_MAX);
    const skip = count(req.query.$skip, 0);
    if (top === null || skip === null) return sendError(reply, 400, 'BadRequest', '$top and $skip must be non-negative integers.');
    const tenantId = req.user!.tenantId;
    const [devices, total] = await Promise.all([
      ctx.store.listDevices(tenantId, { limit: Math.min(top, PAGE_MAX), offset: skip, ...(search.text ? { search: search.text, prefix: search.prefix } : {}) }),
      ctx.store.countDevices(tenantId, search.text || undefined, search.prefix),
    ]);
    return reply.send({ '@odata.count': total, value: devices.map(summary) });
  });

  app.get<{ Params: { id: string } }>(`${V}/Device/:id`, async (req, reply) => {
    if (!requireRole(ctx, req, reply, 'Devices.Read')) return reply;
    const device = await deviceOf(ctx, req, reply, req.params.id);
    if (!device) return reply;
    return reply.send({ value: details(device) });
  });
}

/** The device with this MachineId in the caller's tenant, or a 404 already sent. */
export async function deviceOf(ctx: CloudContext, req: FastifyRequest, reply: FastifyReply, idText: string): Promise<CloudDeviceRecord | null> {
  const id = /^\d{1,15}$/.test(idText) ? Number(idText) : null;
  const device = id === null ? null : await ctx.store.getDevice(req.user!.tenantId, id);
  if (!device) void sendError(reply, 404, 'NotFound', MESSAGES.deviceNotFound(idText));
  return device;
}

function summary(d: CloudDeviceRecord): Record<string, unknown> {
  return {
    MachineId: d.machineId, Name: d.name, IsOnline: d.online, SiteCode: d.siteCode, Platform: d.platform,
    OperatingSystem: d.os, LastSeen: d.lastSeen === null ? null : new Date(d.lastSeen).toISOString(),
  };
}

/** The admin center's "client details" for one device. */
function details(d: CloudDeviceRecord): Record<string, unknown> {
  return {
    ...summary(d), ResourceId: d.deviceId, OSVersion: d.osVersion, ClientVersion: d.agentVersion, IPAddress: d.ip, Domain: d.domain,
    Collections: d.collections.map((c) => ({ CollectionId: c.id, Name: c.name })), LastSyncTime: new Date(d.syncedAt).toISOString(),
  };
}

/**
 * `$search=x` or `$filter=contains(Name,'x')` (a part of the name), `$filter=startswith(Name,'x')` (its
 * start): `{ text: '' }` for none, null when unsupported.
 */
function searchOf(q: { $search?: string; $filter?: string }): { readonly text: string; readonly prefix: boolean } | null {
  if (q.$filter !== undefined) {
    const m = /^\s*(contains|startswith)\(\s*Name\s*,\s*'((?:[^']|'')*)'\s*\)\s*$/i.exec(q.$filter);
    return m ? { text: m[2]!.replace(/''/g, "'"), prefix: m[1]!.toLowerCase() === 'startswith' } : null;
  }
  return { text: (q.$search ?? '').trim().replace(/^"(.*)"$/, '$1'), prefix: false };
}

function count(v: string | undefined, fallback: number): number | null {
  if (v === undefined) return fallback;
  return /^\d{1,9}$/.test(v) ? Number(v) : null;
}
