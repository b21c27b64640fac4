import type { Value } from '@openpivot/kql';
import type { Platform } from '@openpivot/entities';

/**
 * A condition the query puts on an entity's rows, pushed down to its provider (`Name == 'sshd'`).
 * A provider MAY use it to read less; it never has to, because the engine still applies the whole
 * predicate: push-down changes speed, never the answer.
 */
export interface Constraint {
  readonly column: string;
  readonly op: '==' | '=~' | 'in' | 'startswith' | '>' | '>=' | '<' | '<=';
  /** For `in`, an array of values. */
  readonly value: Value | readonly Value[];
}

/** Paths the device's owner keeps from File, FileContent and the like (see local-policy.ts). */
export interface PathPolicy {
  /** True when the path (absolute, after symlinks are resolved) may be read. */
  allows(path: string): boolean;
}

export interface ProviderContext {
  /** The entity's arguments, typed as its parameters declare (optional ones may be absent). */
  readonly args: readonly Value[];
  readonly constraints: readonly Constraint[];
  /** Aborted when the query is cancelled or runs out of time: stop reading and return. */
  readonly signal: AbortSignal;
  readonly policy: PathPolicy;
  /** "Now" in ms since the epoch, the same for the whole query (EventLog's default window ends here). */
  readonly now: number;
}

/**
 * A row keyed by column name, in the entity's declared types (datetime as ms since the epoch,
 * timespan as ms). `Device` is filled in by the agent; a column left out is null ("" for strings).
 */
export type ProviderRow = Readonly<Record<string, Value>>;

/** Reads one entity on one platform. Errors are thrown as ProviderError: they become warnings. */
export interface Provider {
  readonly entity: string;
  readonly platform: Platform;
  collect(ctx: ProviderContext): AsyncIterable<ProviderRow>;
}

/** A failure a user should read: `EventLog: journal not readable: permission denied`. */
export class ProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderError';
  }
}

/** Throws the standard error for a bad argument, naming the parameter. */
export function badArgument(entity: string, parameter: string, problem: string): never {
  throw new ProviderError(`${entity}: the argument '${parameter}' ${problem}`);
}
