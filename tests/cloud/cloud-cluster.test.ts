/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { MESSAGES } from '@openpivot/protocol';
import { postgresDatabases } from '@openpivot/testkit';
import { startCloud, type RunningCloud, type CloudOptions } from '@openpivot/cloud';
import { basicAuth, SseStream } from '../site/harness.js';
import { setUpTenant, call, passwordOf, V, type TenantSetup } from './in-process.js';
import { eventually } from './cloud-harness.js';

/**
 * Two cloud nodes on one PostgreSQL and one NATS (the machine's own; OPENPIVOT_TEST_PG and
 * OPENPIVOT_TEST_NATS override them). A site dials node one only; queries submitted on node two reach
 * it through node one, results and event streams are the same on both, and node one going away is
 * "the site is not connected" on node two at once.
 *
 * A site dials one cloud URL: in a real deployment a load balancer stands in front of the nodes. Here
 * the site dials node one directly, so node one comes back on the same port for the site to return.
 */
const NATS = process.env.OPENPIVOT_TEST_NATS ?? 'nats://127.0.0.1:4222';
const databases = postgresDatabases();
const DEVICES = 3;
let base: CloudOptions;
let one: RunningCloud;
let two: RunningCloud;
let tenant: TenantSetup;
let helpdesk: string;
let machineId: number;

/** What the nodes logged about connectors, to explain a failure. */
const logged: string[] = [];
const node = (nodeId: string, port = 0): Promise<RunningCloud> => startCloud({
  ...base, nodeId, port,
  log: (event, fields) => { if (/connector|cloud\.|sync/.test(event)) logged.push(`${nodeId} ${event} ${JSON.stringify(fields)}`); },
});
const run = (cloud: RunningCloud, query: string, id = machineId): Promise<{ status: number; text: string; body: any }> =>
  call(cloud.url, 'POST', `${V}/Device(${id})/AdminService.RunCMPivot`, { upn: helpdesk, body: { InputQuery: query } });
const resultUrl = (op: number, id = machineId): string => `${V}/Device(${id})/AdminService.CMPivotResult(OperationId=${op})`;

/** Polls CMPivotResult on `cloud` while it answers 404 NotReady. */
async function result(cloud: RunningCloud, op: number): Promise<{ status: number; text: string; body: any }> {
  return eventually(async () => {
    const r = await call(cloud.url, 'GET', resultUrl(op), { upn: helpdesk });
    return r.status === 404 && r.body?.error?.code === 'NotReady' ? null : r;
  }, 30_000, `operation ${op}'s result on ${cloud.nodeId}`);
}

beforeAll(async () => {
  const db = await databases.fresh();
  base = { databaseUrl: db.options.databaseUrl!, natsUrl: NATS, host: '127.0.0.1' };
  // Both nodes start at once: migrations on the shared database must not trip over each other.
  [one, two] = await Promise.all([node('cloud-one'), node('cloud-two')]);
  tenant = await setUpTenant(one, {
    name: 'Contoso', domain: 'contoso.example', siteCode: 'CLU', siteName: 'cluster-site', devicePrefix: 'CLU-', devices: DEVICES,
    cloudUrl: one.url, cloudBackoff: { baseMs: 100, capMs: 400 },
  });
  helpdesk = tenant.upns['Help Desk Operator'];
  const devices = await eventually(async () => {
    const r = await call(two.url, 'GET', `${V}/Device`, { upn: helpdesk });
    return r.status === 200 && r.body.value.filter((d: any) => d.IsOnline).length === DEVICES ? r.body.value as any[] : null;
  }, 30_000, 'the devices online, seen from node two');
  machineId = devices[0].MachineId;
  expect(one.connectorsConnected()).toBe(1);
  expect(two.connectorsConnected()).toBe(0);
}, 120_000);

afterAll(async () => {
  await tenant?.close();
  await Promise.all([one?.close(), two?.close()]);
  await databases.cleanup();
});

