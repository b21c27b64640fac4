import type { SiteMessage } from '@openpivot/protocol';
import type { DeviceStatus } from '@openpivot/protocol';

/** A change in one device's part of an operation, seen by every node (progress, SSE, completion). */
export interface TargetEvent {
  readonly kind: 'target';
  readonly operationId: number;
  readonly deviceId: number;
  readonly deviceName: string;
  readonly status: DeviceStatus;
  readonly rows: number;
  readonly error: string | null;
}

/** The operation ended (every device answered, timed out, or it was cancelled). */
export interface OperationEndEvent {
  readonly kind: 'end';
  readonly operationId: number;
  readonly status: 'completed' | 'timed-out' | 'cancelled';
}

export type OperationEvent = TargetEvent | OperationEndEvent;

export type Unsubscribe = () => void;

/**
 * How site nodes talk to each other. One node alone uses the in-process bus; several nodes on one
 * database use NATS (`--nats`). A message for a device goes to the node holding its connection;
 * operation events go to every node watching the operation.
 */
export interface Bus {
  sendToDevice(deviceId: number, message: SiteMessage): void;
  /** Called by the node that holds the device's connection, while it holds it. */
  onDevice(deviceId: number, handler: (message: SiteMessage) => void): Unsubscribe;
  publish(event: OperationEvent): void;
  onOperation(operationId: number, handler: (event: OperationEvent) => void): Unsubscribe;
  /** Every operation's events (used by nodes tracking operations to completion). */
  onAnyOperation(handler: (event: OperationEvent) => void): Unsubscribe;
  close(): Promise<void>;
}

/** The bus of a single node: a function call away. */
export class LocalBus implements Bus {
  private readonly devices = new Map<number, (m: SiteMessage) => void>();
  private readonly ops = new Map<number, Set<(e: OperationEvent) => void>>();
  private readonly any = new Set<(e: OperationEvent) => void>();

  sendToDevice(deviceId: number, message: SiteMessage): void {
    this.devices.get(deviceId)?.(message);
  }

  onDevice(deviceId: number, handler: (message: SiteMessage) => void): Unsubscribe {
    this.devices.set(deviceId, handler);
    return () => {
      if (this.devices.get(deviceId) === handler) this.devices.delete(deviceId);
    };
  }

  publish(event: OperationEvent): void {
    // Delivered on the next turn, as over a network: a publisher never re-enters its own handlers.
    queueMicrotask(() => {
      for (const h of this.any) h(event);
      for (const h of this.ops.get(event.operationId) ?? []) h(event);
    });
  }

  onOperation(operationId: number, handler: (event: OperationEvent) => void): Unsubscribe {
    const set = this.ops.get(operationId) ?? new Set();
    set.add(handler);
    this.ops.set(operationId, set);
    return () => {
      set.delete(handler);
      if (set.size === 0) this.ops.delete(operationId);
    };
  }

  onAnyOperation(handler: (event: OperationEvent) => void): Unsubscribe {
    this.any.add(handler);
    return () => this.any.delete(handler);
  }

  async close(): Promise<void> {
    this.devices.clear();
    this.ops.clear();
    this.any.clear();
  }
}
