import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startCloud, addTenant, addCloudUser, newAttachCode, type RunningCloud } from '@openpivot/cloud';
import { startSite, openStore, attachToCloud, addUser, createEnrollToken, type RunningSite } from '@openpivot/site';
import { simulateAgents, silentLogger, type SimulatedFleet } from '@openpivot/agent';
import { postgresDatabases } from '@openpivot/testkit';
import { tempDir, ADMIN_PASSWORD } from '../site/harness.js';
import { call, quiet, passwordOf, V } from './in-process.js';
import { eventually } from './cloud-harness.js';

/**
 * A site of two nodes (one PostgreSQL, one NATS) attached to the cloud: both nodes dial with the same
 * connector. The cloud keeps both connections (neither pushes the other out, which would make them take
 * turns forever), runs each query once, and keeps serving through the other node when one stops.
 */
const databases = postgresDatabases();
let cloud: RunningCloud;
let nodes: RunningSite[] = [];
let fleet: SimulatedFleet;
const upn = 'helpdesk@nodes.test';

beforeAll(async () => {
  cloud = await startCloud({ dataDir: tempDir('cloud-nodes'), port: 0, host: '127.0.0.1', log: quiet });
  const tenantId = await addTenant(cloud.store, { name: 'Two nodes' });
  await addCloudUser(cloud.store, { upn, tenantId, role: 'Help Desk Operator', password: passwordOf(upn) });
  const { databaseUrl } = (await databases.fresh()).options;
  const store = await openStore({ databaseUrl: databaseUrl! });
  try {
    await attachToCloud(store, { cloudUrl: cloud.url, code: await newAttachCode(cloud.store, { tenantId }), siteCode: 'TWO' });
  } finally {
    await store.close();
  }
  for (const nodeId of ['node-1', 'node-2']) {
    nodes.push(await startSite({ databaseUrl: databaseUrl!, natsUrl: 'nats://127.0.0.1:4222', nodeId, port: 0, host: '127.0.0.1', adminPassword: ADMIN_PASSWORD, log: quiet, cloudBackoff: { baseMs: 100, capMs: 500 } }));
  }
  await addUser(nodes[0]!.store, { name: 'helpdesk', role: 'Helpdesk Operator', collections: [], upn, password: 'site-pw' });
  fleet = await simulateAgents({ count: 2, siteUrl: nodes[0]!.url, token: await createEnrollToken(nodes[0]!.store, { expiresMs: 60_000, uses: 2 }), namePrefix: 'TWO', log: silentLogger });
  await fleet.ready(2, 30_000);
  await eventually(async () => nodes.every((n) => n.cloudConnected()), 15_000, 'both nodes connected to the cloud');
}, 60_000);

afterAll(async () => {
  await fleet?.close();
  await Promise.all(nodes.map((n) => n.close()));
  await cloud?.close();
  await databases.cleanup();
});

async function runOnce(): Promise<{ opId: number; status: number }> {
  const devices = (await call(cloud.url, 'GET', `${V}/Device`, { upn })).body.value as { MachineId: number; IsOnline: boolean }[];
  const id = devices.find((d) => d.IsOnline)!.MachineId;
  const run = await call(cloud.url, 'POST', `${V}/Device(${id})/AdminService.RunCMPivot`, { upn, body: { InputQuery: 'OS | project Caption' } });
  expect(run.status, run.text).toBe(200);
  const r = await eventually(async () => {
    const x = await call(cloud.url, 'GET', `${V}/Device(${id})/AdminService.CMPivotResult(OperationId=${run.body.value.OperationId})`, { upn });
    return x.status === 404 ? null : x;
  }, 15_000, 'the answer');
  return { opId: run.body.value.OperationId, status: r.status };
}

describe('a site of two nodes, attached to the cloud', () => {
  it('stays connected through both nodes and runs each query once', async () => {
    // Give a replacing cloud time to push one out and the two to take turns: they must not.
    await new Promise((res) => setTimeout(res, 1_500));
    expect(nodes.map((n) => n.cloudConnected())).toEqual([true, true]);
    const { status } = await runOnce();
    expect(status).toBe(200);
    const runs = (await nodes[0]!.store.listAudit({ limit: 1000, offset: 0 })).filter((a) => a.kind === 'run' && a.source === 'cloud' && a.outcome === 'started');
    expect(runs).toHaveLength(1);
  });

  it('keeps serving through the other node when one stops', async () => {
    await nodes[1]!.close();
    nodes = [nodes[0]!];
    const { status } = await runOnce();
    expect(status).toBe(200);
  });
});
