import fc from 'fast-check';
import type { Catalog, Row, ScalarType } from '@openpivot/kql';

/**
 * Generated queries and data over two entity-like tables, T and U, each row carrying its Device.
 * Queries are built operator by operator from what the previous step leaves in scope, so every one
 * binds. Used by the split-law property test and by the conformance check against Kusto's binder.
 */

export type Col = { name: string; type: ScalarType };
export const T_COLUMNS: Col[] = [
  { name: 'Device', type: 'string' }, { name: 'Name', type: 'string' }, { name: 'N', type: 'long' },
  { name: 'R', type: 'real' }, { name: 'At', type: 'datetime' }, { name: 'Ok', type: 'bool' }, { name: 'Tags', type: 'dynamic' },
];
export const U_COLUMNS: Col[] = [{ name: 'Device', type: 'string' }, { name: 'Name', type: 'string' }, { name: 'V', type: 'long' }];
export const catalog: Catalog = { tables: [{ name: 'T', columns: T_COLUMNS }, { name: 'U', columns: U_COLUMNS }] };
export const NOW = Date.parse('2024-01-15T12:00:00Z');
const DEVICES = ['d1', 'd2', 'd3', 'd4'];
const NAMES = ['svchost', 'SVCHOST', 'ssh', 'sshd', 'explorer', ''];
const BASE = Date.parse('2024-01-10T00:00:00Z');

const nullable = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null, freq: 5 });
const tRow = (device: string): fc.Arbitrary<Row> => fc.tuple(
  fc.constantFrom(...NAMES),
  nullable(fc.integer({ min: -5, max: 20 })),
  nullable(fc.integer({ min: -400, max: 400 }).map((x) => x / 8)),
  nullable(fc.integer({ min: 0, max: 72 * 4 }).map((q) => BASE + q * 15 * 60_000)),
  nullable(fc.boolean()),
  fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
).map(([name, n, r, at, ok, tags]) => [device, name, n, r, at, ok, tags]);
const uRow = (device: string): fc.Arbitrary<Row> =>
  fc.tuple(fc.constantFrom(...NAMES), fc.integer({ min: 0, max: 9 })).map(([name, v]) => [device, name, v]);

export const deviceData = fc.tuple(...DEVICES.map((d) => fc.tuple(fc.array(tRow(d), { maxLength: 10 }), fc.array(uRow(d), { maxLength: 5 }))));

// ---------------------------------------------------------------- query generation

type Step = (cols: Col[]) => fc.Arbitrary<{ text: string; cols: Col[]; ordered?: boolean }>;
const has = (cols: Col[], name: string, type?: ScalarType): boolean => cols.some((c) => c.name === name && (!type || c.type === type));

const where: Step = (cols) => {
  const preds: string[] = ['true'];
  if (has(cols, 'Name', 'string')) preds.push('Name contains "ss"', 'Name == "svchost"', 'Name in ("ssh", "explorer")', 'Name startswith "s"', 'isempty(Name)', 'Name has_any ("ssh", "SVCHOST")', 'Name has_all ("sshd")');
  if (has(cols, 'N', 'long')) preds.push('N > 3', 'N % 2 == 0', 'isnull(N)', 'N between (1 .. 10)', 'N != 4');
  if (has(cols, 'R', 'real')) preds.push('R < 0.5', 'isnotnull(R)');
  if (has(cols, 'At', 'datetime')) preds.push('At > datetime(2024-01-11)', 'At < ago(4d)');
  if (has(cols, 'Ok', 'bool')) preds.push('Ok', 'not(Ok)');
  const one = fc.constantFrom(...preds);
  return fc.oneof(one, fc.tuple(one, fc.constantFrom('and', 'or'), one).map(([a, op, b]) => `(${a}) ${op} (${b})`))
    .map((p) => ({ text: `where ${p}`, cols }));
};

const extend: Step = (cols) => {
  const opts: [string, Col][] = [['K = 1', { name: 'K', type: 'long' }]];
  if (has(cols, 'N', 'long')) opts.push(['N2 = N * 2 - 1', { name: 'N2', type: 'long' }]);
  if (has(cols, 'At', 'datetime')) opts.push(['H = bin(At, 6h)', { name: 'H', type: 'datetime' }]);
  if (has(cols, 'Name', 'string')) opts.push(['L = strlen(Name)', { name: 'L', type: 'long' }], ['Up = toupper(Name)', { name: 'Up', type: 'string' }]);
  const fresh = opts.filter(([, c]) => !has(cols, c.name));
  if (fresh.length === 0) return where(cols);
  return fc.constantFrom(...fresh).map(([text, c]) => ({ text: `extend ${text}`, cols: [...cols, c] }));
};

