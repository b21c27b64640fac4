import type { Log } from '@openpivot/server';
import type { CloudStore, CloudAuditRecord, CloudOperationRecord } from './store/store.js';

export type AuditInput = Partial<Omit<CloudAuditRecord, 'id' | 'tenantId' | 'at' | 'action' | 'outcome'>>;

/**
 * The cloud's own audit trail: who ran what on which device, from where, and the outcome — kept per
 * tenant. The site keeps its own record of the same run (as coming from the cloud, with the UPN).
 */
export class CloudAuditor {
  constructor(private readonly store: CloudStore, private readonly log: Log, private readonly clock: () => number) {}

  async record(tenantId: string, action: string, outcome: string, entry: AuditInput = {}): Promise<void> {
    const r = await this.store.appendAudit({
      tenantId, at: this.clock(), action, outcome,
      upn: entry.upn ?? null, remoteAddr: entry.remoteAddr ?? null, machineId: entry.machineId ?? null, deviceName: entry.deviceName ?? null,
      query: entry.query ?? null, operationId: entry.operationId ?? null, details: entry.details ?? {},
    });
    this.log('audit', { id: r.id, tenantId, action, upn: r.upn, outcome, operationId: r.operationId ?? undefined });
  }

  /** For records that must not fail the request they describe (a failed sign-in): logged if lost. */
  recordQuietly(tenantId: string, action: string, outcome: string, entry: AuditInput = {}): void {
    this.record(tenantId, action, outcome, entry).catch((e: unknown) => this.log('audit.write-failed', { action, error: e instanceof Error ? e.message : String(e) }));
  }

  /** A query's end: completed, refused by the site, timed out, too large… */
  async queryEnded(op: CloudOperationRecord): Promise<void> {
    const outcome = op.errorCode ? `${op.status}:${op.errorCode}` : op.status;
    const device = await this.store.getDevice(op.tenantId, op.machineId);
    return this.record(op.tenantId, 'query-ended', outcome, {
      upn: op.upn, machineId: op.machineId, deviceName: device?.name ?? null, query: op.query, operationId: op.id,
      details: { deviceStatus: op.deviceStatus, rows: op.rowCount, bytes: op.resultBytes },
    });
  }
}
