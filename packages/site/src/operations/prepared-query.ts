import { analyze, split, type ColumnSchema, type Diagnostic, type SplitPlan, type ChartSpec, type Dialect } from '@openpivot/kql';
import { CATALOG, findEntity } from '@openpivot/entities';

/** A query the site has parsed, bound and split: what RBAC checks and what merging needs. */
export interface PreparedQuery {
  readonly text: string;
  readonly dialect: Dialect;
  readonly schema: readonly ColumnSchema[];
  readonly split: SplitPlan;
  readonly chart?: ChartSpec;
  /** Entities the query reads, as the catalog spells them. */
  readonly entities: readonly string[];
  /** Those of them that need Entity.Sensitive (file contents, registry values, logs…). */
  readonly sensitive: readonly string[];
  /** True when the merge part only concatenates device rows: each device's rows can be streamed as they come. */
  readonly streamable: boolean;
}

export type Preparation = { readonly ok: true; readonly query: PreparedQuery } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Parses, binds against the whole entity catalog, and splits. Never throws. */
export function prepareQuery(text: string, dialect: Dialect = 'cmpivot'): Preparation {
  const a = analyze(text, { catalog: CATALOG, dialect });
  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  if (a.plan === null) {
    return { ok: false, diagnostics: [{ code: 'KQL1000', severity: 'error', message: 'The query is empty.', span: { start: 0, end: text.length } }] };
  }
  const entities = [...new Set(a.tables.map((t) => findEntity(t)?.name ?? t))];
  const sensitive = entities.filter((e) => findEntity(e)?.permission === 'sensitive');
  const plan = split(a.plan);
  const streamable = plan.device.length === 1 && plan.merge.kind === 'Exchange';
  return { ok: true, query: { text, dialect, schema: a.schema, split: plan, ...(a.chart ? { chart: a.chart } : {}), entities, sensitive, streamable } };
}
