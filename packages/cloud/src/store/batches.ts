/**
 * Splits a batch so one statement stays under both dialects' bound-parameter limits (SQLite 32766,
 * PostgreSQL 65535) while still sending thousands of rows per round trip.
 */
export function* batches<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
