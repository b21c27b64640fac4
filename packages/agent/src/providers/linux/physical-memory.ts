import { readFile } from 'node:fs/promises';
import { ProviderError, type Provider, type ProviderContext, type ProviderRow } from '../provider.js';
import { checkAborted, linuxProvider } from './util/hw-read.js';
import { memoryModules } from './util/hw-smbios.js';

export const SMBIOS_TABLE = '/sys/firmware/dmi/tables/DMI';

/**
 * PhysicalMemory: the SMBIOS memory devices. No table (containers, VMs without DMI) means no rows;
 * a table the agent may not read (it is root-only) is a warning the user should see.
 */
export const physicalMemoryProvider: Provider = linuxProvider('PhysicalMemory', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  checkAborted(ctx.signal, 'PhysicalMemory');
  let table: Buffer;
  try {
    table = await readFile(SMBIOS_TABLE, { signal: ctx.signal });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    if (code === 'EACCES' || code === 'EPERM') throw new ProviderError(`PhysicalMemory: ${SMBIOS_TABLE} is readable by root only; the agent runs without that right`, { cause: e });
    if ((e as { name?: string }).name === 'AbortError') throw new ProviderError('PhysicalMemory: cancelled', { cause: e });
    throw new ProviderError(`PhysicalMemory: cannot read ${SMBIOS_TABLE}: ${(e as Error).message}`, { cause: e });
  }
  let n = 0;
  for (const m of memoryModules(table)) {
    checkAborted(ctx.signal, 'PhysicalMemory');
    yield { ...m, Tag: `Physical Memory ${n++}` };
  }
});
