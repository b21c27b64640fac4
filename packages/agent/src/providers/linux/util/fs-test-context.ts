import type { Value } from '@openpivot/kql';
import type { Constraint, PathPolicy, Provider, ProviderContext, ProviderRow } from '../../provider.js';

/** For this folder's tests (and bench/providers.ts) only: a context that allows every path unless told otherwise. */
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
