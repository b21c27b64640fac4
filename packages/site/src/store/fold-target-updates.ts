import { FINAL_DEVICE_STATUSES, type DeviceStatus } from '@openpivot/protocol';
import type { TargetUpdate } from './store.js';

/** What one target ends up with after a batch; null fields keep the stored value. */
export interface FoldedUpdate {
  readonly operationId: number;
  readonly deviceId: number;
  readonly status: DeviceStatus;
  /** Whether `error` was given (null then clears it) or omitted (the stored error stays). */
  readonly setError: boolean;
  readonly error: string | null;
  readonly rows: number | null;
  readonly truncated: number | null;
  readonly warnings: string | null;
  readonly at: number;
}

/**
 * Collapses a batch to one update per target, as if the updates were applied in order: later fields
 * override earlier ones, and once a final status is reached the rest of that target's updates are
 * dropped. The database applies the same rule against what is already stored.
 */
export function foldTargetUpdates(updates: readonly TargetUpdate[]): FoldedUpdate[] {
  const byTarget = new Map<string, FoldedUpdate>();
  for (const u of updates) {
    const key = `${u.operationId}:${u.deviceId}`;
    const prev = byTarget.get(key);
    if (prev && FINAL_DEVICE_STATUSES.has(prev.status)) continue;
    byTarget.set(key, {
      operationId: u.operationId,
      deviceId: u.deviceId,
      status: u.status,
      setError: u.error !== undefined || (prev?.setError ?? false),
      error: u.error !== undefined ? u.error : (prev?.error ?? null),
      rows: u.rows ?? prev?.rows ?? null,
      truncated: u.truncated === undefined ? (prev?.truncated ?? null) : u.truncated ? 1 : 0,
      warnings: u.warnings === undefined ? (prev?.warnings ?? null) : JSON.stringify(u.warnings),
      at: u.at,
    });
  }
  return [...byTarget.values()];
}
