import type { Diagnostic, Dialect } from '@openpivot/kql';
import { MESSAGES, type DeviceStatus } from '@openpivot/protocol';
import type { Store, OperationRecord, DeviceRecord } from '../store/index.js';
import type { Principal } from '../auth/authenticate.js';
import type { Auditor, Actor } from '../audit.js';
import { sha256Hex } from '@openpivot/server';
import { scopeOf, MembershipView, mayQueryDevice, mayQueryCollection } from '../rbac/rbac.js';
import { prepareQuery, type PreparedQuery } from './prepared-query.js';
import { isOnline } from '../liveness.js';

/** What a query runs on: one device, a collection, or devices selected by id (CMPivot on selected devices). */
export type SubmitTarget =
  | { readonly kind: 'device'; readonly id: number }
  | { readonly kind: 'collection'; readonly id: string }
  | { readonly kind: 'devices'; readonly ids: readonly number[] };

/** How an operation's target reads in the audit trail: `Device(1)`, `Collections('SMS00001')`, `Devices(1,2,3)`. */
export function targetText(kind: OperationRecord['targetKind'], targetId: string): string {
  switch (kind) {
    case 'device': return `Device(${targetId})`;
    case 'collection': return `Collections('${targetId}')`;
    case 'devices': return `Devices(${targetId})`;
  }
}

/** The stored target id: the device id, the collection id, or the selected ids sorted and joined with ','. */
function targetIdOf(target: SubmitTarget): string {
  if (target.kind !== 'devices') return String(target.id);
  return [...new Set(target.ids)].sort((a, b) => a - b).join(',');
}

export interface SubmitRequest {
  readonly principal: Principal;
  readonly actor: Actor;
  readonly target: SubmitTarget;
  readonly text: string;
  readonly dialect?: Dialect;
  readonly timeoutMs: number;
  readonly now: number;
  readonly staleAfterMs: number;
  /** Added to the details of every audit record of this request (a cloud request names the cloud user: `cloudUpn`). */
  readonly auditDetails?: Readonly<Record<string, unknown>>;
}

export type SubmitOutcome =
  | { readonly kind: 'invalid'; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'forbidden'; readonly message: string }
  | { readonly kind: 'ok'; readonly operation: OperationRecord; readonly query: PreparedQuery; readonly targets: readonly DeviceRecord[] };

/**
 * Everything before a query leaves the site: bind it, find the target, check RBAC on the target and
 * on the entities it reads, write the operation and its audit record. Every outcome is audited.
 */
export async function admitQuery(store: Store, auditor: Auditor, req: SubmitRequest): Promise<SubmitOutcome> {
  const targetId = targetIdOf(req.target);
  const target = targetText(req.target.kind, targetId);
  const querySha256 = sha256Hex(req.text);
  const extra = req.auditDetails ?? {};
  const base = { target, query: req.text, querySha256, details: extra };

  const prepared = prepareQuery(req.text, req.dialect ?? 'cmpivot');
  if (!prepared.ok) {
    await auditor.record('run', req.actor, { ...base, outcome: 'invalid-query', details: { ...extra, diagnostics: prepared.diagnostics.slice(0, 5).map((d) => d.code) } });
    return { kind: 'invalid', diagnostics: prepared.diagnostics };
  }
  const query = prepared.query;
  const scope = await scopeOf(store, req.principal.user.id);

  let devices: DeviceRecord[];
  if (req.target.kind === 'device') {
    const device = await store.getDevice(req.target.id);
    if (!device) {
      await auditor.record('run', req.actor, { ...base, outcome: 'not-found' });
      return { kind: 'not-found', message: MESSAGES.deviceNotFound(String(req.target.id)) };
    }
    const decision = mayQueryDevice(scope, await MembershipView.load(store), device, query.sensitive);
    if (!decision.allowed) {
      await auditor.record('refused', req.actor, { ...base, outcome: 'forbidden', details: { ...extra, sensitive: query.sensitive } });
      return { kind: 'forbidden', message: decision.message };
    }
    devices = [device];
  } else if (req.target.kind === 'devices') {
    const selected = await selectedDevices(store, req.target.ids);
    const missing = req.target.ids.find((id) => !selected.has(id));
    if (missing !== undefined) {
      await auditor.record('run', req.actor, { ...base, outcome: 'not-found', details: { ...extra, deviceId: missing } });
      return { kind: 'not-found', message: MESSAGES.deviceNotFound(String(missing)) };
    }
    const view = await MembershipView.load(store);
    devices = [];
    // All or nothing: one device the user may not query refuses the whole selection.
    for (const id of req.target.ids) {
      const device = selected.get(id)!;
      const decision = mayQueryDevice(scope, view, device, query.sensitive);
      if (!decision.allowed) {
        await auditor.record('refused', req.actor, { ...base, outcome: 'forbidden', details: { ...extra, sensitive: query.sensitive, deviceId: id } });
        return { kind: 'forbidden', message: decision.message };
      }
      devices.push(device);
    }
  } else {
    const collection = await store.getCollection(req.target.id);
    if (!collection) {
      await auditor.record('run', req.actor, { ...base, outcome: 'not-found' });
      return { kind: 'not-found', message: MESSAGES.collectionNotFound(req.target.id) };
    }
    const decision = mayQueryCollection(scope, collection.id, query.sensitive);
    if (!decision.allowed) {
      await auditor.record('refused', req.actor, { ...base, outcome: 'forbidden', details: { ...extra, sensitive: query.sensitive } });
      return { kind: 'forbidden', message: decision.message };
    }
    const view = await MembershipView.load(store, new Set([collection.id]));
    devices = view.members(collection.id, await allDevices(store));
  }

  const operation = await store.createOperation({
    userId: req.principal.user.id,
    userName: req.principal.user.name,
    source: req.actor.source,
    targetKind: req.target.kind,
    targetId,
    query: req.text,
    querySha256,
    dialect: query.dialect,
    createdAt: req.now,
    expiresAt: req.now + req.timeoutMs,
    targets: devices.map((d) => ({ deviceId: d.id, deviceName: d.name, status: (isOnline(d, req.now, req.staleAfterMs) ? 'pending' : 'offline') satisfies DeviceStatus })),
  });
  await auditor.record('run', req.actor, {
    ...base,
    operationId: operation.id,
    outcome: 'started',
    details: { ...extra, entities: query.entities, targets: devices.length, online: devices.filter((d) => isOnline(d, req.now, req.staleAfterMs)).length },
  });
  return { kind: 'ok', operation, query, targets: devices };
}

/** The selected devices that exist, by id: one read each for a few, the whole list for many. */
async function selectedDevices(store: Store, ids: readonly number[]): Promise<Map<number, DeviceRecord>> {
  const found = new Map<number, DeviceRecord>();
  if (ids.length <= 100) {
    for (const device of await Promise.all(ids.map((id) => store.getDevice(id)))) if (device) found.set(device.id, device);
    return found;
  }
  const wanted = new Set(ids);
  for (const device of await allDevices(store)) if (wanted.has(device.id)) found.set(device.id, device);
  return found;
}

async function allDevices(store: Store): Promise<DeviceRecord[]> {
  const out: DeviceRecord[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await store.listDevices({ limit: 10_000, offset });
    out.push(...page);
    if (page.length < 10_000) return out;
  }
}
