import { describe, expect, it } from 'vitest';
import { lex } from './lexer.js';
import type { Dialect } from '../functions/function-types.js';

const kinds = (text: string, dialect: Dialect = 'cmpivot'): string[] =>
  lex(text, dialect).tokens.filter((t) => t.kind !== 'End').map((t) => `${t.kind}:${t.text}`);

const stringValue = (text: string, dialect: Dialect = 'cmpivot'): unknown => {
  const t = lex(text, dialect).tokens[0]!;
  expect(t.kind).toBe('String');
  return t.value;
};

describe('lexer: words and symbols', () => {
  it('splits a pipeline, keeping comments as trivia', () => {
    const r = lex("Process // all\n| where x>=1");
    expect(r.tokens.map((t) => t.kind)).toEqual(['Identifier', 'Comment', 'Punct', 'Identifier', 'Identifier', 'Punct', 'Long', 'End']);
    expect(r.tokens[1]).toMatchObject({ text: '// all', trivia: true, span: { start: 8, end: 14 } });
    expect(r.diagnostics).toEqual([]);
  });

  it('reads two-character symbols first', () => {
    expect(kinds('a==b!=c<=d>=e=~f!~g<>h 1..2')).toEqual([
      'Identifier:a', 'Punct:==', 'Identifier:b', 'Punct:!=', 'Identifier:c', 'Punct:<=', 'Identifier:d', 'Punct:>=',
      'Identifier:e', 'Punct:=~', 'Identifier:f', 'Punct:!~', 'Identifier:g', 'Punct:<>', 'Identifier:h',
      'Long:1', 'Punct:..', 'Long:2',
    ]);
  });

  it('joins hyphenated operator keywords only right after a pipe', () => {
    expect(kinds('T | project-away a | mv-expand b | mvexpand c')).toContain('Identifier:project-away');
    expect(kinds('T | mv-expand b')).toContain('Identifier:mv-expand');
    expect(kinds('print project-away')).toEqual(['Identifier:print', 'Identifier:project', 'Punct:-', 'Identifier:away']);
    expect(kinds('T |project-rename a=b')[2]).toBe('Identifier:project-rename');
    expect(kinds('T | project - away')).toContain('Identifier:project');
  });

  it('reads negated operator words and in~ as one token', () => {
    expect(kinds("a !has 'x' !in~ b in~ c !contains_cs")).toEqual([
      'Identifier:a', 'BangWord:!has', "String:'x'", 'BangWord:!in~', 'Identifier:b', 'Identifier:in~', 'Identifier:c', 'BangWord:!contains_cs',
    ]);
  });

  it('reads $left, $right and non-ASCII names', () => {
    expect(kinds('$left.a café _x1')).toEqual(['Identifier:$left', 'Punct:.', 'Identifier:a', 'Identifier:café', 'Identifier:_x1']);
  });

  it('reports an unknown character and carries on', () => {
    const r = lex('a # b');
    expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([['KQL1003', { start: 2, end: 3 }]]);
    expect(r.tokens.map((t) => t.kind)).toEqual(['Identifier', 'Bad', 'Identifier', 'End']);
  });
});

describe('lexer: numbers and timespans', () => {
  it('tells long, real, hex and timespan apart', () => {
    const values = lex('123 1.5 1e3 1.e3 2E-2 .5 0x1F 1. 7').tokens.map((t) => [t.kind, t.value]);
    expect(values.slice(0, 9)).toEqual([
      ['Long', 123], ['Real', 1.5], ['Real', 1000], ['Real', 1000], ['Real', 0.02], ['Real', 0.5], ['Long', 31], ['Real', 1], ['Long', 7],
    ]);
  });

  it('reads timespans with every unit form', () => {
    const ms = (text: string): unknown => lex(text).tokens[0]!.value;
    expect(ms('1d')).toBe(86_400_000);
    expect(ms('2h')).toBe(7_200_000);
    expect(ms('30m')).toBe(1_800_000);
    expect(ms('10s')).toBe(10_000);
    expect(ms('100ms')).toBe(100);
    expect(ms('1.5h')).toBe(5_400_000);
    expect(ms('5microseconds')).toBe(0.005);
    expect(ms('3tick')).toBeCloseTo(0.0003, 12);
    expect(ms('2days')).toBe(172_800_000);
    expect(lex('1d').tokens[0]!.kind).toBe('Timespan');
  });

  it('keeps timespan units lower case in kusto but not in cmpivot', () => {
    expect(lex('1H', 'cmpivot').tokens[0]!.kind).toBe('Timespan');
    const r = lex('1H', 'kusto');
    expect(r.tokens[0]!.kind).toBe('Bad');
    expect(r.diagnostics[0]!.code).toBe('KQL1004');
  });

  it('reports a number glued to letters', () => {
    const r = lex('1dx + 2');
    expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([['KQL1004', { start: 0, end: 3 }]]);
  });

  it('does not eat the dots of a range', () => {
    expect(kinds('1..10')).toEqual(['Long:1', 'Punct:..', 'Long:10']);
    expect(kinds('1.5..2')).toEqual(['Real:1.5', 'Punct:..', 'Long:2']);
  });

  it('reads a dot after a name as member access, not a number', () => {
    expect(kinds('a.5')).toEqual(['Identifier:a', 'Punct:.', 'Long:5']);
  });
});

