import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { RunCMPivotBody, RunCMPivotDevicesBody, MESSAGES, FINAL_DEVICE_STATUSES } from '@openpivot/protocol';
import type { SiteContext } from './context.js';
import { actorOf, bodyOf } from './app.js';
import { sendError, diagnosticDetails } from './errors.js';
import { admitQuery, type SubmitTarget } from '../operations/submit.js';
import { scopeOf } from '../rbac/rbac.js';
import type { OperationRecord } from '../store/index.js';
import { ResultCache, rowObjects, columnsOf, MAX_PAGE_CELLS } from './results.js';
import { registerOperationRoutes } from './operation-routes.js';

const V = '/AdminService/v1.0';

/**
 * CMPivot as the AdminService offers it: RunCMPivot on a device, a collection or selected devices
 * returns an OperationId; CMPivotResult answers 404 until there is something to show, then the rows.
 */
export function registerCMPivotRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const results = new ResultCache(ctx.store);

  app.post<{ Params: { id: string } }>(`${V}/Device/:id/AdminService.RunCMPivot`, async (req, reply) => {
    const id = parseResourceId(req.params.id);
    if (id === null) return sendError(reply, 404, 'NotFound', MESSAGES.deviceNotFound(req.params.id));
    const op = await run(ctx, req, reply, RunCMPivotBody, () => ({ kind: 'device', id }));
    if (op) return reply.send({ value: { OperationId: op.id, Status: 'Running' } });
  });

  app.post<{ Params: { id: string } }>(`${V}/Collections/:id/AdminService.RunCMPivot`, async (req, reply) => {
    const op = await run(ctx, req, reply, RunCMPivotBody, () => ({ kind: 'collection', id: req.params.id }));
    // Scripts read either shape (community tools differ): both are given.
    if (op) return reply.send({ OperationId: op.id, value: { OperationId: op.id, Status: 'Running' } });
  });

  // CMPivot on the devices selected in the console (Devices node, Device Pivot): one operation, one merged answer.
  app.post(`${V}/Device/AdminService.RunCMPivot`, async (req, reply) => {
    const op = await run(ctx, req, reply, RunCMPivotDevicesBody, (body) => ({ kind: 'devices', ids: body.ResourceIds }));
    if (op) return reply.send({ OperationId: op.id, value: { OperationId: op.id, Status: 'Running' } });
  });

  app.get<{ Params: { op: string }; Querystring: Paging }>(`${V}/Device/AdminService.CMPivotResult/:op`, async (req, reply) => {
    const op = await visibleOperation(ctx, req, reply, req.params.op);
    if (!op) return reply;
    if (op.targetKind !== 'devices') return sendError(reply, 404, 'NotFound', MESSAGES.operationNotFound(req.params.op));
    return sendMergedResult(ctx, results, req, reply, op);
  });

  app.get<{ Params: { id: string; op: string }; Querystring: Paging }>(`${V}/Device/:id/AdminService.CMPivotResult/:op`, async (req, reply) => {
    const deviceId = parseResourceId(req.params.id);
    const op = await visibleOperation(ctx, req, reply, req.params.op);
    if (!op || deviceId === null) return op ? sendError(reply, 404, 'NotFound', MESSAGES.deviceNotFound(req.params.id)) : reply;
    const target = (await ctx.store.targets(op.id)).find((t) => t.deviceId === deviceId);
    if (!target) return sendError(reply, 404, 'NotFound', MESSAGES.deviceNotFound(req.params.id));
    // Like the AdminService: 404 until this device has answered (or the operation has ended).
    if (!FINAL_DEVICE_STATUSES.has(target.status) && op.status === 'running') return sendError(reply, 404, 'NotReady', MESSAGES.resultNotReady(op.id));
    const query = await ctx.operations.queryOf(op);
    if (!query) return sendError(reply, 500, 'InternalError', `The query of operation ${op.id} no longer binds.`);
    const table = await results.merged(op, query, deviceId);
    const page = paging(req.query, table.schema.length, table.length);
    if (typeof page === 'string') return sendError(reply, 400, 'BadRequest', page);
    return reply.send({
      value: {
        OperationId: op.id,
        Status: target.status,
        Error: target.error,
        Truncated: target.truncated,
        Warnings: target.warnings,
        Columns: columnsOf(table.schema),
        Result: rowObjects(table, page.skip, page.top, target.deviceName),
      },
      ...nextLink(req, page, table.length),
    });
  });

  app.get<{ Params: { id: string; op: string }; Querystring: Paging }>(`${V}/Collections/:id/AdminService.CMPivotResult/:op`, async (req, reply) => {
    const op = await visibleOperation(ctx, req, reply, req.params.op);
    if (!op) return reply;
    if (op.targetKind !== 'collection' || op.targetId.toLowerCase() !== req.params.id.toLowerCase()) {
      return sendError(reply, 404, 'NotFound', MESSAGES.operationNotFound(req.params.op));
    }
    return sendMergedResult(ctx, results, req, reply, op);
  });

  registerOperationRoutes(app, ctx, results);
}

/**
 * The merged answer of an operation on many devices (a collection, or selected devices): 404 NotReady
 * until a device has answered, then one entry holding the rows so far, paged.
 */
