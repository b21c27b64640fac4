import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AttachRequest, MESSAGES, type AttachResponse } from '@openpivot/protocol';
import { sha256Hex, sendError } from '@openpivot/server';
import type { CloudContext } from './context.js';
import { bodyOf } from './app.js';

/**
 * `POST /connector/attach`: a site spends a one-time attach code (`openpivot site attach`) and
 * registers its connector's public key. The code is the credential; it is spent whatever follows.
 */
export function registerConnectorRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.post('/connector/attach', async (req, reply) => {
    const body = bodyOf(AttachRequest, req, reply);
    if (!body) return reply;
    const connector = await ctx.store.attachSite({
      codeHash: sha256Hex(body.code), connectorId: randomUUID(), siteId: body.siteId, siteCode: body.siteCode, name: body.name,
      publicKey: body.publicKey, at: ctx.clock(),
    });
    if (!connector) {
      ctx.log('connector.attach-refused', { remoteAddr: req.ip, siteCode: body.siteCode });
      return sendError(reply, 403, 'Forbidden', MESSAGES.attachCodeInvalid);
    }
    const tenant = (await ctx.store.getTenant(connector.tenantId))!;
    await ctx.auditor.record(tenant.id, 'attach', 'ok', { remoteAddr: req.ip, details: { connectorId: connector.id, siteCode: body.siteCode, siteName: body.name } });
    const answer: AttachResponse = { connectorId: connector.id, tenantId: tenant.id, tenantName: tenant.name };
    return reply.code(201).send(answer);
  });
}
