import { chunkRows, diagnosticDetails, FINAL_DEVICE_STATUSES, MESSAGES, type ConnectorMessage, type RelayQuery, type RelayRefusedCode } from '@openpivot/protocol';
import { encodeValue, tableRows, type JsonValue } from '@openpivot/kql';
import { sha256Hex, type Log } from '@openpivot/server';
import type { Store, OperationRecord } from '../store/index.js';
import type { Bus, OperationEvent } from '../cluster/bus.js';
import type { Auditor, Actor } from '../audit.js';
import type { OperationService } from '../operations/operation-service.js';
import type { PreparedQuery } from '../operations/prepared-query.js';
import type { Principal } from '../auth/authenticate.js';
import { admitQuery } from '../operations/submit.js';
import { ResultCache } from '../rest/results.js';

export interface RelayOptions {
  readonly store: Store;
  readonly bus: Bus;
  readonly operations: OperationService;
  readonly auditor: Auditor;
  readonly log: Log;
  readonly clock: () => number;
  readonly staleAfterMs: number;
  /** Sends one message up to the cloud (dropped if the connection has gone). */
  readonly send: (m: ConnectorMessage) => void;
}

interface Following {
  readonly operationId: number;
  readonly actor: Actor;
  readonly upn: string;
  stop(): void;
}

/**
 * The cloud's query requests on one connection. Each request is admitted exactly as a local user's
 * would be — the site maps the cloud user to one of its own users and applies that user's RBAC; the
 * cloud's word alone never runs anything — then its device is followed on the bus until it answers,
 * and the answer is streamed back (rows, then done).
 */
export class CloudRelay {
  private readonly following = new Map<number, Following>();
  private readonly results: ResultCache;
  private stopped = false;

  constructor(private readonly o: RelayOptions) {
    this.results = new ResultCache(o.store);
  }

  /** Admits one request and starts following it; resolves once it is accepted or refused. */
  async query(m: RelayQuery): Promise<void> {
    const receivedAt = this.o.clock();
    const target = `Device(${m.deviceId})`;
    const user = await this.o.store.findUserForCloud(m.upn);
    if (!user) {
      this.o.auditor.recordQuietly('refused', { userName: null, source: 'cloud', remoteAddr: m.remoteAddr }, {
        target, query: m.text, querySha256: sha256Hex(m.text), outcome: 'not-mapped', details: { cloudUpn: m.upn },
      });
      return this.refuse(m.reqId, 'NotMapped', MESSAGES.cloudUserNotMapped);
    }
    // The cloud connector proved its key, as an API token does: a principal like a token's.
    const principal: Principal = { user, via: 'token' };
    const actor: Actor = { userName: user.name, source: 'cloud', remoteAddr: m.remoteAddr };
    const outcome = await admitQuery(this.o.store, this.o.auditor, {
      principal, actor, target: { kind: 'device', id: m.deviceId }, text: m.text, timeoutMs: m.timeoutMs,
      now: receivedAt, staleAfterMs: this.o.staleAfterMs, auditDetails: { cloudUpn: m.upn },
    });
    switch (outcome.kind) {
      case 'invalid':
        return this.refuse(m.reqId, 'InvalidQuery', `The query is not valid: ${outcome.diagnostics[0]!.message}`, diagnosticDetails(m.text, outcome.diagnostics).slice(0, 100));
      case 'not-found':
        return this.refuse(m.reqId, 'NotFound', outcome.message);
      case 'forbidden':
        return this.refuse(m.reqId, 'Forbidden', outcome.message);
      case 'ok':
        break;
    }
    const op = outcome.operation;
    await this.o.operations.start(op, outcome.query);
    const dispatchedAt = this.o.clock();
    this.o.log('cloud.query', { reqId: m.reqId, operationId: op.id, deviceId: m.deviceId, user: user.name, cloudUpn: m.upn });
    this.o.send({ t: 'accepted', reqId: m.reqId, operationId: op.id, receivedAt });
    if (this.stopped) return;
    await this.follow(m, op, outcome.query, actor, { receivedAt, dispatchedAt });
  }

  /** The cloud user cancelled: the operation is cancelled as the site's Cancel route does it. */
  async cancel(reqId: number): Promise<void> {
    const f = this.following.get(reqId);
    if (!f) return; // answered already, or never accepted: nothing to stop
    const op = await this.o.store.getOperation(f.operationId);
    const cancelled = await this.o.operations.cancel(f.operationId);
    await this.o.auditor.record('cancel', f.actor, {
      target: `Operation(${f.operationId})`, operationId: f.operationId, querySha256: op?.querySha256 ?? null,
      outcome: cancelled ? 'cancelled' : 'already-ended', details: { cloudUpn: f.upn },
    });
  }

