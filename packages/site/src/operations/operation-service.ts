import { FINAL_DEVICE_STATUSES, type DeviceStatus, type SiteMessage, type ChunkMessage, type DoneMessage, type OperationStatus } from '@openpivot/protocol';
import type { Store, OperationRecord, TargetUpdate } from '../store/index.js';
import type { Bus, OperationEvent, TargetEvent } from '../cluster/bus.js';
import type { AgentHub } from '../agents/agent-hub.js';
import type { Auditor } from '../audit.js';
import type { Log } from '@openpivot/server';
import { WriteBatcher } from './write-batcher.js';
import { OperationTracker } from './tracker.js';
import { prepareQuery, type PreparedQuery } from './prepared-query.js';
import { checkRows } from './merge.js';
import { targetText } from './submit.js';

export interface OperationSettings {
  /** How long a device may take to run the query (sent to the agent). */
  readonly deviceTimeLimitMs: number;
  readonly deviceMaxBytes: number;
  /** A device that drops its connection mid-query has this long to come back before it is marked failed. */
  readonly disconnectGraceMs: number;
}

/** A message from an agent that breaks the protocol: its connection is closed with this reason. */
export class ProtocolViolation extends Error {}

/**
 * Operations in flight on this node: sends queries to agents (directly when connected here, over the
 * bus when elsewhere), stores what comes back (acknowledging only after the write), keeps each
 * device's status, and ends the operation when every device has answered, the time is up or a user
 * cancels. Every node tracks every running operation, so any node can finish one.
 */
export class OperationService {
  private readonly trackers = new Map<number, OperationTracker>();
  private readonly loading = new Map<number, Promise<OperationTracker | null>>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  /** Operations sent to agents connected here and not yet answered, by device. */
  private readonly inFlight = new Map<number, Set<number>>();
  private readonly graceTimers = new Map<number, NodeJS.Timeout>();
  /** Operations this node is ending on purpose (cancel, timeout): their end status is that, not "completed". */
  private readonly ending = new Map<number, 'cancelled' | 'timed-out'>();
  private readonly finishing = new Set<number>();
  /** Operations ended lately: their stragglers' events need no store read to be ignored. */
  private readonly recentlyEnded = new Set<number>();
  private readonly batcher: WriteBatcher;
  private readonly unsubscribe: () => void;
  private closing = false;

  constructor(
    private readonly store: Store,
    private readonly bus: Bus,
    private readonly hub: AgentHub,
    private readonly auditor: Auditor,
    private readonly log: Log,
    private readonly settings: OperationSettings,
    private readonly nodeId: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.batcher = new WriteBatcher(store);
    this.unsubscribe = bus.onAnyOperation((e) => void this.onEvent(e));
  }

  /** After a restart: pick up every running operation (results already stored stay; the rest resumes). */
  async resume(): Promise<number> {
    const running = await this.store.runningOperations();
    await Promise.all(running.map((op) => this.track(op.id)));
    return running.length;
  }

  /** Starts a stored, audited operation: tracks it and sends the query to every online target. */
  async start(operation: OperationRecord, query: PreparedQuery): Promise<void> {
    const targets = await this.store.targets(operation.id);
    const tracker = new OperationTracker(operation, query, targets);
    this.install(tracker);
    const message = this.queryMessage(operation);
    const text = JSON.stringify(message);
    for (const t of targets) {
      if (t.status === 'pending') this.dispatch(message, text, t.deviceId);
    }
    if (tracker.complete) await this.finish(operation.id, 'completed');
  }

  tracker(operationId: number): OperationTracker | undefined {
    return this.trackers.get(operationId);
  }

  /** The prepared query of an operation, from memory or re-prepared from the stored text. */
  async queryOf(operation: OperationRecord): Promise<PreparedQuery | null> {
    const t = this.trackers.get(operation.id);
    if (t) return t.query;
    const p = prepareQuery(operation.query, operation.dialect);
    return p.ok ? p.query : null;
  }

