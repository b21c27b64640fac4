import type { Span } from './span.js';
import type { ScalarType } from '../types/scalar-type.js';
import type { Value } from '../values/value.js';

/**
 * The syntax tree. Every node has a `kind` discriminant and a `span`. The parser never throws:
 * a piece it could not read becomes a `Missing` node (or an empty list) plus a diagnostic, so the
 * tree is always complete enough to bind, complete and highlight.
 */

// ---------------------------------------------------------------- names

/** An identifier as written, with its span. `['Name with space']` and `["x"]` give the unquoted name. */
export interface Ident {
  readonly name: string;
  readonly span: Span;
}

// ---------------------------------------------------------------- scalar expressions

export interface Literal {
  readonly kind: 'Literal';
  readonly span: Span;
  readonly type: ScalarType;
  /** Already decoded: long/int/real → number, datetime → ms since epoch, timespan → ms, dynamic → JSON, guid → lower-case string. A typed null (`long(null)`) is `null`. */
  readonly value: Value;
}

export interface NameRef {
  readonly kind: 'Name';
  readonly span: Span;
  /** `$left` and `$right` come through as names too. */
  readonly name: string;
}

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%'
  | '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~' | '!~'
  | 'and' | 'or'
  | StringOp;

/** The string predicates, each also negated (`!has`) where Kusto has the negation. */
export type StringOp =
  | 'has' | '!has' | 'has_cs' | '!has_cs'
  | 'hasprefix' | '!hasprefix' | 'hasprefix_cs' | '!hasprefix_cs'
  | 'hassuffix' | '!hassuffix' | 'hassuffix_cs' | '!hassuffix_cs'
  | 'contains' | '!contains' | 'contains_cs' | '!contains_cs'
  | 'startswith' | '!startswith' | 'startswith_cs' | '!startswith_cs'
  | 'endswith' | '!endswith' | 'endswith_cs' | '!endswith_cs'
  | 'like' | '!like' | 'matches regex';

export interface Binary {
  readonly kind: 'Binary';
  readonly span: Span;
  readonly op: BinaryOp;
  readonly opSpan: Span;
  readonly left: Expr;
  readonly right: Expr;
}

export interface Unary {
  readonly kind: 'Unary';
  readonly span: Span;
  readonly op: '-' | '+';
  readonly operand: Expr;
}

export interface InList {
  readonly kind: 'In';
  readonly span: Span;
  /** `has_any`/`has_all` share the list syntax; the binder expands them into `has` terms. */
  readonly op: 'in' | '!in' | 'in~' | '!in~' | 'has_any' | 'has_all';
  readonly left: Expr;
  /** `x in (1, 2)`; a `dynamic([...])` item is expanded at evaluation. */
  readonly items: readonly Expr[];
}

export interface Between {
  readonly kind: 'Between';
  readonly span: Span;
  readonly negated: boolean;
  readonly left: Expr;
  readonly low: Expr;
  readonly high: Expr;
}

export interface Call {
  readonly kind: 'Call';
  readonly span: Span;
  readonly name: Ident;
  readonly args: readonly Expr[];
}

/** `d.prop`, `$left.Col`. */
export interface Member {
  readonly kind: 'Member';
  readonly span: Span;
  readonly target: Expr;
  readonly member: Ident;
}

/** `d[0]`, `d['key']`. */
export interface Index {
  readonly kind: 'Index';
  readonly span: Span;
  readonly target: Expr;
  readonly index: Expr;
}

/** `*` as an argument: `count(*)` is not Kusto, but `arg_max(x, *)` and `take_any(*)` are. */
export interface Star {
  readonly kind: 'Star';
  readonly span: Span;
}

/** A parenthesised expression, kept so spans and printing stay faithful. */
export interface Paren {
  readonly kind: 'Paren';
  readonly span: Span;
  readonly inner: Expr;
}

/** Where the parser expected an expression and found none. Always accompanied by a diagnostic. */
export interface Missing {
  readonly kind: 'Missing';
  readonly span: Span;
}

export type Expr = Literal | NameRef | Binary | Unary | InList | Between | Call | Member | Index | Star | Paren | Missing;
export type ExprKind = Expr['kind'];

