import type { FastifyInstance } from 'fastify';
import type { SiteContext } from './context.js';
import { registerCollectionRoutes } from './admin/collections.js';
import { registerUserRoutes } from './admin/users.js';
import { registerRoleRoutes } from './admin/roles.js';
import { registerMeRoutes } from './admin/me.js';
import { registerAuditRoutes } from './admin/audit-records.js';
import { registerOpenApiRoute } from './openapi.js';

/**
 * The AdminService's administration side: collections, users and their role assignments, roles,
 * the signed-in user's API tokens, the audit trail, and the OpenAPI document of the whole site.
 * Every change is written to the audit trail (never a password or a token).
 */
export function registerAdminRoutes(app: FastifyInstance, ctx: SiteContext): void {
  registerCollectionRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerRoleRoutes(app, ctx);
  registerMeRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerOpenApiRoute(app);
}
