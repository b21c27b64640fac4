import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  analyze, runPlan, split, runDeviceParts, runMergePart, tableFromRows, tableRows, encodeValue,
  type Catalog, type Row, type Table, type ScalarType,
} from '@openpivot/kql';

/**
 * The split law: for devices D1..Dn, merging every device's output of the device part equals running
 * the whole query over the union of all devices' rows — up to row order, which these queries leave
 * open. Queries are generated operator by operator from what the previous step leaves in scope.
 */

type Col = { name: string; type: ScalarType };
const T_COLUMNS: Col[] = [
  { name: 'Device', type: 'string' }, { name: 'Name', type: 'string' }, { name: 'N', type: 'long' },
  { name: 'R', type: 'real' }, { name: 'At', type: 'datetime' }, { name: 'Ok', type: 'bool' }, { name: 'Tags', type: 'dynamic' },
];
const U_COLUMNS: Col[] = [{ name: 'Device', type: 'string' }, { name: 'Name', type: 'string' }, { name: 'V', type: 'long' }];
const catalog: Catalog = { tables: [{ name: 'T', columns: T_COLUMNS }, { name: 'U', columns: U_COLUMNS }] };
const NOW = Date.parse('2024-01-15T12:00:00Z');
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

const deviceData = fc.tuple(...DEVICES.map((d) => fc.tuple(fc.array(tRow(d), { maxLength: 10 }), fc.array(uRow(d), { maxLength: 5 }))));

// ---------------------------------------------------------------- query generation

type Step = (cols: Col[]) => fc.Arbitrary<{ text: string; cols: Col[]; ordered?: boolean }>;
const has = (cols: Col[], name: string, type?: ScalarType): boolean => cols.some((c) => c.name === name && (!type || c.type === type));

const where: Step = (cols) => {
  const preds: string[] = ['true'];
  if (has(cols, 'Name', 'string')) preds.push('Name contains "ss"', 'Name == "svchost"', 'Name in ("ssh", "explorer")', 'Name startswith "s"', 'isempty(Name)');
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

const project: Step = (cols) =>
  fc.subarray(cols, { minLength: 1 }).map((keep) => ({ text: `project ${keep.map((c) => c.name).join(', ')}`, cols: keep }));

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
const top: Step = (all) => {
  const { prefix, cols } = withoutDynamic(all);
  if (cols.length === 0) return where(all);
  return fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(...cols), fc.constantFrom('asc', 'desc'), fc.constantFrom('', ' nulls first', ' nulls last'))
    .map(([n, c, dir, nulls]) => ({ text: `${prefix}top ${n} by ${allKeys(cols, `${c.name} ${dir}${nulls}`)}`, cols, ordered: true }));
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

const STEPS: Step[] = [where, where, extend, project, summarize, summarize, count, distinct, top, orderTake, join, join, union, mvExpand];

const queryArb: fc.Arbitrary<{ text: string; ordered: boolean }> = fc.integer({ min: 1, max: 4 }).chain((n) => {
  let arb: fc.Arbitrary<{ parts: string[]; cols: Col[]; ordered: boolean }> = fc.constant({ parts: ['T'], cols: T_COLUMNS, ordered: false });
  for (let i = 0; i < n; i++) {
    arb = arb.chain((q) => fc.constantFrom(...STEPS).chain((step) => step(q.cols)).map((s) => ({
      parts: [...q.parts, s.text], cols: s.cols, ordered: s.ordered ?? false,
    })));
  }
  return arb.map((q) => ({ text: q.parts.join(' | '), ordered: q.ordered }));
});

// ---------------------------------------------------------------- comparison

/** Makes rows comparable: JSON encoding, arrays from make_set/make_list sorted. */
function normalise(t: Table): unknown[][] {
  return tableRows(t).map((row) => row.map((v, j) => {
    const e = encodeValue(v, t.schema[j]!.type);
    return Array.isArray(e) && (t.schema[j]!.name.startsWith('a') || t.schema[j]!.name === 'Tags') ? [...e].map((x) => JSON.stringify(x)).sort() : e;
  }));
}
const sortKey = (r: unknown[]): string => JSON.stringify(r, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(8)) : v));
function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => close(x, b[i]));
  return a === b;
}

/** What a device sends: rows through JSON and back, as on the wire. */
function overTheWire(t: Table): Table {
  return tableFromRows(t.schema, JSON.parse(JSON.stringify(tableRows(t))) as Row[]);
}

describe('split law: merge(device parts) == whole query over all rows', () => {
  it('holds for 1,000 generated queries and data sets', () => {
    fc.assert(
      fc.property(queryArb, deviceData, ({ text, ordered }, data) => {
        const a = analyze(text, { catalog, dialect: 'kusto' });
        expect(a.diagnostics.filter((d) => d.severity === 'error'), text).toEqual([]);
        const allT = data.flatMap(([t]) => t);
        const allU = data.flatMap(([, u]) => u);
        const tables = (t: Row[], u: Row[]) => ({ T: tableFromRows(T_COLUMNS, t), U: tableFromRows(U_COLUMNS, u) });
        const whole = tables(allT, allU);
        const base = { catalog, dialect: 'kusto' as const, now: NOW };
        const expected = runPlan(a.plan!, { ...base, sources: { scan: (n) => whole[n.table as 'T' | 'U'] } });

        const plan = split(a.plan!);
        const outputs = data.map(([t, u]) => {
          const mine = tables(t, u);
          return runDeviceParts(plan, { ...base, sources: { scan: (n) => mine[n.table as 'T' | 'U'] } }).map(overTheWire);
        });
        const merged = runMergePart(plan, outputs, { ...base, sources: { scan: (n) => whole[n.table as 'T' | 'U'] } });

        expect(merged.schema, text).toEqual(expected.schema);
        let got = normalise(merged);
        let want = normalise(expected);
        if (!ordered) {
          got = [...got].sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
          want = [...want].sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
        }
        if (!close(got, want)) expect(got, text).toEqual(want);
      }),
      { numRuns: 1000, seed: Number(process.env.LAW_SEED ?? Date.now() % 2 ** 31) },
    );
  });

  it('sends entity reads to the devices and cross-device work to the site', () => {
    const a = analyze('T | where N > 1 | summarize count() by Name | order by count_ desc', { catalog, dialect: 'kusto' });
    const plan = split(a.plan!);
    expect(plan.device).toHaveLength(1);
    expect(plan.device[0]!.kind).toBe('Aggregate');
    expect(plan.merge.kind).toBe('Sort');
    const byDevice = split(analyze('T | join kind=inner (U) on Device', { catalog, dialect: 'kusto' }).plan!);
    expect(byDevice.device[0]!.kind).toBe('Join');
    const byName = split(analyze('T | join kind=inner (U) on Name', { catalog, dialect: 'kusto' }).plan!);
    expect(byName.device).toHaveLength(2);
    expect(byName.merge.kind).toBe('Join');
    const constant = split(analyze('print x = 1', { catalog }).plan!);
    expect(constant.device).toHaveLength(0);
  });
});
