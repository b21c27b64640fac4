import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { AggregateFunction, ArgInfo } from '../function-types.js';
import type { ScalarType } from '../../types/scalar-type.js';
import { AGGREGATE_FUNCTIONS } from './index.js';
import { arg } from './merge-law.test-helpers.js';

const byName = new Map(AGGREGATE_FUNCTIONS.map((f) => [f.name, f]));

describe('AGGREGATE_FUNCTIONS', () => {
  it('declares each name once, with a doc line and sane arities', () => {
    expect(byName.size).toBe(AGGREGATE_FUNCTIONS.length);
    for (const f of AGGREGATE_FUNCTIONS) {
      expect(f.doc.length).toBeGreaterThan(10);
      expect(f.minArgs).toBeLessThanOrEqual(f.maxArgs);
    }
  });

  it('has states that are plain JSON right after init', () => {
    for (const f of AGGREGATE_FUNCTIONS) {
      const args: ArgInfo[] = Array.from({ length: f.minArgs }, (_, i) =>
        (f.name.endsWith('if') && i === f.minArgs - 1) || f.name === 'countif' ? arg('bool') : arg('long', 50));
      const s = f.create(args, 'kusto').init();
      expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
    }
  });
});

// The official Kusto binder, used at test time only to check default column names and types.
const require = createRequire(import.meta.url);
require('@kusto/language-service-next/bridge.min.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
interface KustoList<T> { Count: number; getItem(i: number): T }
interface KustoLanguage {
  KustoCode: { ParseAndAnalyze(text: string, globals: unknown): {
    GetDiagnostics(): KustoList<unknown>;
    ResultType: { Columns: KustoList<{ Name: string; Type: { Name: string } }> };
  } };
  GlobalState: { Default: unknown };
}
const K = (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;

const TABLE = 'datatable(x:long, y:real, s:string, b:bool, d:datetime, t:timespan, i:int)[]';
const COLUMN_TYPES: Record<string, ScalarType> = { x: 'long', y: 'real', s: 'string', b: 'bool', d: 'datetime', t: 'timespan', i: 'int' };

function officialColumns(call: string): string[] {
  const code = K.KustoCode.ParseAndAnalyze(`${TABLE} | summarize ${call}`, K.GlobalState.Default);
  expect(code.GetDiagnostics().Count).toBe(0);
  const cols = code.ResultType.Columns;
  const out: string[] = [];
  for (let i = 0; i < cols.Count; i++) out.push(`${cols.getItem(i).Name}:${cols.getItem(i).Type.Name}`);
  return out;
}

/** An argument written as a column name, an expression (`expr:<type>`) or a number constant. */
function parseArg(text: string): { info: ArgInfo; name: string | undefined } {
  if (COLUMN_TYPES[text]) return { info: arg(COLUMN_TYPES[text]!), name: text };
  const m = /^expr:(\w+)$/.exec(text);
  if (m) return { info: arg(m[1] as ScalarType), name: undefined };
  return { info: arg(text.includes('.') ? 'real' : 'long', Number(text)), name: undefined };
}

/** How our declarations name and type the columns of one call (rules A and B of index.ts). */
function ourColumns(fn: AggregateFunction, argTexts: string[]): string[] {
  const parsed = argTexts.map(parseArg);
  const infos = parsed.map((p) => p.info);
  const names = parsed.map((p) => p.name);
  if (fn.outputs) return fn.outputs(infos, names).map((o) => `${o.name}:${o.type}`);
  const type = fn.returns(infos, 'kusto');
  return [`${fn.namePrefix ?? fn.name}_${names[0] ?? ''}:${type as string}`];
}

// [our call with expressions as expr:<type>, the same call as Kusto text]
const CASES: [string, string[], string][] = [
  ['count', [], 'count()'],
  ['countif', ['b'], 'countif(b)'],
  ['countif', ['expr:bool'], 'countif(x > 1)'],
  ['dcount', ['s', '2'], 'dcount(s, 2)'],
  ['dcountif', ['x', 'b'], 'dcountif(x, b)'],
  ['count_distinct', ['expr:long'], 'count_distinct(x + 1)'],
  ['sum', ['i'], 'sum(i)'],
  ['sum', ['y'], 'sum(y)'],
  ['sum', ['t'], 'sum(t)'],
  ['sumif', ['x', 'b'], 'sumif(x, b)'],
  ['avg', ['x'], 'avg(x)'],
  ['avg', ['t'], 'avg(t)'],
  ['avgif', ['expr:long', 'b'], 'avgif(x * 2, b)'],
  ['min', ['s'], 'min(s)'],
  ['max', ['i'], 'max(i)'],
  ['maxif', ['d', 'b'], 'maxif(d, b)'],
  ['minif', ['b', 'b'], 'minif(b, b)'],
  ['stdev', ['t'], 'stdev(t)'],
  ['stdevif', ['x', 'b'], 'stdevif(x, b)'],
  ['variance', ['i'], 'variance(i)'],
  ['varianceif', ['y', 'b'], 'varianceif(y, b)'],
  ['make_list', ['s', '10'], 'make_list(s, 10)'],
  ['make_list_if', ['x', 'b'], 'make_list_if(x, b)'],
  ['make_set', ['expr:long'], 'make_set(x + 1)'],
  ['make_set_if', ['x', 'b', '4'], 'make_set_if(x, b, 4)'],
  ['percentile', ['i', '50'], 'percentile(i, 50)'],
  ['percentile', ['expr:real', '99.9'], 'percentile(y * 2, 99.9)'],
  ['percentiles', ['d', '5', '50', '95'], 'percentiles(d, 5, 50, 95)'],
  ['percentiles', ['x', '0.5', '12.25'], 'percentiles(x, 0.5, 12.25)'],
  ['arg_max', ['x', 'y', 's'], 'arg_max(x, y, s)'],
  ['arg_max', ['expr:long', 'y'], 'arg_max(x + 1, y)'],
  ['arg_min', ['x', 'expr:real', 'expr:datetime'], 'arg_min(x, y + 1, d + 1d)'],
  ['arg_min', ['s', 'b', 'd', 't'], 'arg_min(s, b, d, t)'],
  ['take_any', ['x'], 'take_any(x)'],
  ['take_any', ['expr:long', 's'], 'take_any(x + 1, s)'],
  ['take_any', ['x', 'expr:real', 's'], 'take_any(x, y + 1, s)'],
  ['any', ['x', 's'], 'any(x, s)'],
  ['any', ['expr:long'], 'any(x + 1)'],
  ['take_anyif', ['s', 'b'], 'take_anyif(s, b)'],
  ['anyif', ['x', 'b'], 'anyif(x, b)'],
  ['anyif', ['expr:long', 'b'], 'anyif(x + 1, b)'],
];

describe('default column names and types agree with the official binder', () => {
  it.each(CASES)('%s(%j) as %s', (name, args, call) => {
    expect(ourColumns(byName.get(name)!, args)).toStrictEqual(officialColumns(call));
  });

  it('take_anyif over an expression leaves the name to the binder (officially Column1)', () => {
    expect(officialColumns('take_anyif(x + 1, b)')).toStrictEqual(['Column1:long']);
    expect(ourColumns(byName.get('take_anyif')!, ['expr:long', 'b'])).toStrictEqual([':long']);
  });
});
