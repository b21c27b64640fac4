import type { KustoOracle, OracleCompletionKind } from '../kusto-oracle.js';
import type { GenQuery } from './queries.js';

/**
 * The differential checks of one generated query against the Kusto oracle. The engine is passed in
 * (structurally typed), so testkit does not depend on the engine package.
 */
export interface EngineLike {
  analyze(text: string): {
    readonly diagnostics: readonly { readonly code: string; readonly severity: string; readonly message: string; readonly span: { readonly start: number; readonly end: number } }[];
    readonly schema: readonly { readonly name: string; readonly type: string }[];
  };
  complete(text: string, offset: number): { readonly items: readonly { readonly label: string; readonly kind: string }[] };
  /** Names the engine implements: Kusto's completions of other names are not expected from it. */
  readonly names: { readonly operators: ReadonlySet<string>; readonly functions: ReadonlySet<string>; readonly aggregates: ReadonlySet<string> };
}

export type CheckKind = 'validity' | 'schema' | 'mutant' | 'completion' | 'unsupported';
export interface CheckResult {
  readonly check: CheckKind;
  readonly agree: boolean;
  /** Groups disagreements of the same kind: the check plus the first differing feature or diagnostic. */
  readonly signature?: string;
  readonly detail?: string;
}

/** Drops what varies between instances of one problem: quoted names after the first, numbers. */
export function normalizeMessage(m: string): string {
  let seen = 0;
  return m.replace(/'[^']*'/g, (q) => (seen++ === 0 ? q : "'…'")).replace(/\d+/g, 'N').slice(0, 90);
}

/**
 * What kind of mutant the engine accepted. A deletion or swap can leave a word where Kusto wants a
 * keyword (`| project Count` loses `project`, leaving `| Count`): when Kusto accepts the text once the
 * word at its first error is in lower case, the mutant is a case difference in disguise (`recase`),
 * which the cmpivot dialect allows; the kusto dialect still refuses it (its engine rejects these).
 */
function acceptedKind(q: GenQuery, oracle: KustoOracle, first: { readonly start: number }): string {
  const op = q.mutation!.split(' ')[0]!;
  if (op === 'recase' || op === 'backslash') return op;
  const word = /^[A-Za-z_]\w*/.exec(q.text.slice(first.start))?.[0];
  if (word === undefined || word === word.toLowerCase()) return op;
  const lowered = q.text.slice(0, first.start) + word.toLowerCase() + q.text.slice(first.start + word.length);
  return oracle.analyze(lowered).valid ? `recase(${op})` : op;
}

const COMPARED_KINDS: ReadonlySet<OracleCompletionKind> = new Set(['table', 'column', 'operator', 'function', 'aggregate', 'keyword']);
export const COMPLETION_THRESHOLD = 0.9;