  // ---- agents ----

  /** An agent authenticated on this node: listen for its messages on the bus, deliver what waits for it. */
  async agentConnected(deviceId: number): Promise<() => void> {
    const grace = this.graceTimers.get(deviceId);
    if (grace) clearTimeout(grace);
    this.graceTimers.delete(deviceId);
    const off = this.bus.onDevice(deviceId, (m) => this.deliverLocally(deviceId, m));
    for (const { operation } of await this.store.pendingForDevice(deviceId, this.clock())) {
      await this.track(operation.id);
      this.deliverLocally(deviceId, this.queryMessage(operation));
    }
    return off;
  }

  /** The agent's connection closed. Unless it comes back soon, what it was running has failed. */
  agentDisconnected(deviceId: number): void {
    const ops = this.inFlight.get(deviceId);
    this.inFlight.delete(deviceId);
    if (this.closing || !ops || ops.size === 0) return;
    const timer = setTimeout(() => {
      this.graceTimers.delete(deviceId);
      void this.failLost(deviceId, ops);
    }, this.settings.disconnectGraceMs);
    timer.unref();
    this.graceTimers.set(deviceId, timer);
  }

  async onChunk(deviceId: number, m: ChunkMessage): Promise<void> {
    const tracker = await this.track(m.opId);
    if (!tracker || !tracker.isTarget(deviceId)) throw new ProtocolViolation(`operation ${m.opId} was not sent to this device`);
    if (FINAL_DEVICE_STATUSES.has(tracker.status(deviceId)!)) return; // late or repeated: acknowledged, not stored
    const part = tracker.query.split.device[m.part];
    if (!part) throw new ProtocolViolation(`chunk part ${m.part} does not exist (the query has ${tracker.query.split.device.length})`);
    const problem = checkRows(part.schema, m.rows);
    if (problem) throw new ProtocolViolation(`chunk ${m.seq}: ${problem}`);
    await this.batcher.saveChunk({ operationId: m.opId, deviceId, seq: m.seq, part: m.part, rowsJson: JSON.stringify(m.rows), rowCount: m.rows.length });
  }

  async onDone(deviceId: number, m: DoneMessage): Promise<void> {
    const tracker = await this.track(m.opId);
    if (!tracker || !tracker.isTarget(deviceId)) throw new ProtocolViolation(`operation ${m.opId} was not sent to this device`);
    this.inFlight.get(deviceId)?.delete(m.opId);
    if (FINAL_DEVICE_STATUSES.has(tracker.status(deviceId)!)) return;
    const status: DeviceStatus = m.error ? 'failed' : m.truncated ? 'truncated' : m.rows === 0 ? 'no-results' : 'completed';
    const error = m.error ? `${m.error.code}: ${m.error.message}` : null;
    await this.setStatus(tracker, deviceId, { status, error, rows: m.rows, truncated: m.truncated, warnings: m.warnings });
  }

  // ---- users ----

  /** Cancels a running operation: devices still working are told to stop. False if it had ended. */
  async cancel(operationId: number): Promise<boolean> {
    const tracker = await this.track(operationId);
    if (!tracker || this.ending.has(operationId)) return false;
    this.ending.set(operationId, 'cancelled');
    const open = tracker.unfinished();
    // A device marked pending may have the query already (sent by another node a moment ago): tell it too.
    for (const { deviceId, status } of open) if (status !== 'offline') this.bus.sendToDevice(deviceId, { t: 'cancel', opId: operationId });
    await this.setMany(tracker, open.map((o) => o.deviceId), 'cancelled', 'The operation was cancelled.');
    await this.finish(operationId, 'cancelled');
    return true;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.unsubscribe();
    for (const t of this.timers.values()) clearTimeout(t);
    for (const t of this.graceTimers.values()) clearTimeout(t);
    await this.batcher.flush();
  }

  // ---- internals ----

