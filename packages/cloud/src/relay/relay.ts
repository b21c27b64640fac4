import { MESSAGES, type ConnectorMessage, type ErrorCode, type RelayRefusedCode } from '@openpivot/protocol';
import type { Log } from '@openpivot/server';
import type { CloudStore, CloudOperationRecord, CloudDeviceRecord, CloudUserRecord, CloudOperationStatus } from '../store/store.js';
import type { CloudBus } from '../cluster/cloud-bus.js';
import type { CloudAuditor } from '../audit.js';

export interface RelaySettings {
  /** The admin center's time limit for one query (10 minutes, fact sheet §3.2). */
  readonly timeoutMs: number;
  /** The admin center's result size limit (5 MB by default). */
  readonly resultLimitBytes: number;
  /** How long a submit waits for the site to admit or refuse the query. */
  readonly verdictTimeoutMs: number;
}

/** What a submit ends in: the site admitted the query, or a refusal to show the user. */
export type Verdict =
  | { readonly ok: true; readonly operation: CloudOperationRecord }
  | { readonly ok: false; readonly status: number; readonly code: ErrorCode; readonly message: string; readonly operation: CloudOperationRecord };

/**
 * The query relay: a query for a device goes down the site's connector, the site's verdict and rows
 * come back up into the store. Whichever node the user called submits; whichever node holds the
 * site's socket records what the site answers — the store and the bus join the two.
 */
export class Relay {
  constructor(
    private readonly store: CloudStore,
    private readonly bus: CloudBus,
    private readonly auditor: CloudAuditor,
    private readonly log: Log,
    private readonly settings: RelaySettings,
    private readonly clock: () => number,
  ) {}

  async submit(user: CloudUserRecord, device: CloudDeviceRecord, query: string, remoteAddr: string | null): Promise<Verdict> {
    const now = this.clock();
    const operation = await this.store.createOperation({
      tenantId: user.tenantId, userId: user.id, upn: user.upn, machineId: device.machineId, connectorId: device.connectorId,
      query, at: now, deadline: now + this.settings.timeoutMs,
    });
    // Watch before sending: the site's verdict may come back before `toConnector` resolves.
    const verdict = this.waitForVerdict(operation.id);
    const delivered = await this.bus.toConnector(device.connectorId, {
      t: 'query', reqId: operation.id, upn: user.upn, remoteAddr, deviceId: device.deviceId, text: query, timeoutMs: this.settings.timeoutMs, sentAt: now,
    });
    if (!delivered) {
      verdict.cancel();
      const message = MESSAGES.siteNotConnected(device.siteCode);
      const ended = await this.end(operation.id, 'failed', { errorCode: 'SiteNotConnected', error: message });
      return { ok: false, status: 503, code: 'SiteNotConnected', message, operation: ended };
    }
    const decided = await verdict.result;
    if (!decided || decided.status === 'pending') {
      const message = MESSAGES.cloudQueryTimedOut;
      const ended = await this.end(operation.id, 'timedout', { errorCode: 'TimedOut', error: message });
      await this.bus.toConnector(device.connectorId, { t: 'cancel', reqId: operation.id });
      return { ok: false, status: 504, code: 'TimedOut', message, operation: ended };
    }
    if (decided.status === 'refused') {
      const refusal = refusalOf(decided.errorCode as RelayRefusedCode, decided.error ?? '');
      return { ok: false, ...refusal, operation: decided };
    }
    return { ok: true, operation: decided };
  }

  async cancel(operation: CloudOperationRecord): Promise<void> {
    if (isEnded(operation.status)) return;
    await this.bus.toConnector(operation.connectorId, { t: 'cancel', reqId: operation.id });
    await this.end(operation.id, 'canceled', {});
  }

