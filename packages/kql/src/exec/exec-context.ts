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
  /**
   * A time limit. The engine reads no clock of its own, so the caller passes one (`performance.now`)
   * with the instant, on that clock, past which the query stops. Evaluation is synchronous: a timer
   * could never fire during it, so the engine asks the clock at checkpoints.
   */
  readonly deadline?: { readonly at: number; readonly clock: () => number };
}

export interface ExecContext extends EvalContext {
  readonly sources: Sources;
  readonly limits: Limits;
}

export class QueryAborted extends Error {
  constructor(readonly reason: 'cancelled' | 'timeout') {
    super(reason === 'timeout' ? 'The query ran past its time limit.' : 'The query was cancelled.');
    this.name = 'QueryAborted';
  }
}

/** Throws QueryAborted when the caller cancelled or the deadline passed. Cheap: call it often. */
export function checkAborted(ctx: ExecContext): void {
  if (ctx.limits.signal?.aborted) throw new QueryAborted('cancelled');
  const d = ctx.limits.deadline;
  if (d && d.clock() > d.at) throw new QueryAborted('timeout');
}