  private queryMessage(op: OperationRecord): SiteMessage {
    return { t: 'query', opId: op.id, text: op.query, dialect: op.dialect, now: op.createdAt, timeLimitMs: this.settings.deviceTimeLimitMs, maxBytes: this.settings.deviceMaxBytes };
  }

  private dispatch(message: SiteMessage, text: string, deviceId: number): void {
    if (this.hub.has(deviceId)) this.deliverLocally(deviceId, message, text);
    else this.bus.sendToDevice(deviceId, message);
  }

  /** Sends to an agent connected here; a query becomes "delivered". */
  private deliverLocally(deviceId: number, message: SiteMessage, text?: string): void {
    if (!this.hub.send(deviceId, message, text)) return;
    if (message.t !== 'query') return;
    const set = this.inFlight.get(deviceId) ?? new Set<number>();
    set.add(message.opId);
    this.inFlight.set(deviceId, set);
    const tracker = this.trackers.get(message.opId);
    const was = tracker?.status(deviceId);
    if (tracker && was !== undefined && was !== 'delivered' && !FINAL_DEVICE_STATUSES.has(was)) {
      // Known here at once (a cancel right after must reach it); stored with the next batch.
      tracker.set(deviceId, 'delivered');
      void this.setStatus(tracker, deviceId, { status: 'delivered' }).catch((e: unknown) => this.log('operation.write-failed', { operationId: message.opId, error: String(e) }));
    }
  }

  private async failLost(deviceId: number, ops: ReadonlySet<number>): Promise<void> {
    if (this.hub.has(deviceId)) return;
    const device = await this.store.getDevice(deviceId);
    if (device?.online && device.nodeId !== this.nodeId) return; // it came back on another node, which resumes it
    for (const opId of ops) {
      const tracker = this.trackers.get(opId);
      if (tracker && !FINAL_DEVICE_STATUSES.has(tracker.status(deviceId)!)) {
        await this.setStatus(tracker, deviceId, { status: 'failed', error: 'The device went offline before it finished answering.' });
      }
    }
  }

  private async setStatus(tracker: OperationTracker, deviceId: number, u: Omit<TargetUpdate, 'operationId' | 'deviceId' | 'at'>): Promise<void> {
    const opId = tracker.operation.id;
    await this.batcher.updateTarget({ operationId: opId, deviceId, at: this.clock(), ...u });
    tracker.set(deviceId, u.status);
    this.bus.publish({ kind: 'target', operationId: opId, deviceId, deviceName: tracker.name(deviceId), status: u.status, rows: u.rows ?? 0, error: u.error ?? null });
  }

  private async setMany(tracker: OperationTracker, deviceIds: readonly number[], status: DeviceStatus, error: string | null): Promise<void> {
    const at = this.clock();
    await Promise.all(deviceIds.map((deviceId) => this.batcher.updateTarget({ operationId: tracker.operation.id, deviceId, status, error, at })));
    for (const deviceId of deviceIds) {
      tracker.set(deviceId, status);
      this.bus.publish({ kind: 'target', operationId: tracker.operation.id, deviceId, deviceName: tracker.name(deviceId), status, rows: 0, error });
    }
  }

  private async onEvent(e: OperationEvent): Promise<void> {
    if (e.kind === 'end') return this.untrack(e.operationId);
    if (this.finishing.has(e.operationId) || this.recentlyEnded.has(e.operationId)) return;
    const tracker = this.trackers.get(e.operationId) ?? (await this.track(e.operationId));
    if (!tracker) return;
    tracker.set(e.deviceId, e.status);
    if (tracker.complete) await this.finish(e.operationId, this.endStatus(tracker));
  }

  /**
   * How an operation whose devices have all reached a final status ended. A cancel or a timeout ends
   * it too (its devices become cancelled or timed out); whichever node sees that first must say so.
   */
  private endStatus(tracker: OperationTracker): Exclude<OperationStatus, 'running'> {
    const ending = this.ending.get(tracker.operation.id);
    if (ending) return ending;
    const counts = tracker.counts();
    if (counts.cancelled > 0) return 'cancelled';
    if (counts['timed-out'] > 0) return 'timed-out';
    return 'completed';
  }

