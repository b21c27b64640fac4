import { describe, it, expect } from 'vitest';
import { analyze, runQuery } from './query.js';
import { tableFromRows } from './exec/table.js';
import type { Catalog } from './types/schema.js';

const NOW = Date.parse('2024-01-15T12:00:00Z');
const catalog: Catalog = {
  tables: [
    { name: 'Process', columns: [{ name: 'Device', type: 'string' }, { name: 'Name', type: 'string' }, { name: 'ProcessId', type: 'long' }] },
    { name: 'File', parameters: [{ name: 'path', type: 'string' }], columns: [{ name: 'Device', type: 'string' }, { name: 'FileName', type: 'string' }, { name: 'Size', type: 'long' }] },
  ],
};
const processRows = tableFromRows(catalog.tables[0]!.columns, [['d1', 'sshd', 10], ['d1', 'init', 1], ['d2', 'sshd', 22]]);

describe('runQuery limits', () => {
  it('cuts at maxRows and says truncated', () => {
    const r = runQuery('range x from 1 to 100 step 1', { now: NOW, limits: { maxRows: 10 } });
    expect(r.rows).toHaveLength(10);
    expect(r.truncated).toBe(true);
    const whole = runQuery('range x from 1 to 10 step 1', { now: NOW, limits: { maxRows: 10 } });
    expect(whole.truncated).toBe(false);
  });

  it('cuts at maxBytes of JSON output', () => {
    const r = runQuery("range x from 1 to 1000 step 1 | extend s = strcat('row-', x)", { now: NOW, limits: { maxBytes: 200 } });
    expect(r.truncated).toBe(true);
    expect(r.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.rows).length).toBeLessThanOrEqual(200);
  });

  it('reports a cancelled query as a diagnostic, not a throw', () => {
    const controller = new AbortController();
    controller.abort();
    const r = runQuery('range x from 1 to 10 step 1', { now: NOW, limits: { signal: controller.signal } });
    expect(r.rows).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['KQL3001']);
  });

  it('stops at the deadline inside a long evaluation', () => {
    let ticks = 0;
    // A clock that passes the deadline after a few checkpoints: the engine must be asking it mid-run.
    const clock = () => ++ticks;
    const r = runQuery('range x from 1 to 1000000 step 1 | extend y = strcat("a", x) | summarize count() by y', {
      now: NOW, limits: { deadline: { at: 5, clock } },
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['KQL3002']);
    expect(ticks).toBeGreaterThan(5);
  });

  it('refuses a range too large to hold, while running', () => {
    const r = runQuery('range x from 1 to 100000000000 step 1', { now: NOW });
    expect(r.diagnostics[0]).toMatchObject({ code: 'KQL3000' });
    expect(r.diagnostics[0]!.message).toMatch(/at most/);
  });
});

describe('binding against a catalog', () => {
  it('lists the entities a query reads (for permission checks)', () => {
    const a = analyze("Process | join kind=inner (File('c:\\x') | project Device, FileName) on Device", { catalog });
    expect([...a.tables].sort()).toEqual(['File', 'Process']);
    expect(a.diagnostics).toEqual([]);
  });

  it('suggests close names for an unknown column and table', () => {
    const col = analyze('Process | where Nmae == "x"', { catalog, dialect: 'kusto' });
    expect(col.diagnostics[0]).toMatchObject({ code: 'KQL2001', span: { start: 16, end: 20 } });
    expect(col.diagnostics[0]!.message).toContain("Did you mean 'Name'");
    const table = analyze('Proces | take 1', { catalog });
    expect(table.diagnostics[0]!.message).toContain("Did you mean 'Process'");
  });

  it('resolves names in any case in cmpivot, exactly in kusto', () => {
    expect(analyze('process | where name == "x" | project processid', { catalog }).diagnostics).toEqual([]);
    expect(analyze('process | take 1', { catalog, dialect: 'kusto' }).diagnostics[0]!.code).toBe('KQL2002');
    const ambiguous = analyze('datatable(a:long, A:long)[1, 2] | project x = a + 0, y = A', { catalog });
    expect(ambiguous.diagnostics).toEqual([]);
    const clash = analyze('datatable(ab:long, AB:long)[1, 2] | project x = aB', { catalog });
    expect(clash.diagnostics[0]).toMatchObject({ code: 'KQL2004' });
  });

  it('checks entity arguments', () => {
    expect(analyze('File()', { catalog }).diagnostics[0]).toMatchObject({ code: 'KQL2012' });
    expect(analyze("Process('x')", { catalog }).diagnostics[0]).toMatchObject({ code: 'KQL2012' });
  });

  it('refuses aggregates outside summarize and wrong argument types', () => {
    expect(analyze('Process | where count() > 1', { catalog }).diagnostics[0]).toMatchObject({ code: 'KQL2007' });
    expect(analyze('Process | summarize sum(Name)', { catalog }).diagnostics[0]).toMatchObject({ code: 'KQL2006' });
  });
});

describe('running over entity rows', () => {
  it('reads scans from the caller-provided sources', () => {
    const r = runQuery('Process | where Name == "SSHD" | summarize n = count() by Device', {
      now: NOW, catalog, sources: { scan: () => processRows },
    });
    expect(r.rows).toEqual([['d1', 1], ['d2', 1]]);
  });

  it('joins bare on Device in the cmpivot dialect', () => {
    const files = tableFromRows(catalog.tables[1]!.columns, [['d2', 'a.txt', 5]]);
    const r = runQuery("Process | join (File('c:\\x')) | project Device, Name, FileName", {
      now: NOW, catalog, sources: { scan: (n) => (n.table === 'File' ? files : processRows) },
    });
    expect(r.rows).toEqual([['d2', 'sshd', 'a.txt']]);
  });
});

describe('let-bound tables', () => {
  it('binds an entity, an entity call and a datatable as tables', () => {
    for (const q of ["let F = File('c:\\x'); F | project FileName", 'let P = Process; P | where Name == "x"', 'let P = Process; let Q = P; Q | count']) {
      expect(analyze(q, { catalog }).diagnostics, q).toEqual([]);
    }
    expect(analyze('let n = 5; Process | take n', { catalog }).diagnostics).toEqual([]);
  });
});