describe('two cloud nodes on one PostgreSQL and NATS', () => {
  it('a query submitted on node two reaches the site through node one, and its result reads the same on both', async () => {
    const r = await run(two, 'OS | project Caption, Version');
    expect(r.status, r.text).toBe(200);
    const op = r.body.value.OperationId as number;
    const onTwo = await result(two, op);
    expect(onTwo.status, onTwo.text).toBe(200);
    expect(onTwo.body.value).toMatchObject({ OperationId: op, Status: 'completed', Complete: true });
    expect(onTwo.body.value.Result).toHaveLength(1);
    expect(onTwo.body.value.Result[0]).toMatchObject({ Caption: expect.any(String), Device: expect.stringMatching(/^CLU-/) });
    const onOne = await call(one.url, 'GET', resultUrl(op), { upn: helpdesk });
    expect(onOne.status).toBe(200);
    expect(onOne.body).toEqual(onTwo.body);
  });

  it("node two's event stream follows an operation whose site is held by node one, to its rows and end", async () => {
    const r = await run(two, 'OS | project Version');
    expect(r.status, r.text).toBe(200);
    const op = r.body.value.OperationId as number;
    const sse = await SseStream.open(`${two.url}${V}/CMPivotOperations(${op})/Events`, basicAuth(helpdesk, passwordOf(helpdesk)));
    try {
      const end = await sse.waitFor('end');
      expect(end.data).toMatchObject({ OperationId: op, Status: 'completed', Rows: 1 });
      const rows = sse.events.filter((e) => e.event === 'rows').flatMap((e) => e.data.Result);
      expect(rows).toEqual([{ Version: expect.any(String), Device: expect.stringMatching(/^CLU-/) }]);
      expect(await sse.endedWithin(2_000)).toBe(true);
    } finally {
      sse.close();
    }
  });

  it('node one gone: node two says at once that the site is not connected; back on its port, the site returns and queries work', async () => {
    const port = one.port;
    await one.close();
    const started = Date.now();
    const r = await run(two, 'OS');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(r.status, r.text).toBe(503);
    expect(r.body.error).toEqual({ code: 'SiteNotConnected', message: MESSAGES.siteNotConnected('CLU') });

    one = await node('cloud-one', port);
    await eventually(async () => tenant.site.cloudConnected() && one.connectorsConnected() === 1, 15_000, 'the site reconnected to node one');
    const again = await eventually(async () => {
      const x = await run(two, 'OS | project Version');
      return x.status === 200 ? x : null;
    }, 15_000, 'a query on node two accepted again');
    const answer = await result(two, again.body.value.OperationId);
    expect(answer.body.value).toMatchObject({ Status: 'completed', Complete: true });
  });

  it("node one gone: node two shows the site disconnected and its devices offline, not a stale 'online'", async () => {
    await eventually(async () => {
      const r = await call(two.url, 'GET', `${V}/Device`, { upn: helpdesk });
      return r.status === 200 && r.body.value.filter((d: any) => d.IsOnline).length === DEVICES;
    }, 30_000, 'the devices online, seen from node two');
    const port = one.port;
    await one.close();
    try {
      const admin = tenant.upns['Intune Administrator'];
      // The issue's bar for an offline device: its status within 10 s.
      const seen = await eventually(async () => {
        const [sites, devices] = await Promise.all([
          call(two.url, 'GET', `${V}/Sites`, { upn: admin }),
          call(two.url, 'GET', `${V}/Device`, { upn: admin }),
        ]);
        return sites.body.value[0].Connected === false && devices.body.value.every((d: any) => d.IsOnline === false);
      }, 10_000, 'node two to show the site and its devices disconnected').catch(async (e: unknown) => {
        const sites = await call(two.url, 'GET', `${V}/Sites`, { upn: admin });
        const devices = await call(two.url, 'GET', `${V}/Device`, { upn: admin });
        throw new Error(`${String(e)}: Sites ${sites.text}; Devices online: ${devices.body.value.map((d: any) => `${d.Name}=${d.IsOnline}`).join(', ')}\n${logged.slice(-12).join('\n')}`);
      });
      expect(seen).toBe(true);
    } finally {
      one = await node('cloud-one', port);
    }
  });
});
