import { analyze, runPlan, limitRows, QueryAborted, type Catalog, type ColumnSchema, type Diagnostic, type Row, type ChartSpec, type Dialect, type PlanNode } from '@openpivot/kql';
import { toTableSchema, type EntitySpec } from '@openpivot/entities';
import type { Provider, PathPolicy } from '../providers/provider.js';
import { collectEntities } from './collect.js';

/** CMPivot's defaults: a minute per query, 128 KB of result per device. */
export const DEFAULT_TIME_LIMIT_MS = 60_000;
export const DEFAULT_MAX_BYTES = 128 * 1024;

export interface LocalOptions {
  readonly entities: readonly EntitySpec[];
  readonly providers: readonly Provider[];
  readonly device: string;
  readonly policy: PathPolicy;
  readonly dialect?: Dialect;
  /** ms since the epoch; the agent's clock, read once per query. */
  readonly now: number;
  readonly timeLimitMs?: number;
  readonly maxBytes?: number;
  /** Cancels the query from outside (the site, Ctrl-C). */
  readonly signal?: AbortSignal;
  /** A monotonic clock for the time limit (performance.now). */
  readonly clock?: () => number;
}

export interface LocalResult {
  readonly columns: readonly ColumnSchema[];
  readonly rows: readonly Row[];
  readonly chart?: ChartSpec;
  readonly truncated: boolean;
  /** Per-entity problems, each prefixed with the entity name; the rest of the answer is still there. */
  readonly warnings: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export function catalogOf(entities: readonly EntitySpec[]): Catalog {
  return { tables: entities.map(toTableSchema) };
}

/** Runs a whole query on this device ("This PC" in CMPivot standalone): collect, evaluate, cap. */
export async function runOnThisDevice(text: string, o: LocalOptions): Promise<LocalResult> {
  const a = analyze(text, { catalog: catalogOf(o.entities), dialect: o.dialect ?? 'cmpivot' });
  if (a.plan === null || a.diagnostics.some((d) => d.severity === 'error')) {
    return { columns: a.schema, rows: [], truncated: false, warnings: [], diagnostics: a.diagnostics };
  }
  const result = await runLocalPlan(a.plan, o);
  return { ...result, columns: a.schema, diagnostics: [...a.diagnostics, ...result.diagnostics], ...(a.chart ? { chart: a.chart } : {}) };
}

/**
 * Runs a plan over this device's entities under the time limit and the result cap. Used for a whole
 * query here, and for the device part of a split query sent by the site.
 */
export async function runLocalPlan(plan: PlanNode, o: LocalOptions): Promise<Omit<LocalResult, 'columns' | 'chart'>> {
  const clock = o.clock ?? (() => performance.now());
  const limit = o.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const started = clock();
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort();
  o.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const timer = setTimeout(() => controller.abort(), limit);
  const whole = { start: 0, end: 0 };
  try {
    const collected = await collectEntities(plan, {
      providers: new Map(o.providers.map((p) => [p.entity, p])),
      entities: new Map(o.entities.map((e) => [e.name, e])),
      device: o.device, policy: o.policy, signal: controller.signal, now: o.now,
    });
    if (controller.signal.aborted) {
      const d: Diagnostic = o.signal?.aborted
        ? { code: 'KQL3001', severity: 'error', message: 'The query was cancelled.', span: whole }
        : { code: 'KQL3002', severity: 'error', message: `The query ran past its time limit (${limit / 1000} s) while reading entities.`, span: whole };
      return { rows: [], truncated: false, warnings: collected.warnings, diagnostics: [d] };
    }
    const table = runPlan(plan, {
      now: o.now,
      dialect: o.dialect ?? 'cmpivot',
      sources: { scan: (node) => collected.tables.get(node)! },
      limits: { signal: controller.signal, deadline: { at: started + limit, clock } },
    });
    const { rows, truncated } = limitRows(table, { maxBytes: o.maxBytes ?? DEFAULT_MAX_BYTES });
    return { rows, truncated, warnings: collected.warnings, diagnostics: [] };
  } catch (e) {
    const message = e instanceof QueryAborted ? e.message : `The query failed while running: ${e instanceof Error ? e.message : String(e)}`;
    const code = e instanceof QueryAborted ? (e.reason === 'timeout' ? 'KQL3002' : 'KQL3001') : 'KQL3000';
    return { rows: [], truncated: false, warnings: [], diagnostics: [{ code, severity: 'error', message, span: whole }] };
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onOuterAbort);
  }
}
