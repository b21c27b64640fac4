import type { FastifyInstance } from 'fastify';
import { FINAL_DEVICE_STATUSES } from '@openpivot/protocol';
import type { SiteContext } from './context.js';
import type { OperationRecord, TargetRecord } from '../store/index.js';
import type { OperationEvent } from '../cluster/bus.js';
import { sendError } from './errors.js';
import { actorOf } from './app.js';
import { scopeOf } from '../rbac/rbac.js';
import { visibleOperation, parseResourceId } from './cmpivot-routes.js';
import { rowObjects, columnsOf, MAX_PAGE_CELLS, type ResultCache } from './results.js';

const V = '/AdminService/v1.0';

export function statusRow(t: TargetRecord): Record<string, unknown> {
  return {
    ClientOperationId: t.operationId, ResourceId: t.deviceId, DeviceName: t.deviceName, Status: t.status,
    Error: t.error, Rows: t.rows, Truncated: t.truncated, Warnings: t.warnings, LastUpdateTime: new Date(t.updatedAt).toISOString(),
  };
}

export function operationSummary(op: OperationRecord, targets: readonly TargetRecord[]): Record<string, unknown> {
  const counts: Record<string, number> = {};
  for (const t of targets) counts[t.status] = (counts[t.status] ?? 0) + 1;
  return {
    OperationId: op.id, Query: op.query, QuerySha256: op.querySha256, Dialect: op.dialect, UserName: op.userName, Source: op.source,
    Target: targetOf(op),
    Status: op.status, CreatedAt: new Date(op.createdAt).toISOString(), ExpiresAt: new Date(op.expiresAt).toISOString(),
    FinishedAt: op.finishedAt === null ? null : new Date(op.finishedAt).toISOString(), Devices: targets.length, Counts: counts,
  };
}

function targetOf(op: OperationRecord): Record<string, unknown> {
  switch (op.targetKind) {
    case 'device': return { Device: Number(op.targetId) };
    case 'collection': return { Collection: op.targetId };
    case 'devices': return { Devices: op.targetId.split(',').map(Number) };
  }
}

/**
 * What the AdminService lacks and fleet users ask for: per-device status, the devices that have not
 * answered, a live stream of results (Server-Sent Events), the list of one's operations, and cancel.
 */
