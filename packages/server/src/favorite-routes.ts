import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CreateFavoriteBody, UpdateFavoriteBody, validate, type Validated } from '@openpivot/protocol';
import { sendError, fieldDetails } from './http-errors.js';
import { StoreError } from './db/store-error.js';

/** A saved query as both servers keep it (the cloud's record carries its tenant too). */
export interface Favorite {
  readonly id: number;
  readonly name: string;
  readonly query: string;
  readonly tags: readonly string[];
  readonly createdAt: number;
  readonly updatedAt: number;
}

/**
 * Where a server keeps its users' favourites. Every call names the user: another user's favourite is
 * absent, as one that does not exist. Names are unique per user ignoring case: a clash throws
 * StoreError('conflict', 'name'). `F` is the record the keeper gives back (favoriteStore's carry their user).
 */
export interface FavoriteKeeper<F extends Favorite = Favorite> {
  listFavorites(userId: number, o?: { search?: string }): Promise<F[]>;
  createFavorite(f: { userId: number; name: string; query: string; tags: readonly string[]; at: number }): Promise<F>;
  updateFavorite(userId: number, id: number, u: { name?: string; query?: string; tags?: readonly string[]; at: number }): Promise<F | null>;
  deleteFavorite(userId: number, id: number): Promise<boolean>;
}

export interface FavoriteRoutesOptions {
  readonly store: FavoriteKeeper;
  /** The signed-in user's id (the app's authentication has run before any of these routes). */
  readonly userIdOf: (req: FastifyRequest) => number;
  readonly clock: () => number;
}

const NOT_FOUND = 'You have no such favourite.';

/**
 * The CMPivot pane's saved queries ("favourites"), the same API on the cloud (admin center) and on the
 * site (site console): `GET/POST /api/favorites`, `PUT/DELETE /api/favorites/:favoriteId`, each user
 * keeping their own whatever their role.
 *
 * @example
 * registerFavoriteRoutes(app, { store, userIdOf: (req) => req.user!.id, clock: Date.now });
 */
export function registerFavoriteRoutes(app: FastifyInstance, o: FavoriteRoutesOptions): void {
  app.get<{ Querystring: { search?: string } }>('/api/favorites', async (req, reply) => {
    const search = typeof req.query.search === 'string' ? req.query.search : '';
    const favorites = await o.store.listFavorites(o.userIdOf(req), search.trim() ? { search } : {});
    return reply.send({ value: favorites.map(favoriteJson) });
  });

  app.post('/api/favorites', async (req, reply) => {
    const body = valid(validate(CreateFavoriteBody, req.body), reply);
    if (!body) return reply;
    try {
      const created = await o.store.createFavorite({ userId: o.userIdOf(req), name: body.name, query: body.query, tags: distinct(body.tags), at: o.clock() });
      return reply.code(201).send(favoriteJson(created));
    } catch (err) {
      return conflictOr(reply, err);
    }
  });

  app.put<{ Params: { favoriteId: string } }>('/api/favorites/:favoriteId', async (req, reply) => {
    const id = idOf(req, reply);
    if (id === null) return reply;
    const body = valid(validate(UpdateFavoriteBody, req.body), reply);
    if (!body) return reply;
    try {
      const updated = await o.store.updateFavorite(o.userIdOf(req), id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.query !== undefined ? { query: body.query } : {}),
        ...(body.tags !== undefined ? { tags: distinct(body.tags) } : {}),
        at: o.clock(),
      });
      if (!updated) return sendError(reply, 404, 'NotFound', NOT_FOUND);
      return reply.send(favoriteJson(updated));
    } catch (err) {
      return conflictOr(reply, err);
    }
  });

  app.delete<{ Params: { favoriteId: string } }>('/api/favorites/:favoriteId', async (req, reply) => {
    const id = idOf(req, reply);
    if (id === null) return reply;
    if (!(await o.store.deleteFavorite(o.userIdOf(req), id))) return sendError(reply, 404, 'NotFound', NOT_FOUND);
    return reply.code(204).send();
  });
}

/** `search` in the name or in one of the tags, ignoring case: what `GET /api/favorites?search=` keeps. */
export function favoriteMatches(f: Favorite, search: string): boolean {
  const s = search.toLowerCase();
  return f.name.toLowerCase().includes(s) || f.tags.some((t) => t.toLowerCase().includes(s));
}

/** A favourite as the API answers it. */
export function favoriteJson(f: Favorite): Record<string, unknown> {
  return { id: f.id, name: f.name, query: f.query, tags: f.tags, createdAt: new Date(f.createdAt).toISOString(), updatedAt: new Date(f.updatedAt).toISOString() };
}

/** The validated body, or null with 400 sent naming each field. */
function valid<T>(r: Validated<T>, reply: FastifyReply): T | null {
  if (r.ok) return r.value;
  void sendError(reply, 400, 'BadRequest', 'The request body is not valid.', fieldDetails(r.errors));
  return null;
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
