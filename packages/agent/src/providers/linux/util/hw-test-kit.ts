/**
 * Helpers for the hardware and OS provider tests only (no provider imports this): a context, a
 * collector, a schema check of rows against an entity spec, and a runner for the tools they compare
 * with (bench/providers.ts uses it too).
 */
import { execFile } from 'node:child_process';
import { analyze } from '@openpivot/kql';
import { toTableSchema, type EntitySpec } from '@openpivot/entities';
import type { Provider, ProviderContext, ProviderRow } from '../../provider.js';

export function testContext(signal: AbortSignal = new AbortController().signal): ProviderContext {
  return { args: [], constraints: [], signal, policy: { allows: () => true }, now: Date.now() };
}

export async function collectRows(p: Provider, ctx: ProviderContext = testContext()): Promise<ProviderRow[]> {
  const rows: ProviderRow[] = [];
  for await (const r of p.collect(ctx)) rows.push(r);
  return rows;
}

/** Problems with rows against the spec: unknown columns, missing columns, wrong types, null strings. */
export function schemaProblems(spec: EntitySpec, rows: readonly ProviderRow[]): string[] {
  const cols = new Map(spec.columns.filter((c) => c.name !== 'Device').map((c) => [c.name, c.type]));
  const out: string[] = [];
  rows.forEach((row, i) => {
    for (const k of Object.keys(row)) if (!cols.has(k)) out.push(`row ${i}: unknown column ${k}`);
    for (const [name, type] of cols) {
      if (!(name in row)) { out.push(`row ${i}: missing ${name}`); continue; }
      const v = row[name];
      const ok =
        type === 'string' || type === 'guid' ? typeof v === 'string'
        : type === 'bool' ? v === null || typeof v === 'boolean'
        : type === 'dynamic' ? true
        : v === null || (typeof v === 'number' && Number.isFinite(v) && (type === 'real' || Number.isInteger(v)));
      if (!ok) out.push(`row ${i}: ${name} is ${JSON.stringify(v)}, not ${type}`);
    }
  });
  return out;
}

/** Examples that do not bind against a catalog holding just this entity. */
export function exampleProblems(spec: EntitySpec): string[] {
  const catalog = { tables: [toTableSchema(spec)] };
  return spec.examples.flatMap((q) => analyze(q, { catalog }).diagnostics.filter((d) => d.severity === 'error').map((d) => `${q}: ${d.message}`));
}

export function runTool(file: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { encoding: 'utf8', env: env ?? process.env, maxBuffer: 64 << 20 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}
