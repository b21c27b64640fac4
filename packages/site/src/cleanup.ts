import type { Store } from './store/index.js';
import type { Log } from '@openpivot/server';

/**
 * Removes operations and their results older than the retention period (default 7 days), at start
 * and then every hour — the site's "Delete Aged Client Operations".
 */
export function startCleanup(store: Store, log: Log, retentionMs: number, clock: () => number, everyMs = 3_600_000): { stop(): void; runOnce(): Promise<number> } {
  const runOnce = async (): Promise<number> => {
    const removed = await store.deleteOperationsBefore(clock() - retentionMs);
    if (removed > 0) log('cleanup.removed', { operations: removed });
    return removed;
  };
  const run = (): void => void runOnce().catch((e: unknown) => log('cleanup.failed', { error: e instanceof Error ? e.message : String(e) }));
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}
