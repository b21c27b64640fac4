import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CreateFavoriteBody, UpdateFavoriteBody } from '@openpivot/protocol';
import { sendError, StoreError } from '@openpivot/server';
import type { CloudContext } from './context.js';
import type { FavoriteRecord } from '../store/store.js';
import { bodyOf } from './app.js';

const NOT_FOUND = 'You have no such favourite.';

/**
 * The web admin center's saved queries ("favourites"), kept per user: any signed-in cloud user keeps
 * their own, whatever their role. Another user's favourite (of this tenant or any other) is 404, exactly
 * as one that does not exist.
 */
export function registerFavoriteRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.get<{ Querystring: { search?: string } }>('/api/favorites', async (req, reply) => {
    const search = typeof req.query.search === 'string' ? req.query.search : '';
    const favorites = await ctx.store.listFavorites(req.user!.id, search.trim() ? { search } : {});
    return reply.send({ value: favorites.map(view) });
  });

  app.post('/api/favorites', async (req, reply) => {
    const body = bodyOf(CreateFavoriteBody, req, reply);
    if (!body) return reply;
    try {
      const created = await ctx.store.createFavorite({ userId: req.user!.id, name: body.name, query: body.query, tags: distinct(body.tags), at: ctx.clock() });
      return reply.code(201).send(view(created));
    } catch (err) {
      return conflictOr(reply, err);
    }
  });

  app.put<{ Params: { favoriteId: string } }>('/api/favorites/:favoriteId', async (req, reply) => {
    const id = idOf(req, reply);
    if (id === null) return reply;
    const body = bodyOf(UpdateFavoriteBody, req, reply);
    if (!body) return reply;
    try {
      const updated = await ctx.store.updateFavorite(req.user!.id, id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.query !== undefined ? { query: body.query } : {}),
        ...(body.tags !== undefined ? { tags: distinct(body.tags) } : {}),
        at: ctx.clock(),
      });
      if (!updated) return sendError(reply, 404, 'NotFound', NOT_FOUND);
      return reply.send(view(updated));
    } catch (err) {
      return conflictOr(reply, err);
    }
  });

  app.delete<{ Params: { favoriteId: string } }>('/api/favorites/:favoriteId', async (req, reply) => {
    const id = idOf(req, reply);
    if (id === null) return reply;
    if (!(await ctx.store.deleteFavorite(req.user!.id, id))) return sendError(reply, 404, 'NotFound', NOT_FOUND);
    return reply.code(204).send();
  });
}

/** The favourite's number from the URL, or null with a 404 sent (a malformed id names no favourite). */
function idOf(req: FastifyRequest<{ Params: { favoriteId: string } }>, reply: FastifyReply): number | null {
  const text = req.params.favoriteId;
  if (/^\d{1,15}$/.test(text)) return Number(text);
  void sendError(reply, 404, 'NotFound', NOT_FOUND);
  return null;
}

function conflictOr(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof StoreError && err.code === 'conflict' && err.field === 'name') {
    const message = err.message.slice(err.field.length + 2);
    return sendError(reply, 409, 'Conflict', message, [{ target: 'name', message }]);
  }
  throw err;
}

/** Tags once each, in the order given. */
const distinct = (tags: readonly string[]): string[] => [...new Set(tags)];

function view(f: FavoriteRecord): Record<string, unknown> {
  return { id: f.id, name: f.name, query: f.query, tags: f.tags, createdAt: new Date(f.createdAt).toISOString(), updatedAt: new Date(f.updatedAt).toISOString() };
}
