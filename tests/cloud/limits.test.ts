import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { MESSAGES } from '@openpivot/protocol';
import { startCloud, type RunningCloud } from '@openpivot/cloud';
import { createEnrollToken } from '@openpivot/site';
import { spawnAgent, tempDir, type Proc } from '../site/harness.js';
import { setUpTenant, call, quiet, V, type TenantSetup } from './in-process.js';
import { eventually } from './cloud-harness.js';

/**
 * The admin center's limits (fact sheet §3.2, §3.4): a result over the size limit ends with "The query
 * result is too large, retry with additional filters"; a query with no answer by the time limit ends
 * with the timed-out message. Both limits are scaled down here (4 KB, 2 s) to be testable.
 */
let cloud: RunningCloud;
let tenant: TenantSetup;
let agent: Proc & { dataDir: string };
let helpdesk: string;

beforeAll(async () => {
  cloud = await startCloud({ dataDir: tempDir('cloud-limits'), port: 0, host: '127.0.0.1', log: quiet, resultLimitBytes: 4096, queryTimeoutMs: 2_000 });
  tenant = await setUpTenant(cloud, { name: 'Limits', domain: 'limits.test', siteCode: 'LIM', siteName: 'limits', devicePrefix: 'LIM', devices: 1, cloudUrl: cloud.url });
  helpdesk = tenant.upns['Help Desk Operator'];
  agent = spawnAgent(tenant.site.url, await createEnrollToken(tenant.site.store, { expiresMs: 60_000 }));
  await eventually(async () => (await call(cloud.url, 'GET', `${V}/Device`, { upn: helpdesk })).body.value.filter((d: { IsOnline: boolean }) => d.IsOnline).length === 2, 30_000, 'both devices in the cloud');
}, 60_000);

afterAll(async () => {
  await agent?.kill();
  await tenant?.close();
  await cloud?.close();
});

async function machineOf(namePrefix: string): Promise<number> {
  const devices = (await call(cloud.url, 'GET', `${V}/Device`, { upn: helpdesk })).body.value as { Name: string; MachineId: number }[];
  return devices.find((d) => d.Name.startsWith(namePrefix))!.MachineId;
}

describe('admin center limits', () => {
  it('ends a result over the size limit with "The query result is too large, retry with additional filters"', async () => {
    const id = await machineOf('LIM');
    const run = await call(cloud.url, 'POST', `${V}/Device(${id})/AdminService.RunCMPivot`, { upn: helpdesk, body: { InputQuery: 'Process' } });
    expect(run.status, run.text).toBe(200);
    const r = await eventually(async () => {
      const x = await call(cloud.url, 'GET', `${V}/Device(${id})/AdminService.CMPivotResult(OperationId=${run.body.value.OperationId})`, { upn: helpdesk });
      return x.status === 404 && x.body.error.code === 'NotReady' ? null : x;
    }, 15_000, 'the end of the operation');
    expect(r.status).toBe(413);
    expect(r.body.error).toEqual({ code: 'ResultTooLarge', message: MESSAGES.resultTooLarge });
    // A filtered query under the limit still answers.
    const small = await call(cloud.url, 'POST', `${V}/Device(${id})/AdminService.RunCMPivot`, { upn: helpdesk, body: { InputQuery: 'Process | summarize count()' } });
    const answer = await eventually(async () => {
      const x = await call(cloud.url, 'GET', `${V}/Device(${id})/AdminService.CMPivotResult(OperationId=${small.body.value.OperationId})`, { upn: helpdesk });
      return x.status === 200 ? x : null;
    }, 15_000, 'the small answer');
    expect(answer.body.value.Result).toHaveLength(1);
  });

  it('times a query out when the device does not answer in time', async () => {
    const id = await machineOf((await import('node:os')).hostname().split('.')[0]!);
    // A frozen agent: connected as far as the site knows, but it answers nothing.
    process.kill(agent.child.pid!, 'SIGSTOP');
    try {
      const run = await call(cloud.url, 'POST', `${V}/Device(${id})/AdminService.RunCMPivot`, { upn: helpdesk, body: { InputQuery: 'OS' } });
      expect(run.status, run.text).toBe(200);
      const r = await eventually(async () => {
        const x = await call(cloud.url, 'GET', `${V}/Device(${id})/AdminService.CMPivotResult(OperationId=${run.body.value.OperationId})`, { upn: helpdesk });
        return x.status === 404 && x.body.error.code === 'NotReady' ? null : x;
      }, 15_000, 'the time-out');
      expect(r.status, r.text).toBe(504);
      expect(r.body.error).toEqual({ code: 'TimedOut', message: MESSAGES.cloudQueryTimedOut });
    } finally {
      process.kill(agent.child.pid!, 'SIGCONT');
    }
  });
});
