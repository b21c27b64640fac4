import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyReply, type FastifyError } from 'fastify';
import { LIMITS, MESSAGES, validate, rewriteODataPath, type Permission } from '@openpivot/protocol';
import type { z } from 'zod';
import type { SiteContext, Actor } from './context.js';
import { sendError, fieldDetails } from './errors.js';
import { scopeOf } from '../rbac/rbac.js';
import { registerCMPivotRoutes } from './cmpivot-routes.js';
import { registerDeviceRoutes } from './device-routes.js';
import { registerAdminRoutes } from './admin-routes.js';
import { registerFavoriteRoutes } from '@openpivot/server';

/**
 * The site's HTTP API. Every /AdminService and /api route needs a user (Basic or Bearer); bodies over 1 MB are
 * refused with 413, malformed JSON with 400; every error has one shape (`sendError`). Requests are
 * logged as JSON lines with their id — never their headers, which carry credentials.
 */
export function createApp(ctx: SiteContext, tls?: { readonly key: Buffer; readonly cert: Buffer }): FastifyInstance {
  const app = Fastify({
    ...(tls ? { https: tls } : {}),
    logger: false,
    bodyLimit: LIMITS.maxBodyBytes,
    rewriteUrl: (req) => rewriteODataPath(req.url ?? '/'),
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
    genReqId: () => `r${(++requestCounter).toString(36)}`,
  });
  app.decorateRequest('principal', null);

  app.addHook('onResponse', async (req, reply) => {
    ctx.log('http.request', { reqId: req.id, method: req.method, url: req.originalUrl, status: reply.statusCode, ms: Math.round(reply.elapsedTime), user: req.principal?.user.name });
  });

  app.addHook('preHandler', async (req, reply) => {
    if (!/^\/(adminservice|api)\//i.test(req.url)) return;
    const outcome = await ctx.auth.authenticate(req.headers.authorization);
    if (outcome.ok) {
      req.principal = outcome.principal;
      return;
    }
    if (outcome.reason !== 'missing') {
      ctx.auditor.recordQuietly('auth-failure', { userName: outcome.userName, source: sourceOf(req), remoteAddr: req.ip }, { target: req.originalUrl.slice(0, 200), outcome: outcome.reason });
    }
    reply.header('WWW-Authenticate', 'Basic realm="openpivot", charset="UTF-8"');
    const message = outcome.reason === 'missing' ? MESSAGES.authenticationRequired : MESSAGES.authenticationFailed;
    return sendError(reply, 401, 'Unauthorized', message);
  });

  app.setNotFoundHandler((req, reply) => sendError(reply, 404, 'NotFound', `No such resource: ${req.method} ${req.originalUrl.split('?')[0]}`));

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'PayloadTooLarge', MESSAGES.queryTooLarge);
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, 415, 'UnsupportedMediaType', 'Send the body as application/json.');
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendError(reply, 400, 'BadRequest', 'The body is empty; send a JSON object.');
    if (error.statusCode === 400 || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return sendError(reply, 400, 'BadRequest', `The body is not valid JSON: ${error.message}`);
    }
    if (error.statusCode && error.statusCode < 500) return sendError(reply, error.statusCode, 'BadRequest', error.message);
    ctx.log('http.error', { reqId: req.id, url: req.originalUrl, error: error.message, stack: error.stack?.split('\n').slice(0, 4).join(' | ') });
    return sendError(reply, 500, 'InternalError', `The site failed to answer this request (id ${req.id}); the error is in its log.`);
  });

  registerCMPivotRoutes(app, ctx);
  registerDeviceRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  // The CMPivot pane's favourites, per user: the same API as the cloud's admin center.
  registerFavoriteRoutes(app, { store: ctx.store, userIdOf: (req) => req.principal!.user.id, clock: ctx.clock });
  return app;
}

let requestCounter = 0;

/** Where a request comes from, for the audit trail: the site console says so; anything else is the API. */
export function sourceOf(req: FastifyRequest): Actor['source'] {
  return req.headers['x-openpivot-client'] === 'console' ? 'console' : 'api';
}

export function actorOf(req: FastifyRequest): Actor {
  return { userName: req.principal?.user.name ?? null, source: sourceOf(req), remoteAddr: req.ip };
}

/** Validates a JSON body with a protocol schema; on failure sends 400 naming the fields and returns null. */
export function bodyOf<T>(schema: z.ZodType<T>, req: FastifyRequest, reply: FastifyReply): T | null {
  const r = validate(schema, req.body);
  if (r.ok) return r.value;
  void sendError(reply, 400, 'BadRequest', 'The request body is not valid.', fieldDetails(r.errors));
  return null;
}

/**
 * Site-wide permissions (Site.Admin, Audit.Read): granted by any of the user's role assignments.
 * Sends 403 and returns false when missing.
 */
export async function requirePermission(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply, permission: Permission): Promise<boolean> {
  const scope = await scopeOf(ctx.store, req.principal!.user.id);
  if (scope.anywhere(permission)) return true;
  ctx.auditor.recordQuietly('refused', actorOf(req), { target: req.originalUrl.slice(0, 200), outcome: `missing ${permission}` });
  void sendError(reply, 403, 'Forbidden', MESSAGES.notAllowed(permission));
  return false;
}
