import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyError } from 'fastify';
import { LIMITS, MESSAGES, validate, rewriteODataPath, cloudRoleGrants, type CloudPermission } from '@openpivot/protocol';
import { sendError, fieldDetails } from '@openpivot/server';
import type { z } from 'zod';
import type { CloudContext } from './context.js';
import { registerSessionRoutes } from './session-routes.js';
import { registerDeviceRoutes } from './device-routes.js';
import { registerCMPivotRoutes } from './cmpivot-routes.js';
import { registerTenantRoutes } from './tenant-routes.js';
import { registerConnectorRoutes } from './connector-routes.js';
import { registerOidcRoutes } from './oidc-routes.js';
import { registerFavoriteRoutes } from './favorite-routes.js';

/** Routes anyone may call: signing in (password or OpenID Connect), and a site spending its attach code (the code is the credential). */
const PUBLIC = new Set(['POST /api/session', 'GET /auth/oidc/login', 'GET /auth/oidc/callback', 'POST /connector/attach', 'GET /health']);

/**
 * The cloud's HTTP API: the AdminService shape again (so scripts written for the site work against the
 * cloud with cloud credentials), plus sign-in and the tenant admin's routes. Every route but the public
 * ones needs a signed-in user, and every read is limited to that user's tenant.
 */
export function createCloudApp(ctx: CloudContext): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: LIMITS.maxBodyBytes,
    rewriteUrl: (req) => rewriteODataPath(req.url ?? '/'),
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
    genReqId: () => `c${(++requestCounter).toString(36)}`,
  });
  app.decorateRequest('user', null);
  // Every route, as registered: the tenant-isolation test calls each one, so a new route is covered by itself.
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.decorate('routeList', routes);

  app.addHook('onResponse', async (req, reply) => {
    ctx.log('http.request', { reqId: req.id, method: req.method, url: req.originalUrl, status: reply.statusCode, ms: Math.round(reply.elapsedTime), upn: req.user?.upn });
  });

  app.addHook('preHandler', async (req, reply) => {
    const route = `${req.method} ${(req.routeOptions.url ?? req.url).toLowerCase()}`;
    // The API needs a user; the web app's files (everything else) are public, as a sign-in page must be.
    const api = /^\/(api|adminservice)\//i.test(req.url);
    if (!api || PUBLIC.has(route) || req.routeOptions.url === undefined) return;
    const outcome = await ctx.auth.authenticate(req.headers.authorization);
    if (outcome.ok) {
      req.user = outcome.user;
      return;
    }
    if (outcome.reason === 'invalid' && outcome.upn) {
      const known = await ctx.store.getUserByUpn(outcome.upn);
      if (known) ctx.auditor.recordQuietly(known.tenantId, 'signin', 'failed', { upn: outcome.upn, remoteAddr: req.ip });
    }
    reply.header('WWW-Authenticate', 'Basic realm="openpivot cloud", charset="UTF-8"');
    return sendError(reply, 401, 'Unauthorized', outcome.reason === 'missing' ? MESSAGES.authenticationRequired : MESSAGES.authenticationFailed);
  });

  app.setNotFoundHandler((req, reply) => sendError(reply, 404, 'NotFound', `No such resource: ${req.method} ${req.originalUrl.split('?')[0]}`));
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'PayloadTooLarge', MESSAGES.queryTooLarge);
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, 415, 'UnsupportedMediaType', 'Send the body as application/json.');
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendError(reply, 400, 'BadRequest', 'The body is empty; send a JSON object.');
    if (error.statusCode === 400 || error instanceof SyntaxError) return sendError(reply, 400, 'BadRequest', `The body is not valid JSON: ${error.message}`);
    if (error.statusCode && error.statusCode < 500) return sendError(reply, error.statusCode, 'BadRequest', error.message);
    ctx.log('http.error', { reqId: req.id, url: req.originalUrl, error: error.message, stack: error.stack?.split('\n').slice(0, 4).join(' | ') });
    return sendError(reply, 500, 'InternalError', `The cloud failed to answer this request (id ${req.id}); the error is in its log.`);
  });

  app.get('/health', async () => ({ ok: true }));
  registerSessionRoutes(app, ctx);
  registerOidcRoutes(app, ctx);
  registerDeviceRoutes(app, ctx);
  registerCMPivotRoutes(app, ctx);
  registerTenantRoutes(app, ctx);
  registerConnectorRoutes(app, ctx);
  registerFavoriteRoutes(app, ctx);
  return app;
}

let requestCounter = 0;

/** Validates a JSON body with a protocol schema; on failure sends 400 naming the fields and returns null. */
export function bodyOf<T>(schema: z.ZodType<T>, req: FastifyRequest, reply: FastifyReply): T | null {
  const r = validate(schema, req.body);
  if (r.ok) return r.value;
  void sendError(reply, 400, 'BadRequest', 'The request body is not valid.', fieldDetails(r.errors));
  return null;
}

/**
 * The signed-in user's cloud role must grant `permission`; otherwise 403 with the admin center's
 * message (fact sheet §4.2), audited.
 */
export function requireRole(ctx: CloudContext, req: FastifyRequest, reply: FastifyReply, permission: CloudPermission): boolean {
  const user = req.user!;
  if (cloudRoleGrants(user.role, permission)) return true;
  ctx.auditor.recordQuietly(user.tenantId, 'refused', `denied:role`, { upn: user.upn, remoteAddr: req.ip, details: { permission, route: req.originalUrl.slice(0, 200) } });
  void sendError(reply, 403, 'RoleMissing', MESSAGES.cloudRoleMissing);
  return false;
}
