/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { describe, it, expect, afterAll } from 'vitest';
import { spawnOpenpivot, tempDir, Rest, type Proc } from '../site/harness.js';
import { freePort } from './cloud-harness.js';

/**
 * `npm start` is `openpivot start`: a cloud, a site attached to it and this machine's agent enrolled in
 * the site, in one process, with a tenant and a user of each cloud role on first start. Data survives a
 * restart; SIGINT (Ctrl-C) stops everything cleanly.
 */
const V = '/AdminService/v1.0';
const PASSWORDS = { OPENPIVOT_ADMIN_PASSWORD: 'admin-pw', OPENPIVOT_HELPDESK_PASSWORD: 'helpdesk-pw', OPENPIVOT_READONLY_PASSWORD: 'readonly-pw' };
let start: Proc | undefined;
afterAll(async () => start?.kill());

/** Fixed ports, as `npm start`'s defaults are: the agent's identity names its site's URL. */
async function startAll(data: string, ports: readonly [number, number], env: Record<string, string> = PASSWORDS): Promise<{ cloud: string; site: string; device: number; out: string }> {
  start = spawnOpenpivot(['start', '--data', data, '--port', String(ports[0]), '--cloud-port', String(ports[1])], env);
  const cloud = (await start.waitFor(/cloud on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  const m = await start.waitFor(/site on (http:\/\/127\.0\.0\.1:\d+); this machine is device (\d+)/);
  await start.waitFor(/^try: /m);
  return { cloud, site: m[1]!, device: Number(m[2]), out: start.output() };
}

async function stop(): Promise<number | null> {
  start!.child.kill('SIGINT');
  await new Promise<void>((resolve) => start!.child.once('exit', () => resolve()));
  return start!.child.exitCode;
}

describe('openpivot start', () => {
  it('runs cloud, site and agent: the Help Desk operator gets this machine\'s answer through the cloud; a restart keeps everything', async () => {
    const data = tempDir('start');
    const ports = [await freePort(), await freePort()] as const;
    const first = await startAll(data, ports);
    expect(first.out).toMatch(/admin@openpivot\.local\s+Intune Administrator/);
    expect(first.out).toMatch(/helpdesk@openpivot\.local\s+Help Desk Operator/);
    expect(first.out).toMatch(/readonly@openpivot\.local\s+Read Only Operator/);
    // The printed addresses serve the web apps: the admin center at the cloud's root, the console on the site.
    const adminCenter = first.out.match(/the admin center: (\S+)/)![1]!;
    const siteConsole = first.out.match(/the site console: (\S+)/)![1]!;
    expect([adminCenter, siteConsole]).toEqual([`${first.cloud}/`, `${first.site}/console/`]);
    for (const url of [adminCenter, siteConsole]) {
      const page = await fetch(url);
      expect([url, page.status, page.headers.get('content-type')]).toEqual([url, 200, expect.stringMatching(/^text\/html/)]);
      expect(await page.text()).toMatch(/<script type="module"[^>]* src="\.\/assets\/index-[\w-]+\.js">/);
    }
    const helpdesk = new Rest(first.cloud, 'helpdesk@openpivot.local', 'helpdesk-pw');
    const [device] = (await helpdesk.get(`${V}/Device`)).body.value;
    const run = await helpdesk.post(`${V}/Device(${device.MachineId})/AdminService.RunCMPivot`, { InputQuery: 'OS | project Version' });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const r = await helpdesk.poll(`${V}/Device(${device.MachineId})/AdminService.CMPivotResult(OperationId=${run.body.value.OperationId})`);
    expect(r.body.value.Status).toBe('completed');
    const readonly = new Rest(first.cloud, 'readonly@openpivot.local', 'readonly-pw');
    expect((await readonly.post(`${V}/Device(${device.MachineId})/AdminService.RunCMPivot`, { InputQuery: 'OS' })).body.error.code).toBe('RoleMissing');
    expect(await stop()).toBe(0);

    // Second start on the same data: nothing is made again, the same device and passwords work.
    const second = await startAll(data, ports, {});
    expect(second.device).toBe(first.device);
    expect(second.out).not.toMatch(/shown once/);
    const again = new Rest(second.cloud, 'helpdesk@openpivot.local', 'helpdesk-pw');
    const online = await again.get(`${V}/Device`);
    expect(online.body.value).toHaveLength(1);
    expect(await stop()).toBe(0);
  });

  it('keeps the agent\'s own log where AgentLog reads it', async () => {
    const s = await startAll(tempDir('start'), [await freePort(), await freePort()]);
    const admin = new Rest(s.site, 'admin', 'admin-pw');
    const log = await admin.post(`${V}/Device(${s.device})/AdminService.RunCMPivot`, { InputQuery: "AgentLog('agent') | where LogText contains 'connected' | project LogText, Component" });
    const lines = await admin.poll(`${V}/Device(${s.device})/AdminService.CMPivotResult(OperationId=${log.body.value.OperationId})`);
    expect(lines.body.value.Status, JSON.stringify(lines.body)).toBe('completed');
    expect((lines.body.value.Result as any[]).some((l) => /connected to the site/.test(l.LogText) && l.Component === 'agent')).toBe(true);
    expect(await stop()).toBe(0);
  });
});