export function checkQuery(q: GenQuery, oracle: KustoOracle, engine: EngineLike, cursors: readonly number[] = []): CheckResult[] {
  const theirs = oracle.analyze(q.text);
  const ours = engine.analyze(q.text);
  const ourErrors = ours.diagnostics.filter((d) => d.severity === 'error');
  const theirErrors = theirs.diagnostics.filter((d) => d.severity === 'Error');
  const out: CheckResult[] = [];
  if (q.mutation !== undefined) {
    // A mutant only obliges the engine when Kusto rejects it: reject too, pointing inside the text.
    if (theirs.valid) return out;
    const inside = ourErrors.some((d) => d.span.start >= 0 && d.span.end <= q.text.length && d.span.start <= d.span.end);
    if (ourErrors.length === 0) out.push({ check: 'mutant', agree: false, signature: `mutant/accepted ${acceptedKind(q, oracle, theirErrors[0]!)} ${theirErrors[0]!.code}`, detail: theirErrors[0]!.message });
    else out.push(inside ? { check: 'mutant', agree: true } : { check: 'mutant', agree: false, signature: 'mutant/span-outside-text' });
    return out;
  }
  if (!q.supported) {
    // Outside the supported set the engine must say so (an error), or agree with Kusto outright.
    // When Kusto rejects it for another reason, the query says nothing about the unsupported feature.
    if (!theirs.valid) return out;
    const tag = q.tags.find((t) => t.startsWith('unsupported:')) ?? 'unsupported:?';
    const agreesOutright = ourErrors.length === 0 && sameSchema(ours.schema, theirs.columns) === null;
    const ok = ourErrors.length > 0 || agreesOutright;
    out.push(ok ? { check: 'unsupported', agree: true } : { check: 'unsupported', agree: false, signature: `unsupported/accepted-wrongly ${tag}` });
    return out;
  }
  if ((ourErrors.length > 0) !== !theirs.valid) {
    out.push(ourErrors.length > 0
      ? { check: 'validity', agree: false, signature: `validity/engine-only-error ${ourErrors[0]!.code} ${normalizeMessage(ourErrors[0]!.message)}`, detail: ourErrors[0]!.message }
      : { check: 'validity', agree: false, signature: `validity/kusto-only-error ${theirErrors[0]!.code} ${normalizeMessage(theirErrors[0]!.message)}`, detail: theirErrors[0]!.message });
    return out;
  }
  out.push({ check: 'validity', agree: true });
  if (theirs.valid) {
    const diff = sameSchema(ours.schema, theirs.columns);
    out.push(diff === null ? { check: 'schema', agree: true } : { check: 'schema', agree: false, signature: `schema/${diff.kind} ${diff.what}`, detail: diff.detail });
  }
  for (const at of cursors) out.push(checkCompletion(q.text, at, oracle, engine));
  return out;
}

function sameSchema(ours: readonly { name: string; type: string }[], theirs: readonly { name: string; type: string }[]): { kind: string; what: string; detail: string } | null {
  const detail = `ours ${ours.map((c) => `${c.name}:${c.type}`).join(', ')} | kusto ${theirs.map((c) => `${c.name}:${c.type}`).join(', ')}`;
  for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
    const a = ours[i];
    const b = theirs[i];
    if (!a || !b) return { kind: 'count', what: `${ours.length} vs ${theirs.length}`, detail };
    if (a.name !== b.name) return { kind: 'name', what: `${a.name.replace(/\d+$/, 'N')} vs ${b.name.replace(/\d+$/, 'N')}`, detail };
    if (a.type !== b.type) return { kind: 'type', what: `${a.type} vs ${b.type}`, detail };
  }
  return null;
}

function checkCompletion(text: string, at: number, oracle: KustoOracle, engine: EngineLike): CheckResult {
  const { operators, functions, aggregates } = engine.names;
  // Kusto lists every candidate and lets the editor filter by the word typed so far; the engine filters itself.
  const prefix = (/[\w-]*$/.exec(text.slice(0, at))?.[0] ?? '').toLowerCase();
  const before = text.slice(0, at - prefix.length);
  // Kusto's list is generous: it offers names where none could bind. Those are not expected of the engine:
  // functions in a list of column names (`project-away`), and any name right after a complete operand.
  const noCalls = COLUMN_LIST_OPERATORS.has(segmentOperator(before));
  const offered = oracle.completions(text, at);
  // Kusto offering infix words (`and`, `startswith`…) says itself that an operand precedes the cursor:
  // only such a word may follow, whatever else it lists.
  const noNames = followsOperand(before) || offered.some((c) => INFIX_WORDS.has(c.name));
  const expected = offered.filter((c) => COMPARED_KINDS.has(c.kind) && c.name.toLowerCase().startsWith(prefix)
    && (c.kind !== 'operator' || operators.has(c.name))
    // Query hints steer Kusto's distributed engine; the engine has none to offer (it ignores `hint.*`).
    && !c.name.startsWith('hint.')
    && (c.kind !== 'function' || (functions.has(c.name) && !noCalls && !noNames))
    && (c.kind !== 'column' || !noNames)
    && (c.kind !== 'aggregate' || aggregates.has(c.name)));
  if (expected.length === 0) return { check: 'completion', agree: true };
  // A keyword offered with what must follow it (`kind=`, `nulls first`) counts as the keyword.
  const ours = new Set(engine.complete(text, at).items.flatMap((i) => [i.label, /^[\w-]+/.exec(i.label)?.[0] ?? i.label]));
  const missing = expected.filter((c) => !ours.has(c.name));
  if (1 - missing.length / expected.length >= COMPLETION_THRESHOLD) return { check: 'completion', agree: true };
  const tail = text.slice(0, at).trimEnd().slice(-12).replace(/\s+/g, ' ');
  return {
    check: 'completion', agree: false,
    // Grouped by what the cursor follows (`|`, `=`, `by`, `join`…): one engine gap misses many names at once.
    signature: `completion/missing ${missing[0]!.kind} after '${contextWord(before)}'`,
    detail: `at ${at} after '${tail}': missing ${missing.length}/${expected.length}: ${missing.slice(0, 8).map((m) => `${m.kind}:${m.name}`).join(' ')}`,
  };
}

