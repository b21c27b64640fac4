import type { DeviceSyncMessage, SyncedDevice } from '@openpivot/protocol';
import type { Store, DeviceRecord } from '../store/index.js';
import { MembershipView } from '../rbac/rbac.js';
import { isOnline } from '../liveness.js';

/** Devices and removed ids per message: the protocol's ceiling. */
export const SYNC_PAGE = 1000;

/**
 * Heartbeats move every device's last-seen all the time; only a move this large counts as a change
 * by itself (online and offline are changes at once, whatever last-seen does).
 */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Every device of the site as the cloud sees it: facts, liveness now, and the collections holding it. */
export async function loadSyncedDevices(store: Store, now: number, staleAfterMs: number): Promise<SyncedDevice[]> {
  const devices: DeviceRecord[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await store.listDevices({ limit: 10_000, offset });
    devices.push(...page);
    if (page.length < 10_000) break;
  }
  const view = await MembershipView.load(store);
  return devices.map((d) => ({
    deviceId: d.id,
    name: d.name.slice(0, 255) || String(d.id),
    platform: d.facts.platform,
    os: d.facts.os,
    osVersion: d.facts.osVersion,
    agentVersion: d.facts.agentVersion,
    ip: d.facts.ip,
    domain: d.facts.domain ?? null,
    online: isOnline(d, now, staleAfterMs),
    lastSeen: d.lastSeen,
    collections: view.collectionsHolding(d).slice(0, 1000).map((c) => ({ id: c.id, name: c.name })),
  }));
}

/**
 * What the cloud was last told about the site's devices, per connection: a full upload after the
 * welcome, then only the differences. Not shared between connections — a new one starts with a reset.
 */
export class DeviceSyncState {
  private readonly sent = new Map<number, { readonly key: string; readonly lastSeen: number | null }>();

  /** The full upload: `reset` on the first message, `complete` on the last (one message if no devices). */
  full(devices: readonly SyncedDevice[]): DeviceSyncMessage[] {
    this.sent.clear();
    for (const d of devices) this.remember(d);
    const messages: DeviceSyncMessage[] = [];
    for (let i = 0; i === 0 || i < devices.length; i += SYNC_PAGE) {
      messages.push({ t: 'devices', reset: true, complete: i + SYNC_PAGE >= devices.length, devices: devices.slice(i, i + SYNC_PAGE), removed: [] });
    }
    return messages;
  }

  /** New or changed devices and removed ids since the last call (nothing when nothing changed). */
  changes(devices: readonly SyncedDevice[]): DeviceSyncMessage[] {
    const changed: SyncedDevice[] = [];
    const present = new Set<number>();
    for (const d of devices) {
      present.add(d.deviceId);
      const before = this.sent.get(d.deviceId);
      if (before && before.key === keyOf(d) && !lastSeenMoved(before.lastSeen, d.lastSeen)) continue;
      changed.push(d);
      this.remember(d);
    }
    const removed: number[] = [];
    for (const id of this.sent.keys()) if (!present.has(id)) removed.push(id);
    for (const id of removed) this.sent.delete(id);
    const messages: DeviceSyncMessage[] = [];
    for (let i = 0; i < Math.max(changed.length, removed.length); i += SYNC_PAGE) {
      messages.push({ t: 'devices', reset: false, complete: true, devices: changed.slice(i, i + SYNC_PAGE), removed: removed.slice(i, i + SYNC_PAGE) });
    }
    return messages;
  }

  private remember(d: SyncedDevice): void {
    this.sent.set(d.deviceId, { key: keyOf(d), lastSeen: d.lastSeen });
  }
}

function keyOf(d: SyncedDevice): string {
  return JSON.stringify({ ...d, lastSeen: d.lastSeen === null ? null : 0 });
}

function lastSeenMoved(before: number | null, now: number | null): boolean {
  if (before === null || now === null) return before !== now;
  return Math.abs(now - before) >= LAST_SEEN_RESOLUTION_MS;
}
