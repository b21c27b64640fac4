import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { readMeminfo } from './util/hw-meminfo.js';
import { checkAborted, linuxProvider } from './util/hw-read.js';

/** Memory: one row from /proc/meminfo, in KB like CCM_LogicalMemoryConfiguration. */
export const memoryProvider: Provider = linuxProvider('Memory', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  checkAborted(ctx.signal, 'Memory');
  const m = await readMeminfo('Memory', ctx.signal);
  const get = (k: string): number | null => m.get(k) ?? null;
  const sum = (...ks: string[]): number | null => (ks.every((k) => m.has(k)) ? ks.reduce((a, k) => a + m.get(k)!, 0) : null);
  // MemAvailable exists since Linux 3.14; older kernels get free + caches, as free(1) did
  const available = get('MemAvailable') ?? sum('MemFree', 'Buffers', 'Cached');
  const swapFree = get('SwapFree') ?? 0;
  yield {
    Name: 'LogicalMemoryConfiguration',
    TotalPhysicalMemory: get('MemTotal'),
    TotalVirtualMemory: sum('MemTotal', 'SwapTotal'),
    AvailableVirtualMemory: available === null ? null : available + swapFree,
    TotalPageFileSpace: get('SwapTotal'),
    AvailablePhysicalMemory: available,
    FreePhysicalMemory: get('MemFree'),
    FreePageFileSpace: get('SwapFree'),
    CachedMemory: sum('Buffers', 'Cached', 'SReclaimable') ?? sum('Buffers', 'Cached'),
  };
});
