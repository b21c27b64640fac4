import { describe, expect, it } from 'vitest';
import type { QueryMessage } from '@openpivot/protocol';
import type { ResultMessage } from './executor.js';
import { silentLogger } from './logger.js';
import { OperationTable } from './operations.js';

const query = (opId: number): QueryMessage => ({ t: 'query', opId, text: 'x', dialect: 'cmpivot', now: 0, timeLimitMs: 1000, maxBytes: 1000 });
const done = (opId: number, seq = 0): ResultMessage => ({ t: 'done', opId, seq, rows: 0, truncated: false, warnings: [] });

/** A runner whose queries end only when the test says so. */
function gatedRunner() {
  const gates = new Map<number, () => void>();
  let running = 0;
  let peak = 0;
  const runs: number[] = [];
  async function* run(q: QueryMessage, signal: AbortSignal): AsyncIterable<ResultMessage> {
    runs.push(q.opId);
    running++;
    peak = Math.max(peak, running);
    await new Promise<void>((resolve) => {
      gates.set(q.opId, resolve);
      if (signal.aborted) resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
    running--;
    yield { t: 'chunk', opId: q.opId, seq: 0, part: 0, rows: [[q.opId]] };
    yield done(q.opId, 1);
  }
  return { run, gates, runs, peak: () => peak };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe('the operation table', () => {
  it('runs at most maxConcurrent queries at once and queues the rest', async () => {
    const g = gatedRunner();
    const sent: string[] = [];
    const table = new OperationTable({ run: g.run, send: (t) => sent.push(t), log: silentLogger, maxConcurrent: 2 });
    for (const id of [1, 2, 3, 4, 5]) table.query(query(id));
    await tick();
    expect(g.runs).toEqual([1, 2]);
    g.gates.get(1)!();
    await tick();
    expect(g.runs).toEqual([1, 2, 3]);
    for (const id of [2, 3, 4, 5]) { g.gates.get(id)?.(); await tick(); g.gates.get(id)?.(); await tick(); }
    expect(g.runs).toEqual([1, 2, 3, 4, 5]);
    expect(g.peak()).toBe(2);
    expect(sent.filter((t) => t.includes('"done"'))).toHaveLength(5);
  });

  it('answers a cancelled queued query at once', async () => {
    const g = gatedRunner();
    const sent: string[] = [];
    const table = new OperationTable({ run: g.run, send: (t) => sent.push(t), log: silentLogger, maxConcurrent: 1 });
    table.query(query(1));
    table.query(query(2));
    await tick();
    table.cancel(2);
    await tick();
    expect(g.runs).toEqual([1, 2]);
    expect(sent.some((t) => t.includes('"opId":2') && t.includes('"done"'))).toBe(true);
    expect(sent.some((t) => t.includes('"opId":1'))).toBe(false);
  });

  it('keeps unacknowledged messages, forgets an operation once its done is acknowledged', async () => {
    const g = gatedRunner();
    const table = new OperationTable({ run: g.run, send: () => undefined, log: silentLogger });
    table.query(query(1));
    await tick();
    g.gates.get(1)!();
    await tick();
    expect(table.pending(1)).toBe(2);
    table.ack(1, 0);
    expect(table.pending(1)).toBe(1);
    table.ack(1, 1);
    expect(table.size).toBe(0);
  });

  it('holds at most maxRetained operations, dropping the oldest finished one first', async () => {
    const g = gatedRunner();
    const table = new OperationTable({ run: g.run, send: () => undefined, log: silentLogger, maxRetained: 2, maxConcurrent: 4 });
    table.query(query(1));
    table.query(query(2));
    await tick();
    g.gates.get(2)!();
    await tick();
    table.query(query(3)); // 2 is finished (unacked), 1 still runs: 2 goes
    await tick();
    expect(table.size).toBe(2);
    table.query(query(2)); // not held any more: runs again
    await tick();
    expect(g.runs).toEqual([1, 2, 3, 2]);
    expect(table.size).toBe(2);
  });
});
