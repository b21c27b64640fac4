import { FINAL_DEVICE_STATUSES, DEVICE_STATUSES, type DeviceStatus } from '@openpivot/protocol';
import type { OperationRecord, TargetRecord } from '../store/index.js';
import type { PreparedQuery } from './prepared-query.js';

/**
 * What a node knows of a running operation: each target's status, kept current from the bus's
 * events, so completion is noticed without reading every target back from the store.
 */
export class OperationTracker {
  private readonly statuses = new Map<number, DeviceStatus>();
  private readonly names = new Map<number, string>();
  private finals = 0;

  constructor(
    readonly operation: OperationRecord,
    readonly query: PreparedQuery,
    targets: readonly TargetRecord[],
  ) {
    for (const t of targets) {
      this.set(t.deviceId, t.status);
      this.names.set(t.deviceId, t.deviceName);
    }
  }

  /** The device's name when the operation started (what its rows and events are labelled with). */
  name(deviceId: number): string {
    return this.names.get(deviceId) ?? '';
  }

  /** Applies a status; a final status never changes. Returns whether anything changed. */
  set(deviceId: number, status: DeviceStatus): boolean {
    const old = this.statuses.get(deviceId);
    if (old === undefined) {
      this.statuses.set(deviceId, status);
      if (FINAL_DEVICE_STATUSES.has(status)) this.finals++;
      return true;
    }
    if (old === status || FINAL_DEVICE_STATUSES.has(old)) return false;
    this.statuses.set(deviceId, status);
    if (FINAL_DEVICE_STATUSES.has(status)) this.finals++;
    return true;
  }

  status(deviceId: number): DeviceStatus | undefined {
    return this.statuses.get(deviceId);
  }

  isTarget(deviceId: number): boolean {
    return this.statuses.has(deviceId);
  }

  /** Every target has a final status. */
  get complete(): boolean {
    return this.finals === this.statuses.size;
  }

  /** Targets whose status is not final (who has not answered yet). */
  unfinished(): { deviceId: number; status: DeviceStatus }[] {
    const out: { deviceId: number; status: DeviceStatus }[] = [];
    for (const [deviceId, status] of this.statuses) if (!FINAL_DEVICE_STATUSES.has(status)) out.push({ deviceId, status });
    return out;
  }

  counts(): Record<DeviceStatus, number> {
    const c = Object.fromEntries(DEVICE_STATUSES.map((s) => [s, 0])) as Record<DeviceStatus, number>;
    for (const s of this.statuses.values()) c[s]++;
    return c;
  }
}
