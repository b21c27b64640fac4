import { Readable } from 'node:stream';
import type { Io } from './io.js';

/** For tests: an Io whose output is kept, with optional standard input. */
export function capture(stdin?: string): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    ...(stdin !== undefined ? { stdin: Readable.from([stdin]) as unknown as NonNullable<Io['stdin']> } : {}),
    out: () => out,
    err: () => err,
  };
}
