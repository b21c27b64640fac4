import type { Catalog, ColumnSchema, TableSchema } from '../types/schema.js';
import { EMPTY_CATALOG } from '../types/schema.js';
import { SCALAR_TYPES } from '../types/scalar-type.js';
import type { Dialect } from '../functions/function-types.js';
import { aggregateFunctions, scalarFunctions } from '../functions/registry.js';
import { lex } from '../syntax/lexer.js';
import type { Token } from '../syntax/token.js';
import { type Want, wantAt } from './context.js';
import { walkTo } from './frames.js';
import { letNames, schemaOf } from './scope.js';
import * as v from './vocabulary.js';

export interface Completion {
  readonly label: string;
  readonly kind: 'table' | 'column' | 'operator' | 'function' | 'aggregate' | 'keyword' | 'variable';
  /** A column's type, a function's signature, a table's parameters. */
  readonly detail?: string;
  readonly doc: string;
  /** What to insert when it differs from the label (`File('')`, `order by `, `['a b']`). */
  readonly insertText?: string;
}

export interface CompletionResult {
  readonly items: Completion[];
  /** The span of the word being replaced: from its start to its end (the cursor may sit inside it). */
  readonly from: number;
  readonly to: number;
}

export interface CompleteOptions {
  readonly catalog?: Catalog;
  readonly dialect?: Dialect;
}

const IDENT_PART = /[\p{L}\p{N}_]/u;
const isIdentPart = (text: string, i: number): boolean => i >= 0 && i < text.length && IDENT_PART.test(text[i]!);
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The word under the cursor; `project-a` and `mv-e` count as one word, as do `$left` and `!has`. */
function wordAt(text: string, offset: number): { from: number; to: number } {
  let from = offset;
  while (isIdentPart(text, from - 1)) from--;
  let to = offset;
  while (isIdentPart(text, to)) to++;
  if (text[from - 1] === '-') {
    let k = from - 1;
    while (isIdentPart(text, k - 1)) k--;
    let p = k - 1;
    while (p >= 0 && /\s/.test(text[p]!)) p--;
    if (/^(project|mv)$/i.test(text.slice(k, from - 1)) && text[p] === '|') from = k;
  } else if (text[from - 1] === '$' || (text[from - 1] === '!' && from < offset)) {
    from--;
  }
  return { from, to };
}

/** Strings, comments and raw literals are no place for completions. */
function insideLiteral(tokens: readonly Token[], offset: number): boolean {
  for (const t of tokens) {
    if (t.span.start >= offset) break;
    if (t.kind !== 'String' && t.kind !== 'Comment' && t.kind !== 'RawLiteral') continue;
    if (offset < t.span.end) return true;
    if (offset === t.span.end) {
      if (t.kind === 'Comment' || t.unterminated) return true;
      if (t.kind === 'RawLiteral' && !t.text.endsWith(')')) return true;
    }
  }
  return false;
}

/**
 * The candidates an editor should offer at `offset` in `text`, and the span they replace. Pure and
 * total: any text and any offset (clamped into the text) give an answer, never an exception.
 */
export function complete(text: string, offset: number, options: CompleteOptions = {}): CompletionResult {
  try {
    return completeOrThrow(text, offset, options);
  } catch {
    // An editor calls this on every keystroke: a defect must cost the list, not the session.
    const source = typeof text === 'string' ? text : '';
    const at = clampOffset(source, offset);
    return { items: [], ...wordAt(source, at) };
  }
}

const clampOffset = (text: string, offset: number): number =>
  Number.isFinite(offset) ? Math.max(0, Math.min(text.length, Math.trunc(offset))) : text.length;

/** `complete` without its safety net, so tests see the defects that it would hide. */
export function completeOrThrow(text: string, offset: number, options: CompleteOptions = {}): CompletionResult {
  const source = typeof text === 'string' ? text : '';
  const at = clampOffset(source, offset);
  const { from, to } = wordAt(source, at);
  const dialect: Dialect = options.dialect === 'kusto' ? 'kusto' : 'cmpivot';
  const tokens = lex(source, dialect).tokens;
  if (insideLiteral(tokens, at)) return { items: [], from: at, to: at };
  const typed = source.slice(from, at);
  if (/^[0-9]/.test(typed)) return { items: [], from, to };
  const walk = walkTo(tokens, from, v.NON_OPERAND_WORDS);
  const want = wantAt(source, walk);
  const all = candidates(want, source.slice(0, walk.statementStart), options.catalog ?? EMPTY_CATALOG, dialect);
  return { items: rank(all, typed), from, to };
}

