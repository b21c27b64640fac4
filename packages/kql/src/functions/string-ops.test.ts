import { describe, expect, it } from 'vitest';
import type { StringOp } from '../syntax/ast.js';
import { compileStringPredicate, stringPredicate } from './string-ops.js';

const test = (left: string, op: StringOp, right: string): boolean => compileStringPredicate(op, right, 'cmpivot')(left);

// The "Example (yields true)" column of Kusto's string operators page (datatypes-string-operators).
describe('documented examples', () => {
  const TRUE: [string, StringOp, string][] = [
    ['FabriKam', 'contains', 'BRik'], ['Fabrikam', '!contains', 'xyz'],
    ['FabriKam', 'contains_cs', 'Kam'], ['Fabrikam', '!contains_cs', 'Kam'],
    ['Fabrikam', 'endswith', 'Kam'], ['Fabrikam', '!endswith', 'brik'],
    ['Fabrikam', 'endswith_cs', 'kam'], ['Fabrikam', '!endswith_cs', 'brik'],
    ['North America', 'has', 'america'], ['North America', '!has', 'amer'],
    ['North America', 'has_cs', 'America'], ['North America', '!has_cs', 'amer'],
    ['North America', 'hasprefix', 'ame'], ['North America', '!hasprefix', 'mer'],
    ['North America', 'hasprefix_cs', 'Ame'], ['North America', '!hasprefix_cs', 'CA'],
    ['North America', 'hassuffix', 'ica'], ['North America', '!hassuffix', 'americ'],
    ['North America', 'hassuffix_cs', 'ica'], ['North America', '!hassuffix_cs', 'icA'],
    ['Fabrikam', 'matches regex', 'b.*k'],
    ['Fabrikam', 'startswith', 'fab'], ['Fabrikam', '!startswith', 'kam'],
    ['Fabrikam', 'startswith_cs', 'Fab'], ['Fabrikam', '!startswith_cs', 'fab'],
  ];
  for (const [left, op, right] of TRUE) {
    it(`"${left}" ${op} "${right}"`, () => expect(test(left, op, right)).toBe(true));
  }
});

describe('has and terms', () => {
  it('matches whole terms split on non-alphanumerics', () => {
    const text = 'Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun';
    for (const term of ['Kusto', 'ad67d136', 'c1db', '4f9f', 'd94f3b6b0b5a', 'KustoExplorerQueryRun']) {
      expect(test(text, 'has', term)).toBe(true);
    }
    expect(test(text, 'has', 'Explorer')).toBe(false);
    expect(test(text, 'has', 'c1d')).toBe(false);
  });
  it('matches a right side with separators as a phrase bounded by terms', () => {
    expect(test('abc-def ghi', 'has', 'abc-def')).toBe(true);
    expect(test('abc-def ghi', 'has', 'c-def')).toBe(false);
    expect(test('abc-def ghi', 'has', '-def')).toBe(true);
    expect(test('x.exe', 'has', '.exe')).toBe(true);
  });
  it('finds a later occurrence when the first is inside a term', () => {
    expect(test('windows win', 'has', 'win')).toBe(true);
    expect(test('windows', 'has', 'win')).toBe(false);
    expect(test('windows', 'hasprefix', 'win')).toBe(true);
    expect(test('windows', 'hassuffix', 'dows')).toBe(true);
    expect(test('windows', 'hassuffix', 'dow')).toBe(false);
  });
  it('treats an empty right side as matching', () => {
    expect(test('abc', 'has', '')).toBe(true);
    expect(test('', 'contains', '')).toBe(true);
    expect(test('abc', '!contains', '')).toBe(false);
  });
});

describe('like (CMPivot SQL wildcards)', () => {
  // cmpivot-facts §2.3: 'abc' like '%B%', 'abc' !like '_d_'.
  it('follows the CMPivot examples', () => {
    expect(test('abc', 'like', '%B%')).toBe(true);
    expect(test('abc', '!like', '_d_')).toBe(true);
  });
  it('anchors the whole value and ignores case', () => {
    expect(test('Microsoft Corporation', 'like', 'microsoft%')).toBe(true);
    expect(test('The Microsoft', 'like', 'microsoft%')).toBe(false);
    expect(test('abc', 'like', 'ABC')).toBe(true);
    expect(test('abc', 'like', '%c')).toBe(true);
    expect(test('abc', 'like', 'a_c')).toBe(true);
    expect(test('abbc', 'like', 'a_c')).toBe(false);
    expect(test('a%c', 'like', 'a%c')).toBe(true);
  });
  it('keeps regex metacharacters literal', () => {
    expect(test('a.b', 'like', 'a.b')).toBe(true);
    expect(test('axb', 'like', 'a.b')).toBe(false);
    expect(test('c:\\windows\\x.exe', 'like', 'c:\\windows\\%.exe')).toBe(true);
    expect(test('(1)', 'like', '(%)')).toBe(true);
    expect(test('line1\nline2', 'like', '%line2')).toBe(true);
  });
});

describe('matches regex', () => {
  it('is case-sensitive unless the pattern says (?i)', () => {
    expect(test('Fabrikam', 'matches regex', '^fab')).toBe(false);
    expect(test('Fabrikam', 'matches regex', '(?i)^fab')).toBe(true);
  });
  it('is false for an invalid pattern', () => {
    expect(test('abc', 'matches regex', '(')).toBe(false);
  });
});

describe('stringPredicate', () => {
  it('evaluates per row with varying right sides', () => {
    const p = stringPredicate('contains', 'kusto');
    expect(p('Hello', 'ELL')).toBe(true);
    expect(p('Hello', 'xyz')).toBe(false);
    expect(p('World', 'ORL')).toBe(true);
    const n = stringPredicate('!has_cs', 'kusto');
    expect(n('North America', 'America')).toBe(false);
    expect(n('North America', 'america')).toBe(true);
  });
});