describe('lexer: strings', () => {
  it('reads both quote kinds and their escaped quotes', () => {
    expect(stringValue(`'it\\'s'`)).toBe("it's");
    expect(stringValue(`"say \\"hi\\""`)).toBe('say "hi"');
    expect(stringValue(`'a "b"'`)).toBe('a "b"');
    expect(stringValue(`'back\\\\slash'`)).toBe('back\\slash');
  });

  it('cmpivot keeps any other backslash as written', () => {
    expect(stringValue(`'c:\\Windows\\notes'`)).toBe('c:\\Windows\\notes');
    expect(stringValue(`'hklm:\\SOFTWARE\\*'`)).toBe('hklm:\\SOFTWARE\\*');
    expect(stringValue(`'a\\tb'`)).toBe('a\\tb');
    expect(lex(`'c:\\Windows\\notes'`).diagnostics).toEqual([]);
  });

  it('kusto decodes the C-like escapes', () => {
    expect(stringValue(`'a\\nb\\tc\\rd'`, 'kusto')).toBe('a\nb\tc\rd');
    expect(stringValue(`'\\u0041\\x42\\U00000043'`, 'kusto')).toBe('ABC');
    expect(stringValue(`'\\0'`, 'kusto')).toBe('\0');
    expect(stringValue(`'c:\\\\x'`, 'kusto')).toBe('c:\\x');
  });

  it('kusto reports an unknown escape at the backslash', () => {
    const r = lex(`'c:\\Windows'`, 'kusto');
    expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([['KQL1002', { start: 3, end: 5 }]]);
    expect(lex(`'\\x4'`, 'kusto').diagnostics[0]!.code).toBe('KQL1002');
  });

  it('reads verbatim strings with doubled quotes', () => {
    expect(stringValue(`@'c:\\x''y'`, 'kusto')).toBe("c:\\x'y");
    expect(stringValue(`@"a""b\\n"`, 'kusto')).toBe('a"b\\n');
  });

  it('reads obfuscated strings as plain strings', () => {
    expect(stringValue(`h'secret'`)).toBe('secret');
    expect(stringValue(`H"secret"`)).toBe('secret');
    expect(stringValue(`h@'c:\\x'`, 'kusto')).toBe('c:\\x');
    expect(kinds(`h + 1`)[0]).toBe('Identifier:h');
  });

  it('reads multi-line strings raw', () => {
    expect(stringValue('```a\n\\nb```', 'kusto')).toBe('a\n\\nb');
  });

  it('reports an unterminated string at its opening quote', () => {
    const text = "T | where Publisher like 'Microsoft%";
    const r = lex(text);
    expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([['KQL1001', { start: 25, end: 26 }]]);
    const s = r.tokens.find((t) => t.kind === 'String')!;
    expect(s).toMatchObject({ value: 'Microsoft%', unterminated: true });
  });

  it('ends an unterminated string at the line end', () => {
    const r = lex(`print 'abc\n| take 1`);
    expect(r.diagnostics[0]!.span).toEqual({ start: 6, end: 7 });
    expect(kinds(`print 'abc\n| take 1`).slice(2)).toEqual(['Punct:|', 'Identifier:take', 'Long:1']);
  });

  it('an unterminated verbatim string points at its quote, after the @', () => {
    expect(lex(`x @'abc`).diagnostics[0]!.span).toEqual({ start: 3, end: 4 });
  });
});

describe('lexer: raw typed literals', () => {
  it('reads datetime, timespan and guid text raw', () => {
    const t = lex('datetime(2015-12-31 23:59:59.9)').tokens[0]!;
    expect(t).toMatchObject({ kind: 'RawLiteral', typeWord: 'datetime', value: '2015-12-31 23:59:59.9', span: { start: 0, end: 31 }, innerSpan: { start: 9, end: 30 } });
    expect(lex('timespan(1.02:03:04)').tokens[0]!.value).toBe('1.02:03:04');
    expect(lex('guid(74be27de-1e4e-49d9-b579-fe0b331d3642)').tokens[0]!.value).toBe('74be27de-1e4e-49d9-b579-fe0b331d3642');
    expect(lex('datetime ( 2020-01-01 )').tokens[0]!.value).toBe('2020-01-01');
  });

  it('decodes a quoted inner string', () => {
    expect(lex('datetime("2020-01-01T00:00:00Z")').tokens[0]!.value).toBe('2020-01-01T00:00:00Z');
  });

  it('leaves type words without parentheses alone', () => {
    expect(kinds('datatable(a:datetime, b:timespan)')).toEqual([
      'Identifier:datatable', 'Punct:(', 'Identifier:a', 'Punct::', 'Identifier:datetime', 'Punct:,', 'Identifier:b', 'Punct::', 'Identifier:timespan', 'Punct:)',
    ]);
  });

  it('reports a missing closing parenthesis', () => {
    const r = lex('datetime(2020-01-01 | take 1');
    expect(r.diagnostics[0]!.code).toBe('KQL1005');
    expect(kinds('datetime(2020-01-01 | take 1').slice(1)).toEqual(['Punct:|', 'Identifier:take', 'Long:1']);
  });

  it('is case-sensitive in kusto only', () => {
    expect(lex('DateTime(2020-01-01)', 'cmpivot').tokens[0]!.kind).toBe('RawLiteral');
    expect(lex('DateTime(2020-01-01)', 'kusto').tokens[0]!.kind).toBe('Identifier');
  });
});
