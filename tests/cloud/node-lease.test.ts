import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, connect, type Server } from 'node:net';
import { MESSAGES } from '@openpivot/protocol';
import { postgresDatabases } from '@openpivot/testkit';
import { spawnOpenpivot, spawnSite, enrollToken, addUser, tempDir, Rest, type Proc, type SiteProc } from '../site/harness.js';
import { freePort, must, eventually } from './cloud-harness.js';

/**
 * A cloud node that crashes (SIGKILL: no goodbye, no release) loses its sites to the lease: two
 * `openpivot cloud` processes on one PostgreSQL and NATS, a site with simulated devices held by node
 * one. Node one is killed; node two's sweeper finds its hold lapsed (three 1 s heartbeats) and shows the
 * site disconnected and its devices offline, and a query is 503 SiteNotConnected. The site dials the
 * cloud through a stand-in for a load balancer; pointed at node two, the site comes back through it.
 */
const V = '/AdminService/v1.0';
const NATS = process.env.OPENPIVOT_TEST_NATS ?? 'nats://127.0.0.1:4222';
const DEVICES = 3;
const databases = postgresDatabases();
let storeArgs: string[];
let one: Proc;
let two: Proc;
let twoUrl: string;
let site: SiteProc;
let fleet: Proc;
let balancer: Server;
/** The port the balancer forwards to. */
let target: number;
const helpdesk = (): Rest => new Rest(twoUrl, 'helen@contoso.com', 'helen-pw');
const admin = (): Rest => new Rest(twoUrl, 'admin@contoso.com', 'admin-pw');

async function spawnNode(nodeId: string, port: number): Promise<Proc> {
  const p = spawnOpenpivot(['cloud', ...storeArgs, '--nats', NATS, '--node-id', nodeId, '--port', String(port), '--host', '127.0.0.1', '--heartbeat', '1s']);
  await p.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+/);
  return p;
}

/** A TCP forwarder to `target`, as a load balancer in front of the nodes. */
async function startBalancer(): Promise<number> {
  balancer = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => balancer.listen(0, '127.0.0.1', () => resolve()));
  return (balancer.address() as { port: number }).port;
}

beforeAll(async () => {
  const db = await databases.fresh();
  storeArgs = ['--database', db.options.databaseUrl!];
  const [p1, p2] = [await freePort(), await freePort()];
  twoUrl = `http://127.0.0.1:${p2}`;
  [one, two] = await Promise.all([spawnNode('lease-one', p1), spawnNode('lease-two', p2)]);
  target = p1;
  const balancerUrl = `http://127.0.0.1:${await startBalancer()}`;

  const tenant = await must(['cloud', 'tenant', 'add', 'Contoso', ...storeArgs]);
  await must(['cloud', 'user', 'add', 'helen@contoso.com', '--tenant', tenant, '--role', 'Help Desk Operator', ...storeArgs], { OPENPIVOT_PASSWORD: 'helen-pw' });
  await must(['cloud', 'user', 'add', 'admin@contoso.com', '--tenant', tenant, '--role', 'Intune Administrator', ...storeArgs], { OPENPIVOT_PASSWORD: 'admin-pw' });
  const siteData = tempDir('lease-site');
  const code = await must(['cloud', 'attach-code', '--tenant', tenant, ...storeArgs]);
  await must(['site', 'attach', '--cloud', balancerUrl, '--code', code, '--data', siteData]);
  site = await spawnSite({ dataDir: siteData });
  await addUser(site.storeArgs, 'helen@contoso.com', 'Helpdesk Operator', 'site-pw');
  fleet = spawnOpenpivot(['agent', '--simulate', String(DEVICES), '--site', site.url, '--token', await enrollToken(site.storeArgs, DEVICES), '--data', tempDir('lease-fleet')]);
  await eventually(async () => (await helpdesk().devices()).filter((d) => d.IsOnline).length === DEVICES, 60_000, 'the devices online, seen from node two');
  await one.waitFor(/connector\.connected/);
}, 120_000);

afterAll(async () => {
  await fleet?.kill();
  await site?.kill();
  await Promise.all([one?.kill(), two?.kill()]);
  await new Promise<void>((resolve) => (balancer ? balancer.close(() => resolve()) : resolve()));
  await databases.cleanup();
}, 30_000);

describe('a crashed cloud node loses its sites to the lease', () => {
  it('node one killed: node two shows the site disconnected and its devices offline within a few leases, and a query is 503', async () => {
    const [device] = await helpdesk().devices();
    const before = await helpdesk().post(`${V}/Device(${device.MachineId})/AdminService.RunCMPivot`, { InputQuery: 'OS | project Version' });
    expect(before.status, JSON.stringify(before.body)).toBe(200);

    await one.kill('SIGKILL');
    const killedAt = Date.now();
    // A lease is three 1 s heartbeats; node two's sweeper runs once a lease: 4 leases are plenty.
    await eventually(async () => {
      const [sites, devices] = await Promise.all([admin().get(`${V}/Sites`), admin().devices()]);
      return sites.body.value[0].Connected === false && devices.length === DEVICES && devices.every((d) => d.IsOnline === false);
    }, 12_000, 'node two to show the site and its devices offline').catch((e: unknown) => {
      throw new Error(`${String(e)}\nnode two:\n${two.output().slice(-3000)}`);
    });
    expect(Date.now() - killedAt).toBeLessThan(12_000);
    const released = (await two.waitFor(/connector\.lease-expired.*/))[0];
    expect(released).toMatch(/"nodeId":"lease-one"/);
    expect(released).toMatch(/"connectorIds":\["[^"]+"\]/);

    const r = await helpdesk().post(`${V}/Device(${device.MachineId})/AdminService.RunCMPivot`, { InputQuery: 'OS' });
    expect(r.status, JSON.stringify(r.body)).toBe(503);
    const siteCode = (await admin().get(`${V}/Sites`)).body.value[0].SiteCode as string;
    expect(r.body.error).toEqual({ code: 'SiteNotConnected', message: MESSAGES.siteNotConnected(siteCode) });
  });

  it('the balancer sends the site to node two: it syncs there, its devices are online again and queries run', async () => {
    target = Number(new URL(twoUrl).port);
    await eventually(async () => (await helpdesk().devices()).filter((d) => d.IsOnline).length === DEVICES, 90_000, 'the devices online again through node two');
    const sites = await admin().get(`${V}/Sites`);
    expect(sites.body.value[0].Connected).toBe(true);
    const [device] = await helpdesk().devices();
    const r = await eventually(async () => {
      const x = await helpdesk().post(`${V}/Device(${device.MachineId})/AdminService.RunCMPivot`, { InputQuery: 'OS | project Version' });
      return x.status === 200 ? x : null;
    }, 15_000, 'a query accepted through node two');
    const answer = await helpdesk().poll(`${V}/Device(${device.MachineId})/AdminService.CMPivotResult(OperationId=${r.body.value.OperationId})`, 30_000);
    expect(answer.body.value).toMatchObject({ Status: 'completed', Complete: true });
  });
});
