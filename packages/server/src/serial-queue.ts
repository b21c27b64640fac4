/**
 * Runs tasks one at a time in the order they were queued. A failed task does not stop the ones after it.
 * The database serialises writers across processes; this keeps one process's appenders from queueing
 * on the database's lock (PostgreSQL) or on Kysely's single SQLite connection in arbitrary order.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
