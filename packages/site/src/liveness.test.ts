import { describe, it, expect, afterAll } from 'vitest';
import { startTestSite, type TestSite } from './rest/admin/test-site.js';

let t: TestSite | undefined;
afterAll(async () => t?.close());

describe('a device is online only with a recent heartbeat', () => {
  it('a flag left set by a node that died does not make a device online, nor a query pending on it', async () => {
    t = await startTestSite();
    const { site, devices } = t;
    const now = Date.now();
    // web-01 was connected to a node that vanished ten minutes ago; web-02 spoke a second ago.
    await site.store.markConnected(devices['web-01']!, { name: 'web-01', platform: 'linux', os: 'Debian', osVersion: '12', agentVersion: '0.1.0', ip: '127.0.0.11' }, 'dead-node', now - 600_000);
    await site.store.markConnected(devices['web-02']!, { name: 'web-02', platform: 'windows', os: 'Windows Server 2022', osVersion: '10.0.20348', agentVersion: '0.1.0', ip: '127.0.0.12' }, 'other-node', now - 1_000);
    const list = (await t.call('GET', '/AdminService/v1.0/Device')).json.value as { Name: string; IsOnline: boolean }[];
    expect(Object.fromEntries(list.map((d) => [d.Name, d.IsOnline]))).toEqual({ 'web-01': false, 'web-02': true, 'db-01': false });
    const run = await t.call('POST', `/AdminService/v1.0/Device(${devices['web-01']})/AdminService.RunCMPivot`, { body: { InputQuery: 'OS' } });
    const status = await t.call('GET', `/AdminService/v1.0/SMS_CMPivotStatus?$filter=ClientOperationId eq ${run.json.value.OperationId}`);
    expect(status.json.value[0].Status).toBe('offline');
  });
});
