import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';
import { codes, exprOf, printed } from './testing/helpers.js';

describe('expressions: precedence', () => {
  it('multiplies before adding, adds before comparing, compares before and, and before or', () => {
    expect(exprOf('1 + 2 * 3')).toBe('(+ long:1 (* long:2 long:3))');
    expect(exprOf('a - b - c')).toBe('(- (- a b) c)');
    expect(exprOf('a / b % c')).toBe('(% (/ a b) c)');
    expect(exprOf('a + 1 > b * 2')).toBe('(> (+ a long:1) (* b long:2))');
    expect(exprOf('a or b and c')).toBe('(or a (and b c))');
    expect(exprOf('a == 1 or b != 2 and c < 3')).toBe('(or (== a long:1) (and (!= b long:2) (< c long:3)))');
  });

  it('puts unary minus above multiplication and below postfix', () => {
    expect(exprOf('-a * b')).toBe('(* (-u a) b)');
    expect(exprOf('-(-a)')).toBe('(-u {(-u a)})');
    expect(exprOf('1 - -a')).toBe('(- long:1 (-u a))');
    expect(exprOf('-a.b[0]')).toBe('(-u a.b[long:0])');
    expect(exprOf('+5')).toBe('(+u long:5)');
  });

  it('keeps parentheses as Paren nodes', () => {
    expect(exprOf('(a + b) * c')).toBe('(* {(+ a b)} c)');
    expect(exprOf('(1 == 1) and (2 == 2)')).toBe('(and {(== long:1 long:1)} {(== long:2 long:2)})');
  });

  it('puts string predicates at comparison level', () => {
    expect(exprOf("a has 'x' and b contains 'y'")).toBe('(and (has a string:"x") (contains b string:"y"))');
    expect(exprOf("a + 'x' startswith b")).toBe('(startswith (+ a string:"x") b)');
  });

  it('reads every string operator and its negation', () => {
    const ops = [
      'has', '!has', 'has_cs', '!has_cs', 'hasprefix', '!hasprefix', 'hasprefix_cs', '!hasprefix_cs',
      'hassuffix', '!hassuffix', 'hassuffix_cs', '!hassuffix_cs', 'contains', '!contains', 'contains_cs', '!contains_cs',
      'startswith', '!startswith', 'startswith_cs', '!startswith_cs', 'endswith', '!endswith', 'endswith_cs', '!endswith_cs',
      'like', '!like',
    ];
    for (const op of ops) {
      expect(exprOf(`a ${op} 'x'`, 'kusto')).toBe(`(${op} a string:"x")`);
    }
    expect(exprOf("a matches regex '[0-9]+'")).toBe('(matches regex a string:"[0-9]+")');
    expect(exprOf('a =~ b')).toBe('(=~ a b)');
    expect(exprOf('a !~ b')).toBe('(!~ a b)');
    expect(exprOf('a <> b')).toBe('(!= a b)');
  });

  it('accepts any keyword case in cmpivot, lower case only in kusto', () => {
    expect(exprOf("a CONTAINS 'x' AND b Has 'y'")).toBe('(and (contains a string:"x") (has b string:"y"))');
    expect(exprOf("a !Contains 'x'")).toBe('(!contains a string:"x")');
    const r = parse("print a CONTAINS 'x'", { dialect: 'kusto' });
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });

  it('reads in, !in, in~, !in~ with a list', () => {
    expect(exprOf('x in (1, 2, 3)')).toBe('(in x [long:1, long:2, long:3])');
    expect(exprOf("x !in ('a')")).toBe('(!in x [string:"a"])');
    expect(exprOf("x in~ ('a', 'B')")).toBe('(in~ x [string:"a", string:"B"])');
    expect(exprOf("x !in~ ('a')")).toBe('(!in~ x [string:"a"])');
    expect(exprOf('x in (dynamic([1,2]))')).toBe('(in x [dynamic:[1,2]])');
    expect(exprOf('x in(1)')).toBe('(in x [long:1])');
    expect(exprOf('x in (1) and y')).toBe('(and (in x [long:1]) y)');
  });

  it('reads between and !between', () => {
    expect(exprOf('x between (1 .. 10)')).toBe('(between x long:1 long:10)');
    expect(exprOf('x between(1..10)')).toBe('(between x long:1 long:10)');
    expect(exprOf('x !between (ago(1d) .. now())')).toBe('(!between x ago(timespan:86400000) now())');
    expect(exprOf('x between (1 .. 2) or y')).toBe('(or (between x long:1 long:2) y)');
  });

  it('reads calls, members, indexes, stars', () => {
    expect(exprOf('not(a)')).toBe('not(a)');
    expect(exprOf('strcat(a, " ", b)')).toBe('strcat(a, string:" ", b)');
    expect(exprOf('arg_max(x, *)')).toBe('arg_max(x, *)');
    expect(exprOf('f()')).toBe('f()');
    expect(exprOf("d.a.b['k'][0]")).toBe('d.a.b[string:"k"][long:0]');
    expect(exprOf('$left.Device')).toBe('$left.Device');
    expect(exprOf("['Name with space'] + 1")).toBe('(+ Name with space long:1)');
  });

  it('reads names that are also keywords', () => {
    expect(exprOf('count + kind + title + by')).toBe('(+ (+ (+ count kind) title) by)');
  });
});

describe('expressions: spans', () => {
  it('gives exact spans for a binary tree', () => {
    const e = printed('a + 10 * b');
    expect(e.span).toEqual({ start: 6, end: 16 });
    if (e.kind !== 'Binary') throw new Error(e.kind);
    expect(e.opSpan).toEqual({ start: 8, end: 9 });
    expect(e.right.span).toEqual({ start: 10, end: 16 });
  });

  it('covers a call and a paren with their parentheses', () => {
    expect(printed('f(x, y)').span).toEqual({ start: 6, end: 13 });
    expect(printed('( x )').span).toEqual({ start: 6, end: 11 });
    const m = printed("x matches regex 'a'");
    if (m.kind !== 'Binary') throw new Error(m.kind);
    expect(m.opSpan).toEqual({ start: 8, end: 21 });
  });
});

describe('expressions: errors', () => {
  it('reports a missing right operand', () => {
    const r = parse('print a +');
    expect(codes(r)).toEqual(['KQL1100']);
    expect(exprOf('a +')).toBe('(+ a ?)');
  });

  it('reports an unknown negated operator', () => {
    expect(codes(parse("print a !foo 'x'"))).toEqual(['KQL1110']);
  });

  it('reports a missing list after in', () => {
    expect(codes(parse('print x in 1'))).toContain('KQL1101');
  });

  it('reports a missing .. in between', () => {
    expect(codes(parse('print x between (1, 2)'))).toContain('KQL1101');
  });

  it('parses long chains without recursion trouble, and bounds their depth', () => {
    const ok = 'print ' + Array.from({ length: 1000 }, (_, i) => `a${i}`).join(' + ');
    expect(parse(ok).diagnostics).toEqual([]);
    const tooLong = 'print ' + Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' + ');
    expect(parse(tooLong).diagnostics.map((d) => d.code)).toEqual(['KQL1120']);
    // A sign never applies to a sign (Kusto: `- -5` is a missing expression); a long run is one error, no recursion.
    expect(parse('print ' + '-'.repeat(5000) + '1').diagnostics.map((d) => d.code)).toEqual(['KQL1100']);
    expect(parse('print x = - -5').diagnostics.map((d) => [d.code, d.span.start])).toEqual([['KQL1100', 11]]);
  });
});
