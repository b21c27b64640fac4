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
    if (ourErrors.length === 0) out.push({ check: 'mutant', agree: false, signature: `mutant/accepted ${q.mutation.split(' ')[0]} ${theirErrors[0]!.code}`, detail: theirErrors[0]!.message });
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
  const expected = oracle.completions(text, at).filter((c) => COMPARED_KINDS.has(c.kind) && c.name.toLowerCase().startsWith(prefix)
    && (c.kind !== 'operator' || operators.has(c.name))
    && (c.kind !== 'function' || functions.has(c.name))
    && (c.kind !== 'aggregate' || aggregates.has(c.name)));
  if (expected.length === 0) return { check: 'completion', agree: true };
  const ours = new Set(engine.complete(text, at).items.map((i) => i.label));
  const missing = expected.filter((c) => !ours.has(c.name));
  if (1 - missing.length / expected.length >= COMPLETION_THRESHOLD) return { check: 'completion', agree: true };
  const before = text.slice(0, at).trimEnd().slice(-12).replace(/\s+/g, ' ');
  return {
    check: 'completion', agree: false,
    // Grouped by what the cursor follows (`|`, `=`, `by`, `join`…): one engine gap misses many names at once.
    signature: `completion/missing ${missing[0]!.kind} after '${contextWord(text.slice(0, at - prefix.length))}'`,
    detail: `at ${at} after '${before}': missing ${missing.length}/${expected.length}: ${missing.slice(0, 8).map((m) => `${m.kind}:${m.name}`).join(' ')}`,
  };
}

/** The token before the word being completed: a keyword or a punctuation mark; any other name is `name`. */
function contextWord(before: string): string {
  const t = /(?:[A-Za-z_][\w-]*|[^\s\w])\s*$/.exec(before.replace(/\/\/[^\n]*$/gm, ''))?.[0].trim() ?? '';
  if (t === '') return 'start';
  const keywords = ['by', 'join', 'kind', 'on', 'with', 'summarize', 'where', 'extend', 'project', 'project-rename', 'project-away', 'and', 'or', 'let', 'union'];
  return /^[A-Za-z_]/.test(t) && !keywords.includes(t) ? 'name' : t;
}
