import { describe, expect, it } from 'vitest';
import { jsonObjects, jsonScript, powershellCommand, psQuote } from './powershell.js';

const MALICIOUS = "'; Remove-Item C:\\ -Recurse; '";

/** Reads one single-quoted PowerShell literal back, as PowerShell's tokenizer does. */
function unquote(literal: string): { value: string; rest: string } {
  expect(literal[0]).toBe("'");
  let value = '';
  for (let i = 1; i < literal.length; i++) {
    const c = literal[i]!;
    if ("'\u2018\u2019\u201a\u201b".includes(c)) {
      if (literal[i + 1] !== undefined && "'\u2018\u2019\u201a\u201b".includes(literal[i + 1]!)) {
        value += c;
        i++;
        continue;
      }
      return { value, rest: literal.slice(i + 1) };
    }
    value += c;
  }
  throw new Error('unterminated');
}

describe('psQuote', () => {
  it('keeps a malicious argument a single literal', () => {
    const q = psQuote(MALICIOUS);
    expect(q).toBe("'''; Remove-Item C:\\ -Recurse; '''");
    const { value, rest } = unquote(q);
    expect(value).toBe(MALICIOUS);
    expect(rest).toBe('');
  });

  it('doubles typographic single quotes, which PowerShell also ends strings with', () => {
    const text = 'a\u2019; Remove-Item x; \u2018b';
    const { value, rest } = unquote(psQuote(text));
    expect(value).toBe(text);
    expect(rest).toBe('');
  });

  it('leaves $, backticks and double quotes alone: single-quoted strings expand nothing', () => {
    expect(psQuote('$env:TEMP `n "x" $(calc)')).toBe("'$env:TEMP `n \"x\" $(calc)'");
  });
});

describe('powershellCommand', () => {
  it('passes the script as one argument after -Command, with no shell', () => {
    const cmd = powershellCommand(jsonScript('Get-Date'));
    expect(cmd.file).toBe('powershell.exe');
    expect(cmd.args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-Command']);
    expect(cmd.args).toHaveLength(4);
    expect(cmd.args[3]).toMatch(/Get-Date \| ConvertTo-Json -Compress -Depth 2$/);
    expect(cmd.args[3]).toContain('[Console]::OutputEncoding=[Text.Encoding]::UTF8');
  });
});

describe('jsonObjects', () => {
  it('gives [] for no output, one object for a bare object, all for an array', () => {
    expect(jsonObjects('X', '')).toEqual([]);
    expect(jsonObjects('X', '\r\n')).toEqual([]);
    expect(jsonObjects('X', '{"a":1}')).toEqual([{ a: 1 }]);
    expect(jsonObjects('X', '[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
  });
  it('drops a byte-order mark', () => {
    expect(jsonObjects('X', '\uFEFF{"a":"é"}\r\n')).toEqual([{ a: 'é' }]);
  });
  it('names the entity when the output is not JSON', () => {
    expect(() => jsonObjects('Bios', 'Get-CimInstance : Access denied')).toThrow(/^Bios: PowerShell returned output that is not JSON/);
  });
});
