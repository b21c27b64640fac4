import { setImmediate as nextMacrotask } from 'node:timers/promises';

/** Rows between two turns of the event loop: a few ms of work, so timers and aborts are not held up. */
export const ROWS_PER_TURN = 16_384;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * Rows made synchronously in batches (a file's lines, parsed in a plain loop), handed out as an
 * AsyncIterable. for-await over an async generator costs about three microtasks per `yield`; here a
 * row already made costs one (a resolved promise), which is a good part of the time of a 10,000-row
 * log. Every ROWS_PER_TURN rows it waits for a macrotask so that a long file does not keep the event
 * loop to itself. `batches` is only awaited when a batch runs out, so a consumer that stops early
 * stops the reading too (return() closes it). After `signal` aborts, rows end at the next batch or turn.
 */
export function rowsFromBatches<T>(batches: AsyncIterable<readonly T[]>, signal?: AbortSignal): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const outer = batches[Symbol.asyncIterator]();
      let batch: readonly T[] = [];
      let at = 0;
      let done = false;
      let count = 0;
      const slow = async (): Promise<IteratorResult<T>> => {
        if (count % ROWS_PER_TURN === 0) await nextMacrotask();
        for (;;) {
          if (signal?.aborted) { done = true; return DONE; }
          if (at < batch.length) return { done: false, value: batch[at++]! };
          const b = await outer.next();
          if (b.done) { done = true; return DONE; }
          batch = b.value;
          at = 0;
        }
      };
      return {
        next(): Promise<IteratorResult<T>> {
          if (done) return Promise.resolve(DONE);
          if (at < batch.length && ++count % ROWS_PER_TURN !== 0) return Promise.resolve({ done: false, value: batch[at++]! });
          return slow().catch((e: unknown) => { done = true; throw e; });
        },
        async return(): Promise<IteratorResult<T>> {
          done = true;
          batch = [];
          await outer.return?.();
          return DONE;
        },
      };
    },
  };
}
