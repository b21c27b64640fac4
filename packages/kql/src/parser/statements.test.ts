import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';
import { exprText, tabularText } from './testing/sexpr.js';
import { clean, firstQuery, queryOf } from './testing/helpers.js';

const script = (text: string): string[] =>
  parse(text).script.statements.map((s) =>
    s.kind === 'Let'
      ? `let ${s.name.name} = ${s.value.kind === 'Tabular' ? `T:${tabularText(s.value)}` : exprText(s.value)}`
      : tabularText(s.query),
  );

describe('sources', () => {
  it('reads a table, an entity call, and a subquery', () => {
    expect(queryOf('Process')).toBe('Process');
    expect(queryOf("File('c:\\x') | take 1")).toBe('File(string:"c:\\\\x") | take long:1');
    expect(queryOf("Registry('hklm:\\SOFTWARE\\Microsoft\\SMS\\*')")).toBe('Registry(string:"hklm:\\\\SOFTWARE\\\\Microsoft\\\\SMS\\\\*")');
    expect(queryOf('(T | take 1) | count')).toBe('(T | take long:1) | count');
    expect(queryOf("['My Table']")).toBe('My Table');
  });

  it('reads datatable with type names and aliases', () => {
    expect(queryOf('datatable(a:long, b:string)[1, "x", 2, "y"]')).toBe('datatable(a:long, b:string)[long:1, string:"x", long:2, string:"y"]');
    expect(queryOf('datatable(a:int, b:boolean, c:double, d:date, e:time, f:uniqueid, g:decimal, h:dynamic)[]')).toBe(
      'datatable(a:int, b:bool, c:real, d:datetime, e:timespan, f:guid, g:real, h:dynamic)[]',
    );
    const src = firstQuery('datatable(a:long)[1]').source;
    expect(src.kind === 'Datatable' && src.columns[0]!.typeSpan).toEqual({ start: 12, end: 16 });
    expect(parse('datatable(a:colour)[1]').diagnostics.map((d) => d.code)).toEqual(['KQL1205']);
  });

  it('reads print, range and union sources', () => {
    expect(queryOf('print x=1, 2')).toBe('print x=long:1, long:2');
    expect(queryOf('range x from 1 to 10 step 2')).toBe('range x long:1 long:10 long:2');
    expect(queryOf('union withsource=Src kind=outer T1, T2')).toBe('union withsource=string:"Src" kind=string:"outer" T1, T2');
    const u = firstQuery('union T1, (T2 | take 1) | count');
    expect(u.source.kind === 'UnionSource' && u.source.tables.map((t) => t.operators.length)).toEqual([0, 1]);
    expect(u.operators.map((o) => o.kind)).toEqual(['Count']);
  });

  it('reports a range without step', () => {
    expect(parse('range x from 1 to 10').diagnostics.map((d) => d.code)).toEqual(['KQL1109']);
  });
});

describe('statements', () => {
  it('reads lets of scalars and of queries', () => {
    expect(script('let n = 5; T | take n')).toEqual(['let n = long:5', 'T | take n']);
    expect(script('let T = datatable(a:long)[1]; T')).toEqual(['let T = T:datatable(a:long)[long:1]', 'T']);
    expect(script('let T = (U | take 1); T')).toEqual(['let T = T:(U | take long:1)', 'T']);
    expect(script('let T = U | where a; T')).toEqual(['let T = T:U | where a', 'T']);
    expect(script("let s = 'x'; let f = strcat(s, 'y'); print f")).toEqual(['let s = string:"x"', 'let f = strcat(s, string:"y")', 'print f']);
    expect(script('let T = union U, V; T')).toEqual(['let T = T:union U, V', 'T']);
    expect(script('let x = (1 + 2) * 3; print x')).toEqual(['let x = (* {(+ long:1 long:2)} long:3)', 'print x']);
  });

  it('leaves a bare name as an expression for the binder to resolve', () => {
    expect(script('let U = Process; U')).toEqual(['let U = Process', 'U']);
  });

  it('allows comments, blank statements and a trailing semicolon', () => {
    const text = '// first\nlet a = 1;;\n// second\nprint a; // done\n';
    expect(script(text)).toEqual(['let a = long:1', 'print a']);
    expect(clean(text)).toBe(true);
    expect(parse('').script.statements).toEqual([]);
    expect(parse('  // only a comment').diagnostics).toEqual([]);
  });

  it('gives exact statement spans', () => {
    const r = parse('let n = 5;\nT | take n');
    expect(r.script.span).toEqual({ start: 0, end: 21 });
    expect(r.script.statements.map((s) => s.span)).toEqual([{ start: 0, end: 9 }, { start: 11, end: 21 }]);
  });

  it('returns every token, comments flagged, for editors', () => {
    const r = parse('T // c\n| where x');
    expect(r.tokens.map((t) => t.kind)).toEqual(['Identifier', 'Comment', 'Punct', 'Identifier', 'Identifier', 'End']);
    expect(r.tokens[1]!.trivia).toBe(true);
  });
});

describe('statements: let values', () => {
  it('tells the range source from the range() function', () => {
    expect(script('let r = range(1, 5, 1); print r')).toEqual(['let r = range(long:1, long:5, long:1)', 'print r']);
    expect(script('let r = range x from 1 to 3 step 1; r')).toEqual(['let r = T:range x long:1 long:3 long:1', 'r']);
  });
});