export function registerOperationRoutes(app: FastifyInstance, ctx: SiteContext, results: ResultCache): void {
  // SMS_CMPivotStatus?$filter=ClientOperationId eq N — the per-device status view scripts already query.
  app.get<{ Querystring: { $filter?: string } }>(`${V}/SMS_CMPivotStatus`, async (req, reply) => {
    const m = /^\s*ClientOperationId\s+eq\s+(\d+)\s*$/i.exec(req.query.$filter ?? '');
    if (!m) return sendError(reply, 400, 'BadRequest', "Filter by operation: $filter=ClientOperationId eq <OperationId>.", [{ target: '$filter', message: 'expected ClientOperationId eq <number>' }]);
    const op = await visibleOperation(ctx, req, reply, m[1]!);
    if (!op) return reply;
    return reply.send({ value: (await ctx.store.targets(op.id)).map(statusRow) });
  });

  app.get<{ Querystring: { $top?: string; $skip?: string } }>(`${V}/CMPivotOperations`, async (req, reply) => {
    const top = Math.min(Number(req.query.$top ?? 100) || 100, 1000);
    const skip = Number(req.query.$skip ?? 0) || 0;
    const admin = (await scopeOf(ctx.store, req.principal!.user.id)).anywhere('Site.Admin');
    const ops = await ctx.store.listOperations({ limit: admin ? top : 1000, offset: admin ? skip : 0 });
    const mine = admin ? ops : ops.filter((o) => o.userId === req.principal!.user.id).slice(skip, skip + top);
    return reply.send({ value: await Promise.all(mine.map(async (o) => operationSummary(o, await ctx.store.targets(o.id)))) });
  });

  app.get<{ Params: { op: string } }>(`${V}/CMPivotOperations/:op`, async (req, reply) => {
    const op = await visibleOperation(ctx, req, reply, req.params.op);
    if (!op) return reply;
    return reply.send(operationSummary(op, await ctx.store.targets(op.id)));
  });

  app.get<{ Params: { op: string } }>(`${V}/CMPivotOperations/:op/Status`, async (req, reply) => {
    const op = await visibleOperation(ctx, req, reply, req.params.op);
    if (!op) return reply;
    return reply.send({ value: (await ctx.store.targets(op.id)).map(statusRow) });
  });

  // Who has not answered: pending, offline or still working.
  app.get<{ Params: { op: string } }>(`${V}/CMPivotOperations/:op/Pending`, async (req, reply) => {
    const op = await visibleOperation(ctx, req, reply, req.params.op);
    if (!op) return reply;
    const waiting = (await ctx.store.targets(op.id)).filter((t) => !FINAL_DEVICE_STATUSES.has(t.status));
    return reply.send({ value: waiting.map(statusRow) });
  });

  app.post<{ Params: { op: string } }>(`${V}/CMPivotOperations/:op/Cancel`, async (req, reply) => {
    const op = await visibleOperation(ctx, req, reply, req.params.op);
    if (!op) return reply;
    const cancelled = await ctx.operations.cancel(op.id);
    await ctx.auditor.record('cancel', actorOf(req), { target: `Operation(${op.id})`, operationId: op.id, querySha256: op.querySha256, outcome: cancelled ? 'cancelled' : 'already-ended' });
    if (!cancelled) return sendError(reply, 409, 'Conflict', `Operation ${op.id} has already ended (${(await ctx.store.getOperation(op.id))?.status}).`);
    return reply.send({ OperationId: op.id, Status: 'cancelled' });
  });

  app.get<{ Params: { op: string } }>(`${V}/CMPivotOperations/:op/Events`, async (req, reply) => {
    const op = await visibleOperation(ctx, req, reply, req.params.op);
    if (!op) return reply;
    const query = await ctx.operations.queryOf(op);
    if (!query) return sendError(reply, 500, 'InternalError', `The query of operation ${op.id} no longer binds.`);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const send = (event: string, data: unknown): void => {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const pageRows = Math.max(1, Math.floor(MAX_PAGE_CELLS / Math.max(1, query.schema.length)));
    let ended = false;
    // Events are handled one at a time, in order, so a device's rows never follow the final result —
    // and none before the snapshot: the chain waits at this gate until the snapshot is sent.
    let openGate: () => void = () => undefined;
    let chain = new Promise<void>((resolve) => { openGate = resolve; });
    const finish = async (): Promise<void> => {
      if (ended) return;
      ended = true;
      const latest = (await ctx.store.getOperation(op.id)) ?? op;
      const table = await results.merged(latest, query);
      send('result', { ...operationSummary(latest, await ctx.store.targets(op.id)), Columns: columnsOf(table.schema), Rows: table.length, Result: rowObjects(table, 0, pageRows) });
      res.end();
    };
    const onEvent = (e: OperationEvent): void => {
      chain = chain.then(async () => {
        if (ended) return;
        if (e.kind === 'end') return finish();
        send('device', { ResourceId: e.deviceId, Device: e.deviceName, Status: e.status, Rows: e.rows, Error: e.error });
        if (query.streamable && FINAL_DEVICE_STATUSES.has(e.status) && e.rows > 0) {
          const table = await results.merged(op, query, e.deviceId);
          send('rows', { ResourceId: e.deviceId, Device: e.deviceName, Result: rowObjects(table, 0, pageRows) });
        }
      }).catch((err: unknown) => ctx.log('sse.error', { operationId: op.id, error: String(err) }));
    };
    // Subscribe before reading the state, so nothing falls between the snapshot and the stream.
    const off = ctx.bus.onOperation(op.id, onEvent);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    res.on('close', () => {
      ended = true;
      off();
      clearInterval(keepAlive);
    });
    const targets = await ctx.store.targets(op.id);
    send('snapshot', { ...operationSummary(op, targets), Columns: columnsOf(query.schema), Targets: targets.map(statusRow) });
    openGate();
    const now = await ctx.store.getOperation(op.id);
    if (!now || now.status !== 'running') chain = chain.then(finish);
    return reply;
  });

  void parseResourceId;
}
