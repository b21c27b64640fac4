import { describe, it, expect } from 'vitest';
import { runQuery } from '../../query.js';

const rows = (q: string): unknown[][] => runQuery(q, { now: 0, dialect: 'kusto' }).rows.map((r) => [...r]);

describe('parse', () => {
  it('keeps columns apart from groups inside a kind=regex delimiter', () => {
    expect(rows('print s = "name=bob, age=42" | parse kind=regex s with "(name|id)=" n:string ", age=" a:long | project n, a'))
      .toEqual([['bob', 42]]);
  });
  it('parses a non-string source as its text', () => {
    expect(rows('print x = 12345 | parse x with "12" rest:long | project rest')).toEqual([[345]]);
  });
  it('fails the whole row in simple mode when a typed column does not convert', () => {
    expect(rows('print s = "x,notadate" | parse s with a:string "," d:datetime | project a, d')).toEqual([['', null]]);
  });
  it('nulls only the column that does not convert in relaxed mode', () => {
    expect(rows('print s = "a=1;b=x" | parse kind=relaxed s with "a=" a:long ";b=" b:long | project a, b')).toEqual([[1, null]]);
  });
});