const INFIX_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'contains', 'startswith', 'endswith', 'has', 'in', 'between', 'matches regex']);

/** Words after which an expression may start: query operators, their keywords, infix operators. */
const EXPRESSION_STARTERS: ReadonlySet<string> = new Set(('where filter project extend summarize by on and or not with kind top take limit order sort ' +
  'asc desc nulls first last join union let print range from to step distinct count parse mv-expand mvexpand render serialize ' +
  'project-away project-keep project-rename project-reorder in between has contains startswith endswith matches regex like ' +
  'hasprefix hassuffix has_cs contains_cs startswith_cs endswith_cs hasprefix_cs hassuffix_cs has_any has_all notcontains ' +
  'notcontainscs notlike likecs notlikecs in~ return datatable').split(' '));

/** Operators that take column names only (Kusto refuses a call there: `project-away tolower(x)`). */
const COLUMN_LIST_OPERATORS = new Set(['project-away', 'project-keep', 'project-reorder', 'project-rename']);

/** The operator word after the last pipe before the cursor (no nesting awareness needed for generated queries). */
function segmentOperator(before: string): string {
  const pipe = before.lastIndexOf('|');
  return pipe < 0 ? '' : (/^\s*([\w-]+)/.exec(before.slice(pipe + 1))?.[1] ?? '').toLowerCase();
}

/**
 * The text ends in a closed group or a literal (only an infix operator or a keyword may follow), or in
 * the `!` of a negated infix operator being typed (`!contains`).
 */
function followsOperand(before: string): boolean {
  if (/!$/.test(before)) return true;
  // A bare name that is no keyword is a whole operand: `where (a s|` can only go on with an infix word.
  const word = /(?:^|[^\w$.-])([A-Za-z_][\w-]*)\s+$/.exec(before)?.[1];
  if (word !== undefined && !EXPRESSION_STARTERS.has(word.toLowerCase())) return true;
  return /(?:[)\]]|\b\d+(?:\.\d+)?|\b(?:true|false)|"[^"]*"|'[^']*')\s+$/.test(before);
}

/** The token before the word being completed: a keyword or a punctuation mark; any other name is `name`. */
function contextWord(before: string): string {
  const t = /(?:[A-Za-z_][\w-]*|[^\s\w])\s*$/.exec(before.replace(/\/\/[^\n]*$/gm, ''))?.[0].trim() ?? '';
  if (t === '') return 'start';
  const keywords = ['by', 'join', 'kind', 'on', 'with', 'summarize', 'where', 'extend', 'project', 'project-rename', 'project-away', 'and', 'or', 'let', 'union'];
  return /^[A-Za-z_]/.test(t) && !keywords.includes(t) ? 'name' : t;
}
