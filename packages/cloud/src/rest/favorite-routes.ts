import type { FastifyInstance } from 'fastify';
import { registerFavoriteRoutes as registerFavoriteApi } from '@openpivot/server';
import type { CloudContext } from './context.js';

/**
 * The web admin center's saved queries ("favourites"), kept per user: any signed-in cloud user keeps
 * their own, whatever their role. Another user's favourite (of this tenant or any other) is 404, exactly
 * as one that does not exist. The routes are the site console's too (@openpivot/server).
 */
export function registerFavoriteRoutes(app: FastifyInstance, ctx: CloudContext): void {
  registerFavoriteApi(app, { store: ctx.store, userIdOf: (req) => req.user!.id, clock: ctx.clock });
}
