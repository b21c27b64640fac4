/** The streams a command writes to: the real process's, or a test's. */
export interface Io {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  readonly stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** A command's exit status: 0 done, 1 failed, 2 the input (query, flags) was wrong. */
export type ExitCode = 0 | 1 | 2;

export class UsageError extends Error {}
