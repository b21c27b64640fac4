import type { Value } from '@openpivot/kql';
import type { Constraint, PathPolicy, Provider, ProviderContext, ProviderRow } from '../../provider.js';

/** For this folder's tests only: a context that allows every path unless told otherwise. */
export function testContext(args: readonly Value[] = [], opts: { constraints?: Constraint[]; policy?: PathPolicy; now?: number; signal?: AbortSignal } = {}): ProviderContext {
  return {
    args,
    constraints: opts.constraints ?? [],
    signal: opts.signal ?? new AbortController().signal,
    policy: opts.policy ?? { allows: () => true },
    now: opts.now ?? Date.now(),
  };
}

/** Collects every row a provider yields. */
export async function collectAll(p: Provider, ctx: ProviderContext): Promise<ProviderRow[]> {
  const rows: ProviderRow[] = [];
  for await (const r of p.collect(ctx)) rows.push(r);
  return rows;
}

/** Median wall time of `fn` over `n` runs, in ms. */
export async function medianMs(n: number, fn: () => Promise<unknown>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(n / 2)]!;
}
