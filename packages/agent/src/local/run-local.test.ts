import { describe, it, expect } from 'vitest';
import { hostname } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTITIES } from '@openpivot/entities';
import { runOnThisDevice, type LocalOptions } from './run-local.js';
import { createPathPolicy } from './path-policy.js';
import { LINUX_PROVIDERS } from '../providers/linux/index.js';

const base: LocalOptions = {
  entities: ENTITIES, providers: LINUX_PROVIDERS, device: hostname(), policy: createPathPolicy(), now: Date.now(),
};

describe('running a query on this device', () => {
  it('reads the entities the query names and fills Device', async () => {
    const r = await runOnThisDevice('Process | where ProcessId == ' + process.pid + ' | project Device, ProcessId', base);
    expect(r.diagnostics).toEqual([]);
    expect(r.rows).toEqual([[hostname(), process.pid]]);
  });

  it('turns a provider failure into a warning and still answers the rest', async () => {
    const r = await runOnThisDevice("FileContent('/no/such/file') | count", base);
    expect(r.diagnostics).toEqual([]);
    expect(r.rows).toEqual([[0]]);
    expect(r.warnings.length).toBe(1);
    expect(r.warnings[0]).toMatch(/^FileContent: /);
  });

  it('refuses paths the local policy denies', async () => {
    const r = await runOnThisDevice("FileContent('/etc/shadow') | take 1", base);
    expect(r.rows).toEqual([]);
    expect(r.warnings.join('\n')).toMatch(/FileContent: .*denied/i);
  });

  it('cuts the result at the byte cap and says truncated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openpivot-'));
    const file = join(dir, 'big.txt');
    writeFileSync(file, Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(60)}`).join('\n'));
    const r = await runOnThisDevice(`FileContent('${file}')`, { ...base, maxBytes: 16 * 1024 });
    expect(r.truncated).toBe(true);
    expect(JSON.stringify(r.rows).length).toBeLessThanOrEqual(16 * 1024);
    expect(r.rows.length).toBeGreaterThan(10);
  });

  it('stops at the time limit', async () => {
    const r = await runOnThisDevice("File('/usr/**') | summarize count()", { ...base, timeLimitMs: 50 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['KQL3002']);
  });

  it('reports query errors before reading anything', async () => {
    const r = await runOnThisDevice('Proces | take 1', base);
    expect(r.diagnostics[0]).toMatchObject({ code: 'KQL2002' });
    expect(r.diagnostics[0]!.message).toContain("Did you mean 'Process'");
  });
});
