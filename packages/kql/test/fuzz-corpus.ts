import { openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateFunctions, analyze, runQuery, scalarFunctions, type Dialect } from '../src/index.js';
import { seededRandom, type Rng } from '@openpivot/testkit';

/**
 * Inputs for the fuzz test (fuzz.test.ts). Every case is a pure function of (seed, index), so one
 * failing case is reproduced on its own, and the parent can rebuild the input of a case whose child
 * process hung or died without the child having to send it.
 */

export type { Rng };
export const rng = seededRandom;

const int = (r: Rng, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

/** Our own seeds: the operators and literal forms the golden files may not reach yet. */
export const OWN_SEEDS: readonly string[] = [
  "Process | where Name has 'svc' and Size > 10 | summarize count() by Device | order by count_ desc | take 5",
  "Device | join kind=leftouter (File('c:\\\\windows\\\\x.sys') | where Size > 0) on Device",
  'let T = datatable(a:long, b:string)[1, "x", 2, "y"]; T | extend c = a * 2 | project-away b',
  'OperatingSystem | where LastBootUpTime <= ago(7d) | summarize count() by bin(LastBootUpTime, 1d) | render timechart',
  "print x = dynamic({'a': [1, 2.5, -3], 'd': datetime(2020-01-01)}), y = timespan(1.02:03:04), g = guid(74be27de-1e4e-49d9-b579-fe0b331d3642)",
  'datatable(s:string)["a=1;b=2", "x"] | parse kind=regex s with "a=" A:long ";b=" B:long',
  'datatable(s:string)["k1 v1"] | parse s with K " " V',
  'print d = dynamic([1, [2, 3], {"a": null}]) | mv-expand d to typeof(string) limit 10',
  "range x from 1 to 10 step 2 | where x between (2 .. 5) and x !in (3, 4) | top 3 by x asc nulls last",
  'union withsource=S (print a = 1), (print a = 2, b = "z") | project-rename A = a | project-reorder A desc | distinct *',
  "datatable(a:string)['A', 'b'] | where a matches regex '[0-9]+' or a !contains_cs @'c:\\x' or a in~ ('A', h'b')",
  'range x from 1 to 50 step 1 | summarize percentiles(x, 5, 50, 95), make_set(x % 3), arg_max(x, *) by bin(x, 10)',
  'range i from 0 to 20 step 1 | extend s = strcat("n", i), t = datetime(2024-01-01) + i * 1h | summarize dcount(s), min(t), max(t), avg(i), stdev(i)',
  'let n = 5; let f = (x: long) { x * n }; range x from 1 to n step 1 | extend y = f(x)',
  'print a = 1 | as T | join kind=inner (print a = 1, b = 2) on $left.a == $right.a',
  'range x from 1 to 5 step 1 | join kind=fullouter (range y from 3 to 8 step 1 | project x = y, y) on x | count',
  'print s = "x" | extend l = split("a,b,c", ","), j = parse_json(\'{"k": [1, 2]}\') | extend k = j.k[1], m = j["k"]',
  'range t from datetime(2024-01-01) to datetime(2024-01-02) step 1h | summarize c = count() by bin(t, 6h) | render columnchart with (title="x")',
  'print iff(true, 1, 2), case(1 > 2, "a", "b"), coalesce(int(null), 5), tostring(1.5), toint("7"), todatetime("2024-02-29")',
  'datatable(d:dynamic)[dynamic({"a": 1}), dynamic([1, 2])] | extend t = gettype(d), n = array_length(d), b = bag_keys(d)',
  'print x = 1 // trailing comment\n| extend y = x + 1 // another\n| project y',
  'print replace_regex("aaa", "a+", "b"), extract("([0-9]+)", 1, "ab123"), countof("aaa", "a"), substring("hello", 1, 3)',
  'range x from 1 to 3 step 1 | summarize take_any(x), any(x), count_distinct(x), countif(x > 1), sumif(x, x < 3)',
  'print startofweek(now()), endofmonth(ago(1d)), dayofweek(datetime(2024-01-15)), format_datetime(now(), "yyyy-MM-dd")',
];

/** The golden queries, read now: the folder keeps growing, and each new file is a new seed. */
export function loadSeeds(dir: string): string[] {
  const walk = (d: string): string[] => readdirSync(d).sort().flatMap((name) => {
    const path = join(d, name);
    if (statSync(path).isDirectory()) return walk(path);
    return name.endsWith('.kql') ? [readFileSync(path, 'utf8')] : [];
  });
  return [...walk(dir), ...OWN_SEEDS];
}

/** Queries that would run a long time if nothing stopped them: the deadline must. */
export const HEAVY: readonly string[] = [
  'range x from 1 to 100000000 step 1 | summarize count() by x',
  'range x from 1 to 9999999 step 1 | summarize count() by x',
  'range x from 1 to 9999999 step 1 | extend s = strcat("k", x % 1000003) | summarize dcount(s), make_set(s) by x % 7',
  'range x from 1 to 9999999 step 1 | order by x desc',
  'range x from 1 to 9999999 step 1 | top 5 by hash_sha256(tostring(x))',
  'range x from 1 to 5000 step 1 | join kind=inner (range y from 1 to 5000 step 1 | extend x = 1) on x | count',
  'range x from 1 to 5000 step 1 | extend k = 1 | join kind=inner (range y from 1 to 5000 step 1 | extend k = 1) on k | summarize sum(x * y)',
  'range x from 1 to 9999999 step 1 | extend d = dynamic([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) | mv-expand d | count',
  'range x from 1 to 9999999 step 1 | summarize percentiles(x, 1, 50, 99), make_list(x) by bin(x, 3)',
  'range x from 1 to 9999999 step 1 | where tostring(x) matches regex "^(1+)+2$" | count',
  'print s = strrep("abc", 100000000)',
  'range x from 1 to 9999999 step 1 | extend s = strrep("ab", 100) | summarize make_list(s)',
  'range x from 1 to 9999999 step 1 | distinct x | count',
  'range x from 1 to 9999999 step 1 | extend y = x | union (range x from 1 to 9999999 step 1) | summarize count() by x % 10',
];

const OPERATORS = [
  'where', 'filter', 'project', 'project-away', 'project-rename', 'project-reorder', 'project-keep', 'extend',
  'summarize', 'count', 'distinct', 'order by', 'sort by', 'top', 'take', 'limit', 'join', 'union', 'mv-expand',
  'mvexpand', 'parse', 'render', 'lookup', 'mv-apply', 'make-series', 'serialize', 'evaluate', 'as', 'invoke',
  'search', 'sample', 'getschema', 'parse-where', 'top-nested',
];
const WORDS = [
  'by', 'on', 'with', 'kind=', 'kind=inner', 'kind=leftouter', 'kind=regex', 'and', 'or', 'not', 'between', 'in',
  '!in', 'in~', '!in~', 'has', '!has', 'has_cs', 'contains', '!contains', 'contains_cs', 'startswith', 'endswith',
  '!startswith', 'matches regex', 'has_any', 'has_all', 'asc', 'desc', 'nulls first', 'nulls last', 'let', 'datatable',
  'print', 'range', 'from', 'to', 'step', 'union', 'withsource=', '$left', '$right', '$left.x', 'typeof(long)',
  'limit', 'bagexpansion=array', 'hint.strategy=shuffle', 'set', 'declare', 'materialize(', 'toscalar(', 'iff',
];
const SYMBOLS = [
  '|', '(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '..', '=', '==', '!=', '<>', '=~', '!~', '<', '<=', '>', '>=',
  '+', '-', '*', '/', '%', '=>', '@', '!', '~', '?', '//', '\n', '\n| ',
];
const LITERALS = [
  '0', '1', '-1', '42', '1.5', '.5', '1e308', '1e309', '-1e-320', '9223372036854775807', '9223372036854775808',
  '-9223372036854775808', '0x7fffffffffffffff', '0xFFFFFFFFFFFFFFFFF', '0x', '1d', '2h', '30m', '10s', '100ms', '1tick',
  '5microseconds', '3.5days', '1e3d', 'datetime(2024-01-01)', 'datetime(2024-13-45 25:61)', 'datetime(null)',
  'datetime()', 'datetime(9999-12-31 23:59:59.9999999)', 'datetime(0001-01-01)', 'timespan(1.02:03:04)',
  'timespan(-1d)', 'time(null)', 'dynamic([1, 2, 3])', 'dynamic({"a": 1, "b": [true, null]})', 'dynamic(null)',
  'dynamic([', 'dynamic({"a":})', 'guid(74be27de-1e4e-49d9-b579-fe0b331d3642)', 'guid(nope)', "'str'", '"str"',
  "@'c:\\x'", "h'hidden'", '```multi\nline```', "'esc\\'aped'", "'\\u00e9\\x'", 'true', 'false', 'bool(null)',
  'long(null)', 'int(null)', 'real(nan)', 'real(+inf)', 'real(-inf)', 'string(null)', 'decimal(1.5)',
];
const IDENTS = [
  'x', 'y', 'a', 'b', 's', 'Name', 'Device', 'T', 'count_', 'Column1', "['weird name']", '["a b"]', 'Process',
  'File', 'Registry', 'OperatingSystem', 'Service', 'x.y', 'd.a[0]', 'Size', 'LastBootUpTime', '_x', 'ÉtéÄ',
];
const FUNCTIONS = [...scalarFunctions.keys(), ...aggregateFunctions.keys(), 'nosuchfunc', 'COUNT', 'Strlen'];
const CHARS = [
  ...'|()[]{}\'"@\\/*=!~<>.,;:-+%$#`?&^'.split(''), ...'0123456789'.split(''),
  ...'abcdefhstxyzABTXZ_'.split(''), ' ', ' ', ' ', '\t', '\n', '\r\n', '\r', '\u0000', '\u00a0', '\ufeff', '\u2028',
  'é', 'ß', '日本', '\u{1F600}', '\uD800', '\uDC00', '\uDBFF', '\u0301', '\u202e', '\uFFFF',
];
const KQL_HEAVY_CHARS = '|()[]\'"=.,'.split('');
const VOCAB = [...OPERATORS, ...WORDS, ...SYMBOLS, ...LITERALS, ...IDENTS, ...FUNCTIONS.map((f) => f + '(')];

/** (a) Random characters, weighted towards the ones KQL gives meaning to. */
function randomChars(r: Rng): string {
  const n = int(r, 201);
  let s = '';
  for (let i = 0; i < n; i++) s += r() < 0.3 ? pick(r, KQL_HEAVY_CHARS) : pick(r, CHARS);
  return s;
}

/** (b) Random tokens: token soup, or a pipeline shaped like a query with random expressions. */
function randomTokens(r: Rng): string {
  if (r() < 0.4) {
    const n = int(r, 40);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(pick(r, VOCAB));
    return parts.join(r() < 0.8 ? ' ' : '');
  }
  const source = pick(r, [
    () => `print ${expr(r, 3)}`, () => `print v = ${expr(r, 3)}, w = ${expr(r, 2)}`,
    () => `range x from ${pick(r, LITERALS)} to ${int(r, 100)} step ${pick(r, ['1', '2', '1d', '-1', '0'])}`,
    () => `datatable(x:long, s:string, d:dynamic)[${int(r, 5)}, ${pick(r, LITERALS)}, ${pick(r, LITERALS)}]`,
    () => pick(r, IDENTS), () => `union (print x = 1), (print x = ${expr(r, 2)})`,
  ])();
  const pipes = int(r, 5);
  let q = source;
  for (let i = 0; i < pipes; i++) {
    const op = pick(r, OPERATORS);
    const body = pick(r, [
      () => expr(r, 3), () => `${pick(r, IDENTS)} = ${expr(r, 2)}`, () => `${int(r, 20)} by ${expr(r, 2)}`,
      () => `${pick(r, FUNCTIONS)}(${expr(r, 1)}) by ${expr(r, 2)}`, () => `${pick(r, IDENTS)}, ${pick(r, IDENTS)}`,
      () => `kind=${pick(r, ['inner', 'leftouter', 'fullouter', 'leftanti', 'rightsemi', 'nope'])} (print x = 1) on x`, () => '',
    ])();
    q += `${r() < 0.2 ? '\n' : ' '}| ${op} ${body}`;
  }
  return q;
}

/** A random expression `depth` levels deep: literals, names, calls, operators. */
function expr(r: Rng, depth: number): string {
  if (depth <= 0 || r() < 0.25) return r() < 0.5 ? pick(r, LITERALS) : pick(r, IDENTS);
  switch (int(r, 6)) {
    case 0: {
      const n = int(r, 4);
      const args = Array.from({ length: n }, () => expr(r, depth - 1));
      return `${pick(r, FUNCTIONS)}(${args.join(', ')})`;
    }
    case 1: return `${expr(r, depth - 1)} ${pick(r, [...SYMBOLS.slice(9, 24), 'and', 'or', 'has', 'contains', '=~', 'in~'])} ${expr(r, depth - 1)}`;
    case 2: return `(${expr(r, depth - 1)})`;
    case 3: return `${expr(r, depth - 1)} ${pick(r, ['in', '!in', 'in~'])} (${expr(r, 0)}, ${expr(r, 0)})`;
    case 4: return `${expr(r, depth - 1)} between (${expr(r, 0)} .. ${expr(r, 0)})`;
    default: return `${pick(r, ['-', 'not', '!', '+'])}${pick(r, ['', ' ', '('])}${expr(r, depth - 1)}`;
  }
}

/** Deep or long shapes: recursion in the parser, binder or evaluator must not overflow the stack. */
function stress(r: Rng): string {
  const n = pick(r, [100, 1000, 5000, 20000]);
  const inner = pick(r, LITERALS);
  return pick(r, [
    () => '('.repeat(n), () => `print x = ${'('.repeat(n)}1${')'.repeat(n)}`, () => `print x = ${'-'.repeat(n)}1`,
    () => `print x = ${Array(n).fill('1').join(' + ')}`, () => `print x = ${Array(n).fill('true').join(' and ')}`,
    () => `print x = ${'not('.repeat(n)}true${')'.repeat(n)}`, () => `print x = ${'strcat('.repeat(n)}"a"${')'.repeat(n)}`,
    () => `print x = dynamic(${'['.repeat(n)}1${']'.repeat(n)})`, () => `print x = dynamic(${'['.repeat(n)}`,
    () => `${'('.repeat(n)}print 1${')'.repeat(n)}`, () => `print x = 1${' | where true'.repeat(Math.min(n, 5000))}`,
    () => `${Array.from({ length: Math.min(n, 3000) }, (_, i) => `let v${i} = ${i === 0 ? '1' : `v${i - 1} + 1`};`).join('')} print v0`,
    () => `print ${'['.repeat(n)}`, () => `print x = ${'{'.repeat(n)}`, () => `print s = '${'a'.repeat(n * 10)}'`,
    () => `print ${'x'.repeat(n * 10)} = ${inner}`, () => `print x = ${'9'.repeat(n)}`, () => `print x = 1${'0'.repeat(n)}.5e${n}`,
    () => `print x = ${Array(Math.min(n, 5000)).fill(inner).join(', ')}`, () => `print a = 1 | extend ${Array.from({ length: Math.min(n, 3000) }, (_, i) => `c${i} = ${i}`).join(', ')}`,
  ])();
}

const TOKEN_RE = /[A-Za-z_$][\w-]*|\d[\w.]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\s+|./gsu;

/** (c) One random edit of a valid query. */
function mutateOnce(r: Rng, q: string, seeds: readonly string[]): string {
  const at = int(r, q.length + 1);
  const len = int(r, Math.min(40, q.length - at) + 1);
  switch (int(r, 14)) {
    case 0: return q.slice(0, at) + q.slice(at + len);
    case 1: return q.slice(0, at) + (r() < 0.5 ? pick(r, VOCAB) : pick(r, CHARS)) + q.slice(at);
    case 2: return q.slice(0, at + len) + q.slice(at, at + len) + q.slice(at + len);
    case 3: {
      const b = int(r, q.length + 1);
      const [i, j] = at < b ? [at, b] : [b, at];
      const l = Math.min(len, j - i);
      return q.slice(0, i) + q.slice(j, j + l) + q.slice(i + l, j) + q.slice(i, i + l) + q.slice(j + l);
    }
    case 4: case 5: {
      const tokens = q.match(TOKEN_RE) ?? [];
      if (tokens.length > 0) tokens[int(r, tokens.length)] = pick(r, VOCAB);
      return tokens.join('');
    }
    case 6: return q.slice(0, at);
    case 7: {
      const n = pick(r, [10, 200, 5000]);
      return r() < 0.5 ? q.slice(0, at) + '('.repeat(n) + q.slice(at) : q.slice(0, at) + '('.repeat(n) + q.slice(at, at + len) + ')'.repeat(n) + q.slice(at + len);
    }
    case 8: return q.replace(/\d+(\.\d+)?/, pick(r, ['9'.repeat(400), '1e999', '-0', '18446744073709551616', '0.0000000000000000000001', '1' + '0'.repeat(30)]));
    case 9: {
      const n = pick(r, [300, 3_000, 3_000, 30_000]);
      return q.slice(0, at) + pick(r, [`'${'a'.repeat(n)}'`, 'z'.repeat(n), `"${'\\n'.repeat(n)}"`, `"${'\\u00e9'.repeat(n)}"`]) + q.slice(at);
    }
    case 10: return q.slice(0, at) + pick(r, ["'", '"', "@'", '@"', "h'", '```', '//', '/*', '\\', '[', "['", '{', 'dynamic(', 'datetime(']) + q.slice(at);
    case 11: { const other = pick(r, seeds); return q.slice(0, at) + other.slice(int(r, other.length + 1)); }
    case 12: return q.toUpperCase();
    default: return q.replace(/\n/g, pick(r, ['\r\n', '\r', ' ', '', '\u2028']));
  }
}

function mutate(r: Rng, seeds: readonly string[]): string {
  let q = pick(r, seeds);
  const edits = 1 + int(r, 4);
  for (let i = 0; i < edits; i++) q = mutateOnce(r, q, seeds);
  return q;
}

export interface FuzzCase { readonly text: string; readonly dialect: Dialect; readonly kind: string }

/** The input of case `index` under `seed`; the same pair always gives the same case. */
export function makeCase(seed: number, index: number, seeds: readonly string[]): FuzzCase {
  const r = rng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  r(); r();
  const dialect: Dialect = index % 2 === 0 ? 'cmpivot' : 'kusto';
  // Queries that really run to the deadline cost 1 s each, so they are rare: 26 in 100,000, every
  // heavy query at least once.
  if (index % 6000 === 1234) {
    const n = Math.floor(index / 6000);
    return { text: HEAVY[n % HEAVY.length]!, dialect: n % 2 === 0 ? 'cmpivot' : 'kusto', kind: 'heavy' };
  }
  if (index % 10000 === 4321) return { text: mutateOnce(r, pick(r, HEAVY), HEAVY), dialect, kind: 'heavy-mutated' };
  const k = r();
  if (k < 0.25) return { text: randomChars(r), dialect, kind: 'chars' };
  if (k < 0.5) return { text: randomTokens(r), dialect, kind: 'tokens' };
  if (k < 0.503) return { text: stress(r), dialect, kind: 'stress' };
  return { text: mutate(r, seeds), dialect, kind: 'mutated' };
}

export interface Failure {
  readonly index: number;
  readonly what: 'throw' | 'slow' | 'shape' | 'hang' | 'crash';
  readonly detail: string;
  readonly ms?: number;
}

const NOW = Date.parse('2024-01-15T12:00:00Z');
/** The longest a case may take: the requirement is "never hang past 1 s". */
const LIMIT_MS = 1000;
/**
 * The deadline handed to the engine sits this far below the limit: the engine asks its clock at
 * checkpoints (between columns, every 64K rows), so a query stopped by the deadline returns up to a
 * few hundred ms of CPU after it — more when the garbage collector's threads are busy with columns of
 * ten million rows. A caller with a hard bound sets its deadline the same way.
 */
const DEADLINE_HEADROOM_MS = 500;
const CHECKPOINT_GRACE_MS = 0;

function shapeProblem(text: string, diagnostics: unknown, columns?: unknown, rows?: unknown): string | null {
  if (!Array.isArray(diagnostics)) return 'diagnostics is not an array';
  if (columns !== undefined && !Array.isArray(columns)) return 'columns is not an array';
  if (rows !== undefined && !Array.isArray(rows)) return 'rows is not an array';
  for (const d of diagnostics as { code?: unknown; message?: unknown; span?: { start?: unknown; end?: unknown } }[]) {
    const s = d?.span;
    if (typeof d?.code !== 'string' || typeof d.message !== 'string') return `a diagnostic without code or message: ${JSON.stringify(d)}`;
    if (!s || typeof s.start !== 'number' || typeof s.end !== 'number' || s.start < 0 || s.start > s.end || s.end > text.length) {
      return `diagnostic ${d.code} has span ${JSON.stringify(s)} outside the text (length ${text.length})`;
    }
  }
  return null;
}

/**
 * This process's CPU time in ms. Cases are timed, and the engine's deadline runs, on CPU time, not
 * the wall clock: on two shared cores other tests can stall this process for a while, and what the
 * fuzz test must catch is the engine's own work running on (a real hang still shows on the wall
 * clock, where the parent kills a child that stays silent for 5 s).
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs one case through `runQuery` and `analyze`; what went wrong, or nothing. */
export function checkCase(index: number, { text, dialect }: FuzzCase): Failure[] {
  const failures: Failure[] = [];
  const attempt = (name: string, call: () => string | null): void => {
    const t0 = cpuMs();
    let problem: string | null;
    try {
      problem = call();
    } catch (e) {
      const stack = e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' / ') : String(e);
      failures.push({ index, what: 'throw', detail: `${name}: ${stack}` });
      return;
    }
    const ms = cpuMs() - t0;
    if (ms > LIMIT_MS + CHECKPOINT_GRACE_MS) failures.push({ index, what: 'slow', detail: `${name} took ${ms.toFixed(0)} ms of CPU`, ms });
    if (problem) failures.push({ index, what: 'shape', detail: `${name}: ${problem}` });
  };
  attempt('runQuery', () => {
    const clock = cpuMs;
    const r = runQuery(text, { dialect, now: NOW, limits: { maxRows: 10_000, deadline: { at: clock() + LIMIT_MS - DEADLINE_HEADROOM_MS, clock } } });
    const hasDiagnostics = Array.isArray(r?.diagnostics) && r.diagnostics.length > 0;
    const hasResult = Array.isArray(r?.columns) && Array.isArray(r.rows);
    if (!hasDiagnostics && !hasResult) return 'neither diagnostics nor a result';
    if (r.rows.length > 10_000) return `${r.rows.length} rows past maxRows 10000`;
    return shapeProblem(text, r.diagnostics, r.columns, r.rows);
  });
  attempt('analyze', () => {
    const a = analyze(text, { dialect });
    return shapeProblem(text, a?.diagnostics);
  });
  return failures;
}

/**
 * The child process's loop over cases [from, to). It talks to the parent (fuzz.test.ts) only through
 * synchronous file writes, never through IPC: the loop never yields to the event loop, so queued
 * messages would not leave a busy or hung child. `heartbeat` holds the index of the case running now
 * (a float64 at offset 0, and `to` once all are done); `failuresFile` gets one JSON line per failure.
 * The seeds come from the parent, which read the golden folder once: other people add golden files
 * while tests run, and the parent must rebuild exactly the inputs the child ran.
 */
export function fuzzChild(seed: number, from: number, to: number, seedsFile: string, heartbeat: string, failuresFile: string): void {
  const beat = openSync(heartbeat, 'r+');
  const out = openSync(failuresFile, 'a');
  const buf = Buffer.alloc(8);
  const mark = (i: number): void => {
    buf.writeDoubleLE(i, 0);
    writeSync(beat, buf, 0, 8, 0);
  };
  const seeds = JSON.parse(readFileSync(seedsFile, 'utf8')) as string[];
  for (let i = from; i < to; i++) {
    mark(i);
    for (const f of checkCase(i, makeCase(seed, i, seeds))) writeSync(out, JSON.stringify(f) + '\n');
  }
  mark(to);
}
