/**
 * @openpivot/server — plumbing the server apps share (the site and the cloud): a database over SQLite or
 * PostgreSQL with numbered migrations, secrets, a serial queue and structured logs; and the users' favourite
 * queries, which both keep alike (table, store and routes). No other app logic.
 */
export { openDatabase, type OpenDatabaseOptions, type OpenedDatabase, type SqlDialect } from './db/open-database.js';
export { hashPassword, verifyPassword, newSecret, newPassword, sha256Hex } from './secrets.js';
export { SerialQueue } from './serial-queue.js';
export { createLog, silentLog, type Log, type LogSink } from './log.js';
export { StoreError, constraintBroken, uniqueAs, checkPage } from './db/store-error.js';
export { sendError, fieldDetails } from './http-errors.js';
export { verifyNonce, closeWith } from './sockets.js';
export { SocketLiveness } from './socket-liveness.js';
export { serveWebApp } from './web-app.js';
export { registerFavoriteRoutes, favoriteMatches, favoriteJson, type Favorite, type FavoriteKeeper, type FavoriteRoutesOptions } from './favorite-routes.js';
export {
  favoriteStore, type FavoriteColumns, type FavoriteTables, type TenantFavoriteTables, type UserFavorite, type TenantFavorite,
} from './favorites/favorite-store.js';
export { createFavoritesTable, type FavoritesTableOptions } from './favorites/favorites-table.js';
