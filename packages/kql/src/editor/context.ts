import { type Frame, type Item, type Walk, isLetHead, tabularOf } from './frames.js';
import * as v from './vocabulary.js';

/**
 * What the cursor position asks for. Column scopes are query texts (earlier statements plus the
 * pipeline cut before a `|`) whose output schema holds the columns in scope.
 */
export interface Want {
  tables?: boolean;
  statementKeywords?: boolean;
  sourceKeywords?: boolean;
  operators?: boolean;
  /** Aggregates come first (after `summarize` and `,` in its aggregate list). */
  aggregates?: boolean;
  columns?: readonly string[];
  functions?: boolean;
  scalarLets?: boolean;
  types?: boolean;
  keywords?: readonly v.Word[];
}

const NONE: Want = {};
const BY: v.Word = { label: 'by', doc: 'Introduces the grouping or sort columns.', insertText: 'by ' };
const ON: v.Word = { label: 'on', doc: 'The join keys: on Col or on $left.a == $right.b.', insertText: 'on ' };
const WITH: v.Word = { label: 'with', doc: 'The pattern that follows: with "text" Column:type ...', insertText: 'with ' };
const FROM: v.Word = { label: 'from', doc: 'The first value of the series.' };
const TO: v.Word = { label: 'to', doc: 'The last value of the series.' };
const STEP: v.Word = { label: 'step', doc: 'The distance between values.' };
const STAR: v.Word = { label: '*', doc: 'Every column.' };

const OPERAND_KINDS = new Set(['Group', 'String', 'Long', 'Real', 'Timespan', 'RawLiteral']);

export function endsOperand(x: Item | undefined): boolean {
  if (!x) return false;
  if (OPERAND_KINDS.has(x.kind)) return true;
  return x.kind === 'Identifier' && !v.NON_OPERAND_WORDS.has(x.lower);
}

const isComma = (x: Item | undefined): boolean => x?.text === ',';

/** Decides what to offer from where the walk stopped; `text` is the whole query text. */
export function wantAt(text: string, walk: Walk): Want {
  const f = walk.frame;
  const scope = (): readonly string[] => {
    const t = tabularOf(f);
    if (t.pipeAt === undefined) return [];
    return [text.slice(0, walk.statementStart) + '\n' + text.slice(t.pipelineStart, t.pipeAt)];
  };
  const expr = (prev: Item | undefined, aggregates = false): Want => {
    if (prev?.text === '.') return NONE;
    if (endsOperand(prev)) return { keywords: v.INFIX_WORDS };
    return { columns: scope(), functions: true, scalarLets: true, aggregates };
  };
  const prev = f.items.at(-1);
  switch (f.kind) {
    case 'schema':
      return prev?.text === ':' ? { types: true } : NONE;
    case 'renderWith':
      if (prev === undefined || isComma(prev)) return { keywords: v.RENDER_PROPS };
      return prev.text === '=' && f.items.at(-2)?.lower === 'kind' ? { keywords: v.RENDER_KINDS } : NONE;
    case 'call':
      if (f.callee === 'dynamic') return NONE;
      if (f.callee === 'typeof') return { types: true };
      return expr(prev);
    case 'expr':
    case 'bracket':
      return expr(prev);
    case 'tabular':
      if (f.pipeAt === undefined) return sourceWant(f, expr);
      return operatorWant(f, text, walk, scope, expr);
  }
}

type ExprWant = (prev: Item | undefined, aggregates?: boolean) => Want;

/** The first part of a pipeline: a table, `let`, `datatable`, `print`, `range` or `union`. */
function sourceWant(f: Frame, expr: ExprWant): Want {
  let items = f.items;
  const atStatement = !f.parent;
  if (atStatement && items[0]?.lower === 'let') {
    if (items.length < 3) return NONE;
    if (isLetHead(items)) return { tables: true, sourceKeywords: true, functions: true, scalarLets: true };
    items = items.slice(3);
  }
  if (items.length === 0) {
    return { tables: true, sourceKeywords: true, statementKeywords: atStatement && f.items.length === 0 };
  }
  const prev = items.at(-1);
  const has = (w: string): boolean => items.some((x) => x.lower === w);
  switch (items[0]!.lower) {
    case 'print':
      return expr(items.length === 1 ? undefined : prev);
    case 'range':
      if (prev && ['from', 'to', 'step'].includes(prev.lower)) return expr(undefined);
      if (items.length === 1 || !endsOperand(prev)) return items.length === 1 ? NONE : expr(prev);
      if (items.length === 2) return { keywords: [FROM] };
      return has('step') ? NONE : has('to') ? { keywords: [STEP] } : { keywords: [TO] };
    case 'union':
      return unionWant(items.slice(1));
    default:
      return NONE;
  }
}

function unionWant(rest: readonly Item[]): Want {
  const prev = rest.at(-1);
  if (prev?.text === '=') return rest.at(-2)?.lower === 'kind' ? { keywords: v.UNION_KINDS } : NONE;
  if (prev === undefined || isComma(prev)) return { tables: true, keywords: prev ? [] : [v.KIND_PARAM] };
  if (prev.kind === 'Identifier' && rest.at(-2)?.text === '=') return { tables: true };
  return NONE;
}

