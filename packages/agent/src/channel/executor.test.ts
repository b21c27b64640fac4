import { describe, expect, it } from 'vitest';
import { ENTITIES } from '@openpivot/entities';
import type { QueryMessage } from '@openpivot/protocol';
import { parseAgentMessage } from '@openpivot/protocol';
import type { Provider, ProviderRow } from '../providers/provider.js';
import { createPathPolicy } from '../local/path-policy.js';
import { catalogOf } from '../local/run-local.js';
import { executeQuery, PlanCache, type QueryEnvironment, type ResultMessage } from './executor.js';

const rows = (entity: string, list: ProviderRow[]): Provider => ({
  entity, platform: 'linux',
  async *collect(): AsyncIterable<ProviderRow> { yield* list; },
});

const env = (providers: Provider[]): QueryEnvironment => ({
  plans: new PlanCache(catalogOf(ENTITIES)), entities: ENTITIES, providers, policy: createPathPolicy(), device: 'DEV-1',
});
const q = (text: string, extra: Partial<QueryMessage> = {}): QueryMessage => ({ t: 'query', opId: 9, text, dialect: 'cmpivot', now: Date.UTC(2024, 0, 1), timeLimitMs: 5_000, maxBytes: 128 * 1024, ...extra });

async function all(it: AsyncIterable<ResultMessage>): Promise<ResultMessage[]> {
  const out: ResultMessage[] = [];
  for await (const m of it) out.push(m);
  return out;
}

const OS_ROW = { Caption: 'Debian GNU/Linux 12 (bookworm)', Version: '12' };
const DEVICE_ROW = { Model: 'VM', Manufacturer: 'QEMU' };

describe('running a query from the site', () => {
  it('sends each device part of a split plan with its part number, seq running across parts', async () => {
    const out = await all(executeQuery(q('union (OS | take 1), (Device | take 1)'), env([rows('OS', [OS_ROW]), rows('Device', [DEVICE_ROW])]), new AbortController().signal));
    expect(out.map((m) => [m.t, m.seq, 'part' in m ? m.part : null])).toEqual([['chunk', 0, 0], ['chunk', 1, 1], ['done', 2, null]]);
    const [os, device, done] = out as [{ rows: unknown[][] }, { rows: unknown[][] }, ResultMessage];
    expect(os.rows).toHaveLength(1);
    expect(os.rows[0]!.slice(0, 3)).toEqual(['DEV-1', 'Debian GNU/Linux 12 (bookworm)', '12']);
    expect(device.rows[0]!.slice(0, 4)).toEqual(['DEV-1', '', 'VM', 'QEMU']);
    expect(done).toEqual({ t: 'done', opId: 9, seq: 2, rows: 2, truncated: false, warnings: [] });
    for (const m of out) expect(parseAgentMessage(JSON.stringify(m)).ok).toBe(true);
  });

  it('sends partial aggregate states for summarize, not final counts', async () => {
    const out = await all(executeQuery(q('OS | summarize count() by Version'), env([rows('OS', [OS_ROW])]), new AbortController().signal));
    expect(out[0]).toMatchObject({ t: 'chunk', part: 0 });
    expect((out[0] as { rows: unknown[][] }).rows[0]![0]).toBe('12');
    expect(out[1]).toMatchObject({ t: 'done', rows: 1 });
  });

  it('keeps the byte cap over all parts together and says truncated', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ProcessId: i, Name: 'x'.repeat(50) }));
    const out = await all(executeQuery(q('union (Process | take 500), (Process | take 500)', { maxBytes: 8 * 1024 }), env([rows('Process', many)]), new AbortController().signal));
    const done = out.at(-1)!;
    expect(done).toMatchObject({ t: 'done', truncated: true });
    const bytes = out.filter((m) => m.t === 'chunk').flatMap((m) => (m as { rows: unknown[] }).rows).reduce((n: number, r) => n + JSON.stringify(r).length + 1, 0);
    expect(bytes).toBeLessThanOrEqual(8 * 1024);
    expect(bytes).toBeGreaterThan(4 * 1024);
  });

  it('passes on warnings for entities this platform lacks', async () => {
    const out = await all(executeQuery(q('Service | count'), env([]), new AbortController().signal));
    expect(out.at(-1)).toMatchObject({ t: 'done', warnings: ["Service: not available on this device's platform."] });
  });

  it('answers an already cancelled query with KQL3001', async () => {
    const c = new AbortController();
    c.abort();
    const out = await all(executeQuery(q('OS'), env([rows('OS', [OS_ROW])]), c.signal));
    expect(out).toEqual([{ t: 'done', opId: 9, seq: 0, rows: 0, truncated: false, warnings: [], error: { code: 'KQL3001', message: 'The query was cancelled.' } }]);
  });

  it('binds a text once per cache, and tells dialects apart', () => {
    const cache = new PlanCache(catalogOf(ENTITIES), 2);
    const a = cache.prepare('OS | take 1', 'cmpivot');
    expect(cache.prepare('OS | take 1', 'cmpivot')).toBe(a);
    expect(cache.prepare('OS | take 1', 'kusto')).not.toBe(a);
    cache.prepare('Device', 'cmpivot');
    cache.prepare('Process', 'cmpivot');
    expect(cache.prepare('OS | take 1', 'cmpivot')).not.toBe(a);
  });
});
