import type { FastifyInstance } from 'fastify';
import { MESSAGES } from '@openpivot/protocol';
import type { SiteContext } from './context.js';
import type { DeviceRecord } from '../store/index.js';
import { sendError } from './errors.js';
import { scopeOf, MembershipView, mayReadDevice } from '../rbac/rbac.js';
import { parseResourceId } from './cmpivot-routes.js';
import { isOnline } from '../liveness.js';

const V = '/AdminService/v1.0';

/** A device as the AdminService's v1.0 Device class shows it (MachineId, Name…), with openpivot's facts. */
export function deviceJson(d: DeviceRecord, ctx: Pick<SiteContext, 'clock' | 'settings'>): Record<string, unknown> {
  return {
    MachineId: d.id, ResourceId: d.id, Name: d.name, IsOnline: isOnline(d, ctx.clock(), ctx.settings.staleAfterMs),
    LastSeen: d.lastSeen === null ? null : new Date(d.lastSeen).toISOString(),
    EnrolledAt: new Date(d.enrolledAt).toISOString(),
    Platform: d.facts.platform, OS: d.facts.os, OSVersion: d.facts.osVersion, AgentVersion: d.facts.agentVersion,
    IPAddress: d.facts.ip, Domain: d.facts.domain ?? null,
  };
}

/** Devices the user may read: those in a collection where one of their roles grants Collection.Read. */
export function registerDeviceRoutes(app: FastifyInstance, ctx: SiteContext): void {
  app.get<{ Querystring: { $top?: string; $skip?: string } }>(`${V}/Device`, async (req, reply) => {
    const scope = await scopeOf(ctx.store, req.principal!.user.id);
    const view = await MembershipView.load(ctx.store);
    const all: DeviceRecord[] = [];
    for (let offset = 0; ; offset += 10_000) {
      const page = await ctx.store.listDevices({ limit: 10_000, offset });
      all.push(...page);
      if (page.length < 10_000) break;
    }
    const visible = all.filter((d) => mayReadDevice(scope, view, d));
    const skip = Number(req.query.$skip ?? 0) || 0;
    const top = Number(req.query.$top ?? visible.length) || visible.length;
    return reply.send({ '@odata.count': visible.length, value: visible.slice(skip, skip + top).map((d) => deviceJson(d, ctx)) });
  });

  app.get<{ Params: { id: string } }>(`${V}/Device/:id`, async (req, reply) => {
    const id = parseResourceId(req.params.id);
    const device = id === null ? null : await ctx.store.getDevice(id);
    const scope = await scopeOf(ctx.store, req.principal!.user.id);
    if (!device || !mayReadDevice(scope, await MembershipView.load(ctx.store), device)) {
      return sendError(reply, 404, 'NotFound', MESSAGES.deviceNotFound(req.params.id));
    }
    return reply.send(deviceJson(device, ctx));
  });
}
