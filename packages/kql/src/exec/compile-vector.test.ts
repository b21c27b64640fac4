import { describe, it, expect } from 'vitest';
import { analyze } from '../query.js';
import type { Dialect } from '../functions/function-types.js';
import type { ProjectNode } from '../plan/plan-node.js';
import type { Column } from './column.js';
import { columnFromValues, getValue } from './column.js';
import type { Table } from './table.js';
import { compileVector } from './compile-vector.js';
import { compileRow } from './compile-row.js';
import type { Value } from '../values/value.js';

/**
 * The columnar fast paths must agree with the row-at-a-time closures on every input: nulls, NaN,
 * -0, infinities, strings in any case, and a string dictionary that holds one string twice (as a
 * concatenation may leave it).
 */
const schema = 'datatable(s:string, n:long, r:real, b:bool, d:dynamic, t:datetime, g:guid)[]';

const nums: Value[] = [1, null, 3, -5, 0, 7, null, 2, 1];
const reals: Value[] = [1, Number.NaN, null, -0, 0, Number.POSITIVE_INFINITY, -2.5, 2.5, 1];
const bools: Value[] = [true, false, null, true, false, null, true, false, true];
const dyns: Value[] = [1, 'a', null, [1, 2], { a: 1 }, 'A', 2.5, true, '1'];
const times: Value[] = [0, 86_400_000, null, -86_400_000, 1_700_000_000_000, 3_600_000, null, 60_000, 0];
const guids: Value[] = ['00000000-0000-0000-0000-000000000001', null, '00000000-0000-0000-0000-000000000002', null, null, null, null, null, null];

function strings(): Column {
  // "a" twice in the dictionary, mixed case, the empty string.
  const dict = ['a', 'A', 'b', 'a', '', 'B c', 'abc', '1.5', '2020-01-01T00:00:00Z', '[1,2]'];
  const codes = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 8, 7]);
  return { kind: 'str', length: codes.length, codes, dict };
}

function table(): Table {
  const a = analyze(schema, { dialect: 'kusto' });
  const columns: Column[] = [
    strings(),
    columnFromValues('long', nums),
    columnFromValues('real', reals),
    columnFromValues('bool', bools),
    columnFromValues('dynamic', dyns),
    columnFromValues('datetime', times),
    columnFromValues('guid', guids),
  ];
  return { schema: a.schema, columns, length: 9 };
}

const EXPRS = [
  's == "a"', 's != "a"', 's < "b"', 's >= "B"', '"a" == s', 's =~ "A"', 's !~ "a"', 's in ("a", "B")', 's !in ("A")',
  's in~ ("A")', 's has "c"', 's contains "A"', 's startswith "a"', 's == ""', 's in (dynamic(["a"]), "b")',
  's contains 1.5', 's has datetime(2020-01-01)', 's contains dynamic([1,2])', 's == dynamic(1.5)',
  'n == 1', 'n != 1', 'n < 3', 'n >= 0', '1 < n', 'n == 1.0', 'n in (1, 3)', 'n !in (1, 3)', 'n in (1.0, 7.5)',
  'r == 0', 'r != 0', 'r < 1', 'r > -1', 'r == real(nan)', 'r in (0.0, 1.0)', 'r !in (0.0)', 'r == -0.0', 'r != 1',
  'n + 1', 'n - r', 'n * 2', 'n / 2', 'n / 0', 'n % 3', 'n % -3', 'r % 2', 'r / 0', 'n * r', 'r - r',
  't - t', 't + 1h', 't > datetime(1970-01-01)', 't == datetime(null)', 't in (datetime(1970-01-01))',
  'b and n > 1', 'b or n > 1', 'not(b)', 'b and b', 'b or b', 'b == true', 'b != false',
  'bin(n, 2)', 'bin(r, 2)', 'bin(t, 1d)', 'bin(t, 7d)', 'floor(n, 3)', 'bin(n, 0.5)', 'round(r, 1)', 'abs(n)',
  'd == 1', 'd == "a"', 'd in ("a", 1)', 'd > 1', 'n == d', 'r < d', 's == d',
  'g == "00000000-0000-0000-0000-000000000001"', 'g in ("00000000-0000-0000-0000-000000000001")',
  'n between (1 .. 3)', 'n !between (1 .. 3)', 'r between (0.0 .. 2.0)', 't between (datetime(1970-01-01) .. 1d)',
  'iff(b, n, r)', 'isnull(n)', 'isnan(r)', 'n == n', 'r == r', 'r != r', 's == s',
];

function sameValue(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || (a === b);
  return JSON.stringify(a) === JSON.stringify(b);
}

describe('columnar fast paths agree with the row-at-a-time semantics', () => {
  for (const dialect of ['kusto', 'cmpivot'] as Dialect[]) {
    for (const text of EXPRS) {
      it(`${dialect}: ${text}`, () => {
        const a = analyze(`${schema} | extend x = ${text}`, { dialect });
        expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
        const expr = (a.plan as ProjectNode).exprs.at(-1)!;
        const ctx = { now: 0, dialect };
        const t = table();
        const col = compileVector(expr, ctx)(t);
        const row = compileRow(expr, ctx);
        const vector = Array.from({ length: t.length }, (_, i) => getValue(col, i));
        const rows = Array.from({ length: t.length }, (_, i) => row(t.columns, i));
        const typed = rows.map((v) => getValue(columnFromValues(expr.type, [v]), 0));
        for (let i = 0; i < t.length; i++) {
          if (!sameValue(vector[i]!, typed[i]!)) expect({ row: i, vector: vector[i] }).toEqual({ row: i, vector: typed[i] });
        }
      });
    }
  }
});
