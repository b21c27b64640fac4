/**
 * A store call refused for its input: `field` names what was wrong (the REST layers turn `conflict`
 * into 409, `invalid` into 400). Anything else a store call throws is a fault of the database.
 */
export class StoreError extends Error {
  constructor(
    readonly code: 'conflict' | 'invalid',
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'StoreError';
  }
}

/** Which constraint a driver error broke, in either dialect (SQLite's extended codes, PostgreSQL's SQLSTATE). */
export function constraintBroken(err: unknown): 'unique' | 'foreign-key' | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') return 'unique';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return 'foreign-key';
  return null;
}

/** Runs `fn`, turning a unique violation into a StoreError naming `field`. */
export async function uniqueAs<T>(field: string, message: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (constraintBroken(err) === 'unique') throw new StoreError('conflict', field, message);
    throw err;
  }
}

export function checkPage(page: { readonly limit: number; readonly offset: number }): void {
  if (!Number.isInteger(page.limit) || page.limit < 0) throw new StoreError('invalid', 'limit', `expected a non-negative integer, got ${page.limit}`);
  if (!Number.isInteger(page.offset) || page.offset < 0) throw new StoreError('invalid', 'offset', `expected a non-negative integer, got ${page.offset}`);
}
