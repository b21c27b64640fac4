import type { CloudMessage } from '@openpivot/protocol';

/** Something happened to a cloud operation: its record in the store changed (rows, status). */
export interface CloudOperationEvent {
  readonly operationId: number;
  /** True once the operation has ended: no more events follow. */
  readonly final: boolean;
}

export type Unsubscribe = () => void;

/**
 * How cloud nodes sharing one database reach each other. A site's connector socket lives on one node;
 * a query submitted on any node must reach it, and must learn at once when no node holds it (the site
 * is not connected) rather than wait for a timeout.
 */
export interface CloudBus {
  /**
   * Delivers a message to the node holding the connector's socket, which sends it to the site.
   * Resolves `false` when no node holds it.
   */
  toConnector(connectorId: string, message: CloudMessage): Promise<boolean>;
  /** This node holds the connector's socket: deliveries for it come to `handler`. */
  serveConnector(connectorId: string, handler: (message: CloudMessage) => boolean): Unsubscribe;
  publish(event: CloudOperationEvent): void;
  onOperation(operationId: number, handler: (event: CloudOperationEvent) => void): Unsubscribe;
  close(): Promise<void>;
}

/** One cloud node on its own: deliveries and events stay in the process. */
export class LocalCloudBus implements CloudBus {
  private readonly connectors = new Map<string, (message: CloudMessage) => boolean>();
  private readonly watchers = new Map<number, Set<(event: CloudOperationEvent) => void>>();

  async toConnector(connectorId: string, message: CloudMessage): Promise<boolean> {
    return this.connectors.get(connectorId)?.(message) ?? false;
  }

  serveConnector(connectorId: string, handler: (message: CloudMessage) => boolean): Unsubscribe {
    this.connectors.set(connectorId, handler);
    return () => {
      if (this.connectors.get(connectorId) === handler) this.connectors.delete(connectorId);
    };
  }

  publish(event: CloudOperationEvent): void {
    // Delivered on the next turn, as over a network: a publisher never re-enters its own handlers.
    const handlers = this.watchers.get(event.operationId);
    if (handlers) setImmediate(() => { for (const h of [...handlers]) h(event); });
  }

  onOperation(operationId: number, handler: (event: CloudOperationEvent) => void): Unsubscribe {
    let set = this.watchers.get(operationId);
    if (!set) this.watchers.set(operationId, (set = new Set()));
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0) this.watchers.delete(operationId);
    };
  }

  async close(): Promise<void> {
    this.connectors.clear();
    this.watchers.clear();
  }
}
