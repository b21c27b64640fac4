/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { describe, it, expect, afterAll } from 'vitest';
import { spawnOpenpivot, tempDir, Rest, ADMIN_PASSWORD, type Proc } from './harness.js';

/**
 * `npm start` is `openpivot start`: a site and this machine's agent, enrolled, in one process. The
 * agent's own log is where AgentLog reads it, so an administrator can ask what the agent did.
 */
const V = '/AdminService/v1.0';
let start: Proc | undefined;
afterAll(async () => start?.kill());

describe('openpivot start', () => {
  it('runs a site with this machine enrolled; a query answers and AgentLog shows the agent\'s own log', async () => {
    start = spawnOpenpivot(['start', '--data', tempDir('start'), '--port', '0']);
    const m = await start.waitFor(/site on (http:\/\/127\.0\.0\.1:\d+); this machine is device (\d+)/);
    const rest = new Rest(m[1]!, 'admin', ADMIN_PASSWORD);
    const id = Number(m[2]);
    const run = await rest.post(`${V}/Device(${id})/AdminService.RunCMPivot`, { InputQuery: 'OS | project Version' });
    const r = await rest.poll(`${V}/Device(${id})/AdminService.CMPivotResult(OperationId=${run.body.value.OperationId})`);
    expect(r.body.value.Status).toBe('completed');
    const log = await rest.post(`${V}/Device(${id})/AdminService.RunCMPivot`, { InputQuery: "AgentLog('agent') | where LogText contains 'connected' | project LogText, Component" });
    const lines = await rest.poll(`${V}/Device(${id})/AdminService.CMPivotResult(OperationId=${log.body.value.OperationId})`);
    expect(lines.body.value.Status, JSON.stringify(lines.body)).toBe('completed');
    expect((lines.body.value.Result as any[]).some((l) => /connected to the site/.test(l.LogText) && l.Component === 'agent')).toBe(true);
  });
});