function candidates(want: Want, before: string, catalog: Catalog, dialect: Dialect): Completion[] {
  const out: Completion[] = [];
  const lets = want.tables || want.scalarLets ? letNames(before, catalog, dialect) : [];
  if (want.operators) out.push(...v.OPERATORS.map((w) => word(w, 'operator')));
  if (want.aggregates) {
    for (const f of aggregateFunctions.values()) out.push(fn(f.name, f.doc, f.maxArgs, 'aggregate'));
  }
  if (want.columns) {
    const docs = columnDocs(catalog);
    const seen = new Set<string>();
    for (const scopeText of want.columns) {
      for (const c of schemaOf(scopeText, catalog, dialect)) {
        if (seen.has(c.name)) continue;
        seen.add(c.name);
        out.push(column(c, docs.get(c.name)));
      }
    }
  }
  if (want.tables) {
    for (const l of lets) {
      if (l.tabular) out.push({ label: l.name, kind: 'table', detail: 'let', doc: `The table bound by let ${l.name}.` });
    }
    for (const t of catalog.tables) out.push(table(t));
  }
  if (want.scalarLets) {
    for (const l of lets) {
      if (!l.tabular) out.push({ label: l.name, kind: 'variable', detail: 'let', doc: `The value bound by let ${l.name}.` });
    }
  }
  if (want.functions) {
    const names = [...scalarFunctions.keys()].sort();
    for (const name of names) {
      const f = scalarFunctions.get(name)!;
      out.push(fn(f.name, f.doc, f.maxArgs, 'function'));
    }
  }
  if (want.types) {
    for (const t of SCALAR_TYPES) out.push({ label: t, kind: 'keyword', doc: `The ${t} type.` });
  }
  if (want.keywords) out.push(...want.keywords.map((w) => word(w, 'keyword')));
  if (want.sourceKeywords) out.push(...v.SOURCE_KEYWORDS.map((w) => word(w, 'keyword')));
  if (want.statementKeywords) out.push(...v.STATEMENT_KEYWORDS.map((w) => word(w, 'keyword')));
  return out;
}

/** Keeps the items that match what was typed: prefix matches first, then substring ones; order otherwise kept. */
function rank(items: readonly Completion[], typed: string): Completion[] {
  const p = typed.toLowerCase();
  const seen = new Set<string>();
  const prefix: Completion[] = [];
  const inner: Completion[] = [];
  for (const c of items) {
    const key = `${c.kind}:${c.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const l = c.label.toLowerCase();
    if (l.startsWith(p)) prefix.push(c);
    else if (p !== '' && l.includes(p)) inner.push(c);
  }
  return [...prefix, ...inner];
}

const word = (w: v.Word, kind: Completion['kind']): Completion =>
  (w.insertText === undefined ? { label: w.label, kind, doc: w.doc } : { label: w.label, kind, doc: w.doc, insertText: w.insertText });

function fn(name: string, doc: string, maxArgs: number, kind: 'function' | 'aggregate'): Completion {
  // Most registry docs open with their signature (`substring(s, start[, length]): ...`).
  const m = doc.startsWith(`${name}(`) ? /^([^:]*\))(?::|\s|$)/.exec(doc) : null;
  const detail = m ? m[1]! : maxArgs === 0 ? `${name}()` : `${name}(…)`;
  return maxArgs === 0 ? { label: name, kind, detail, doc, insertText: `${name}()` } : { label: name, kind, detail, doc };
}

function column(c: ColumnSchema, catalogDoc: string | undefined): Completion {
  const doc = c.doc ?? catalogDoc ?? `A ${c.type} column.`;
  const base = { label: c.name, kind: 'column' as const, detail: c.type, doc };
  return PLAIN_NAME.test(c.name) ? base : { ...base, insertText: `['${c.name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']` };
}

/** Column docs by name from the catalog: the binder's output schema does not carry them through. */
function columnDocs(catalog: Catalog): Map<string, string> {
  const docs = new Map<string, string>();
  for (const t of catalog.tables) for (const c of t.columns) if (c.doc && !docs.has(c.name)) docs.set(c.name, c.doc);
  return docs;
}

function table(t: TableSchema): Completion {
  const params = t.parameters ?? [];
  const doc = t.doc ?? `An entity with ${t.columns.length} column${t.columns.length === 1 ? '' : 's'}.`;
  if (params.length === 0) return { label: t.name, kind: 'table', doc };
  const detail = `${t.name}(${params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type}`).join(', ')})`;
  const first = params.find((p) => !p.optional);
  if (first === undefined) return { label: t.name, kind: 'table', detail, doc };
  return { label: t.name, kind: 'table', detail, doc, insertText: first.type === 'string' ? `${t.name}('')` : `${t.name}()` };
}
