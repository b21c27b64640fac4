import { describe, expect, it } from 'vitest';
import { completeOrThrow } from '../editor/completions.js';
import { diagnose } from '../editor/diagnose.js';
import { scalarFunctions, aggregateFunctions } from '../functions/registry.js';
import { OPERATOR_KEYWORDS } from '../parser/operators/operator-table.js';
import { parse } from '../parser/parse.js';
import { firstQuery } from '../parser/testing/helpers.js';
import { analyze, runQuery } from '../query.js';
import { KUSTO_AGGREGATE_FUNCTIONS, KUSTO_INFIX_KEYWORDS, KUSTO_QUERY_OPERATORS, KUSTO_SCALAR_FUNCTIONS } from './kusto-names.js';

/** Code and covered text of every diagnostic `analyze` reports. */
function found(text: string, dialect: 'cmpivot' | 'kusto' = 'cmpivot'): [string, string][] {
  return analyze(text, { dialect }).diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end)]);
}

describe('the generated Kusto name lists', () => {
  it('hold the names the engine reasons about, in lower case and sorted', () => {
    for (const list of [KUSTO_QUERY_OPERATORS, KUSTO_SCALAR_FUNCTIONS, KUSTO_AGGREGATE_FUNCTIONS, KUSTO_INFIX_KEYWORDS]) {
      expect(list.length).toBeGreaterThan(10);
      expect([...list].sort()).toEqual(list);
      for (const n of list) expect(n).toBe(n.toLowerCase());
    }
    expect(KUSTO_QUERY_OPERATORS).toEqual(expect.arrayContaining(['mv-apply', 'make-series', 'top-nested', 'where', 'summarize']));
    expect(KUSTO_SCALAR_FUNCTIONS).toEqual(expect.arrayContaining(['strcat', 'geo_distance_2points', 'toscalar']));
    expect(KUSTO_AGGREGATE_FUNCTIONS).toEqual(expect.arrayContaining(['count', 'percentiles_array']));
    expect(KUSTO_INFIX_KEYWORDS).toEqual(expect.arrayContaining(['has_any', 'has_all', 'in~', 'contains']));
  });

  it('know every operator and function the engine supports (a typo in the engine would show here)', () => {
    for (const op of OPERATOR_KEYWORDS) expect(KUSTO_QUERY_OPERATORS, op).toContain(op);
    const kustoFunctions = new Set([...KUSTO_SCALAR_FUNCTIONS, ...KUSTO_AGGREGATE_FUNCTIONS]);
    const engine = [...scalarFunctions.keys(), ...aggregateFunctions.keys()];
    const missing = engine.filter((n) => !kustoFunctions.has(n));
    // The engine may offer a few names of its own; they must stay few, or the list is stale.
    expect(missing.length, missing.join(', ')).toBeLessThan(engine.length / 10);
  });
});

describe('KQL1130: a Kusto query operator openpivot does not run', () => {
  it.each([
    ['print x=1 | mv-apply y to typeof(long) on (take 1)', 'mv-apply'],
    ['print x=1 | make-series n=count() on x step 1', 'make-series'],
    ['print x=1 | top-nested 2 of x by count()', 'top-nested'],
    ['print x=1 | sample-distinct 2 of x', 'sample-distinct'],
    ['print x=1 | evaluate bag_unpack(x)', 'evaluate'],
    ['print x=1 | lookup (print x=2) on x', 'lookup'],
    ['print x=1 | getschema', 'getschema'],
    ['print x=1 | fork (take 1)', 'fork'],
    ['print x=1 | as T', 'as'],
  ])('%s', (text, word) => {
    const d = analyze(text).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'KQL1130', severity: 'error' });
    expect(d[0]!.message).toBe(`The query operator '${word}' is not supported by openpivot.`);
    expect(text.slice(d[0]!.span.start, d[0]!.span.end)).toBe(word);
  });

  it('covers query starts: search, find, evaluate, externaldata', () => {
    expect(found('search "x"')).toEqual([['KQL1130', 'search']]);
    expect(found('find where x == 1')).toEqual([['KQL1130', 'find']]);
    expect(found('evaluate python(typeof(*), "")')).toEqual([['KQL1130', 'evaluate']]);
    expect(found('externaldata(a:string)["https://x"]')).toEqual([['KQL1130', 'externaldata']]);
  });

  it('leaves a table that happens to be named like one alone', () => {
    expect(found('Search | take 1')).toEqual([['KQL2002', 'Search']]);
  });

  it('keeps KQL1105 for a word Kusto does not know either', () => {
    expect(found('print x=1 | frobnicate')).toEqual([['KQL1105', 'frobnicate']]);
    expect(found('print x=1 | top-most 2 by x')[0]![0]).not.toBe('KQL1130');
  });

  it('recovers at the next pipe, so later errors are still found', () => {
    const text = 'print x=1 | mv-apply y on (take 1 | where z) | where ( | take 1';
    expect(parse(text).diagnostics.map((d) => d.code)).toEqual(['KQL1130', 'KQL1100']);
    expect(firstQuery(text).operators.map((o) => o.kind)).toEqual(['MissingOperator', 'Where', 'Take']);
  });
});

