import type { Provider, ProviderRow } from '../provider.js';
import { ProviderError } from '../provider.js';
import { CIM_TABLE, type CimSource } from './cim-table.js';
import { convertValue } from './cim-values.js';
import { jsonObjects, jsonScript, runPowerShell, type JsonObject } from './powershell.js';

/** The PowerShell script that reads one WMI-backed entity; names come from CIM_TABLE, never from a query. */
export function cimScript(source: CimSource): string {
  const select = source.properties.map((p) => p.name).join(',');
  return jsonScript(`Get-CimInstance -Namespace ${source.namespace} -ClassName ${source.className} | Select-Object ${select}`);
}

/** Typed rows from ConvertTo-Json output: one property per column, converted to its type and unit. */
export function cimRows(source: CimSource, objects: readonly JsonObject[]): ProviderRow[] {
  return objects.map((o) => {
    const row: Record<string, ProviderRow[string]> = {};
    for (const p of source.properties) row[p.name] = convertValue(o[p.name], p.type, p.unit);
    return row;
  });
}

// A class that is not there usually means its software (the ConfigMgr client, MBAM, App-V…) is not
// installed: say so rather than pass on WMI's terse code.
function explain(entity: string, source: CimSource, e: unknown): unknown {
  const text = e instanceof Error ? e.message : String(e);
  if (/Invalid (namespace|class)|not found|0x8004100[1-3e]/i.test(text)) {
    return new ProviderError(`${entity}: the WMI class ${source.namespace}:${source.className} is not on this device (is the software that provides it installed?)`, { cause: e });
  }
  return e;
}

export function cimProvider(entity: string, source: CimSource): Provider {
  return {
    entity,
    platform: 'windows',
    async *collect(ctx) {
      let stdout: string;
      try {
        stdout = await runPowerShell(entity, cimScript(source), ctx.signal);
      } catch (e) {
        throw explain(entity, source, e);
      }
      for (const row of cimRows(source, jsonObjects(entity, stdout))) {
        if (ctx.signal.aborted) return;
        yield row;
      }
    },
  };
}

/** A provider for every entity of the CIM table, except those a dedicated collector reads. */
export function cimProviders(except: ReadonlySet<string>): Provider[] {
  return Object.entries(CIM_TABLE).filter(([name]) => !except.has(name)).map(([name, source]) => cimProvider(name, source));
}
