import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';
import { codes, exprOf, printed } from './testing/helpers.js';

const lit = (text: string, dialect: 'cmpivot' | 'kusto' = 'cmpivot'): { type: string; value: unknown } => {
  const e = printed(text, dialect);
  if (e.kind !== 'Literal') throw new Error(`${text} gave ${e.kind}`);
  return { type: e.type, value: e.value };
};

describe('literals: numbers and bools', () => {
  it('types plain numbers', () => {
    expect(lit('123')).toEqual({ type: 'long', value: 123 });
    expect(lit('1.5')).toEqual({ type: 'real', value: 1.5 });
    expect(lit('1e3')).toEqual({ type: 'real', value: 1000 });
    expect(lit('0x1F')).toEqual({ type: 'long', value: 31 });
  });

  it('reads typed numeric literals', () => {
    expect(lit('int(5)')).toEqual({ type: 'int', value: 5 });
    expect(lit('int(-5)')).toEqual({ type: 'int', value: -5 });
    expect(lit('long(5)')).toEqual({ type: 'long', value: 5 });
    expect(lit('long(0x10)')).toEqual({ type: 'long', value: 16 });
    expect(lit('real(1.5)')).toEqual({ type: 'real', value: 1.5 });
    expect(lit('double(2)')).toEqual({ type: 'real', value: 2 });
    expect(lit('real(-1.5e3)')).toEqual({ type: 'real', value: -1500 });
    expect(lit('real(nan)').value).toBeNaN();
    expect(lit('real(+inf)')).toEqual({ type: 'real', value: Infinity });
    expect(lit('real(-inf)')).toEqual({ type: 'real', value: -Infinity });
  });

  it('reads typed nulls', () => {
    for (const [text, type] of [
      ['int(null)', 'int'], ['long(null)', 'long'], ['real(null)', 'real'], ['bool(null)', 'bool'],
      ['datetime(null)', 'datetime'], ['timespan(null)', 'timespan'], ['guid(null)', 'guid'], ['dynamic(null)', 'dynamic'],
    ] as const) {
      expect(lit(text)).toEqual({ type, value: null });
    }
    expect(parse('print int(null), dynamic(null)').diagnostics).toEqual([]);
  });

  it('reads bools in the forms Kusto has', () => {
    for (const w of ['true', 'True', 'TRUE']) expect(lit(w, 'kusto')).toEqual({ type: 'bool', value: true });
    for (const w of ['false', 'False', 'FALSE']) expect(lit(w, 'kusto')).toEqual({ type: 'bool', value: false });
    expect(lit('bool(true)')).toEqual({ type: 'bool', value: true });
    expect(lit('bool(1)')).toEqual({ type: 'bool', value: true });
    expect(printed('tRuE', 'kusto').kind).toBe('Name');
  });

  it('reports a typed literal that holds no literal', () => {
    const r = parse('print int(x), 2');
    expect(codes(r)).toEqual(['KQL1203']);
    expect(exprOf('int(x)')).toBe('int:null');
    // The rest of the query still parses.
    const items = parse('print int(x), 2').script.statements[0];
    expect(items?.kind === 'Query' && items.query.source.kind === 'Print' && items.query.source.items.length).toBe(2);
  });
});

describe('literals: strings', () => {
  it('concatenates adjacent strings, spanning both', () => {
    const e = printed(`'a' "b" @'c'`);
    expect(e).toMatchObject({ kind: 'Literal', type: 'string', value: 'abc', span: { start: 6, end: 18 } });
  });

  it('applies the dialect escape rule', () => {
    expect(lit(`'c:\\Windows\\notes'`).value).toBe('c:\\Windows\\notes');
    expect(lit(`'c:\\Windows\\notes'`, 'kusto').value).toBe('c:\\Windows\notes');
    expect(codes(parse(`print 'c:\\Windows'`, { dialect: 'kusto' }))).toEqual(['KQL1002']);
    expect(parse(`print 'c:\\Windows'`).diagnostics).toEqual([]);
  });
});

describe('literals: datetime, timespan, guid', () => {
  it('decodes datetimes', () => {
    expect(lit('datetime(2015-12-31 23:59:59.9)')).toEqual({ type: 'datetime', value: Date.UTC(2015, 11, 31, 23, 59, 59, 900) });
    expect(lit('datetime(2020-01-01)')).toEqual({ type: 'datetime', value: Date.UTC(2020, 0, 1) });
    expect(lit('datetime("2020-01-01T00:00:00Z")')).toEqual({ type: 'datetime', value: Date.UTC(2020, 0, 1) });
    expect(lit('date(2020-01-01)').type).toBe('datetime');
  });

  it('reports a bad datetime at its inner text', () => {
    const r = parse('print datetime(2020-13-45)');
    expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([['KQL1200', { start: 15, end: 25 }]]);
  });

  it('decodes timespans in every form', () => {
    expect(lit('1d')).toEqual({ type: 'timespan', value: 86_400_000 });
    expect(lit('timespan(1d)')).toEqual({ type: 'timespan', value: 86_400_000 });
    expect(lit('timespan(1.02:03:04)')).toEqual({ type: 'timespan', value: 93_784_000 });
    expect(lit('time(2h)')).toEqual({ type: 'timespan', value: 7_200_000 });
    expect(lit('timespan(-1d)')).toEqual({ type: 'timespan', value: -86_400_000 });
    expect(lit('timespan(2)')).toEqual({ type: 'timespan', value: 172_800_000 });
    expect(codes(parse('print timespan(soon)'))).toEqual(['KQL1201']);
  });

  it('decodes guids to lower case', () => {
    expect(lit('guid(74BE27DE-1e4e-49d9-b579-fe0b331d3642)')).toEqual({ type: 'guid', value: '74be27de-1e4e-49d9-b579-fe0b331d3642' });
    expect(codes(parse('print guid(nope)'))).toEqual(['KQL1202']);
  });
});

describe('literals: dynamic', () => {
  it('decodes JSON-like values', () => {
    expect(lit('dynamic([1, "a", {"b": 2}])')).toEqual({ type: 'dynamic', value: [1, 'a', { b: 2 }] });
    expect(lit("dynamic({'a': [true, false, null], 'b': -1.5})").value).toEqual({ a: [true, false, null], b: -1.5 });
    expect(lit('dynamic([])').value).toEqual([]);
    expect(lit('dynamic({})').value).toEqual({});
    expect(lit('dynamic(5)').value).toBe(5);
    expect(lit("dynamic('s')").value).toBe('s');
  });

  it('holds typed literals inside as their string form', () => {
    const v = lit('dynamic({"d": datetime(2020-01-01), "t": 1h, "g": guid(74be27de-1e4e-49d9-b579-fe0b331d3642), "n": long(7)})').value;
    expect(v).toEqual({ d: '2020-01-01T00:00:00Z', t: '01:00:00', g: '74be27de-1e4e-49d9-b579-fe0b331d3642', n: 7 });
  });

  it('keeps a __proto__ key as plain data', () => {
    const v = lit('dynamic({"__proto__": 1})').value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });

  it('reports a bad value and recovers after the literal', () => {
    const r = parse('print dynamic([1, x]), 2');
    expect(codes(r)).toEqual(['KQL1204']);
    const s = r.script.statements[0];
    expect(s?.kind === 'Query' && s.query.source.kind === 'Print' && s.query.source.items.length).toBe(2);
  });

  it('reports a missing bracket', () => {
    expect(codes(parse('print dynamic([1, 2)'))).toEqual(['KQL1101']);
  });
});