describe('KQL1131: a Kusto infix operator openpivot lacks', () => {
  it.each([
    ['print s="a" | where s notcontains "a" and true', 'notcontains'],
    ['print s="a" | where s containscs ("a")', 'containscs'],
    ['print s="a" | where s notlike "a"', 'notlike'],
    ['print s="a" | where s likecs "a"', 'likecs'],
  ])('%s', (text, word) => {
    expect(found(text)).toEqual([['KQL1131', word]]);
    expect(analyze(text).diagnostics[0]!.message).toBe(`The operator '${word}' is not supported by openpivot.`);
  });

  it('reads the operand and goes on with the rest of the query', () => {
    const r = parse('print s="a" | where s notcontains ("a") | take 1 | where (');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['KQL1131', 'KQL1100']);
  });
});

describe('KQL2030: a Kusto function openpivot lacks', () => {
  it('names scalar, aggregate and query-argument functions', () => {
    expect(found('print p=geo_distance_2points(1, 2, 3, 4)')).toEqual([['KQL2030', 'geo_distance_2points']]);
    expect(found('print x=1 | summarize percentiles_array(x, 50)')).toEqual([['KQL2030', 'percentiles_array']]);
    expect(found('print x=1 | where x > toscalar(print 1 | count)')).toEqual([['KQL2030', 'toscalar']]);
    expect(analyze('print p=series_fir(dynamic([1]), dynamic([1]))').diagnostics[0]!.message)
      .toBe("'series_fir' is a Kusto function openpivot does not support.");
  });

  it('keeps KQL2003 for unknown names, and for a wrong case in the kusto dialect', () => {
    expect(found('print p=frobnicate(1)')[0]![0]).toBe('KQL2003');
    expect(found('print p=Geo_distance_2points(1, 2, 3, 4)', 'kusto')[0]![0]).toBe('KQL2003');
    expect(found('print p=Geo_distance_2points(1, 2, 3, 4)', 'cmpivot')[0]![0]).toBe('KQL2030');
  });
});

describe('KQL1132: a user-defined function', () => {
  it('is named on its parameters and body, and the statements after it still parse', () => {
    expect(found('let f = (x:long) { x + 1 };\nprint f(1)')).toEqual([['KQL1132', '(x:long) { x + 1 }']]);
    expect(parse('let f = () { print 1 }; print x | where (').diagnostics.map((d) => d.code)).toEqual(['KQL1132', 'KQL1100']);
  });

  it('leaves a parenthesised value alone', () => {
    expect(found('let x = (1 + 2); print x')).toEqual([]);
  });
});

describe('has_any and has_all, implemented', () => {
  const rows = (text: string): readonly unknown[] => runQuery(text, { now: 0 }).rows;
  it('match any / all terms like has, from a list or a constant dynamic array', () => {
    expect(rows('print s="The Quick fox" | where s has_any ("quick", "zzz")')).toHaveLength(1);
    expect(rows('print s="The Quick fox" | where s has_all ("quick", "zzz")')).toHaveLength(0);
    expect(rows('let t = dynamic(["fox", "QUICK"]); print s="The Quick fox" | where s has_all (t)')).toHaveLength(1);
    expect(rows('print s="quickly" | where s has_any ("quick")')).toHaveLength(0);
  });

  it('refuses what the documentation leaves open, naming the operator', () => {
    expect(found('print s="a", d=dynamic(["a"]) | where s has_any (d)')).toEqual([['KQL2022', 'd']]);
    expect(found('print s="a" | where s has_all (dynamic([]))')[0]![0]).toBe('KQL2022');
    expect(found('print s=1 | where s has_any ("1")')).toEqual([['KQL2010', 's']]);
  });
});

describe('project-keep and serialize, implemented', () => {
  it('project-keep keeps the named columns in input order; unknown names are errors', () => {
    expect(analyze('print b=2, a=1, c=3 | project-keep c, a').schema.map((c) => c.name)).toEqual(['a', 'c']);
    expect(found('print a=1 | project-keep z')[0]![0]).toBe('KQL2001');
  });

  it('a bare serialize changes nothing; with columns it is refused', () => {
    expect(analyze('print b=2, a=1 | serialize').schema.map((c) => c.name)).toEqual(['b', 'a']);
    expect(found('print a=1 | serialize n = a')).toEqual([['KQL1130', 'n = a']]);
  });
});

describe('the editor on unsupported features', () => {
  const texts = [
    'print x=1 | mv-apply y to typeof(long) on (take 1) | where ',
    'print s="a" | where s notcontains (',
    'print s="a" | where s has_all ("a") | where x ',
    'print x=1 | top-nested 2 of x by ',
    'search "x" | ',
    'print p=toscalar(print 1 | ',
    'let f = (x:long) { x + ',
    'print x=1 | serialize y = ',
  ];
  it('diagnoses and completes at every offset without throwing', () => {
    for (const text of texts) {
      expect(diagnose(text).diagnostics.length).toBeGreaterThan(0);
      for (let i = 0; i <= text.length; i++) expect(() => completeOrThrow(text, i)).not.toThrow();
    }
  });
});
