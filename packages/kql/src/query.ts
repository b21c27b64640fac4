import type { Catalog, ColumnSchema } from './types/schema.js';
import { EMPTY_CATALOG } from './types/schema.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { Dialect } from './functions/function-types.js';
import type { ChartSpec, PlanNode } from './plan/plan-node.js';
import type { Row } from './values/value.js';
import { parse } from './parser/parse.js';
import { bind, type Bound } from './binder/bind.js';
import { run } from './exec/execute.js';
import { type Limits, type Sources, QueryAborted } from './exec/exec-context.js';
import { runtimeMessages } from './diagnostics/runtime-messages.js';
import { type Table, tableRows } from './exec/table.js';
import { getValue } from './exec/column.js';
import { encodeValue } from './values/to-json.js';

const MAX_REPORTED = 100;

export interface AnalyzeOptions {
  readonly catalog?: Catalog;
  readonly dialect?: Dialect;
}

export interface Analysis extends Bound {
  /** Syntax and binding diagnostics, in text order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses and binds: everything an editor or the site needs before running anything. Never throws. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const dialect = options.dialect ?? 'cmpivot';
  const parsed = parse(text, { dialect });
  const bound = bind(parsed.script, { catalog: options.catalog ?? EMPTY_CATALOG, dialect });
  // Binding errors caused by a syntax error only repeat it; when the syntax is broken, report that.
  const syntaxErrors = parsed.diagnostics.filter((d) => d.severity === 'error');
  const diagnostics = syntaxErrors.length > 0 ? parsed.diagnostics : bound.diagnostics;
  // Spans stay inside the text whatever the input; past MAX_REPORTED errors, more only repeat the story.
  const clamp = (d: Diagnostic): Diagnostic => {
    const start = Math.min(Math.max(0, d.span.start), text.length);
    const end = Math.min(Math.max(start, d.span.end), text.length);
    return start === d.span.start && end === d.span.end ? d : { ...d, span: { start, end } };
  };
  const sorted = [...diagnostics].sort((a, b) => a.span.start - b.span.start).slice(0, MAX_REPORTED).map(clamp);
  return { ...bound, diagnostics: sorted };
}

export interface RunOptions extends AnalyzeOptions {
  /** "Now" for now() and ago(), in ms since the epoch. The engine reads no clock of its own. */
  readonly now: number;
  readonly sources?: Sources;
  readonly limits?: Limits;
}

export interface QueryResult {
  readonly columns: readonly ColumnSchema[];
  readonly rows: readonly Row[];
  readonly chart?: ChartSpec;
  /** A limit (rows or bytes) cut the output. */
  readonly truncated: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/** Analyzes and runs a query. A query with errors returns its diagnostics and no rows. */
export function runQuery(text: string, options: RunOptions): QueryResult {
  const a = analyze(text, options);
  if (a.plan === null || a.diagnostics.some((d) => d.severity === 'error')) {
    return { columns: a.schema, rows: [], truncated: false, diagnostics: a.diagnostics };
  }
  let table: Table;
  try {
    table = runPlan(a.plan, options);
  } catch (e) {
    // A valid query can still fail while running (cancelled, over time, too large): report, never throw.
    const whole = { start: 0, end: text.length };
    const d = e instanceof QueryAborted
      ? (e.reason === 'timeout' ? runtimeMessages.timedOut(whole) : runtimeMessages.cancelled(whole))
      : runtimeMessages.failed(e instanceof Error ? e.message : String(e), whole);
    return { columns: a.schema, rows: [], truncated: false, diagnostics: [...a.diagnostics, d] };
  }
  const { rows, truncated } = limitRows(table, options.limits);
  return { columns: a.schema, rows, truncated, diagnostics: a.diagnostics, ...(a.chart ? { chart: a.chart } : {}) };
}

export function runPlan(plan: PlanNode, options: RunOptions): Table {
  return run(plan, {
    now: options.now,
    dialect: options.dialect ?? 'cmpivot',
    sources: options.sources ?? {},
    limits: options.limits ?? {},
  });
}

/** Materialises rows up to the row and byte limits; says whether anything was cut. */
export function limitRows(table: Table, limits: Limits = {}): { rows: Row[]; truncated: boolean } {
  const maxRows = limits.maxRows ?? Infinity;
  const maxBytes = limits.maxBytes ?? Infinity;
  const all = table.length <= maxRows && maxBytes === Infinity;
  if (all) return { rows: tableRows(table), truncated: false };
  const rows: Row[] = [];
  let bytes = 2;
  for (let i = 0; i < table.length && i < maxRows; i++) {
    const row = table.columns.map((c) => getValue(c, i));
    if (maxBytes !== Infinity) {
      bytes += JSON.stringify(row.map((v, j) => encodeValue(v, table.schema[j]!.type))).length + 1;
      if (bytes > maxBytes) return { rows, truncated: true };
    }
    rows.push(row);
  }
  return { rows, truncated: rows.length < table.length };
}