  /** The connection ended: stop following (the operations themselves run on to their end). */
  stop(): void {
    this.stopped = true;
    for (const f of this.following.values()) f.stop();
    this.following.clear();
  }

  get size(): number {
    return this.following.size;
  }

  private refuse(reqId: number, code: RelayRefusedCode, message: string, details?: readonly unknown[]): void {
    this.o.send({ t: 'refused', reqId, code, message: message.slice(0, 4096), ...(details ? { details: [...details] } : {}) });
  }

  private async follow(m: RelayQuery, op: OperationRecord, query: PreparedQuery, actor: Actor, times: { receivedAt: number; dispatchedAt: number }): Promise<void> {
    let ended = false;
    let chain = Promise.resolve();
    const finish = async (): Promise<void> => {
      if (ended) return;
      ended = true;
      off();
      this.following.delete(m.reqId);
      if (this.stopped) return;
      await this.answer(m, op, query, times);
    };
    const onEvent = (e: OperationEvent): void => {
      chain = chain.then(async () => {
        if (ended) return;
        if (e.kind === 'end' || (e.deviceId === m.deviceId && FINAL_DEVICE_STATUSES.has(e.status))) await finish();
      }).catch((err: unknown) => this.o.log('cloud.relay-error', { reqId: m.reqId, operationId: op.id, error: String(err) }));
    };
    // Subscribe before reading the state, so nothing falls between the snapshot and the stream.
    const off = this.o.bus.onOperation(op.id, onEvent);
    this.following.set(m.reqId, {
      operationId: op.id, actor, upn: m.upn,
      stop: () => {
        ended = true;
        off();
      },
    });
    const target = (await this.o.store.targets(op.id)).find((t) => t.deviceId === m.deviceId);
    const now = await this.o.store.getOperation(op.id);
    if (!target || FINAL_DEVICE_STATUSES.has(target.status) || !now || now.status !== 'running') {
      chain = chain.then(finish);
    } else if (target.status === 'offline') {
      // The device is not connected: say so now rather than when the request times out, and cancel the
      // operation so the device does not run it later for nobody.
      ended = true;
      off();
      this.following.delete(m.reqId);
      await this.o.operations.cancel(op.id);
      this.sendDone(m.reqId, 0, { status: 'offline', truncated: false, warnings: [], error: 'The device is offline.' }, { ...times, answeredAt: this.o.clock() });
    }
    await chain;
  }

  /** The device's rows (merged as the REST result is), then its final status. */
  private async answer(m: RelayQuery, op: OperationRecord, query: PreparedQuery, times: { receivedAt: number; dispatchedAt: number }): Promise<void> {
    const latest = (await this.o.store.getOperation(op.id)) ?? op;
    const target = (await this.o.store.targets(op.id)).find((t) => t.deviceId === m.deviceId);
    const table = await this.results.merged(latest, query, m.deviceId);
    const types = table.schema.map((c) => c.type);
    const rows: JsonValue[][] = tableRows(table).map((r) => r.map((v, j) => encodeValue(v, types[j]!)));
    const chunks = chunkRows(rows);
    if (chunks.length === 0) chunks.push([]);
    chunks.forEach((slice, seq) => {
      this.o.send({ t: 'rows', reqId: m.reqId, seq, ...(seq === 0 ? { columns: table.schema.map((c) => ({ name: c.name, type: c.type })) } : {}), rows: slice });
    });
    this.sendDone(m.reqId, chunks.length, {
      status: target?.status ?? latest.status,
      truncated: target?.truncated ?? false,
      warnings: [...(target?.warnings ?? [])],
      error: target?.error ?? null,
    }, { ...times, answeredAt: target?.updatedAt ?? this.o.clock() });
  }

  private sendDone(reqId: number, seq: number, r: { status: string; truncated: boolean; warnings: string[]; error: string | null }, t: { receivedAt: number; dispatchedAt: number; answeredAt: number }): void {
    this.o.send({
      t: 'done', reqId, seq, status: r.status.slice(0, 32), truncated: r.truncated,
      warnings: r.warnings.slice(0, 100).map((w) => w.slice(0, 4096)), error: r.error === null ? null : r.error.slice(0, 4096),
      timing: { receivedAt: t.receivedAt, dispatchedAt: t.dispatchedAt, answeredAt: t.answeredAt, sentAt: this.o.clock() },
    });
  }
}
