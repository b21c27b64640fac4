import type { SplitPlan } from './plan/split.js';
import type { Table } from './exec/table.js';
import { concatTables } from './exec/table.js';
import { runPlan, type RunOptions } from './query.js';

/**
 * Runs every device part of a split query on one device (its entities come from `options.sources.scan`).
 * The outputs, one table per part, are what the device sends to the site.
 */
export function runDeviceParts(plan: SplitPlan, options: RunOptions): Table[] {
  return plan.device.map((part) => runPlan(part, options));
}

/**
 * Runs the merge part on the site: `outputs[d][i]` is device d's output of part i. Devices that sent
 * nothing (offline, failed) are simply absent from `outputs`.
 */
export function runMergePart(plan: SplitPlan, outputs: readonly (readonly Table[])[], options: RunOptions): Table {
  const exchanges = plan.device.map((part, i) => concatTables(part.schema, outputs.map((o) => o[i]!)));
  return runPlan(plan.merge, { ...options, sources: { ...options.sources, exchange: (id) => exchanges[id]! } });
}
