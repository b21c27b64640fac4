import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { parseCloudMessage, type CloudMessage } from '@openpivot/protocol';
import type { Log } from '@openpivot/server';
import type { CloudBus, CloudOperationEvent, Unsubscribe } from './cloud-bus.js';

/** How long a node waits for the connector's node to take a delivery (it answers at once when alive). */
const DELIVERY_TIMEOUT_MS = 2_000;

/**
 * The bus between cloud nodes sharing one database, over NATS core subjects:
 *   openpivot-cloud.connector.<id>   request/reply: a message for a site, to the node holding its socket.
 *                                    NATS answers "no responders" at once when no node holds it, which
 *                                    is how a submitter learns the site is not connected without waiting.
 *   openpivot-cloud.op.<id>          an operation's events, to every node streaming it.
 */
export class NatsCloudBus implements CloudBus {
  private constructor(private readonly nc: NatsConnection, private readonly log: Log) {}

  static async connect(url: string, nodeId: string, log: Log): Promise<NatsCloudBus> {
    const nc = await connect({ servers: url, name: `openpivot-cloud-${nodeId}`, maxReconnectAttempts: -1 });
    return new NatsCloudBus(nc, log);
  }

  async toConnector(connectorId: string, message: CloudMessage): Promise<boolean> {
    try {
      const reply = await this.nc.request(subject(connectorId), JSON.stringify(message), { timeout: DELIVERY_TIMEOUT_MS });
      return reply.string() === 'sent';
    } catch (e) {
      // No responders (nobody holds it) or a timeout (its node is stuck): either way, not delivered.
      this.log('bus.undelivered', { connectorId, error: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }

  serveConnector(connectorId: string, handler: (message: CloudMessage) => boolean): Unsubscribe {
    // A queue group: when several nodes each hold a socket of one connector (a site of several nodes),
    // exactly one of them takes each delivery — the site must not run a query twice.
    const sub: Subscription = this.nc.subscribe(subject(connectorId), {
      queue: 'connector-holders',
      callback: (err, m) => {
        if (err) return this.log('bus.error', { connectorId, error: err.message });
        const parsed = parseCloudMessage(m.string());
        m.respond(parsed.ok && handler(parsed.value) ? 'sent' : 'not-sent');
      },
    });
    return () => sub.unsubscribe();
  }

  publish(event: CloudOperationEvent): void {
    this.nc.publish(`openpivot-cloud.op.${event.operationId}`, JSON.stringify(event));
  }

  onOperation(operationId: number, handler: (event: CloudOperationEvent) => void): Unsubscribe {
    const sub = this.nc.subscribe(`openpivot-cloud.op.${operationId}`, {
      callback: (err, m) => {
        if (err) return;
        try {
          handler(m.json<CloudOperationEvent>());
        } catch (e) {
          this.log('bus.bad-message', { operationId, error: e instanceof Error ? e.message : String(e) });
        }
      },
    });
    return () => sub.unsubscribe();
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => undefined);
  }
}

function subject(connectorId: string): string {
  return `openpivot-cloud.connector.${connectorId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
