import type { DoneMessage, QueryMessage } from '@openpivot/protocol';
import type { ResultMessage } from './executor.js';
import { errorMessage, type AgentLogger } from './logger.js';

/** Runs one query from the site; yields its chunks then its `done` (see executeQuery). */
export type QueryRunner = (query: QueryMessage, signal: AbortSignal) => AsyncIterable<ResultMessage>;

export interface OperationsOptions {
  readonly run: QueryRunner;
  /** Sends a message now if the site is connected; otherwise does nothing (it stays retained). */
  readonly send: (text: string) => void;
  readonly log: AgentLogger;
  /** Queries running at once; more wait their turn (4 by default). */
  readonly maxConcurrent?: number;
  /** Operations whose results are kept for the site (64 by default); past it the oldest go. */
  readonly maxRetained?: number;
  /** Told when an operation has produced its `done`. */
  readonly onFinished?: (done: DoneMessage) => void;
}

interface Operation {
  readonly query: QueryMessage;
  readonly abort: AbortController;
  state: 'queued' | 'running' | 'finished';
  /** Messages the site has not acknowledged yet, serialised, by seq (Map order is seq order). */
  readonly unacked: Map<number, string>;
  doneSeq: number | null;
  /** Dropped from the table (bounded retention): stop producing. */
  dropped: boolean;
  finished?: Promise<void>;
}

/**
 * The agent's side of result delivery. Every chunk and `done` is kept until the site acknowledges it, so a
 * dropped connection loses nothing: the unacknowledged messages go again after the next welcome, or when
 * the site asks for the same operation again. An operation is forgotten once its `done` is acknowledged;
 * after that the same opId runs afresh.
 */
export class OperationTable {
  readonly #ops = new Map<number, Operation>();
  readonly #queue: Operation[] = [];
  #running = 0;
  readonly #o: OperationsOptions;
  readonly #maxConcurrent: number;
  readonly #maxRetained: number;

  constructor(options: OperationsOptions) {
    this.#o = options;
    this.#maxConcurrent = Math.max(1, options.maxConcurrent ?? 4);
    this.#maxRetained = Math.max(1, options.maxRetained ?? 64);
  }

  /** Operations held (running, queued, or waiting for acknowledgements). */
  get size(): number {
    return this.#ops.size;
  }

  /** Unacknowledged messages held for one operation (tests, diagnostics). */
  pending(opId: number): number {
    return this.#ops.get(opId)?.unacked.size ?? 0;
  }

  /** A query from the site: a new one runs (or queues); one already held only has its results resent. */
  query(q: QueryMessage): void {
    const held = this.#ops.get(q.opId);
    if (held) {
      this.#o.log.info('query already run: resending its unacknowledged results', { opId: q.opId, messages: held.unacked.size, state: held.state });
      this.#resend(held);
      return;
    }
    const op: Operation = { query: q, abort: new AbortController(), state: 'queued', unacked: new Map(), doneSeq: null, dropped: false };
    this.#ops.set(q.opId, op);
    this.#bound();
    this.#queue.push(op);
    this.#o.log.info('query received', { opId: q.opId, dialect: q.dialect, queued: this.#queue.length, running: this.#running });
    this.#pump();
  }

  ack(opId: number, seq: number): void {
    const op = this.#ops.get(opId);
    if (!op) {
      this.#o.log.debug('ack for an operation not held', { opId, seq });
      return;
    }
    op.unacked.delete(seq);
    if (seq === op.doneSeq) {
      this.#ops.delete(opId);
      this.#o.log.debug('operation acknowledged', { opId });
    }
  }

  cancel(opId: number): void {
    const op = this.#ops.get(opId);
    if (!op || op.state === 'finished') {
      this.#o.log.debug('cancel for an operation not running', { opId });
      return;
    }
    this.#o.log.info('query cancelled by the site', { opId });
    op.abort.abort();
    // A cancelled query that was still waiting answers at once instead of after the running ones.
    const i = this.#queue.indexOf(op);
    if (i >= 0) {
      this.#queue.splice(i, 1);
      this.#start(op);
    }
  }

  /** After a (re)connection's welcome: everything the site has not acknowledged, oldest operation first. */
  resendAll(): void {
    for (const op of this.#ops.values()) this.#resend(op);
  }

  /** Stops every query (the agent is shutting down) and waits until they have ended. */
  async abortAll(): Promise<void> {
    this.#queue.length = 0;
    const running: Promise<void>[] = [];
    for (const op of this.#ops.values()) {
      op.abort.abort();
      if (op.finished) running.push(op.finished);
    }
    await Promise.all(running);
  }

  #resend(op: Operation): void {
    for (const text of op.unacked.values()) this.#o.send(text);
  }

  #pump(): void {
    while (this.#running < this.#maxConcurrent && this.#queue.length > 0) this.#start(this.#queue.shift()!);
  }

  #start(op: Operation): void {
    op.state = 'running';
    this.#running++;
    op.finished = this.#run(op).finally(() => {
      op.state = 'finished';
      this.#running--;
      this.#pump();
    });
  }

  async #run(op: Operation): Promise<void> {
    const { opId } = op.query;
    const started = performance.now();
    let next = 0;
    let done: DoneMessage | null = null;
    try {
      for await (const m of this.#o.run(op.query, op.abort.signal)) {
        if (op.dropped) return;
        this.#keep(op, m);
        next = m.seq + 1;
        if (m.t === 'done') done = m;
      }
    } catch (e) {
      // The runner promises not to throw; if it does anyway, the site still gets an answer.
      this.#o.log.error('query runner failed', { opId, error: errorMessage(e) });
    }
    if (op.dropped) return;
    if (!done) {
      done = { t: 'done', opId, seq: next, rows: 0, truncated: false, warnings: [], error: { code: 'KQL3000', message: 'The query failed on the device without an answer.' } };
      this.#keep(op, done);
    }
    const fields = { opId, rows: done.rows, truncated: done.truncated, warnings: done.warnings.length, ms: Math.round(performance.now() - started) };
    if (done.error) this.#o.log.warn('query ended with an error', { ...fields, code: done.error.code, error: done.error.message });
    else this.#o.log.info('query finished', fields);
    this.#o.onFinished?.(done);
  }

  #keep(op: Operation, m: ResultMessage): void {
    const text = JSON.stringify(m);
    op.unacked.set(m.seq, text);
    if (m.t === 'done') op.doneSeq = m.seq;
    this.#o.send(text);
  }

  /** Keeps at most maxRetained operations: finished ones go first, oldest first; a running one only if it must. */
  #bound(): void {
    while (this.#ops.size > this.#maxRetained) {
      let victim: Operation | undefined;
      for (const op of this.#ops.values()) if (op.state === 'finished') { victim = op; break; }
      victim ??= this.#ops.values().next().value!;
      this.#ops.delete(victim.query.opId);
      victim.dropped = true;
      victim.abort.abort();
      const i = this.#queue.indexOf(victim);
      if (i >= 0) this.#queue.splice(i, 1);
      this.#o.log.warn('too many operations held: dropped the oldest', { opId: victim.query.opId, state: victim.state, unacked: victim.unacked.size });
    }
  }
}
