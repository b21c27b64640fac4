import type { WebSocket } from 'ws';
import type { SiteMessage } from '@openpivot/protocol';

/** One authenticated agent connection on this node. */
export interface AgentConnection {
  readonly deviceId: number;
  readonly name: string;
  readonly socket: WebSocket;
  readonly remoteAddr: string;
}

/** The agents connected to this node, by device id. */
export class AgentHub {
  private readonly byDevice = new Map<number, AgentConnection>();

  /** Adds a connection; returns the one it replaces (the same device connecting twice). */
  add(c: AgentConnection): AgentConnection | undefined {
    const old = this.byDevice.get(c.deviceId);
    this.byDevice.set(c.deviceId, c);
    return old;
  }

  /** Removes the connection if it is still the device's current one. */
  remove(c: AgentConnection): boolean {
    if (this.byDevice.get(c.deviceId) !== c) return false;
    this.byDevice.delete(c.deviceId);
    return true;
  }

  get(deviceId: number): AgentConnection | undefined {
    return this.byDevice.get(deviceId);
  }

  has(deviceId: number): boolean {
    return this.byDevice.has(deviceId);
  }

  /** Sends a message if the device is connected here; false if not (or the socket is closing). */
  send(deviceId: number, message: SiteMessage, text?: string): boolean {
    const c = this.byDevice.get(deviceId);
    if (!c || c.socket.readyState !== c.socket.OPEN) return false;
    // One query goes to thousands of devices: the caller may serialise it once.
    c.socket.send(text ?? JSON.stringify(message));
    return true;
  }

  get size(): number {
    return this.byDevice.size;
  }

  all(): IterableIterator<AgentConnection> {
    return this.byDevice.values();
  }
}
