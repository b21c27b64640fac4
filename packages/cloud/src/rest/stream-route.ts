import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CloudContext } from './context.js';
import type { CloudOperationRecord } from '../store/store.js';
import { operationSummary, rowObject } from './cmpivot-routes.js';

type Visible = (ctx: CloudContext, req: FastifyRequest, reply: FastifyReply, id: string) => Promise<CloudOperationRecord | null>;

/**
 * `CMPivotOperations(n)/Events`: the operation as Server-Sent Events — `status` whenever it changes,
 * `rows` as the device's rows arrive, then `end` with the final summary. For the admin center's
 * results pane, which shows rows without polling.
 */
export function registerStreamRoute(app: FastifyInstance, ctx: CloudContext, visibleOperation: Visible): void {
  app.get<{ Params: { op: string } }>('/AdminService/v1.0/CMPivotOperations/:op/Events', async (req, reply) => {
    const op = await visibleOperation(ctx, req, reply, req.params.op);
    if (!op) return reply;
    const device = await ctx.store.getDevice(op.tenantId, op.machineId);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const send = (event: string, data: unknown): void => {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    let sentRows = 0;
    let lastStatus = '';
    let ended = false;
    // One update at a time, in order: rows never arrive after `end`.
    let chain = Promise.resolve();
    const update = (): void => {
      chain = chain.then(async () => {
        if (ended) return;
        const now = (await ctx.store.getOperationById(op.id))!;
        const status = `${now.status}/${now.deviceStatus ?? ''}`;
        if (status !== lastStatus) send('status', operationSummary(now));
        lastStatus = status;
        if (now.rowCount > sentRows && now.columns) {
          const rows = await ctx.store.readRows(op.id, { limit: now.rowCount - sentRows, offset: sentRows });
          send('rows', { Columns: now.columns.map((c) => ({ Name: c.name, Type: c.type })), Result: rows.map((r) => rowObject(now.columns!, r, device?.name ?? '')) });
          sentRows += rows.length;
        }
        if (now.status !== 'pending' && now.status !== 'running') {
          ended = true;
          send('end', operationSummary(now));
          res.end();
        }
      }).catch((e: unknown) => ctx.log('sse.error', { operationId: op.id, error: String(e) }));
    };
    // Subscribe before the first read, so nothing falls between the snapshot and the stream.
    const off = ctx.bus.onOperation(op.id, update);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    res.on('close', () => {
      ended = true;
      off();
      clearInterval(keepAlive);
    });
    update();
    return reply;
  });
}