/** `Name = expr`, `(a, b) = expr` or a bare `expr` in project, extend, summarize, print, by. */
export interface NamedExpr {
  readonly span: Span;
  /** Empty when the expression is unnamed; several names for a tuple assignment. */
  readonly names: readonly Ident[];
  readonly expr: Expr;
}

export interface SortKey {
  readonly span: Span;
  readonly expr: Expr;
  /** Undefined when not written: Kusto's default is `desc`. */
  readonly direction?: 'asc' | 'desc';
  /** Undefined when not written: `asc` defaults to nulls first, `desc` to nulls last. */
  readonly nulls?: 'first' | 'last';
}

/** `kind=leftouter`, `with (title='x')`, `hint.strategy=shuffle`: kept as written, checked by the binder. */
export interface OperatorParam {
  readonly span: Span;
  readonly name: Ident;
  /** A bare word value (`leftouter`, `stacked`) comes through as a string literal. */
  readonly value: Expr;
}

// ---------------------------------------------------------------- tabular sources

/** An entity, a `let` name, or an entity call such as `File('c:\x')`. */
export interface TableRef {
  readonly kind: 'TableRef';
  readonly span: Span;
  readonly name: Ident;
  /** Undefined when written without parentheses. */
  readonly args?: readonly Expr[];
}

export interface DatatableColumn {
  readonly name: Ident;
  readonly type: ScalarType;
  readonly typeSpan: Span;
}

export interface Datatable {
  readonly kind: 'Datatable';
  readonly span: Span;
  readonly columns: readonly DatatableColumn[];
  /** Row-major: `values.length` should be a multiple of `columns.length` (the binder checks). */
  readonly values: readonly Expr[];
}

export interface Print {
  readonly kind: 'Print';
  readonly span: Span;
  readonly items: readonly NamedExpr[];
}

export interface Range {
  readonly kind: 'Range';
  readonly span: Span;
  readonly column: Ident;
  readonly from: Expr;
  readonly to: Expr;
  readonly step: Expr;
}

/** `union T1, (T2 | where x)` as a query's first element. */
export interface UnionSource {
  readonly kind: 'UnionSource';
  readonly span: Span;
  readonly params: readonly OperatorParam[];
  readonly tables: readonly Tabular[];
}

/** `(T | where x)` used as a source. */
export interface SubQuery {
  readonly kind: 'SubQuery';
  readonly span: Span;
  readonly query: Tabular;
}

/** Where a table was expected and none was found. */
export interface MissingSource {
  readonly kind: 'MissingSource';
  readonly span: Span;
}

export type Source = TableRef | Datatable | Print | Range | UnionSource | SubQuery | MissingSource;

// ---------------------------------------------------------------- tabular operators

interface OperatorBase {
  readonly span: Span;
  /** The operator keyword, for completions and errors. */
  readonly keywordSpan: Span;
}

export interface Where extends OperatorBase { readonly kind: 'Where'; readonly predicate: Expr }
export interface Project extends OperatorBase { readonly kind: 'Project'; readonly items: readonly NamedExpr[] }
/** Names may hold `*` wildcards (`project-away Col*`). `keep` is `project-keep`: the named columns stay instead. */
export interface ProjectAway extends OperatorBase { readonly kind: 'ProjectAway'; readonly columns: readonly Ident[]; readonly keep?: boolean }
export interface ProjectRename extends OperatorBase {
  readonly kind: 'ProjectRename';
  readonly items: readonly { readonly span: Span; readonly newName: Ident; readonly oldName: Ident }[];
}
export interface ProjectReorder extends OperatorBase {
  readonly kind: 'ProjectReorder';
  readonly columns: readonly { readonly span: Span; readonly name: Ident; readonly direction?: 'asc' | 'desc' }[];
}
export interface Extend extends OperatorBase { readonly kind: 'Extend'; readonly items: readonly NamedExpr[] }
export interface Summarize extends OperatorBase {
  readonly kind: 'Summarize';
  readonly params: readonly OperatorParam[];
  readonly aggregates: readonly NamedExpr[];
  readonly by: readonly NamedExpr[];
}
export interface Count extends OperatorBase { readonly kind: 'Count' }
/** `distinct *` has `star: true` and no columns. */
export interface Distinct extends OperatorBase {
  readonly kind: 'Distinct';
  readonly star: boolean;
  readonly columns: readonly NamedExpr[];
}
/** `order by` and `sort by`. */
export interface Sort extends OperatorBase { readonly kind: 'Sort'; readonly keys: readonly SortKey[] }
export interface Top extends OperatorBase { readonly kind: 'Top'; readonly count: Expr; readonly keys: readonly SortKey[] }
/** `take` and `limit`. */
export interface Take extends OperatorBase { readonly kind: 'Take'; readonly count: Expr }