  /** Loads a running operation's tracker once (concurrent callers share the load). Null if it has ended. */
  private track(operationId: number): Promise<OperationTracker | null> {
    const known = this.trackers.get(operationId);
    if (known) return Promise.resolve(known);
    let p = this.loading.get(operationId);
    if (!p) {
      p = (async () => {
        const op = await this.store.getOperation(operationId);
        if (!op || op.status !== 'running') return null;
        const query = await this.queryOf(op);
        if (!query) return null;
        const tracker = this.trackers.get(operationId) ?? new OperationTracker(op, query, await this.store.targets(operationId));
        this.install(tracker);
        if (tracker.complete) await this.finish(operationId, this.endStatus(tracker));
        return tracker;
      })().finally(() => this.loading.delete(operationId));
      this.loading.set(operationId, p);
    }
    return p;
  }

  private install(tracker: OperationTracker): void {
    const id = tracker.operation.id;
    if (this.trackers.has(id)) return;
    this.trackers.set(id, tracker);
    const delay = Math.min(Math.max(0, tracker.operation.expiresAt - this.clock()), 2 ** 31 - 1);
    const timer = setTimeout(() => void this.expire(id), delay);
    timer.unref();
    this.timers.set(id, timer);
  }

  private untrack(operationId: number): void {
    if (this.trackers.has(operationId)) {
      this.recentlyEnded.add(operationId);
      if (this.recentlyEnded.size > 1_000) this.recentlyEnded.delete(this.recentlyEnded.values().next().value!);
    }
    const timer = this.timers.get(operationId);
    if (timer) clearTimeout(timer);
    this.timers.delete(operationId);
    this.trackers.delete(operationId);
  }

  /** The window closed: devices that had the query and did not answer timed out; offline ones stay offline. */
  private async expire(operationId: number): Promise<void> {
    const tracker = this.trackers.get(operationId);
    if (!tracker || this.ending.has(operationId)) return;
    this.ending.set(operationId, 'timed-out');
    const late = tracker.unfinished().filter((u) => u.status !== 'offline').map((u) => u.deviceId);
    for (const deviceId of late) this.bus.sendToDevice(deviceId, { t: 'cancel', opId: operationId });
    await this.setMany(tracker, late, 'timed-out', 'The device did not answer within the operation\'s time limit.');
    // Every device answered but offline ones, which never had the query: the window closed on them.
    await this.finish(operationId, tracker.unfinished().length === 0 && late.length === 0 ? 'completed' : 'timed-out');
  }

  private async finish(operationId: number, status: Exclude<OperationStatus, 'running'>): Promise<boolean> {
    // Events keep arriving after the last device answered: the operation is ended once per node.
    if (this.finishing.has(operationId)) return false;
    this.finishing.add(operationId);
    const tracker = this.trackers.get(operationId);
    let won: boolean;
    try {
      await this.batcher.flush();
      won = await this.store.finishOperation(operationId, status, this.clock());
    } finally {
      this.untrack(operationId);
      this.ending.delete(operationId);
      this.finishing.delete(operationId);
    }
    if (!won) return false;
    this.bus.publish({ kind: 'end', operationId, status });
    if (tracker) {
      const op = tracker.operation;
      await this.auditor.record('run-end', { userName: op.userName, source: op.source, remoteAddr: null }, {
        target: targetText(op.targetKind, op.targetId),
        querySha256: op.querySha256, operationId, outcome: status, details: { counts: tracker.counts() },
      }).catch((e: unknown) => this.log('audit.write-failed', { operationId, error: String(e) }));
    }
    this.log('operation.end', { operationId, status });
    return true;
  }
}

export type { TargetEvent };
