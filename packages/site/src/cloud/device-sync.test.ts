import { describe, it, expect } from 'vitest';
import { DeviceSync, type SyncedDevice } from '@openpivot/protocol';
import { DeviceSyncState, LAST_SEEN_RESOLUTION_MS } from './device-sync.js';

const T0 = 1_700_000_000_000;
const device = (id: number, over: Partial<SyncedDevice> = {}): SyncedDevice => ({
  deviceId: id, name: `dev${id}`, platform: 'linux', os: 'Debian', osVersion: '12', agentVersion: '0.1.0', ip: '10.0.0.1',
  domain: null, online: true, lastSeen: T0, collections: [{ id: 'SMS00001', name: 'All Systems' }], ...over,
});
const range = (from: number, n: number): SyncedDevice[] => Array.from({ length: n }, (_, i) => device(from + i));

describe('device sync state', () => {
  it('uploads everything in pages of at most 1000, reset on each, complete on the last', () => {
    const s = new DeviceSyncState();
    const messages = s.full(range(1, 2500));
    expect(messages.map((m) => [m.reset, m.complete, m.devices.length])).toEqual([[true, false, 1000], [true, false, 1000], [true, true, 500]]);
    for (const m of messages) expect(DeviceSync.safeParse(m).success).toBe(true);
    expect(new DeviceSyncState().full([])).toEqual([{ t: 'devices', reset: true, complete: true, devices: [], removed: [] }]);
  });

  it('then sends only new, changed and removed devices, and nothing when nothing changed', () => {
    const s = new DeviceSyncState();
    s.full([device(1), device(2), device(3)]);
    expect(s.changes([device(1), device(2), device(3)])).toEqual([]);
    const next = [device(1, { online: false }), device(3), device(4)];
    expect(s.changes(next)).toEqual([{ t: 'devices', reset: false, complete: true, devices: [device(1, { online: false }), device(4)], removed: [2] }]);
    expect(s.changes(next)).toEqual([]);
    expect(s.changes([device(1, { online: false, collections: [] }), device(3), device(4)])[0]!.devices.map((d) => d.deviceId)).toEqual([1]);
  });

  it('does not resend a device for every heartbeat, only when last-seen moved a minute or more', () => {
    const s = new DeviceSyncState();
    s.full([device(1)]);
    expect(s.changes([device(1, { lastSeen: T0 + 30_000 })])).toEqual([]);
    expect(s.changes([device(1, { lastSeen: T0 + LAST_SEEN_RESOLUTION_MS })])[0]!.devices).toHaveLength(1);
    expect(s.changes([device(1, { lastSeen: null })])[0]!.devices).toHaveLength(1);
  });

  it('pages large changes too', () => {
    const s = new DeviceSyncState();
    s.full(range(1, 1500));
    const messages = s.changes(range(5001, 1200));
    expect(messages.map((m) => [m.devices.length, m.removed.length])).toEqual([[1000, 1000], [200, 500]]);
    for (const m of messages) expect(DeviceSync.safeParse(m).success).toBe(true);
  });
});
