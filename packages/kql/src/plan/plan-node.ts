import type { ColumnSchema } from '../types/schema.js';
import type { ScalarType } from '../types/scalar-type.js';
import type { Value, Row } from '../values/value.js';
import type { AggregateFunction, ArgInfo } from '../functions/function-types.js';
import type { BoundExpr } from './bound-expr.js';

/** The logical plan: a tree of tabular operators, each with the schema it produces. */
export type PlanNode =
  | ScanNode | ValuesNode | RangeNode | FilterNode | ProjectNode | AggregateNode | SortNode | TopNode
  | LimitNode | JoinNode | UnionNode | MvExpandNode | ParseNode | ExchangeNode;
export type PlanKind = PlanNode['kind'];

interface Base { readonly schema: readonly ColumnSchema[] }

/** An entity read on the device: `Process`, `File('c:\x')`. */
export interface ScanNode extends Base { readonly kind: 'Scan'; readonly table: string; readonly args: readonly Value[] }
/** Constant rows: `datatable`, `print`. */
export interface ValuesNode extends Base { readonly kind: 'Values'; readonly rows: readonly Row[] }
/** `range x from a to b step c`: bounds may read the clock (`ago(7d)`), so they are evaluated at run time. */
export interface RangeNode extends Base {
  readonly kind: 'Range';
  readonly type: ScalarType;
  readonly from: BoundExpr;
  readonly to: BoundExpr;
  readonly step: BoundExpr;
}
export interface FilterNode extends Base { readonly kind: 'Filter'; readonly input: PlanNode; readonly predicate: BoundExpr }
/** Output column j is `exprs[j]` over the input: project, extend, project-away/-rename/-reorder. */
export interface ProjectNode extends Base { readonly kind: 'Project'; readonly input: PlanNode; readonly exprs: readonly BoundExpr[] }

export interface AggregateCall {
  readonly fn: AggregateFunction;
  readonly args: readonly BoundExpr[];
  readonly argInfo: readonly ArgInfo[];
  /** How many output columns the aggregate produces (2+ for arg_max, percentiles). */
  readonly width: number;
}

/**
 * `full`: keys then aggregate results. `partial` (device side): keys then one dynamic column of
 * JSON state per aggregate. `final` (merge side): input is keys then states; output as `full`.
 */
export type AggregateMode = 'full' | 'partial' | 'final';
export interface AggregateNode extends Base {
  readonly kind: 'Aggregate';
  readonly input: PlanNode;
  readonly keys: readonly BoundExpr[];
  readonly aggregates: readonly AggregateCall[];
  readonly mode: AggregateMode;
}

export interface SortSpec {
  readonly expr: BoundExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}
export interface SortNode extends Base { readonly kind: 'Sort'; readonly input: PlanNode; readonly keys: readonly SortSpec[] }
export interface TopNode extends Base { readonly kind: 'Top'; readonly input: PlanNode; readonly count: number; readonly keys: readonly SortSpec[] }
export interface LimitNode extends Base { readonly kind: 'Limit'; readonly input: PlanNode; readonly count: number }

export type JoinKind =
  | 'innerunique' | 'inner' | 'leftouter' | 'rightouter' | 'fullouter'
  | 'leftanti' | 'rightanti' | 'leftsemi' | 'rightsemi';
/**
 * Output: left columns then right columns (renamed on clash) — or only the left's for leftanti/leftsemi,
 * only the right's for rightanti/rightsemi.
 */
export interface JoinNode extends Base {
  readonly kind: 'Join';
  readonly joinKind: JoinKind;
  readonly left: PlanNode;
  readonly right: PlanNode;
  readonly leftKeys: readonly number[];
  readonly rightKeys: readonly number[];
  /** Keys compared as strings ignoring case. */
  readonly keyTypes: readonly ScalarType[];
}

export interface UnionNode extends Base {
  readonly kind: 'Union';
  readonly inputs: readonly PlanNode[];
  /** `withsource=Name`: the first output column names each row's input. */
  readonly sourceLabels?: readonly string[];
}

export interface MvExpandNode extends Base {
  readonly kind: 'MvExpand';
  readonly input: PlanNode;
  /** Output column positions holding the expanded values, and the type each is cast to. */
  readonly columns: readonly { readonly index: number; readonly type: ScalarType }[];
  readonly limit: number;
  /** `kind=array` / `bagexpansion=array`: a bag's properties become `[key, value]` arrays, not `{key: value}` bags. */
  readonly bagAsArray: boolean;
  /** `with_itemindex=Name`: a last column holding each element's zero-based index. */
  readonly itemIndex: boolean;
}

/** `parse`: appends one column per capture of `regex` over `source`. */
export interface ParseNode extends Base {
  readonly kind: 'Parse';
  readonly input: PlanNode;
  readonly source: BoundExpr;
  readonly regex: RegExp;
  readonly captures: readonly { readonly type: ScalarType; readonly replace?: number }[];
  /** kind=relaxed: a typed column that does not convert is null on its own; otherwise the whole row fails. */
  readonly relaxed?: boolean;
}

/** On the merge side, the concatenated outputs of every device's part number `id`. */
export interface ExchangeNode extends Base { readonly kind: 'Exchange'; readonly id: number }

/** What the query asks the client to draw (`render`): carried beside the rows, never an error. */
export interface ChartSpec {
  readonly type: string;
  readonly props: Readonly<Record<string, string | number | boolean>>;
}
