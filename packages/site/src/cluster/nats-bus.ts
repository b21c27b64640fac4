import { connect } from '@nats-io/transport-node';
import type { NatsConnection, Subscription, Msg } from '@nats-io/transport-node';
import type { SiteMessage } from '@openpivot/protocol';
import type { Bus, OperationEvent, Unsubscribe } from './bus.js';
import type { Log } from '@openpivot/server';

/**
 * The bus between site nodes that share one database: NATS core subjects, no persistence needed —
 * what must survive is in the database, and an agent that connects picks up its pending queries there.
 *   openpivot.<site>.device.<id>   queries and cancels for a device, to the node holding it
 *   openpivot.<site>.op.<id>       an operation's events, to every node watching it
 */
export class NatsBus implements Bus {
  private constructor(private readonly nc: NatsConnection, private readonly prefix: string, private readonly log: Log) {}

  static async connect(url: string, siteId: string, log: Log): Promise<NatsBus> {
    const nc = await connect({ servers: url, name: `openpivot-site-${siteId}`, maxReconnectAttempts: -1 });
    return new NatsBus(nc, `openpivot.${siteId.replace(/[^A-Za-z0-9_-]/g, '_')}`, log);
  }

  sendToDevice(deviceId: number, message: SiteMessage): void {
    this.nc.publish(`${this.prefix}.device.${deviceId}`, JSON.stringify(message));
  }

  onDevice(deviceId: number, handler: (message: SiteMessage) => void): Unsubscribe {
    return this.subscribe(`${this.prefix}.device.${deviceId}`, (m) => handler(m.json<SiteMessage>()));
  }

  publish(event: OperationEvent): void {
    this.nc.publish(`${this.prefix}.op.${event.operationId}`, JSON.stringify(event));
  }

  onOperation(operationId: number, handler: (event: OperationEvent) => void): Unsubscribe {
    return this.subscribe(`${this.prefix}.op.${operationId}`, (m) => handler(m.json<OperationEvent>()));
  }

  onAnyOperation(handler: (event: OperationEvent) => void): Unsubscribe {
    return this.subscribe(`${this.prefix}.op.*`, (m) => handler(m.json<OperationEvent>()));
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => undefined);
  }

  private subscribe(subject: string, onMessage: (m: Msg) => void): Unsubscribe {
    const sub: Subscription = this.nc.subscribe(subject, {
      callback: (err, m) => {
        if (err) return this.log('bus.error', { subject, error: err.message });
        try {
          onMessage(m);
        } catch (e) {
          // A peer's malformed message must not take this node down.
          this.log('bus.bad-message', { subject, error: e instanceof Error ? e.message : String(e) });
        }
      },
    });
    return () => sub.unsubscribe();
  }
}
