import fc from 'fast-check';
import type { GenType, Signature } from './signatures.js';

/** A generated fragment: its text and the features it uses (for the conformance tallies). */
export interface Frag { readonly text: string; readonly tags: readonly string[] }
export interface GenCol { readonly name: string; readonly type: string }

const KEYWORDS = new Set(['where', 'project', 'extend', 'and', 'or', 'by', 'on', 'kind', 'with', 'in', 'has', 'contains', 'between', 'count', 'not', 'true', 'false', 'let', 'to', 'from', 'step', 'asc', 'desc', 'print', 'range', 'take', 'top', 'join', 'union', 'parse', 'summarize', 'distinct', 'limit', 'sort', 'order']);
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A column name as a query must write it: `['quoted']` when it is not a plain identifier or is a keyword. */
export function quoteName(name: string): string {
  return PLAIN.test(name) && !KEYWORDS.has(name) ? name : `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

const frag = (text: string, ...tags: string[]): Frag => ({ text, tags });

/** Literals of every type, with string escapes, verbatim strings and the datetime/timespan forms. */
export function literal(type: GenType | 'guid'): fc.Arbitrary<Frag> {
  switch (type) {
    case 'long': return fc.oneof(fc.integer({ min: -1000, max: 100000 }).map((n) => frag(String(n), 'lit:long')), fc.constant(frag('long(null)', 'lit:null')));
    case 'real': return fc.oneof(fc.integer({ min: -500, max: 500 }).map((n) => frag((n / 8).toFixed(3), 'lit:real')), fc.constant(frag('1e3', 'lit:real-exp')), fc.constant(frag('real(null)', 'lit:null')));
    case 'bool': return fc.constantFrom(frag('true', 'lit:bool'), frag('false', 'lit:bool'));
    case 'string': return fc.constantFrom(frag('"abc"', 'lit:string'), frag("'x y'", 'lit:string'), frag('"a\\"b"', 'lit:string-escape'),
      frag('"tab\\tnl\\n"', 'lit:string-escape'), frag('@"C:\\temp"', 'lit:verbatim'), frag('""', 'lit:string-empty'), frag("'it\\'s'", 'lit:string-escape'));
    case 'datetime': return fc.constantFrom(frag('datetime(2024-01-15)', 'lit:datetime'), frag('datetime(2024-01-15 10:30:00)', 'lit:datetime'),
      frag('datetime(2023-12-31T23:59:59.5Z)', 'lit:datetime'), frag('datetime(null)', 'lit:null'));
    case 'timespan': return fc.constantFrom(frag('1h', 'lit:timespan'), frag('2d', 'lit:timespan'), frag('30m', 'lit:timespan'), frag('10s', 'lit:timespan'),
      frag('time(1.02:03:04)', 'lit:timespan-time'), frag('timespan(null)', 'lit:null'), frag('1.5h', 'lit:timespan'));
    case 'dynamic': return fc.constantFrom(frag('dynamic([1, 2, 3])', 'lit:dynamic'), frag('dynamic({"a": 1, "b": "x"})', 'lit:dynamic'),
      frag('dynamic(["a", "b"])', 'lit:dynamic'), frag('dynamic(null)', 'lit:null'), frag('dynamic([])', 'lit:dynamic'));
    case 'guid': return fc.constant(frag('guid(74be27de-1e4e-49d9-b579-fe0b331d3642)', 'lit:guid'));
  }
}

const COMPARE: Readonly<Record<string, readonly string[]>> = {
  long: ['==', '!=', '<', '>', '<=', '>='], real: ['<', '>', '>='], datetime: ['<', '>', '=='], timespan: ['<', '>'],
  string: ['==', '!=', '=~', '!~', 'contains', '!contains', 'startswith', 'endswith', 'has', '!has', 'contains_cs', 'hasprefix'],
  bool: ['==', '!='],
};

export interface ExprContext {
  readonly cols: readonly GenCol[];
  readonly scalar: readonly Signature[];
}

/** A well-typed expression of `type`, at most `depth` levels of operators and calls deep. */
export function expr(ctx: ExprContext, type: GenType, depth: number): fc.Arbitrary<Frag> {
  const options: fc.Arbitrary<Frag>[] = [literal(type)];
  const cols = ctx.cols.filter((c) => c.type === type);
  if (cols.length) options.push(fc.constantFrom(...cols).map((c) => frag(quoteName(c.name), 'column', ...(quoteName(c.name) !== c.name ? ['quoted-name'] : []))));
  if (depth > 0) {
    const sub = (t: GenType): fc.Arbitrary<Frag> => expr(ctx, t, depth - 1);
    const bin = (a: fc.Arbitrary<Frag>, op: string, b: fc.Arbitrary<Frag>, tag: string): fc.Arbitrary<Frag> =>
      fc.tuple(a, b).map(([x, y]) => frag(`(${x.text} ${op} ${y.text})`, tag, ...x.tags, ...y.tags));
    if (type === 'long') options.push(bin(sub('long'), '+', sub('long'), 'op:arith'), bin(sub('long'), '*', sub('long'), 'op:arith'), bin(sub('long'), '%', sub('long'), 'op:mod'));
    if (type === 'real') options.push(bin(sub('real'), '/', sub('long'), 'op:arith'), bin(sub('long'), '+', sub('real'), 'op:promote'));
    if (type === 'datetime') options.push(bin(sub('datetime'), '+', sub('timespan'), 'op:datetime-arith'));
    if (type === 'timespan') options.push(bin(sub('datetime'), '-', sub('datetime'), 'op:datetime-diff'), bin(sub('timespan'), '*', sub('long'), 'op:timespan-scale'));
    if (type === 'bool') {
      const cmp = fc.constantFrom(...Object.keys(COMPARE)).chain((t) => fc.tuple(sub(t as GenType), fc.constantFrom(...COMPARE[t]!), sub(t as GenType))
        .map(([a, op, b]) => frag(`(${a.text} ${op} ${b.text})`, `op:${op}`, ...a.tags, ...b.tags)));
      options.push(cmp, bin(sub('bool'), 'and', sub('bool'), 'op:and'), bin(sub('bool'), 'or', sub('bool'), 'op:or'),
        fc.tuple(sub('long'), fc.integer({ min: 0, max: 5 })).map(([a, lo]) => frag(`(${a.text} between (${lo} .. ${lo + 10}))`, 'op:between', ...a.tags)),
        fc.tuple(sub('string'), literal('string'), literal('string')).map(([a, x, y]) => frag(`(${a.text} in (${x.text}, ${y.text}))`, 'op:in', ...a.tags)),
        fc.tuple(sub('string'), literal('string')).map(([a, x]) => frag(`(${a.text} !in~ (${x.text}))`, 'op:!in~', ...a.tags)));
    }
    const fns = ctx.scalar.filter((s) => s.returns === type);
    if (fns.length) options.push(fc.constantFrom(...fns).chain((s) => call(s, sub)));
  }
  return fc.oneof(...options);
}

/** A call with arguments of the signature's types; `literal` arguments are literals. */
export function call(s: Signature, sub: (t: GenType) => fc.Arbitrary<Frag>): fc.Arbitrary<Frag> {
  const args = s.args.map((a) => (a.literal ? literalFor(s.name, a.type) : sub(a.type)));
  return (args.length ? fc.tuple(...args) : fc.constant([] as Frag[]))
    .map((xs) => frag(`${s.name}(${xs.map((x) => x.text).join(', ')})`, `fn:${s.name}`, ...xs.flatMap((x) => x.tags)));
}

/** Literal arguments a function reads at bind time: a percentile in 0..100, a small count. */
function literalFor(name: string, type: GenType): fc.Arbitrary<Frag> {
  if (type === 'long') return fc.integer({ min: 1, max: 99 }).map((n) => frag(String(n), 'lit:long'));
  if (type === 'real') return fc.integer({ min: 1, max: 99 }).map((n) => frag(`${n}.5`, 'lit:real'));
  void name;
  return literal(type);
}