  /** A message from a site's connector, on the node holding its socket. */
  async onConnectorMessage(connectorId: string, m: ConnectorMessage): Promise<void> {
    if (m.t !== 'accepted' && m.t !== 'refused' && m.t !== 'status' && m.t !== 'rows' && m.t !== 'done') return;
    const op = await this.store.getOperationById(m.reqId);
    // A site may only speak of the requests sent to it, and not after they ended.
    if (!op || op.connectorId !== connectorId) return this.log('relay.foreign-message', { connectorId, reqId: m.reqId, t: m.t });
    if (isEnded(op.status)) return;
    switch (m.t) {
      case 'accepted':
        await this.update(op.id, { status: 'running', siteOperationId: m.operationId, timing: { ...op.timing, receivedAt: m.receivedAt } });
        return;
      case 'refused':
        await this.end(op.id, 'refused', { errorCode: m.code, error: m.message });
        return;
      case 'status':
        await this.update(op.id, { deviceStatus: m.deviceStatus });
        return;
      case 'rows': {
        const bytes = Buffer.byteLength(JSON.stringify(m.rows));
        if (op.resultBytes + bytes > this.settings.resultLimitBytes) {
          await this.bus.toConnector(connectorId, { t: 'cancel', reqId: op.id });
          await this.end(op.id, 'toolarge', { errorCode: 'ResultTooLarge', error: MESSAGES.resultTooLarge });
          return;
        }
        if (m.columns) await this.store.updateOperation(op.id, { columns: m.columns });
        await this.store.appendRows(op.id, m.seq, m.rows, bytes);
        this.bus.publish({ operationId: op.id, final: false });
        return;
      }
      case 'done': {
        // The site ran out of the same time the cloud gave it: the admin center's time-out, whichever clock fired.
        if (m.status === 'timed-out') {
          await this.end(op.id, 'timedout', { deviceStatus: m.status, errorCode: 'TimedOut', error: MESSAGES.cloudQueryTimedOut });
          return;
        }
        const failed = m.error !== null && m.status === 'failed';
        await this.end(op.id, failed ? 'failed' : 'completed', {
          deviceStatus: m.status, truncated: m.truncated, warnings: m.warnings, ...(m.error !== null ? { error: m.error } : {}),
          timing: { ...op.timing, ...m.timing, cloudReceivedAt: this.clock() },
        });
      }
    }
  }

  /** Ends the running operations whose deadline passed: the admin center's 10-minute limit. */
  async expireOverdue(): Promise<number> {
    const overdue = await this.store.overdueOperations(this.clock());
    for (const op of overdue) {
      await this.bus.toConnector(op.connectorId, { t: 'cancel', reqId: op.id });
      await this.end(op.id, 'timedout', { errorCode: 'TimedOut', error: MESSAGES.cloudQueryTimedOut });
    }
    return overdue.length;
  }

  private waitForVerdict(operationId: number): { result: Promise<CloudOperationRecord | null>; cancel(): void } {
    let stop = (): void => undefined;
    const result = new Promise<CloudOperationRecord | null>((resolve) => {
      const timer = setTimeout(() => { stop(); resolve(null); }, this.settings.verdictTimeoutMs);
      const unsubscribe = this.bus.onOperation(operationId, () => {
        void this.store.getOperationById(operationId).then((op) => {
          if (op && op.status !== 'pending') { stop(); resolve(op); }
        });
      });
      stop = () => { clearTimeout(timer); unsubscribe(); };
    });
    return { result, cancel: () => stop() };
  }

  private async update(id: number, u: Parameters<CloudStore['updateOperation']>[1]): Promise<void> {
    await this.store.updateOperation(id, u);
    this.bus.publish({ operationId: id, final: false });
  }

  private async end(id: number, status: CloudOperationStatus, u: Parameters<CloudStore['updateOperation']>[1]): Promise<CloudOperationRecord> {
    await this.store.updateOperation(id, { ...u, status, endedAt: this.clock() });
    this.bus.publish({ operationId: id, final: true });
    const op = (await this.store.getOperationById(id))!;
    await this.auditor.queryEnded(op);
    return op;
  }
}

export function isEnded(status: CloudOperationStatus): boolean {
  return status !== 'pending' && status !== 'running';
}

/** The site's refusal as the admin center shows it (fact sheet §4.2, with openpivot's names). */
export function refusalOf(code: RelayRefusedCode, siteMessage: string): { status: number; code: ErrorCode; message: string } {
  switch (code) {
    case 'NotMapped': return { status: 403, code: 'UserNotMapped', message: MESSAGES.cloudUserNotMapped };
    case 'Forbidden': return { status: 403, code: 'Forbidden', message: siteMessage || MESSAGES.notAuthorized };
    case 'NotFound': return { status: 404, code: 'NotFound', message: siteMessage };
    case 'InvalidQuery': return { status: 400, code: 'InvalidQuery', message: siteMessage };
    case 'Unavailable': return { status: 503, code: 'Unavailable', message: siteMessage };
  }
}
