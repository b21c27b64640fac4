import { describe, it, expect } from 'vitest';
import { splitQueries } from './split-queries.js';

const texts = (s: string): string[] => splitQueries(s).map((p) => p.text);

describe('splitQueries', () => {
  it('cuts at blank lines and gives each piece its offset in the whole text', () => {
    const text = 'OS\n| take 1\n\n  \nDevice | count\n';
    const pieces = splitQueries(text);
    expect(pieces.map((p) => p.text)).toEqual(['OS\n| take 1', 'Device | count']);
    expect(text.slice(pieces[1]!.offset)).toMatch(/^Device \| count/);
  });

  it('cuts at a top-level `;` that ends a query', () => {
    expect(texts('OS | take 1; Device | count;')).toEqual(['OS | take 1', 'Device | count']);
  });

  it('keeps a let-chain and its query together: `;` only closes a let statement', () => {
    expect(texts('let x = 1; let y = 2;\nOS | where x < y')).toEqual(['let x = 1; let y = 2;\nOS | where x < y']);
    expect(texts("LET t = OS;\n\nt | take 1; Device")).toEqual(["LET t = OS;\n\nt | take 1", 'Device']);
    expect(texts('set notruncation; declare query_parameters(n:long = 1); OS | take n')).toHaveLength(1);
  });

  it('keeps a let statement whole across a blank line, up to its `;`', () => {
    expect(texts('let f = (n:long)\n\n{ n + 1 };\nprint f(1)\n\nOS')).toEqual(['let f = (n:long)\n\n{ n + 1 };\nprint f(1)', 'OS']);
  });

  it('continues a query after a blank line when the next line starts with `|`', () => {
    expect(texts('OS\n\n| take 1\n\n// note\n| count\n\nDevice')).toEqual(['OS\n\n| take 1\n\n// note\n| count', 'Device']);
  });

  it('never cuts inside strings, brackets or comments', () => {
    const q = "print a = ';', b = \"\n\n\", c = @'x\\'\n| extend d = dynamic([1,\n\n2]) // a; b\n| extend e = ```x\n\n;y```";
    // The double-quoted string stops at its line end (as the lexer does): the blank line after it cuts.
    expect(texts(q)[0]).toBe('print a = \';\', b = "');
    const ok = "print a = ';', b = '\\';' , c = @'x\\' // ; \n| extend d = dynamic([1,\n\n2]); Device";
    expect(texts(ok)).toEqual(["print a = ';', b = '\\';' , c = @'x\\' // ; \n| extend d = dynamic([1,\n\n2])", 'Device']);
    expect(texts('print e = ```x\n\n;y```\n\nOS')).toEqual(['print e = ```x\n\n;y```', 'OS']);
  });

  it('does not let an unterminated string swallow the queries after it', () => {
    expect(texts("InstalledSoftware | where Publisher like 'Microsoft%\n\nOS")).toEqual(["InstalledSoftware | where Publisher like 'Microsoft%", 'OS']);
  });

  it('drops pieces of only spaces and comments, and starts each piece at its first token', () => {
    const text = '// header\n\n  // about OS\n  OS\n\n;;\n// trailer\n';
    const pieces = splitQueries(text);
    expect(pieces).toEqual([{ text: 'OS', offset: text.lastIndexOf('  OS') + 2 }]);
    expect(splitQueries('  \n// only\n\n')).toEqual([]);
    expect(splitQueries('')).toEqual([]);
  });

  it('treats CRLF blank lines like LF ones', () => {
    expect(texts('OS\r\n\r\nDevice\r\n')).toEqual(['OS', 'Device']);
  });
});
