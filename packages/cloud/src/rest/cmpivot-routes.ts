import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { analyze } from '@openpivot/kql';
import { CATALOG, ENTITIES } from '@openpivot/entities';
import { CloudRunCMPivotBody, MESSAGES, diagnosticDetails, cloudRoleGrants } from '@openpivot/protocol';
import { sendError } from '@openpivot/server';
import type { CloudContext } from './context.js';
import type { CloudOperationRecord } from '../store/store.js';
import { bodyOf, requireRole } from './app.js';
import { deviceOf } from './device-routes.js';
import { refusalOf } from '../relay/relay.js';
import { registerStreamRoute } from './stream-route.js';
import type { RelayRefusedCode } from '@openpivot/protocol';

const V = '/AdminService/v1.0';
/** A page of rows holds at most this many cells, as CMPivot's results pane (fact sheet §3.4). */
export const MAX_PAGE_CELLS = 100_000;
const ON_PREM_ONLY = new Set(ENTITIES.filter((e) => e.onPremOnly).map((e) => e.name));

/**
 * CMPivot from the admin center, on one device (tenant attach): RunCMPivot relays the query to the
 * device's site and answers once the site has admitted it (or refused: its message, as a 403);
 * CMPivotResult answers 404 while the device has not answered, then its rows with a Device column.
 */
export function registerCMPivotRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.post<{ Params: { id: string } }>(`${V}/Device/:id/AdminService.RunCMPivot`, async (req, reply) => {
    if (!requireRole(ctx, req, reply, 'RemoteTasks.InitiateConfigMgrAction')) return reply;
    const device = await deviceOf(ctx, req, reply, req.params.id);
    if (!device) return reply;
    const body = bodyOf(CloudRunCMPivotBody, req, reply);
    if (!body) return reply;
    const refusal = adminCenterRefusal(body.InputQuery);
    if (refusal) return sendError(reply, 400, 'InvalidQuery', refusal.message, refusal.details);
    const user = req.user!;
    const verdict = await ctx.relay.submit(user, device, body.InputQuery, req.ip);
    await ctx.auditor.record(user.tenantId, 'query', verdict.ok ? 'accepted' : `refused:${verdict.code}`, {
      upn: user.upn, remoteAddr: req.ip, machineId: device.machineId, deviceName: device.name, query: body.InputQuery, operationId: verdict.operation.id,
    });
    if (!verdict.ok) return sendError(reply, verdict.status, verdict.code, verdict.message);
    return reply.send({ value: { OperationId: verdict.operation.id, Status: 'Running' } });
  });

  app.get<{ Params: { id: string; op: string }; Querystring: { $top?: string; $skip?: string } }>(`${V}/Device/:id/AdminService.CMPivotResult/:op`, async (req, reply) => {
    const device = await deviceOf(ctx, req, reply, req.params.id);
    if (!device) return reply;
    const op = await visibleOperation(ctx, req, reply, req.params.op);
    if (!op) return reply;
    if (op.machineId !== device.machineId) return sendError(reply, 404, 'NotFound', MESSAGES.operationNotFound(req.params.op));
    const failure = failureOf(op);
    if (failure) return sendError(reply, failure.status, failure.code, failure.message);
    // Like the AdminService: 404 until the device has answered — but an offline device says so at once,
    // with an empty result ("An empty Result means the device is offline", fact sheet §3.3).
    const offline = op.deviceStatus === 'offline';
    if (op.status === 'pending' || (op.status === 'running' && !offline)) return sendError(reply, 404, 'NotReady', MESSAGES.resultNotReady(op.id));
    const columns = op.columns ?? [];
    const pageMax = Math.max(1, Math.floor(MAX_PAGE_CELLS / Math.max(1, columns.length)));
    const top = Math.min(intOf(req.query.$top) ?? pageMax, pageMax);
    const skip = intOf(req.query.$skip) ?? 0;
    const rows = op.status === 'running' ? [] : await ctx.store.readRows(op.id, { limit: top, offset: skip });
    return reply.send({
      value: {
        OperationId: op.id, Status: op.deviceStatus ?? op.status, Complete: op.status !== 'running',
        Error: op.error, Truncated: op.truncated, Warnings: op.warnings,
        Columns: columns.map((c) => ({ Name: c.name, Type: c.type })),
        Result: rows.map((r) => rowObject(columns, r, device.name)),
      },
      '@odata.count': op.rowCount,
      ...(skip + top < op.rowCount ? { '@odata.nextLink': `${req.originalUrl.split('?')[0]}?$skip=${skip + top}&$top=${top}` } : {}),
    });
  });

  app.get<{ Querystring: { $top?: string; $skip?: string } }>(`${V}/CMPivotOperations`, async (req, reply) => {
    const user = req.user!;
    const all = cloudRoleGrants(user.role, 'Tenant.Admin');
    const ops = await ctx.store.listOperations(user.tenantId, { limit: Math.min(intOf(req.query.$top) ?? 100, 1000), offset: intOf(req.query.$skip) ?? 0, ...(all ? {} : { userId: user.id }) });
    return reply.send({ value: ops.map(operationSummary) });
  });

  app.post<{ Params: { op: string } }>(`${V}/CMPivotOperations/:op/Cancel`, async (req, reply) => {
    const op = await visibleOperation(ctx, req, reply, req.params.op);
    if (!op) return reply;
    await ctx.relay.cancel(op);
    return reply.send({ value: operationSummary((await ctx.store.getOperation(op.tenantId, op.id))!) });
  });

  registerStreamRoute(app, ctx, visibleOperation);
}

