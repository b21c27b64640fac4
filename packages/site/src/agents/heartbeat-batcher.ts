import type { Store } from '../store/index.js';
import type { Log } from '@openpivot/server';

/** Last-seen times, written once a second for every device that said something: 10,000 agents, one write. */
export class HeartbeatBatcher {
  private readonly seen = new Set<number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly store: Store, private readonly clock: () => number, private readonly log: Log) {
    this.timer = setInterval(() => void this.flush(), 1_000);
    this.timer.unref();
  }

  touch(deviceId: number): void {
    this.seen.add(deviceId);
  }

  async flush(): Promise<void> {
    if (this.seen.size === 0) return;
    const ids = [...this.seen];
    this.seen.clear();
    await this.store.touchDevices(ids, this.clock()).catch((e: unknown) => this.log('agent.heartbeat-write-failed', { error: String(e) }));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
