import { analyze, split, type Catalog, type Dialect, type PlanNode, type Row } from '@openpivot/kql';
import type { EntitySpec } from '@openpivot/entities';
import { chunkRows, type ChunkMessage, type DoneMessage, type QueryMessage } from '@openpivot/protocol';
import type { PathPolicy, Provider } from '../providers/provider.js';
import { runLocalPlan } from '../local/run-local.js';

export type ResultMessage = ChunkMessage | DoneMessage;
type QueryError = NonNullable<DoneMessage['error']>;

/** A query's device parts, or why it has none. Shared between runs: plans are never changed by running them. */
export type Prepared = { readonly parts: readonly PlanNode[] } | { readonly error: QueryError };

/**
 * Analyzed and split queries by text, for one catalog. The site sends the same text to every device; a
 * process that simulates thousands of them binds it once.
 */
export class PlanCache {
  readonly #entries = new Map<string, Prepared>();

  constructor(readonly catalog: Catalog, readonly size = 32) {}

  prepare(text: string, dialect: Dialect): Prepared {
    const key = `${dialect}\n${text}`;
    const hit = this.#entries.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting keeps the most recently used last.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const prepared = prepareQuery(text, dialect, this.catalog);
    this.#entries.set(key, prepared);
    if (this.#entries.size > this.size) this.#entries.delete(this.#entries.keys().next().value!);
    return prepared;
  }
}

export function prepareQuery(text: string, dialect: Dialect, catalog: Catalog): Prepared {
  const a = analyze(text, { catalog, dialect });
  const first = a.diagnostics.find((d) => d.severity === 'error');
  if (first) return { error: clipError({ code: first.code, message: first.message }) };
  if (a.plan === null) return { error: { code: 'KQL3000', message: 'The query has no plan to run.' } };
  return { parts: split(a.plan).device };
}

/** What a device needs to answer a query: its catalog (in `plans`), its entities and providers, its name. */
export interface QueryEnvironment {
  readonly plans: PlanCache;
  readonly entities: readonly EntitySpec[];
  readonly providers: readonly Provider[];
  readonly policy: PathPolicy;
  /** The value of the `Device` column on every row. */
  readonly device: string;
}

/** `chunk.part` is at most 64 in the protocol. */
const MAX_PARTS = 65;
const CANCELLED: QueryError = { code: 'KQL3001', message: 'The query was cancelled.' };

/**
 * Runs the device parts of a query from the site and yields what goes back: the rows of part 0, then
 * part 1… in chunks numbered 0, 1, 2…, then `done` with the next number. A query that cannot run yields
 * `done` with the error alone. Never throws.
 *
 * The parts run at the same time, so the time limit holds for the whole query; `maxBytes` holds for each
 * part (the evaluator cuts it) and for all of them together (cut here, in part order).
 */
export async function* executeQuery(q: QueryMessage, env: QueryEnvironment, signal: AbortSignal): AsyncGenerator<ResultMessage> {
  const done = (seq: number, rows: number, truncated: boolean, warnings: readonly string[], error?: QueryError): DoneMessage => ({
    t: 'done', opId: q.opId, seq, rows, truncated, warnings: clipWarnings(warnings), ...(error ? { error: clipError(error) } : {}),
  });
  if (signal.aborted) {
    yield done(0, 0, false, [], CANCELLED);
    return;
  }
  let outputs: { rows: readonly Row[]; truncated: boolean; warnings: readonly string[]; error?: QueryError }[];
  try {
    const prepared = env.plans.prepare(q.text, q.dialect);
    if ('error' in prepared) {
      yield done(0, 0, false, [], prepared.error);
      return;
    }
    if (prepared.parts.length > MAX_PARTS) {
      yield done(0, 0, false, [], { code: 'KQL3000', message: `The query splits into ${prepared.parts.length} device parts; at most ${MAX_PARTS} can be sent.` });
      return;
    }
    outputs = await Promise.all(prepared.parts.map(async (part) => {
      const r = await runLocalPlan(part, {
        entities: env.entities, providers: env.providers, device: env.device, policy: env.policy,
        dialect: q.dialect, now: q.now, timeLimitMs: q.timeLimitMs, maxBytes: q.maxBytes, signal,
      });
      const d = r.diagnostics.find((x) => x.severity === 'error');
      return { rows: r.rows, truncated: r.truncated, warnings: r.warnings, ...(d ? { error: { code: d.code, message: d.message } } : {}) };
    }));
  } catch (e) {
    yield done(0, 0, false, [], { code: 'KQL3000', message: `The query failed on the device: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  const warnings = [...new Set(outputs.flatMap((o) => o.warnings))];
  const failed = outputs.find((o) => o.error);
  if (failed?.error) {
    yield done(0, 0, false, warnings, failed.error);
    return;
  }
  let seq = 0;
  let total = 0;
  let truncated = outputs.some((o) => o.truncated);
  let budget = outputs.length > 1 ? q.maxBytes : Infinity;
  for (let part = 0; part < outputs.length; part++) {
    let rows = outputs[part]!.rows;
    if (budget !== Infinity) {
      const kept = withinBytes(rows, budget);
      if (kept.count < rows.length) truncated = true;
      rows = rows.slice(0, kept.count);
      budget -= kept.bytes;
    }
    for (const chunk of chunkRows(rows)) {
      yield { t: 'chunk', opId: q.opId, seq: seq++, part, rows: chunk };
      total += chunk.length;
    }
  }
  yield done(seq, total, truncated, warnings);
}

/** How many leading rows fit in `budget` bytes of JSON, and their size. */
function withinBytes(rows: readonly Row[], budget: number): { count: number; bytes: number } {
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const size = JSON.stringify(rows[i]).length + 1;
    if (bytes + size > budget) return { count: i, bytes };
    bytes += size;
  }
  return { count: rows.length, bytes };
}

/** The protocol's bounds on `done` (100 warnings of 4 KB, a 64-character code): past them the site would refuse the message. */
function clipWarnings(warnings: readonly string[]): string[] {
  const list = warnings.slice(0, 100).map((w) => (w.length > 4096 ? `${w.slice(0, 4093)}...` : w));
  if (warnings.length > 100) list[99] = `${warnings.length - 99} more warnings were left out.`;
  return list;
}

function clipError(e: QueryError): QueryError {
  return { code: e.code.slice(0, 64), message: e.message.length > 4096 ? `${e.message.slice(0, 4093)}...` : e.message };
}
