import { tableFromRows, type PlanNode, type ScanNode, type Table, type Value, type ColumnSchema, type ScalarType } from '@openpivot/kql';
import type { EntitySpec } from '@openpivot/entities';
import { type Constraint, type Provider, type PathPolicy, type ProviderRow, ProviderError } from '../providers/provider.js';
import { pushedConstraints } from './constraints.js';

export interface CollectOptions {
  /** Providers for this platform, by entity name. */
  readonly providers: ReadonlyMap<string, Provider>;
  readonly entities: ReadonlyMap<string, EntitySpec>;
  readonly device: string;
  readonly policy: PathPolicy;
  readonly signal: AbortSignal;
  readonly now: number;
  /** Rows one entity may return before the agent stops reading it (a guard against a runaway provider). */
  readonly maxRowsPerEntity?: number;
}

export interface Collected {
  readonly tables: Map<ScanNode, Table>;
  /** One line per entity that failed or was cut, prefixed with its name. */
  readonly warnings: string[];
}

const DEFAULT_MAX_ROWS = 1_000_000;

/**
 * Runs the provider of every entity the plan reads — only those — all at once, and turns their rows
 * into tables with `Device` first. A provider that fails gives an empty table and a warning; the rest
 * of the answer still comes back.
 */
export async function collectEntities(plan: PlanNode, options: CollectOptions): Promise<Collected> {
  const scans = scansOf(plan);
  const constraints = pushedConstraints(plan);
  const warnings: string[] = [];
  const tables = new Map<ScanNode, Table>();
  await Promise.all(scans.map(async (scan) => {
    const rows = await collectOne(scan, constraints.get(scan) ?? [], options, warnings);
    tables.set(scan, tableFromRows(scan.schema, rows));
  }));
  return { tables, warnings };
}

async function collectOne(scan: ScanNode, constraints: readonly Constraint[], o: CollectOptions, warnings: string[]): Promise<Value[][]> {
  const provider = o.providers.get(scan.table);
  if (!provider) {
    warnings.push(`${scan.table}: not available on this device's platform.`);
    return [];
  }
  const max = o.maxRowsPerEntity ?? DEFAULT_MAX_ROWS;
  const toRow = rowMaker(scan.schema, o.device);
  const rows: Value[][] = [];
  try {
    for await (const r of provider.collect({ args: scan.args, constraints, signal: o.signal, policy: o.policy, now: o.now })) {
      rows.push(toRow(r));
      if (rows.length >= max) {
        warnings.push(`${scan.table}: stopped after ${max} rows.`);
        break;
      }
      if (o.signal.aborted) break;
    }
  } catch (e) {
    if (!o.signal.aborted) {
      const message = e instanceof Error ? e.message : String(e);
      warnings.push(e instanceof ProviderError && message.startsWith(`${scan.table}:`) ? message : `${scan.table}: ${message}`);
    }
  }
  return rows;
}

/** Provider rows to positional rows in the declared types; a value of the wrong type becomes null. */
function rowMaker(schema: readonly ColumnSchema[], device: string): (r: ProviderRow) => Value[] {
  const fits: Record<ScalarType, (v: Value) => boolean> = {
    string: (v) => typeof v === 'string', guid: (v) => typeof v === 'string',
    long: (v) => typeof v === 'number', int: (v) => typeof v === 'number', real: (v) => typeof v === 'number',
    datetime: (v) => typeof v === 'number', timespan: (v) => typeof v === 'number',
    bool: (v) => typeof v === 'boolean', dynamic: () => true,
  };
  return (r) => schema.map((c, j) => {
    if (j === 0 && c.name === 'Device') return device;
    const v = r[c.name];
    if (v === undefined || v === null) return c.type === 'string' ? '' : null;
    return fits[c.type](v) ? v : c.type === 'string' ? String(v) : null;
  });
}

function scansOf(plan: PlanNode): ScanNode[] {
  const out: ScanNode[] = [];
  const seen = new Set<PlanNode>();
  const visit = (n: PlanNode): void => {
    if (seen.has(n)) return;
    seen.add(n);
    switch (n.kind) {
      case 'Scan': out.push(n); return;
      case 'Values': case 'Range': case 'Exchange': return;
      case 'Join': visit(n.left); visit(n.right); return;
      case 'Union': n.inputs.forEach(visit); return;
      default: visit(n.input);
    }
  };
  visit(plan);
  return out;
}
