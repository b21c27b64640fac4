import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import type { CimProperty } from './cim-table.js';
import { convertValue } from './cim-values.js';
import { jsonObjects, jsonScript, runPowerShell, type JsonObject } from './powershell.js';

/** A collector that runs one PowerShell pipeline and types its JSON objects by a property list. */
export interface PsCollector {
  readonly entity: string;
  /** The columns it yields, in the entity's types (a test holds them to the entity spec). */
  readonly properties: readonly CimProperty[];
  /** The pipeline, before `| ConvertTo-Json`; arguments validated and quoted here. */
  script(ctx: Pick<ProviderContext, 'args' | 'now'>): string;
  /** Extra per-object shaping after typing (e.g. a value mapped in JavaScript); null drops the object. */
  shape?(row: Record<string, ProviderRow[string]>, raw: JsonObject): ProviderRow | null;
  /** Whole-list shaping (e.g. removing duplicates). */
  finish?(rows: ProviderRow[]): ProviderRow[];
}

export function typedRows(c: PsCollector, objects: readonly JsonObject[]): ProviderRow[] {
  const out: ProviderRow[] = [];
  for (const o of objects) {
    const row: Record<string, ProviderRow[string]> = {};
    for (const p of c.properties) row[p.name] = convertValue(o[p.name], p.type, p.unit);
    const shaped = c.shape ? c.shape(row, o) : row;
    if (shaped) out.push(shaped);
  }
  return c.finish ? c.finish(out) : out;
}

export function fullScript(c: PsCollector, ctx: Pick<ProviderContext, 'args' | 'now'>): string {
  return jsonScript(c.script(ctx));
}

export function psProvider(c: PsCollector): Provider {
  return {
    entity: c.entity,
    platform: 'windows',
    async *collect(ctx) {
      const script = fullScript(c, ctx);
      const stdout = await runPowerShell(c.entity, script, ctx.signal);
      for (const row of typedRows(c, jsonObjects(c.entity, stdout))) {
        if (ctx.signal.aborted) return;
        yield row;
      }
    },
  };
}

/** Parses `Name Name:type …` like the CIM table, for collectors' column lists. */
export function props(list: string): CimProperty[] {
  return list.split(' ').map((item) => {
    const [name = '', type = 'string'] = item.split(':');
    return { name, type: type as CimProperty['type'] };
  });
}