/** After `| op`: what the operator's grammar expects next. */
function operatorWant(f: Frame, text: string, walk: Walk, scope: () => readonly string[], expr: ExprWant): Want {
  if (f.items.length === 0) return { operators: true };
  const op = f.items[0]!;
  if (op.kind !== 'Identifier') return NONE;
  const rest = f.items.slice(1);
  const prev = rest.at(-1);
  const start = prev === undefined || isComma(prev);
  const columnsOnly = (): Want => ({ columns: scope() });
  switch (op.lower) {
    case 'where':
    case 'filter':
    case 'extend':
    case 'project':
      return expr(prev);
    case 'project-away':
    case 'project-keep':
      return start ? columnsOnly() : NONE;
    case 'project-reorder':
      return start ? columnsOnly() : endsOperand(prev) ? { keywords: v.SORT_WORDS.slice(0, 2) } : NONE;
    case 'project-rename':
      return prev?.text === '=' ? columnsOnly() : NONE;
    case 'distinct': {
      // `distinct Name, Len = strlen(Name)`: expressions, as in project; `distinct *` alone.
      const e = expr(start ? undefined : prev);
      return prev ? e : { ...e, keywords: [...(e.keywords ?? []), STAR] };
    }
    case 'summarize': {
      const by = rest.findIndex((x) => x.lower === 'by');
      if (by >= 0) return expr(by === rest.length - 1 ? undefined : prev);
      // `summarize by Name` (no aggregate) is valid Kusto: offer `by` where the first aggregate could go.
      if (start && rest.length === 0) {
        const first = expr(undefined, true);
        return { ...first, keywords: [...(first.keywords ?? []), BY] };
      }
      if (start || prev?.text === '=') return expr(undefined, true);
      return endsOperand(prev) ? { keywords: [BY] } : expr(prev, true);
    }
    case 'order':
    case 'sort':
      if (rest.length === 0) return { keywords: [BY] };
      return rest[0]!.lower === 'by' ? sortKeyWant(rest.slice(1), expr) : NONE;
    case 'top': {
      const by = rest.findIndex((x) => x.lower === 'by');
      if (by < 0) return endsOperand(prev) ? { keywords: [BY] } : NONE;
      return sortKeyWant(rest.slice(by + 1), expr);
    }
    case 'join':
    case 'lookup':
      return joinWant(rest, text, walk, scope);
    case 'union':
      return unionWant(rest);
    case 'mv-expand':
    case 'mvexpand':
      // `mv-expand Col`, `mv-expand pack_array(a, b)` or `mv-expand x = expr`: an expression either way.
      if (start || prev?.text === '=') return expr(undefined);
      return NONE;
    case 'parse': {
      if (rest.some((x) => x.lower === 'with')) return NONE;
      if (prev?.text === '=') return rest.at(-2)?.lower === 'kind' ? { keywords: v.PARSE_KINDS } : NONE;
      if (prev === undefined || rest.at(-2)?.text === '=') return { ...expr(undefined), keywords: prev ? [] : [v.KIND_PARAM] };
      return endsOperand(prev) ? { keywords: [WITH] } : expr(prev);
    }
    case 'render':
      if (rest.length === 0) return { keywords: v.CHART_KINDS };
      if (prev?.text === '=') return rest.at(-2)?.lower === 'kind' ? { keywords: v.RENDER_KINDS } : NONE;
      return rest.length === 1 && prev?.kind === 'Identifier' ? { keywords: [v.WITH_PARENS] } : NONE;
    default:
      return NONE;
  }
}

function sortKeyWant(keys: readonly Item[], expr: ExprWant): Want {
  const prev = keys.at(-1);
  if (prev === undefined || isComma(prev)) return expr(undefined);
  if (prev.lower === 'asc' || prev.lower === 'desc') return { keywords: v.SORT_WORDS.slice(2) };
  if (prev.lower === 'nulls') return { keywords: v.NULLS_WORDS };
  if (prev.lower === 'first' || prev.lower === 'last') return NONE;
  return endsOperand(prev) ? { keywords: v.SORT_WORDS } : expr(prev);
}

/** `join [kind=k] [hint.x=y] Right on keys`: parameters, then the right side, then the keys of both sides. */
function joinWant(rest: readonly Item[], text: string, walk: Walk, scope: () => readonly string[]): Want {
  const prev = rest.at(-1);
  const on = rest.findIndex((x) => x.lower === 'on');
  if (on < 0) {
    if (prev?.text === '=') return rest.at(-2)?.lower === 'kind' ? { keywords: v.JOIN_KINDS } : NONE;
    const afterParam = prev?.kind === 'Identifier' && rest.at(-2)?.text === '=';
    if (prev === undefined || afterParam) {
      const hasKind = rest.some((x) => x.lower === 'kind');
      return { tables: true, keywords: hasKind ? [] : [v.KIND_PARAM] };
    }
    return endsOperand(prev) ? { keywords: [ON] } : NONE;
  }
  const right = rightSideText(rest.slice(0, on), text);
  const rightScope = right === undefined ? [] : [text.slice(0, walk.statementStart) + '\n' + right];
  if (prev?.text === '.') {
    const side = rest.at(-2)?.lower;
    if (side === '$left') return { columns: scope() };
    if (side === '$right') return { columns: rightScope };
    return NONE;
  }
  if (endsOperand(prev)) return NONE;
  return { columns: [...scope(), ...rightScope], keywords: v.JOIN_SIDES };
}

/** The text of a join's right side, without its parameters and outer parentheses. */
function rightSideText(head: readonly Item[], text: string): string | undefined {
  let i = 0;
  for (let k = 0; k < head.length; k++) if (head[k]!.text === '=') i = k + 2;
  const side = head.slice(i);
  if (side.length === 0) return undefined;
  const first = side[0]!;
  const last = side.at(-1)!;
  if (side.length === 1 && first.kind === 'Group') return text.slice(first.start + 1, Math.max(first.start + 1, first.end - 1));
  return text.slice(first.start, last.end);
}
