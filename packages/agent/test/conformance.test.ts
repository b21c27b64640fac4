import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTITIES, type EntitySpec } from '@openpivot/entities';
import type { ScalarType, Value } from '@openpivot/kql';
import { LINUX_PROVIDERS } from '../src/providers/linux/index.js';
import { createPathPolicy } from '../src/local/path-policy.js';
import { ProviderError, type Provider, type ProviderRow } from '../src/providers/provider.js';

/**
 * One suite over every Linux provider: its rows match the entity's declared columns and types,
 * required parameters are refused with a clear error when missing, and cancellation stops it fast.
 */
const SAMPLE_ARGS: Readonly<Record<string, readonly Value[]>> = {
  File: ['/etc/host*'],
  FileContent: ['/etc/hostname'],
  ProcessModule: ['node'],
  EventLog: ['dpkg'],
  AgentLog: ['agent'],
  Certificate: [],
};

const policy = createPathPolicy();

// AgentLog reads the agent's own logs: give it one, as a running agent would have.
const logDir = mkdtempSync(join(tmpdir(), 'openpivot-logs-'));
writeFileSync(join(logDir, 'agent.log'), `${JSON.stringify({ time: Date.now() - 1000, level: 'info', component: 'channel', msg: 'connected to the site' })}\n`);
process.env.OPENPIVOT_LOG_DIR = logDir;
const spec = (p: Provider): EntitySpec => ENTITIES.find((e) => e.name === p.entity)!;

const FITS: Record<ScalarType, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string', guid: (v) => typeof v === 'string',
  long: (v) => typeof v === 'number' && Number.isInteger(v), int: (v) => typeof v === 'number' && Number.isInteger(v),
  real: (v) => typeof v === 'number', datetime: (v) => typeof v === 'number' && Number.isFinite(v),
  timespan: (v) => typeof v === 'number' && Number.isFinite(v), bool: (v) => typeof v === 'boolean',
  dynamic: (v) => v !== undefined,
};

async function collect(p: Provider, args: readonly Value[], signal = new AbortController().signal): Promise<ProviderRow[]> {
  const rows: ProviderRow[] = [];
  for await (const r of p.collect({ args, constraints: [], signal, policy, now: Date.now() })) rows.push(r);
  return rows;
}

describe('Linux provider conformance', () => {
  it('has a spec for every provider and a provider for every Linux entity', () => {
    expect(LINUX_PROVIDERS.length).toBeGreaterThan(0);
    for (const p of LINUX_PROVIDERS) {
      expect(spec(p), p.entity).toBeDefined();
      expect(p.platform).toBe('linux');
    }
    const provided = new Set(LINUX_PROVIDERS.map((p) => p.entity));
    for (const e of ENTITIES.filter((x) => x.platforms.includes('linux'))) expect(provided.has(e.name), e.name).toBe(true);
  });

  describe.each(LINUX_PROVIDERS.map((p) => [p.entity, p] as const))('%s', (_name, p) => {
    const e = spec(p);
    const args = SAMPLE_ARGS[p.entity] ?? [];

    it('yields rows of the declared columns and types', async () => {
      const rows = await collect(p, args);
      const types = new Map(e.columns.map((c) => [c.name, c.type]));
      for (const r of rows) {
        for (const [k, v] of Object.entries(r)) {
          expect(types.has(k), `${p.entity}: undeclared column '${k}'`).toBe(true);
          expect(k, `${p.entity}: Device is the agent's to fill`).not.toBe('Device');
          if (v === null) {
            expect(types.get(k), `${p.entity}.${k}: a string is never null ("" instead)`).not.toBe('string');
            continue;
          }
          expect(FITS[types.get(k)!](v), `${p.entity}.${k} = ${JSON.stringify(v)} is not a ${types.get(k)}`).toBe(true);
        }
      }
    });

    const required = e.parameters.filter((x) => !x.optional);
    // Only entities with a required parameter have something to refuse.
    if (required.length > 0) it('refuses a missing required argument, naming it', async () => {
      const error = await collect(p, []).then(() => null, (x: unknown) => x);
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as Error).message).toContain(p.entity);
      expect((error as Error).message.toLowerCase()).toContain(required[0]!.name.toLowerCase());
    });

    it('stops within 1 s of cancellation', async () => {
      const controller = new AbortController();
      const started = performance.now();
      const run = collect(p, args, controller.signal).catch(() => []);
      setTimeout(() => controller.abort(), 5);
      await run;
      expect(performance.now() - started).toBeLessThan(1000);
    });
  });
});

describe('platforms and providers', () => {
  it('has a provider for each platform an entity declares, and declares each platform a provider serves', async () => {
    const { WINDOWS_PROVIDERS } = await import('../src/providers/windows/index.js');
    for (const [platform, providers] of [['linux', LINUX_PROVIDERS], ['windows', WINDOWS_PROVIDERS]] as const) {
      const served = new Set(providers.map((p) => p.entity));
      for (const e of ENTITIES) expect(served.has(e.name), `${e.name} on ${platform}`).toBe(e.platforms.includes(platform));
    }
  });
});