const project: Step = (cols) => fc.oneof(
  fc.subarray(cols, { minLength: 1 }).map((keep) => ({ text: `project ${keep.map((c) => c.name).join(', ')}`, cols: keep })),
  // project-keep keeps the input's order, whatever order it names them in.
  fc.subarray(cols, { minLength: 1 }).map((keep) => ({ text: `project-keep ${[...keep].reverse().map((c) => c.name).join(', ')}`, cols: keep })),
);
const serialize: Step = (cols) => fc.constant({ text: 'serialize', cols });

const AGGS: { text: (cols: Col[]) => string | null; type: (cols: Col[]) => ScalarType }[] = [
  { text: () => 'count()', type: () => 'long' },
  { text: (c) => (has(c, 'N', 'long') ? 'countif(N > 3)' : null), type: () => 'long' },
  { text: (c) => (has(c, 'Name', 'string') ? 'dcount(Name)' : null), type: () => 'long' },
  { text: (c) => (has(c, 'N', 'long') ? 'sum(N)' : null), type: () => 'long' },
  { text: (c) => (has(c, 'R', 'real') ? 'avg(R)' : null), type: () => 'real' },
  { text: (c) => (has(c, 'At', 'datetime') ? 'min(At)' : null), type: () => 'datetime' },
  { text: (c) => (has(c, 'N', 'long') ? 'max(N)' : null), type: () => 'long' },
  { text: (c) => (has(c, 'Name', 'string') ? 'make_set(Name)' : null), type: () => 'dynamic' },
  { text: (c) => (has(c, 'N', 'long') ? 'percentile(N, 50)' : null), type: () => 'long' },
  { text: (c) => (has(c, 'R', 'real') ? 'stdev(R)' : null), type: () => 'real' },
  { text: (c) => (has(c, 'R', 'real') ? 'variance(R)' : null), type: () => 'real' },
  { text: (c) => (has(c, 'N', 'long') ? 'sumif(N, N > 0)' : null), type: () => 'long' },
  { text: (c) => (has(c, 'Name', 'string') ? 'make_list(Name)' : null), type: () => 'dynamic' },
];

const summarize: Step = (cols) => {
  const keys: [string, Col][] = [];
  if (has(cols, 'Name', 'string')) keys.push(['k_name = Name', { name: 'k_name', type: 'string' }]);
  if (has(cols, 'Device', 'string')) keys.push(['k_dev = Device', { name: 'k_dev', type: 'string' }]);
  if (has(cols, 'At', 'datetime')) keys.push(['k_day = bin(At, 1d)', { name: 'k_day', type: 'datetime' }]);
  if (has(cols, 'N', 'long')) keys.push(['k_mod = N % 3', { name: 'k_mod', type: 'long' }]);
  if (has(cols, 'Ok', 'bool')) keys.push(['k_ok = Ok', { name: 'k_ok', type: 'bool' }]);
  const aggs = AGGS.filter((a) => a.text(cols) !== null);
  return fc.tuple(fc.subarray(aggs, { minLength: 0, maxLength: Math.min(4, aggs.length) }), fc.subarray(keys, { maxLength: Math.min(2, keys.length) }))
    .filter(([a, k]) => a.length + k.length > 0)
    .map(([a, k]) => ({
      text: `summarize ${a.map((x, i) => `a${i} = ${x.text(cols)}`).join(', ')}${k.length ? ` by ${k.map(([t]) => t).join(', ')}` : ''}`,
      cols: [...k.map(([, c]) => c), ...a.map((x, i) => ({ name: `a${i}`, type: x.type(cols) }))],
    }));
};

const count: Step = () => fc.constant<{ text: string; cols: Col[] }>({ text: 'count', cols: [{ name: 'Count', type: 'long' }] });
const distinct: Step = (cols) => {
  const plain = cols.filter((c) => c.type !== 'dynamic');
  if (plain.length === 0) return where(cols);
  return fc.subarray(plain, { minLength: 1 }).map((keep) => ({ text: `distinct ${keep.map((c) => c.name).join(', ')}`, cols: keep }));
};

