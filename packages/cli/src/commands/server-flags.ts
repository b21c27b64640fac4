import type { ParsedArgs } from '../args.js';
import { UsageError } from '../io.js';

/** The flags of every command that opens a server's store: `--data DIR` (SQLite) or `--database URL`. */
export const STORE_FLAGS = { data: 'value', database: 'value' } as const;

/** A flag's value; a flag given without one is a usage error. */
export function str(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

export function storeOptions(args: ParsedArgs): { dataDir?: string; databaseUrl?: string } {
  const database = str(args, 'database');
  if (database !== undefined && !/^postgres(ql)?:\/\//.test(database)) throw new UsageError('--database takes a postgres:// URL');
  return { ...(str(args, 'data') ? { dataDir: str(args, 'data')! } : {}), ...(database ? { databaseUrl: database } : {}) };
}

/** 0 asks the system for a free port (the listening line says which). */
export function parsePort(v: string | true | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (v === true || !/^\d{1,5}$/.test(v) || Number(v) > 65_535) throw new UsageError('--port takes a number from 0 to 65535');
  return Number(v);
}
