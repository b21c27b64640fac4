import type { FastifyInstance } from 'fastify';
import type { SiteContext } from '../context.js';
import { verifyAuditChain, GENESIS_HASH, type AuditRecord } from '../../store/index.js';
import { requirePermission } from '../app.js';
import { sendError } from '../errors.js';
import { V, iso } from './common.js';

const MAX_TOP = 1000;
const VERIFY_PAGE = 1000;

export function auditJson(r: AuditRecord): Record<string, unknown> {
  return {
    Seq: r.seq, Kind: r.kind, At: iso(r.at), UserName: r.userName, Source: r.source, RemoteAddr: r.remoteAddr,
    Target: r.target, Query: r.query, QuerySha256: r.querySha256, OperationId: r.operationId, Outcome: r.outcome,
    Details: r.details, PrevHash: r.prevHash, Hash: r.hash,
  };
}

interface AuditQuery {
  readonly $top?: string;
  readonly afterSeq?: string;
}

/** The audit trail, read in seq order (`afterSeq` pages on), and a check of its hash chain. */
export function registerAuditRoutes(app: FastifyInstance, ctx: SiteContext): void {
  app.get<{ Querystring: AuditQuery }>(`${V}/AuditRecords`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Audit.Read'))) return reply;
    const bad: { target: string; message: string }[] = [];
    const int = (v: string | undefined, name: string, fallback: number): number => {
      if (v === undefined) return fallback;
      if (/^\d{1,15}$/.test(v)) return Number(v);
      bad.push({ target: name, message: 'expected a non-negative integer' });
      return fallback;
    };
    const top = Math.min(int(req.query.$top, '$top', 100), MAX_TOP);
    const afterSeq = int(req.query.afterSeq, 'afterSeq', 0);
    if (bad.length > 0) return sendError(reply, 400, 'BadRequest', 'The query options are not valid.', bad);
    const records = await ctx.store.listAudit({ limit: top, offset: 0, afterSeq });
    const last = records.at(-1);
    // A full page may have more behind it: say where to continue.
    const next = last && records.length === top ? { '@odata.nextLink': `${V}/AuditRecords?afterSeq=${last.seq}&$top=${top}` } : {};
    return reply.send({ value: records.map(auditJson), ...next });
  });

  app.get(`${V}/AuditRecords/Verify`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Audit.Read'))) return reply;
    let prevHash = GENESIS_HASH;
    let afterSeq = 0;
    let count = 0;
    for (;;) {
      const page = await ctx.store.listAudit({ limit: VERIFY_PAGE, offset: 0, afterSeq });
      if (page.length === 0) break;
      const first = page[0]!;
      if (first.seq !== afterSeq + 1) {
        return reply.send({ Ok: false, Seq: first.seq, Reason: `seq ${first.seq} follows ${afterSeq}: a record is missing`, Records: count });
      }
      // Each page continues the chain from the last hash of the one before.
      const r = verifyAuditChain(page, prevHash);
      if (!r.ok) return reply.send({ Ok: false, Seq: r.seq, Reason: r.reason, Records: count + page.findIndex((p) => p.seq === r.seq) });
      count += page.length;
      prevHash = page.at(-1)!.hash;
      afterSeq = page.at(-1)!.seq;
      if (page.length < VERIFY_PAGE) break;
    }
    // The newest records removed would leave a whole chain: the head, kept apart, still names the last one.
    const head = await ctx.store.auditHead();
    if (head.seq !== afterSeq || head.hash !== prevHash) {
      return reply.send({ Ok: false, Seq: afterSeq + 1, Reason: `the chain ends at seq ${afterSeq} but its head says ${head.seq}: records are missing from the end`, Records: count });
    }
    return reply.send({ Ok: true, Records: count });
  });
}