async function sendMergedResult(ctx: SiteContext, results: ResultCache, req: FastifyRequest<{ Querystring: Paging }>, reply: FastifyReply, op: OperationRecord): Promise<FastifyReply> {
  const targets = await ctx.store.targets(op.id);
  const answered = targets.filter((t) => FINAL_DEVICE_STATUSES.has(t.status)).length;
  if (answered === 0 && op.status === 'running') return sendError(reply, 404, 'NotReady', MESSAGES.resultNotReady(op.id));
  const query = await ctx.operations.queryOf(op);
  if (!query) return sendError(reply, 500, 'InternalError', `The query of operation ${op.id} no longer binds.`);
  const table = await results.merged(op, query);
  const page = paging(req.query, table.schema.length, table.length);
  if (typeof page === 'string') return sendError(reply, 400, 'BadRequest', page);
  const counts: Record<string, number> = {};
  for (const t of targets) counts[t.status] = (counts[t.status] ?? 0) + 1;
  // One entry holding the merged answer: a script that concatenates every entry's Result gets it whole.
  return reply.send({
    value: [{
      OperationId: op.id,
      Status: op.status,
      Complete: op.status !== 'running',
      Devices: targets.length,
      Answered: answered,
      Counts: counts,
      Truncated: targets.some((t) => t.truncated),
      Columns: columnsOf(table.schema),
      Result: rowObjects(table, page.skip, page.top),
    }],
    ...nextLink(req, page, table.length),
  });
}

async function run<B extends RunCMPivotBody>(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply, schema: z.ZodType<B>, targetOf: (body: B) => SubmitTarget): Promise<OperationRecord | null> {
  const body = bodyOf(schema, req, reply);
  if (!body) return null;
  const outcome = await admitQuery(ctx.store, ctx.auditor, {
    principal: req.principal!,
    actor: actorOf(req),
    target: targetOf(body),
    text: body.InputQuery,
    ...(body.Dialect ? { dialect: body.Dialect } : {}),
    timeoutMs: body.TimeoutSeconds !== undefined ? body.TimeoutSeconds * 1000 : ctx.settings.operationTimeoutMs,
    now: ctx.clock(),
    staleAfterMs: ctx.settings.staleAfterMs,
  });
  switch (outcome.kind) {
    case 'invalid':
      void sendError(reply, 400, 'InvalidQuery', `The query is not valid: ${outcome.diagnostics[0]!.message}`, diagnosticDetails(body.InputQuery, outcome.diagnostics));
      return null;
    case 'not-found':
      void sendError(reply, 404, 'NotFound', outcome.message);
      return null;
    case 'forbidden':
      void sendError(reply, 403, 'Forbidden', outcome.message);
      return null;
    case 'ok':
      await ctx.operations.start(outcome.operation, outcome.query);
      ctx.log('operation.start', { reqId: req.id, operationId: outcome.operation.id, targets: outcome.targets.length, user: req.principal!.user.name });
      return outcome.operation;
  }
}

/** ConfigMgr ResourceIds are positive integers. */
export function parseResourceId(s: string): number | null {
  return /^\d{1,15}$/.test(s) ? Number(s) : null;
}

/**
 * The operation, if this user may see it: whoever ran it, or a Site.Admin. Others get 404 — an
 * operation id says nothing to someone who may not read it.
 */
export async function visibleOperation(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply, idText: string): Promise<OperationRecord | null> {
  const id = parseResourceId(idText);
  const op = id === null ? null : await ctx.store.getOperation(id);
  if (op && (op.userId === req.principal!.user.id || (await scopeOf(ctx.store, req.principal!.user.id)).anywhere('Site.Admin'))) return op;
  void sendError(reply, 404, 'NotFound', MESSAGES.operationNotFound(idText));
  return null;
}

export interface Paging {
  readonly $top?: string;
  readonly $skip?: string;
}

/** OData `$top` and `$skip`; by default a page holds at most 100,000 cells, as CMPivot's pane. */
export function paging(q: Paging, columns: number, total: number): { top: number; skip: number } | string {
  const parse = (v: string | undefined, name: string): number | string | undefined => {
    if (v === undefined) return undefined;
    return /^\d{1,9}$/.test(v) ? Number(v) : `${name} must be a non-negative integer.`;
  };
  const top = parse(q.$top, '$top');
  const skip = parse(q.$skip, '$skip');
  if (typeof top === 'string') return top;
  if (typeof skip === 'string') return skip;
  const pageMax = Math.max(1, Math.floor(MAX_PAGE_CELLS / Math.max(1, columns)));
  void total;
  return { top: Math.min(top ?? pageMax, pageMax), skip: skip ?? 0 };
}

function nextLink(req: FastifyRequest, page: { top: number; skip: number }, total: number): { '@odata.nextLink'?: string; '@odata.count': number } {
  const next = page.skip + page.top;
  if (next >= total) return { '@odata.count': total };
  const path = req.originalUrl.split('?')[0]!;
  return { '@odata.count': total, '@odata.nextLink': `${path}?$skip=${next}&$top=${page.top}` };
}