export type JoinCondition =
  /** `on Col`: the same column name on both sides. */
  | { readonly kind: 'Same'; readonly span: Span; readonly name: Ident }
  /** `on $left.a == $right.b`. */
  | { readonly kind: 'Equal'; readonly span: Span; readonly left: Expr; readonly right: Expr };

export interface Join extends OperatorBase {
  readonly kind: 'Join';
  /** `kind=...` and hints. */
  readonly params: readonly OperatorParam[];
  readonly right: Tabular;
  /** Empty when no `on` was written (the cmpivot dialect then joins on `Device`). */
  readonly on: readonly JoinCondition[];
}

export interface Union extends OperatorBase {
  readonly kind: 'Union';
  readonly params: readonly OperatorParam[];
  readonly tables: readonly Tabular[];
}

export interface MvExpandItem {
  readonly span: Span;
  readonly name?: Ident;
  readonly expr: Expr;
  /** `to typeof(long)`. */
  readonly toType?: ScalarType;
}
export interface MvExpand extends OperatorBase {
  readonly kind: 'MvExpand';
  readonly params: readonly OperatorParam[];
  readonly items: readonly MvExpandItem[];
  /** `limit N`. */
  readonly limit?: Expr;
}

export type ParsePart =
  | { readonly kind: 'Text'; readonly span: Span; readonly text: string }
  | { readonly kind: 'Column'; readonly span: Span; readonly name: Ident; readonly type: ScalarType }
  | { readonly kind: 'Star'; readonly span: Span };

export interface Parse extends OperatorBase {
  readonly kind: 'Parse';
  /** `kind=simple|regex|relaxed`. */
  readonly params: readonly OperatorParam[];
  readonly source: Expr;
  readonly pattern: readonly ParsePart[];
}

export interface Render extends OperatorBase {
  readonly kind: 'Render';
  /** The chart kind as written (`piechart`), or undefined when missing. */
  readonly chart?: Ident;
  /** The `with (...)` properties. */
  readonly props: readonly OperatorParam[];
}

/** After a `|` the parser found no operator it knows. */
export interface MissingOperator extends OperatorBase { readonly kind: 'MissingOperator' }

export type Operator =
  | Where | Project | ProjectAway | ProjectRename | ProjectReorder | Extend | Summarize | Count
  | Distinct | Sort | Top | Take | Join | Union | MvExpand | Parse | Render | MissingOperator;
export type OperatorKind = Operator['kind'];

/** A source followed by zero or more `| operator`. */
export interface Tabular {
  readonly kind: 'Tabular';
  readonly span: Span;
  readonly source: Source;
  readonly operators: readonly Operator[];
}

// ---------------------------------------------------------------- statements

export interface LetStatement {
  readonly kind: 'Let';
  readonly span: Span;
  readonly name: Ident;
  /** A scalar (`let n = 5`) or tabular (`let T = datatable(...)[...]`, `let T = Process | where ...`) value. */
  readonly value: Expr | Tabular;
}

export interface QueryStatement {
  readonly kind: 'Query';
  readonly span: Span;
  readonly query: Tabular;
}

export type Statement = LetStatement | QueryStatement;

/** The whole text: statements separated by `;`. */
export interface Script {
  readonly kind: 'Script';
  readonly span: Span;
  readonly statements: readonly Statement[];
}
