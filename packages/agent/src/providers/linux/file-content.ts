import { realpath, stat } from 'node:fs/promises';
import type { Constraint, Provider, ProviderContext, ProviderRow } from '../provider.js';
import { ProviderError } from '../provider.js';
import { absolutePattern } from './file.js';
import { readLineBatches } from './util/fs-lines.js';
import { rowsFromBatches } from './util/fs-rows.js';

/** The last line the query can want (`Line <= 20`, `Line == 3`, `Line in (…)`): reading stops there. */
export function lastWantedLine(constraints: readonly Constraint[]): number {
  let last = Infinity;
  for (const c of constraints) {
    if (c.column !== 'Line') continue;
    const vals = Array.isArray(c.value) ? c.value : [c.value];
    if (!vals.every((v) => typeof v === 'number')) continue;
    const max = Math.max(...(vals as number[]));
    if (c.op === '==' || c.op === 'in' || c.op === '<=') last = Math.min(last, Math.floor(max));
    else if (c.op === '<') last = Math.min(last, Math.ceil(max) - 1);
  }
  return last;
}

async function* lineBatches(ctx: ProviderContext): AsyncIterable<ProviderRow[]> {
  const path = absolutePattern('FileContent', ctx.args[0]);
  let real: string;
  try { real = await realpath(path); } catch (e) {
    throw new ProviderError(`FileContent: cannot open ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, { cause: e });
  }
  if (!ctx.policy.allows(real)) throw new ProviderError(`FileContent: access to ${path} is denied by the local policy`);
  const st = await stat(real);
  if (!st.isFile()) throw new ProviderError(`FileContent: ${path} is not a regular file`);
  const last = lastWantedLine(ctx.constraints);
  let n = 0;
  try {
    for await (const batch of readLineBatches(real, ctx.signal)) {
      const first = n;
      const count = Math.min(batch.length, last - first);
      n += batch.length;
      yield rowsOf(batch, first, count);
      if (n >= last || ctx.signal.aborted) return;
    }
  } catch (e) {
    throw new ProviderError(`FileContent: cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
}

function rowsOf(lines: readonly string[], first: number, count: number): ProviderRow[] {
  const rows = new Array<ProviderRow>(Math.max(0, count));
  for (let i = 0; i < count; i++) rows[i] = { Line: first + i + 1, Content: lines[i]! };
  return rows;
}

/** Rows are made in a plain loop per read chunk (see rowsFromBatches): the file is not read past `last`. */
export const fileContentProvider: Provider = {
  entity: 'FileContent',
  platform: 'linux',
  collect: (ctx: ProviderContext): AsyncIterable<ProviderRow> => rowsFromBatches(lineBatches(ctx), ctx.signal),
};