/**
 * The admin center runs only what CMPivot offers there (fact sheet §1.2): no on-prem-only entities. Unlike
 * Microsoft's admin center it draws charts (`render`): the browser draws them from the rows, the device is
 * not involved.
 */
function adminCenterRefusal(text: string): { message: string; details?: ReturnType<typeof diagnosticDetails> } | null {
  const a = analyze(text, { catalog: CATALOG, dialect: 'cmpivot' });
  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { message: `The query is not valid: ${errors[0]!.message}`, details: diagnosticDetails(text, errors) };
  const onPrem = [...a.tables].filter((t) => ON_PREM_ONLY.has(t));
  if (onPrem.length > 0) return { message: `${onPrem.join(', ')} can be queried from the site console only, not from the admin center.` };
  return null;
}

/** The operation, if this user may see it: their own, or any of the tenant's for a tenant admin. Others: 404. */
async function visibleOperation(ctx: CloudContext, req: FastifyRequest, reply: FastifyReply, idText: string): Promise<CloudOperationRecord | null> {
  const user = req.user!;
  const id = intOf(idText);
  const op = id === null ? null : await ctx.store.getOperation(user.tenantId, id);
  if (op && (op.userId === user.id || cloudRoleGrants(user.role, 'Tenant.Admin'))) return op;
  void sendError(reply, 404, 'NotFound', MESSAGES.operationNotFound(idText));
  return null;
}

/** An operation that ended without an answer, as the error the admin center shows. */
function failureOf(op: CloudOperationRecord): { status: number; code: Parameters<typeof sendError>[2]; message: string } | null {
  switch (op.status) {
    case 'refused': return refusalOf(op.errorCode as RelayRefusedCode, op.error ?? '');
    case 'timedout': return { status: 504, code: 'TimedOut', message: op.error ?? MESSAGES.cloudQueryTimedOut };
    case 'toolarge': return { status: 413, code: 'ResultTooLarge', message: MESSAGES.resultTooLarge };
    case 'failed': return op.errorCode === 'SiteNotConnected' ? { status: 503, code: 'SiteNotConnected', message: op.error ?? '' } : null;
    default: return null;
  }
}

export function operationSummary(op: CloudOperationRecord): Record<string, unknown> {
  return {
    OperationId: op.id, MachineId: op.machineId, User: op.upn, Query: op.query, Status: op.status, DeviceStatus: op.deviceStatus,
    ErrorCode: op.errorCode, Error: op.error, Rows: op.rowCount, Bytes: op.resultBytes,
    Created: new Date(op.createdAt).toISOString(), Ended: op.endedAt === null ? null : new Date(op.endedAt).toISOString(),
    // Hop times in ms since the epoch: the site's (receivedAt, dispatchedAt, answeredAt, sentAt) and cloudReceivedAt.
    Timing: op.timing,
  };
}

export function rowObject(columns: readonly { name: string }[], row: readonly unknown[], device: string): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  columns.forEach((c, i) => { o[c.name] = row[i] ?? null; });
  // Every row names its device, as the AdminService's results do (fact sheet §3.3).
  if (!('Device' in o)) o.Device = device;
  return o;
}

function intOf(v: string | undefined): number | null {
  return v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : null;
}
