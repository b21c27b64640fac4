/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { spawnSite, spawnAgent, spawnOpenpivot, enrollToken, tempDir, Rest, ADMIN_PASSWORD, type SiteProc, type Proc } from './harness.js';

/**
 * Two site nodes on one PostgreSQL and one NATS (the machine's own): agents connect to either node; a
 * query submitted on one reaches agents on both, and results and events reach whoever asked.
 */
const V = '/AdminService/v1.0';
const SERVER = process.env.OPENPIVOT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS = process.env.OPENPIVOT_TEST_NATS ?? 'nats://127.0.0.1:4222';
const dbName = `openpivot_cluster_${randomBytes(4).toString('hex')}`;
const dbUrl = (() => {
  const u = new URL(SERVER);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

let one: SiteProc;
let two: SiteProc;
const procs: Proc[] = [];

async function admin(sql: string): Promise<void> {
  const c = new pg.Client(SERVER);
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${dbName}`);
  // Both nodes start at once: migrations and first-start setup must not trip over each other.
  [one, two] = await Promise.all([
    spawnSite({ database: dbUrl, nats: NATS, nodeId: 'node-one' }),
    spawnSite({ database: dbUrl, nats: NATS, nodeId: 'node-two' }),
  ]);
  procs.push(spawnAgent(one.url, await enrollToken(one.storeArgs)));
  procs.push(spawnAgent(two.url, await enrollToken(two.storeArgs)));
  procs.push(spawnOpenpivot(['agent', '--simulate', '20', '--site', two.url, '--token', await enrollToken(two.storeArgs, 20), '--data', tempDir('fleet')]));
  await new Rest(one.url, 'admin', ADMIN_PASSWORD).waitOnline(22, 90_000);
}, 120_000);

afterAll(async () => {
  await Promise.all(procs.map((p) => p.kill()));
  await Promise.all([one?.kill(), two?.kill()]);
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

describe('two site nodes on one PostgreSQL and NATS', () => {
  it('a collection query on node one gets answers from agents on both nodes', async () => {
    const rest = new Rest(one.url, 'admin', ADMIN_PASSWORD);
    const run = await rest.post(`${V}/Collections('SMS00001')/AdminService.RunCMPivot`, { InputQuery: 'Device | summarize count() by OSVersion' });
    expect(run.status).toBe(200);
    const ended = await rest.waitEnded(run.body.OperationId);
    expect(ended.Counts).toEqual({ completed: 22 });
    // Read back on the other node: one store, one answer.
    const r = await new Rest(two.url, 'admin', ADMIN_PASSWORD).get(`${V}/Collections('SMS00001')/AdminService.CMPivotResult(OperationId=${run.body.OperationId})`);
    const rows = r.body.value[0].Result as any[];
    expect(rows.reduce((n, row) => n + row.count_, 0)).toBe(22);
    // Simulated devices run varied OS versions; this machine adds its own.
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.every((row) => typeof row.OSVersion === 'string' && row.OSVersion !== '')).toBe(true);
  });

  it('a device query submitted on node one reaches the agent connected to node two', async () => {
    const rest = new Rest(one.url, 'admin', ADMIN_PASSWORD);
    // Simulated devices all dialled node two.
    const onTwo = (await rest.devices()).find((d) => d.Name.startsWith('SIM-'));
    const run = await rest.post(`${V}/Device(${onTwo.MachineId})/AdminService.RunCMPivot`, { InputQuery: 'OS | project Version' });
    expect(run.status).toBe(200);
    const r = await rest.poll(`${V}/Device(${onTwo.MachineId})/AdminService.CMPivotResult(OperationId=${run.body.value.OperationId})`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.value.Result).toHaveLength(1);
  });

  it('the event stream on node two follows an operation submitted on node one to its merged result', async () => {
    const rest = new Rest(one.url, 'admin', ADMIN_PASSWORD);
    // Submitted with a device offline-free target list, watched from the other node.
    const run = await rest.post(`${V}/Collections('SMS00001')/AdminService.RunCMPivot`, { InputQuery: 'Device | summarize n = count()' });
    const res = await fetch(`${two.url}${V}/CMPivotOperations(${run.body.OperationId})/Events`, { headers: { authorization: `Basic ${Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')}` } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await res.text();
    const events = text.split('\n\n').filter((b) => b.startsWith('event:')).map((b) => ({ event: /^event: (\w+)/.exec(b)![1], data: JSON.parse(/\ndata: (.*)$/s.exec(b)![1]!) }));
    expect(events[0]!.event).toBe('snapshot');
    const result = events.at(-1)!;
    expect(result.event).toBe('result');
    expect(result.data.Result).toEqual([{ n: 22 }]);
  });
});
