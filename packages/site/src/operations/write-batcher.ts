import type { Store, ChunkRecord, TargetUpdate } from '../store/index.js';

interface Pending {
  readonly chunks: ChunkRecord[];
  readonly updates: TargetUpdate[];
  readonly waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

/**
 * Group commit for what agents send: chunks and status changes arriving within a few milliseconds
 * are written in one transaction each, and every sender is told (its promise resolves) only after
 * the write — so an acknowledgement always means "stored". 10,000 devices answering at once cost a
 * handful of transactions instead of 10,000.
 */
export class WriteBatcher {
  private pending: Pending = { chunks: [], updates: [], waiters: [] };
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly store: Store, private readonly delayMs = 5, private readonly maxItems = 5_000) {}

  saveChunk(chunk: ChunkRecord): Promise<void> {
    return this.enqueue((p) => p.chunks.push(chunk));
  }

  updateTarget(update: TargetUpdate): Promise<void> {
    return this.enqueue((p) => p.updates.push(update));
  }

  /** Chunks and a final status together: the status is written after the chunks, in the same flush. */
  saveAll(chunks: readonly ChunkRecord[], updates: readonly TargetUpdate[]): Promise<void> {
    return this.enqueue((p) => {
      p.chunks.push(...chunks);
      p.updates.push(...updates);
    });
  }

  /** Writes what is waiting now. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = { chunks: [], updates: [], waiters: [] };
    // One flush at a time, in order: a chunk is never written after the status that follows it.
    this.flushing = this.flushing.then(() => this.write(batch));
    await this.flushing;
  }

  private enqueue(add: (p: Pending) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      add(this.pending);
      this.pending.waiters.push({ resolve, reject });
      const size = this.pending.chunks.length + this.pending.updates.length;
      if (size >= this.maxItems) void this.flush();
      else if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.delayMs);
    });
  }

  private async write(batch: Pending): Promise<void> {
    if (batch.waiters.length === 0) return;
    try {
      if (batch.chunks.length > 0) await this.store.saveChunks(batch.chunks);
      if (batch.updates.length > 0) await this.store.updateTargets(batch.updates);
      for (const w of batch.waiters) w.resolve();
    } catch (e) {
      for (const w of batch.waiters) w.reject(e);
    }
  }
}
