import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentLogProvider, agentLogRow, cmtraceType, createAgentLogProvider } from './agent-log.js';
import { collectAll, testContext } from './util/fs-test-context.js';

let dir = '';
const NOW = Date.parse('2026-11-24T12:00:00Z');
const H = 3_600_000;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'op-alog-'));
  writeFileSync(join(dir, 'agent.log'), [
    JSON.stringify({ time: new Date(NOW - 30 * H).toISOString(), level: 'info', component: 'channel', msg: 'too old' }),
    JSON.stringify({ time: new Date(NOW - 2 * H).toISOString(), level: 'warn', component: 'channel', msg: 'reconnecting', operationId: 'op-1', pid: 42 }),
    JSON.stringify({ time: NOW - H, level: 50, component: 'providers', msg: 'EventLog failed', file: 'event-log.ts' }),
    'Error: boom',
    '    at frame (x.ts:1:1)',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'big.log'), Array.from({ length: 50_000 }, (_, i) => JSON.stringify({ time: NOW - 50_000 + i, level: 'info', component: 'c', msg: `m${i}` })).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('AgentLog (linux)', () => {
  it("reads the agent's JSON lines within the time span, as CcmLog's columns", async () => {
    const rows = await collectAll(createAgentLogProvider({ logDir: dir }), testContext(['agent'], { now: NOW }));
    expect(rows).toEqual([
      { LogText: 'reconnecting', DateTime: NOW - 2 * H, Component: 'channel', Context: 'op-1', Type: '2', Thread: '42', File: '', Level: 'warn' },
      { LogText: 'EventLog failed', DateTime: NOW - H, Component: 'providers', Context: '', Type: '3', Thread: '', File: 'event-log.ts', Level: 'error' },
      expect.objectContaining({ LogText: 'Error: boom', DateTime: NOW - H }),
      expect.objectContaining({ LogText: '    at frame (x.ts:1:1)', DateTime: NOW - H }),
    ]);
    expect(await collectAll(createAgentLogProvider({ logDir: dir }), testContext(['agent', 1.5 * H], { now: NOW }))).toHaveLength(3);
  });

  it('maps levels and reads the log directory from the environment', async () => {
    expect([cmtraceType('error'), cmtraceType('warning'), cmtraceType('debug')]).toEqual(['3', '2', '1']);
    expect(agentLogRow('[1,2]')).toBeNull();
    process.env.OPENPIVOT_LOG_DIR = dir;
    try {
      expect(await collectAll(agentLogProvider, testContext(['agent'], { now: NOW }))).toHaveLength(4);
    } finally {
      delete process.env.OPENPIVOT_LOG_DIR;
    }
  });

  it('checks the name and the policy', async () => {
    const p = createAgentLogProvider({ logDir: dir });
    await expect(collectAll(p, testContext(['../agent']))).rejects.toThrow(/^AgentLog: the argument 'name' must be a log name/);
    await expect(collectAll(p, testContext(['missing']))).rejects.toThrow(/^AgentLog: there is no log named 'missing'/);
    await expect(collectAll(p, testContext(['agent'], { policy: { allows: () => false } }))).rejects.toThrow(/^AgentLog: access to .* is denied/);
  });

  it('finds the window in a long log without parsing what is before it, as a full scan does', async () => {
    // 20,000 entries a second apart, each 50th followed by a two-line crash trace
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      lines.push(JSON.stringify({ time: NOW - (20_000 - i) * 1000, level: i % 50 === 0 ? 'error' : 'info', component: 'c', msg: `m${i}` }));
      if (i % 50 === 0) lines.push('Error: boom', '    at frame (x.ts:1:1)');
    }
    writeFileSync(join(dir, 'window.log'), lines.join('\n') + '\n');
    const p = createAgentLogProvider({ logDir: dir });
    for (const span of [1, 999, 1000, 1001, 3_600_000, 19_999_500, 30_000_000]) {
      const rows = await collectAll(p, testContext(['window', span], { now: NOW }));
      // the full scan, as the provider did it before it searched for the cutoff
      let last: number | null = null;
      const want: string[] = [];
      for (const l of lines) {
        const r = agentLogRow(l);
        const t: number | null = r ? r.DateTime : last;
        last = t;
        if (t !== null && t >= NOW - span && t <= NOW) want.push(r ? String(r.LogText) : l);
      }
      expect(rows.map((r) => r.LogText), String(span)).toEqual(want);
      // and jq, an independent JSON reader, counts the JSON entries the same
      const jq = execFileSync('jq', ['-R', '-n', `[inputs | fromjson? | select(.time >= ${NOW - span} and .time <= ${NOW})] | length`, join(dir, 'window.log')], { encoding: 'utf8' });
      expect(rows.filter((r) => r.Component === 'c').length, String(span)).toBe(Number(jq.trim()));
    }
  });

  it('reads all 50,000 lines of a big log', async () => {
    const p = createAgentLogProvider({ logDir: dir });
    const rows = await collectAll(p, testContext(['big'], { now: NOW }));
    expect(rows).toHaveLength(50_000);
  });
});