/**
 * Sorting by every column makes the order total, so which rows a `top` keeps is well defined. Dynamic
 * columns go first: the element order of make_set/make_list is unspecified, so they cannot order rows.
 */
const allKeys = (cols: Col[], first: string): string => [first, ...cols.filter((c) => !first.startsWith(`${c.name} `)).map((c) => `${c.name} asc`)].join(', ');
const withoutDynamic = (cols: Col[]): { prefix: string; cols: Col[] } => {
  const dyn = cols.filter((c) => c.type === 'dynamic');
  const rest = cols.filter((c) => c.type !== 'dynamic');
  return { prefix: dyn.length ? `project-away ${dyn.map((c) => c.name).join(', ')} | ` : '', cols: rest };
};
const orderTake: Step = (all) => {
  const { prefix, cols } = withoutDynamic(all);
  if (cols.length === 0) return where(all);
  return fc.tuple(fc.integer({ min: 1, max: 8 }), fc.constantFrom(...cols))
    .map(([n, c]) => ({ text: `${prefix}order by ${allKeys(cols, `${c.name} desc`)} | take ${n}`, cols, ordered: true }));
};

function joinCols(kind: string, left: Col[], right: Col[]): Col[] {
  if (kind === 'leftanti' || kind === 'leftsemi') return left;
  if (kind === 'rightanti' || kind === 'rightsemi') return right;
  const taken = new Set(left.map((c) => c.name));
  return [...left, ...right.map((c) => {
    let name = c.name;
    for (let i = 1; taken.has(name); i++) name = `${c.name}${i}`;
    taken.add(name);
    return { ...c, name };
  })];
}
const KINDS = ['inner', 'leftouter', 'rightouter', 'fullouter', 'leftanti', 'rightanti', 'leftsemi', 'rightsemi'];
const join: Step = (cols) => {
  const keys = ['Device', 'Name'].filter((k) => has(cols, k, 'string'));
  if (keys.length === 0) return where(cols);
  return fc.tuple(fc.constantFrom(...KINDS, 'innerunique'), fc.constantFrom(...keys), fc.boolean())
    // innerunique keeps an arbitrary left row per key; only on Device is that choice the same per device.
    .map(([kind, key, filtered]) => (kind === 'innerunique' && key !== 'Device' ? ['inner', key, filtered] as const : [kind, key, filtered] as const))
    .map(([kind, key, filtered]) => ({
      text: `join kind=${kind} (U${filtered ? ' | where V > 3' : ''}) on ${key}`,
      cols: joinCols(kind, cols, U_COLUMNS),
    }));
};
const union: Step = (cols) => fc.constant<{ text: string; cols: Col[] }>({
  text: 'union (U | project Device, Name, V)',
  cols: [...cols, ...U_COLUMNS.filter((u) => !cols.some((c) => c.name === u.name))],
}).filter(() => U_COLUMNS.every((u) => !cols.some((c) => c.name === u.name && c.type !== u.type)));
const mvExpand: Step = (cols) => (has(cols, 'Tags', 'dynamic') ? fc.constant<{ text: string; cols: Col[] }>({ text: 'mv-expand Tags', cols }) : where(cols));

// `top` takes a single key in Kusto, so ties leave open which rows it keeps; `order by <every column> | take N`
// binds to the same Top node with a total order, which the split law needs.
const STEPS: Step[] = [where, where, extend, project, summarize, summarize, count, distinct, orderTake, orderTake, join, join, union, mvExpand, serialize];

export const queryArb: fc.Arbitrary<{ text: string; ordered: boolean }> = fc.integer({ min: 1, max: 4 }).chain((n) => {
  let arb: fc.Arbitrary<{ parts: string[]; cols: Col[]; ordered: boolean }> = fc.constant({ parts: ['T'], cols: T_COLUMNS, ordered: false });
  for (let i = 0; i < n; i++) {
    arb = arb.chain((q) => fc.constantFrom(...STEPS).chain((step) => step(q.cols)).map((s) => ({
      parts: [...q.parts, s.text], cols: s.cols, ordered: s.ordered ?? false,
    })));
  }
  return arb.map((q) => ({ text: q.parts.join(' | '), ordered: q.ordered }));
});

