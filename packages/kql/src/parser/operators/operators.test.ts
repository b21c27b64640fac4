import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { clean, opOf, queryOf } from '../testing/helpers.js';

/** Each row: query, its compact tree text. Every query must also parse without diagnostics. */
const CASES: readonly (readonly [string, string])[] = [
  ['T | where a > 1', 'T | where (> a long:1)'],
  ['T | filter a > 1', 'T | where (> a long:1)'],
  ['T | project a, b = a + 1, (x, y) = f(a)', 'T | project a, b=(+ a long:1), (x,y)=f(a)'],
  ['T | project-away a, b*, *c, d*e', 'T | project-away a, b*, *c, d*e'],
  ["T | project-rename New = Old, ['x y'] = z", 'T | project-rename New=Old, x y=z'],
  ['T | project-reorder b, a* asc, c desc', 'T | project-reorder b, a* asc, c desc'],
  ['T | extend x = 1, y', 'T | extend x=long:1, y'],
  ['T | summarize count() by a', 'T | summarize count() by a'],
  ['T | summarize by a, b', 'T | summarize  by a, b'],
  ['T | summarize Total = sum(x), avg(y) by bin(t, 1h), k = lower(n)', 'T | summarize Total=sum(x), avg(y) by bin(t, timespan:3600000), k=lower(n)'],
  ['T | summarize hint.strategy=shuffle dcount(d)', 'T | summarize hint.strategy=string:"shuffle" dcount(d) by '],
  ['T | count', 'T | count'],
  ['T | distinct *', 'T | distinct *'],
  ['T | distinct a, b', 'T | distinct a, b'],
  ['T | order by a desc, b asc nulls first', 'T | sort a desc, b asc nulls first'],
  ['T | sort by a nulls last', 'T | sort a nulls last'],
  ['T | top 10 by a asc', 'T | top long:10 a asc'],
  ['T | take 5', 'T | take long:5'],
  ['T | limit 5', 'T | take long:5'],
  ['T | join kind=inner (U | where x) on Device', 'T | join kind=string:"inner" (U | where x) on Device'],
  ['T | join U', 'T | join (U) on '],
  ['T | join kind=leftouter hint.strategy=broadcast U on $left.a == $right.b, c', 'T | join kind=string:"leftouter" hint.strategy=string:"broadcast" (U) on $left.a==$right.b, c'],
  ['T | join (U) on $left.a == $right.b and $left.c == $right.d', 'T | join (U) on $left.a==$right.b, $left.c==$right.d'],
  ['T | union withsource=Src kind=outer isfuzzy=true U', 'T | union withsource=string:"Src" kind=string:"outer" isfuzzy=bool:true U'],
  ['T | mv-expand x', 'T | mv-expand x'],
  ['T | mv-expand bagexpansion=array x, y = z to typeof(long) limit 10', 'T | mv-expand bagexpansion=string:"array" x, y=z to long limit long:10'],
  ['T | mvexpand x', 'T | mv-expand x'],
  ['T | parse Line with "a" Col:long * "b" Col2', 'T | parse Line with "a" Col:long * "b" Col2:string'],
  ['T | parse kind=regex flags=i Line with "(x)" A', 'T | parse kind=string:"regex" flags=string:"i" Line with "(x)" A:string'],
  ['T | render piechart', 'T | render piechart'],
  [
    "T | render barchart with (kind=stacked, title='Boot times', ytitle='Time (ms)', legend=hidden)",
    'T | render barchart kind=string:"stacked" title=string:"Boot times" ytitle=string:"Time (ms)" legend=string:"hidden"',
  ],
  ["T | render columnchart with(title='x')", 'T | render columnchart title=string:"x"'],
  ['T | render timechart kind=stacked', 'T | render timechart kind=string:"stacked"'],
  ['T | project count, kind, title, Device', 'T | project count, kind, title, Device'],
  ['T | summarize count() by kind | where count_ > 1', 'T | summarize count() by kind | where (> count_ long:1)'],
  ["T | where kind == 'x' and title has 'y'", 'T | where (and (== kind string:"x") (has title string:"y"))'],
];

describe('operators', () => {
  for (const [query, tree] of CASES) {
    it(query, () => {
      expect(queryOf(query)).toBe(tree);
      expect(clean(query)).toBe(true);
      expect(clean(query, 'kusto')).toBe(true);
    });
  }

  it('keeps union tables apart: a name, then a whole subquery', () => {
    const op = opOf('T | union U, (V | take 1)');
    if (op.kind !== 'Union') throw new Error(op.kind);
    expect(op.tables.map((t) => [t.source.kind, t.operators.length])).toEqual([['TableRef', 0], ['TableRef', 1]]);
  });

  it('leaves a bare join right side without operators, so the next pipe is the outer query', () => {
    const q = parse('T | join U | where x').script.statements[0]!;
    if (q.kind !== 'Query') throw new Error(q.kind);
    expect(q.query.operators.map((o) => o.kind)).toEqual(['Join', 'Where']);
  });

  it('records keyword and operator spans', () => {
    const op = opOf('T | where  a == 1 ');
    expect(op.keywordSpan).toEqual({ start: 4, end: 9 });
    expect(op.span).toEqual({ start: 4, end: 17 });
    const pa = opOf('T | project-away x');
    expect(pa.keywordSpan).toEqual({ start: 4, end: 16 });
  });

  it('accepts free layout: tabs, newlines before by, no space after the pipe', () => {
    expect(queryOf('Process\n\t|summarize count()\n\tby Name')).toBe('Process | summarize count() by Name');
    expect(queryOf("Device|join kind=leftouter(File('x')|where a)")).toBe('Device | join kind=string:"leftouter" (File(string:"x") | where a) on ');
  });

  it('accepts any operator keyword case in cmpivot only', () => {
    expect(queryOf('T | WHERE x | TAKE 5 | Project-Away y | Order BY z')).toBe('T | where x | take long:5 | project-away y | sort z');
    const r = parse('T | WHERE x', { dialect: 'kusto' });
    expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([['KQL1106', { start: 4, end: 9 }]]);
  });

  it('keeps hyphenated operators from breaking subtraction', () => {
    expect(queryOf('T | extend d = project-away')).toBe('T | extend d=(- project away)');
    expect(queryOf('T | where a-b > 0')).toBe('T | where (> (- a b) long:0)');
  });
});

describe('top takes one key, as in Kusto', () => {
  it('reports a second key and points at it', () => {
    const text = 'T | top 5 by a desc, b';
    const d = parse(text).diagnostics;
    expect(d.map((x) => x.code)).toEqual(['KQL1121']);
    expect(text.slice(d[0]!.span.start, d[0]!.span.end)).toBe('b');
    expect(parse('T | top 5 by a desc nulls last').diagnostics).toEqual([]);
  });
});
