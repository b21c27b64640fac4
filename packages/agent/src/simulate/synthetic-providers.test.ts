import { describe, expect, it } from 'vitest';
import { ENTITIES, type EntitySpec } from '@openpivot/entities';
import type { ProviderRow } from '../providers/provider.js';
import { simulatedDevice, simulatedFacts } from './synthetic-device.js';
import { syntheticProviders } from './synthetic-providers.js';

const NOW = Date.UTC(2024, 9, 1, 12);
const spec = (name: string): EntitySpec => ENTITIES.find((e) => e.name === name)!;

async function rowsOf(seed: number, index: number, entity: string): Promise<ProviderRow[]> {
  const p = syntheticProviders(simulatedDevice(seed, index)).find((x) => x.entity === entity)!;
  const out: ProviderRow[] = [];
  for await (const r of p.collect({ args: [], constraints: [], signal: new AbortController().signal, policy: { allows: () => true }, now: NOW })) out.push(r);
  return out;
}

const fits = (type: string, v: unknown): boolean => {
  if (v === null) return type !== 'string';
  switch (type) {
    case 'string': case 'guid': return typeof v === 'string';
    case 'bool': return typeof v === 'boolean';
    case 'dynamic': return true;
    default: return typeof v === 'number' && Number.isFinite(v);
  }
};

describe('synthetic entity data', () => {
  const entities = ['Device', 'OS', 'OperatingSystem', 'Process', 'InstalledSoftware', 'Service', 'User', 'IPConfig'];

  it("gives rows with the entity specs' columns and types, on Windows and Linux devices", async () => {
    const platforms = new Set<string>();
    for (let index = 1; index <= 60; index++) {
      platforms.add(simulatedDevice(7, index).os.platform);
      for (const entity of entities) {
        const columns = new Map(spec(entity).columns.map((c) => [c.name, c.type]));
        const rows = await rowsOf(7, index, entity);
        if (entity !== 'User') expect(rows.length, `${entity} of device ${index}`).toBeGreaterThan(0);
        for (const row of rows) {
          for (const [k, v] of Object.entries(row)) {
            expect(columns.has(k), `${entity}.${k} is a declared column`).toBe(true);
            expect(fits(columns.get(k)!, v), `${entity}.${k} = ${JSON.stringify(v)} is a ${columns.get(k)}`).toBe(true);
          }
        }
      }
    }
    expect(platforms).toEqual(new Set(['windows', 'linux']));
  });

  it('is the same for the same seed and device, and differs across seeds and devices', async () => {
    expect(await rowsOf(3, 12, 'Process')).toEqual(await rowsOf(3, 12, 'Process'));
    expect(await rowsOf(3, 12, 'Process')).not.toEqual(await rowsOf(4, 12, 'Process'));
    expect(await rowsOf(3, 12, 'InstalledSoftware')).not.toEqual(await rowsOf(3, 13, 'InstalledSoftware'));
  });

  it('varies OS names and versions across a fleet, with facts that match the OS', () => {
    const devices = Array.from({ length: 500 }, (_, i) => simulatedDevice(1, i + 1));
    const captions = new Set(devices.map((d) => d.os.caption));
    expect(captions.size).toBeGreaterThanOrEqual(10);
    for (const name of ['Windows 10', 'Windows 11', 'Server 2019', 'Server 2022', 'Ubuntu', 'Debian']) {
      expect([...captions].some((c) => c.includes(name)), name).toBe(true);
    }
    for (const d of devices) {
      const f = simulatedFacts(d);
      expect(f.platform).toBe(d.os.caption.startsWith('Microsoft Windows') ? 'windows' : 'linux');
      expect(f.osVersion).toBe(d.os.version);
    }
    expect(devices[0]!.name).toBe('SIM-00001');
    expect(new Set(devices.map((d) => simulatedFacts(d).ip)).size).toBe(500);
  });

  it('stops yielding rows once the query is cancelled', async () => {
    const p = syntheticProviders(simulatedDevice(1, 1)).find((x) => x.entity === 'Process')!;
    const c = new AbortController();
    let n = 0;
    for await (const _ of p.collect({ args: [], constraints: [], signal: c.signal, policy: { allows: () => true }, now: NOW })) {
      if (++n === 5) c.abort();
    }
    expect(n).toBe(5);
  });
});
