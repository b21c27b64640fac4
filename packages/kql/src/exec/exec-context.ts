import type { EvalContext } from '../functions/function-types.js';
import type { ScanNode } from '../plan/plan-node.js';
import type { Table } from './table.js';

/** Where a plan's leaves get their rows: the device's entities, or the devices' partial results. */
export interface Sources {
  /** The rows of an entity (already collected by the caller; the engine does no I/O). */
  scan?(node: ScanNode): Table;
  /** On the merge side: every device's output of device part `id`, concatenated. */
  exchange?(id: number): Table;
}

export interface Limits {
  /** Rows in the final result; more are cut and the result says `truncated`. */
  readonly maxRows?: number;
  /** Approximate bytes of the final result as JSON; more are cut and the result says `truncated`. */
  readonly maxBytes?: number;
  /** Checked between operators and inside long loops; an aborted query stops with an error. */
  readonly signal?: AbortSignal;
}

export interface ExecContext extends EvalContext {
  readonly sources: Sources;
  readonly limits: Limits;
}

export class QueryAborted extends Error {
  constructor() {
    super('The query was cancelled.');
    this.name = 'QueryAborted';
  }
}

export function checkAborted(ctx: ExecContext): void {
  if (ctx.limits.signal?.aborted) throw new QueryAborted();
}
