/**
 * @openpivot/kql — the query engine. Pure: it reads no clock, file or network; callers pass in
 * the catalog of tables, the rows of entities, "now" and the limits.
 *
 * @example
 * const r = runQuery('print x = 1 + 1', { now: Date.now() });
 * // r.columns = [{ name: 'x', type: 'long' }], r.rows = [[2]]
 */
export type { Span } from './syntax/span.js';
export { lineCol } from './syntax/span.js';
export type * as Syntax from './syntax/ast.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export type { ScalarType } from './types/scalar-type.js';
export { SCALAR_TYPES, TYPE_NAMES } from './types/scalar-type.js';
export type { Catalog, TableSchema, ColumnSchema, ParameterSchema } from './types/schema.js';
export { EMPTY_CATALOG } from './types/schema.js';
export type { Value, Row, DynamicValue } from './values/value.js';
export { encodeValue, type JsonValue } from './values/to-json.js';
export { formatDatetime, parseDatetime } from './values/datetime.js';
export { formatTimespan, parseTimespan } from './values/timespan.js';
export { valueToString } from './values/to-string.js';
export type { Dialect, EvalContext } from './functions/function-types.js';
export { scalarFunctions, aggregateFunctions } from './functions/registry.js';
export { parse, type ParseResult } from './parser/parse.js';
export { bind, type Bound } from './binder/bind.js';
export type { PlanNode, ChartSpec, ScanNode } from './plan/plan-node.js';
export type { BoundExpr } from './plan/bound-expr.js';
export { split, type SplitPlan } from './plan/split.js';
export type { Table } from './exec/table.js';
export { tableFromRows, tableRows, concatTables } from './exec/table.js';
export type { Sources, Limits } from './exec/exec-context.js';
export { QueryAborted } from './exec/exec-context.js';
export { run } from './exec/execute.js';
export { analyze, runQuery, runPlan, limitRows, type Analysis, type QueryResult, type RunOptions } from './query.js';
export { runDeviceParts, runMergePart } from './distributed.js';
export { complete, diagnose, type Completion, type CompletionResult, type CompleteOptions, type DiagnoseOptions, type DiagnoseResult } from './editor/index.js';
