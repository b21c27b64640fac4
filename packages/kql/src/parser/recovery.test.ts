import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from './cursor.js';
import { parse } from './parse.js';
import { codes, firstQuery, queryOf } from './testing/helpers.js';

describe('error recovery', () => {
  it('reports an unterminated string at its opening quote and keeps the tree', () => {
    const text = "Software | where Publisher like 'Microsoft%";
    const r = parse(text);
    expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([['KQL1001', { start: 32, end: 33 }]]);
    expect(queryOf(text)).toBe('Software | where (like Publisher string:"Microsoft%")');
  });

  it('gives a Missing predicate for a bare where', () => {
    const r = parse('Process | where');
    expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([['KQL1100', { start: 15, end: 15 }]]);
    const op = firstQuery('Process | where').operators[0]!;
    expect(op.kind === 'Where' && op.predicate).toEqual({ kind: 'Missing', span: { start: 15, end: 15 } });
  });

  it('names an unknown operator and parses on after it', () => {
    const text = 'Process | frobnicate x y | take 1';
    const r = parse(text);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'KQL1105', span: { start: 10, end: 20 } });
    expect(r.diagnostics[0]!.message).toContain('frobnicate');
    const ops = firstQuery(text).operators;
    expect(ops.map((o) => o.kind)).toEqual(['MissingOperator', 'Take']);
    expect(ops[0]!.keywordSpan).toEqual({ start: 10, end: 20 });
  });

  it('reports a pipe with nothing after it', () => {
    expect(codes(parse('Process |'))).toEqual(['KQL1104']);
    expect(codes(parse('Process | | take 1'))).toEqual(['KQL1104']);
    expect(queryOf('Process | | take 1')).toBe('Process | ?op | take long:1');
  });

  it('reports a missing source', () => {
    const r = parse('| where x');
    expect(codes(r)).toEqual(['KQL1103']);
    expect(queryOf('| where x')).toBe('?source | where x');
    expect(codes(parse('T | join'))).toEqual(['KQL1103']);
  });

  it('recovers from unbalanced parentheses', () => {
    expect(codes(parse('T | where (a == 1'))).toEqual(['KQL1101']);
    expect(codes(parse('T | where a == 1) | take 1'))).toEqual(['KQL1107']);
    expect(queryOf('T | where a == 1) | take 1')).toBe('T | where (== a long:1) | take long:1');
    expect(codes(parse('T | where f(a, | take 1'))).toContain('KQL1100');
    expect(codes(parse('(T | take 1'))).toEqual(['KQL1101']);
  });

  it('skips text after a complete operator up to the next pipe', () => {
    const r = parse('T | take 5 6 7 | count');
    expect(codes(r)).toEqual(['KQL1107']);
    expect(queryOf('T | take 5 6 7 | count')).toBe('T | take long:5 | count');
  });

  it('reports no cascade for one missing piece', () => {
    expect(codes(parse('T | where a =='))).toEqual(['KQL1100']);
    expect(codes(parse('T | summarize count() by'))).toEqual(['KQL1100']);
    expect(codes(parse('T | order'))).toEqual(['KQL1109']);
  });

  it('survives garbage', () => {
    for (const text of ['))) ((( | | ; ; garbage !!! @@@ #', '@', '"', "'", '[', ']]]', '{', '$', '\u0000\uffff\ud800', '.', '..', '1..', 'let', 'let ;', '|||']) {
      const r = parse(text);
      expect(r.script.kind).toBe('Script');
      expect(r.tokens[r.tokens.length - 1]!.kind).toBe('End');
    }
  });
});

describe('nesting limits', () => {
  it('gives one diagnostic for 200 levels of parentheses', () => {
    const r = parse('print ' + '('.repeat(200) + 'x' + ')'.repeat(200));
    expect(codes(r)).toEqual(['KQL1108']);
    expect(r.diagnostics[0]!.message).toContain(String(MAX_DEPTH));
  });

  it('gives one diagnostic for deep calls, subqueries and dynamic literals', () => {
    expect(codes(parse('print ' + 'f('.repeat(300) + 'x' + ')'.repeat(300)))).toEqual(['KQL1108']);
    expect(codes(parse('('.repeat(300) + 'T | where x' + ')'.repeat(300)))).toEqual(['KQL1108']);
    expect(codes(parse('print dynamic(' + '['.repeat(300) + ']'.repeat(300) + ')'))).toEqual(['KQL1108']);
  });

  it('parses the statement after a too-deep one', () => {
    const r = parse('print ' + '('.repeat(200) + 'x' + ')'.repeat(200) + '; T | take 1');
    expect(r.script.statements).toHaveLength(2);
  });

  it('accepts nesting under the limit without diagnostics', () => {
    expect(parse('print ' + '('.repeat(50) + 'x' + ')'.repeat(50)).diagnostics).toEqual([]);
  });

  it('stays fast on huge inputs', () => {
    const inputs = [
      'print ' + '('.repeat(50_000),
      'print ' + Array(50_000).fill('1').join('+'),
      'T ' + '| where x '.repeat(10_000),
      "'".repeat(50_000),
      'print a' + '['.repeat(20_000),
    ];
    for (const text of inputs) {
      const t0 = performance.now();
      parse(text);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });
});
