import type { DeviceRecord } from './store/index.js';

/**
 * Whether a device counts as online now. The store's flag says a node held its connection; a node
 * that died without saying so leaves the flag set, so a device also needs a recent heartbeat (three
 * heartbeat periods, as the agent's own dead-peer check uses).
 */
export function isOnline(d: DeviceRecord, now: number, staleAfterMs: number): boolean {
  return d.online && d.lastSeen !== null && now - d.lastSeen <= staleAfterMs;
}
