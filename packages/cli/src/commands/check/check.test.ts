import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../main.js';
import { capture } from '../../capture-io.js';


async function check(argv: readonly string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const io = capture(stdin);
  const code = await main(['check', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

async function checkJson(query: string, ...flags: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  const r = await check([query, '--format', 'json', ...flags]);
  return { code: r.code, json: JSON.parse(r.out) as Record<string, unknown> };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'openpivot-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('openpivot check: one query', () => {
  it('accepts a valid query in both dialects, runs nothing and exits 0', async () => {
    for (const dialect of ['cmpivot', 'kusto']) {
      const r = await check(['OS | where Caption has "Windows" | project Device, Caption', '--dialect', dialect]);
      expect(r.code, dialect).toBe(0);
      expect(r.out).toBe('1 query checked: no errors\n');
      expect(r.err).toBe('');
    }
  });

  it('prints `error KQLnnnn at LINE:COL: message` and exits 2 for an invalid query in both dialects', async () => {
    for (const dialect of ['cmpivot', 'kusto']) {
      const r = await check(['OS\n| where NoSuchColumn > 1', '--dialect', dialect]);
      expect(r.code, dialect).toBe(2);
      expect(r.out).toMatch(/^error KQL2\d{3} at 2:9: .*'NoSuchColumn'/m);
      expect(r.out).toMatch(/1 query checked: 1 with errors\n$/);
    }
    const syntax = await check(['OS | where ', '--dialect', 'kusto']);
    expect(syntax.code).toBe(2);
    expect(syntax.out).toMatch(/^error KQL1\d{3} at 1:/m);
  });

  it('binds names in any case in cmpivot but not in kusto (the dialect difference)', async () => {
    expect((await check(['os | where caption == "x"'])).code).toBe(0);
    const kusto = await check(['os | where caption == "x"', '--dialect', 'kusto']);
    expect(kusto.code).toBe(2);
    expect(kusto.out).toMatch(/^error KQL2002 at 1:1: .*Did you mean 'OS'\?/m);
  });

  it('prints the json shape: diagnostics with positions, the result columns and the entities read', async () => {
    const ok = await checkJson('OperatingSystem | join (Device | project Device, UserName) | project Caption, UserName');
    expect(ok).toEqual({
      code: 0,
      json: { diagnostics: [], columns: [{ name: 'Caption', type: 'string' }, { name: 'UserName', type: 'string' }], entities: ['OperatingSystem', 'Device'] },
    });
    const bad = await checkJson('OS\n| where  Nope > 1', '--dialect', 'kusto');
    expect(bad.code).toBe(2);
    expect(bad.json).toEqual({
      diagnostics: [{ severity: 'error', code: 'KQL2001', message: expect.stringContaining("'Nope'") as unknown, line: 2, column: 10, length: 4 }],
      columns: [],
      entities: ['OS'],
    });
  });
});

describe('openpivot check: queries as administrators write them (fact sheet §2.8), cmpivot dialect', () => {
  const clean: readonly [string, string][] = [
    ['single backslashes in a FileContent path', "FileContent('c:\\Windows\\smscfg.ini')"],
    ['single backslashes in a File path', "File('c:\\windows\\system32\\drivers\\network.sys') | project FileName"],
    ['a Registry path with a wildcard', "Registry('hklm:\\SOFTWARE\\Microsoft\\SMS\\*') | where Property == 'x'"],
    ['an entity named in lower case', "ccmlog('x') | take 5"],
    ['a column in lower case with spaces inside the call', 'Device | summarize dcount( device ) by manufacturer'],
    ['a bare join on an entity name', 'OS | join OS'],
    ['a bare join with no space after the pipe', 'Service |join Device'],
    ['an unnamed by expression (strcat)', "OS | summarize count() by strcat(Caption, ' ', BuildNumber)"],
    ['an unnamed by expression (iif)', "Service | summarize count() by iif(State == 'Running', 'Running', 'Not Running')"],
    ['an unnamed by expression (substring)', 'IPConfig | summarize count() by substring(IPV4Address, 0, 9)'],
    ['tabs, line breaks, |summarize and render …with(', "OS\n\t|summarize count()\n\tby Caption\n\t| render columnchart with(title='OS versions')"],
    ['line breaks inside case() and render with (kind=…)', "Service\n| summarize n = count() by case(State == 'Running', 'up',\n    State == 'Stopped', 'down',\n    'other')\n| render barchart with (kind=stacked, title='Services', ytitle='Count')"],
    ['double-quoted strings beside single-quoted ones', "Service | where Name == \"wuauserv\" or Name == 'bits'"],
    ['// comments', '// services that run\nService // every one\n| where State == "Running" // running only'],
  ];
  for (const [name, query] of clean) {
    it(`binds cleanly: ${name}`, async () => {
      const r = await check([query]);
      expect(r.out).toBe('1 query checked: no errors\n');
      expect(r.code).toBe(0);
    });
  }

  it('keeps the declared spelling of a name written in another case', async () => {
    const { json } = await checkJson("ccmlog('x') | project logtext");
    expect(json.entities).toEqual(['CcmLog']);
    expect(json.columns).toEqual([{ name: 'LogText', type: 'string' }]);
  });

  it('names unnamed by keys Column1, Column2 as Kusto does', async () => {
    const { json } = await checkJson("OS | summarize count() by strcat(Caption, ' ', BuildNumber), substring(Version, 0, 2)");
    expect(json.columns).toEqual([{ name: 'Column1', type: 'string' }, { name: 'Column2', type: 'string' }, { name: 'count_', type: 'long' }]);
  });

  it('rejects single backslashes that are no escape in the kusto dialect (the dialect difference)', async () => {
    const r = await check(["FileContent('c:\\Windows\\smscfg.ini')", '--dialect', 'kusto']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^error KQL1\d{3} at 1:16: .*'\\W'/m);
  });

  it('reports an unterminated string at its opening quote', async () => {
    const r = await check(["InstalledSoftware | where Publisher like 'Microsoft%"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^error KQL1001 at 1:42: .*closing quote/m);
  });

  // The right side's rows still belong to a device after `project UserName`: the join keys on it.
  it('binds cleanly: a bare join on a parenthesised query that projects Device away', async () => {
    const r = await check(['OS | join (Device | project UserName)']);
    expect(r.out).toBe('1 query checked: no errors\n');
    const json = await check(['OS | join (Device | project UserName) | project Caption, UserName', '--format', 'json']);
    expect(JSON.parse(json.out).columns).toEqual([{ name: 'Caption', type: 'string' }, { name: 'UserName', type: 'string' }]);
  });

  it('refuses a bare join whose right side no longer says which device a row is from', async () => {
    const r = await check(['OS | join (Device | project UserName | take 1)']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^error KQL2016 at 1:6: /m);
  });
});

describe('openpivot check: several queries', () => {
  const several = [
    '// inventory checks', //            line 1
    'OS',                   //           line 2
    '| project Caption',    //           line 3
    '',                     //           line 4
    "let v = '10.0';",      //           line 5
    'OS | where Version startswith v; Device | where Nope == 1', // line 6: two queries
    '',                     //           line 7
    "Software | where Publisher like 'Microsoft%", // line 8: unknown table, unterminated string
  ].join('\n');

  it('judges each alone, prefixes its diagnostics with its position, and counts lines in the file', async () => {
    const r = await check(['--file', file('several.kql', several)]);
    expect(r.code).toBe(2);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^query 3 \(line 6\): error KQL2001 at 6:49: .*'Nope'/);
    expect(lines[1]).toMatch(/^query 4 \(line 8\): error KQL1001 at 8:33: /);
    expect(lines.at(-1)).toBe('4 queries checked: 2 with errors');
  });

  it('prints {"queries":[{line, diagnostics, columns, entities}]} in json', async () => {
    const r = await check(['--file', file('several.kql', several), '--format', 'json']);
    const { queries } = JSON.parse(r.out) as { queries: { line: number; diagnostics: { line: number; column: number }[]; columns: unknown[]; entities: string[] }[] };
    expect(queries.map((q) => q.line)).toEqual([2, 5, 6, 8]);
    expect(queries[0]).toEqual({ line: 2, diagnostics: [], columns: [{ name: 'Caption', type: 'string' }], entities: ['OS'] });
    expect(queries[1]!.diagnostics).toEqual([]);
    expect(queries[1]!.entities).toEqual(['OS']);
    expect(queries[2]!.diagnostics.map((d) => [d.line, d.column])).toEqual([[6, 49]]);
    expect(queries[3]!.diagnostics.map((d) => [d.line, d.column])).toEqual([[8, 33]]);
  });

  it('exits 0 when every query of the file is valid', async () => {
    const r = await check(['--file', file('clean.kql', 'OS | take 1;\n\nDevice\n| count\n')]);
    expect(r.out).toBe('2 queries checked: no errors\n');
    expect(r.code).toBe(0);
  });

  it('reads standard input for -', async () => {
    const r = await check(['-', '--format', 'json'], 'OS | project Caption\n\nDevice | where Nope == 1\n');
    expect(r.code).toBe(2);
    const { queries } = JSON.parse(r.out) as { queries: { line: number; diagnostics: { line: number }[] }[] };
    expect(queries.map((q) => [q.line, q.diagnostics.map((d) => d.line)])).toEqual([[1, []], [3, [3]]]);
    expect((await check(['-'], 'Device | project UserName')).code).toBe(0);
  });
});

describe('openpivot check --platform', () => {
  it('narrows the entities to one platform; any (the default) knows them all', async () => {
    const registry = "Registry('hklm:\\SOFTWARE\\Microsoft\\SMS\\*')";
    expect((await check([registry])).code).toBe(0);
    expect((await check([registry, '--platform', 'windows'])).code).toBe(0);
    const linux = await check([registry, '--platform', 'linux']);
    expect(linux.code).toBe(2);
    expect(linux.out).toMatch(/^error KQL2002 at 1:1: .*'Registry'/m);
    const cert = await check(['Certificate | take 1', '--platform', 'windows']);
    expect(cert.code).toBe(2);
    expect((await check(['Certificate | take 1', '--platform', 'linux'])).code).toBe(0);
    expect((await check(['OS | join Device', '--platform', 'linux'])).code).toBe(0);
  });
});

describe('openpivot check: bad input', () => {
  it('refuses empty input with a clear message and exit 2', async () => {
    for (const [argv, stdin] of [[['']], [['--file', file('empty.kql', '// nothing here\n\n')]], [['-'], '  \n']] as [string[], string?][]) {
      const r = await check(argv, stdin);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toBe('openpivot check: the input holds no query (only spaces or comments)\n');
    }
  });

  it('refuses wrong usage with exit 2 and a reason naming the option', async () => {
    const cases: [string[], RegExp][] = [
      [[], /no query/],
      [['OS', '--file', 'x.kql'], /either a query or --file/],
      [['--file', join(dir, 'missing.kql')], /--file: cannot read .*missing\.kql.*ENOENT/],
      [['OS', '--platform', 'macos'], /--platform must be one of: windows, linux, any/],
      [['OS', '--format', 'table'], /--format must be one of: text, json/],
      [['OS', '--dialect', 'sql'], /--dialect must be one of/],
      [['OS', 'Device'], /one query argument/],
      [['OS', '--verbose'], /unknown option --verbose/],
    ];
    for (const [argv, reason] of cases) {
      const r = await check(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(reason);
    }
  });
});

describe('openpivot check as a real process', () => {
  it('reads a file of queries from standard input and exits 2 on an error', () => {
    const bin = fileURLToPath(new URL('../../../bin/openpivot.js', import.meta.url));
    // OPENPIVOT_DEV runs the sources, not a bundle that may predate them.
    const env = { ...process.env, OPENPIVOT_DEV: '1' };
    const ok = spawnSync(process.execPath, [bin, 'check', '-'], { encoding: 'utf8', env, input: 'let n = 3;\nProcess | take n\n' });
    expect(ok.stdout).toBe('1 query checked: no errors\n');
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [bin, 'check', '-', '--dialect', 'kusto'], { encoding: 'utf8', env, input: 'OS\n\nos\n' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/^query 2 \(line 3\): error KQL2002 at 3:1: /m);
  });
});
