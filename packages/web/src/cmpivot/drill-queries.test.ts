import { describe, it, expect } from 'vitest';
import { analyze } from '@openpivot/kql';
import { CATALOG } from '@openpivot/entities';
import { groupByQuery, kqlLiteral, leadingSource, parseQueryLink, queryLink, showDevicesQuery } from './drill-queries.js';

const binds = (q: string): string[] => analyze(q, { catalog: CATALOG, dialect: 'cmpivot' }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);

describe('Show devices with / without', () => {
  it('writes the query CMPivot writes (fact sheet §5.1), and it binds', () => {
    const with_ = showDevicesQuery({ query: 'OS | project Caption, Version', column: 'Caption', type: 'string', value: 'Debian GNU/Linux', without: false });
    expect(with_).toBe("OS | summarize countif( (Caption == 'Debian GNU/Linux') ) by Device | where (countif_ > 0)");
    const without = showDevicesQuery({ query: 'OS | project Caption, Version', column: 'Caption', type: 'string', value: 'Debian GNU/Linux', without: true });
    expect(without).toBe("OS | summarize countif( (Caption == 'Debian GNU/Linux') ) by Device | where (countif_ == 0) | project Device");
    expect(binds(with_!)).toEqual([]);
    expect(binds(without!)).toEqual([]);
  });

  it('keeps the entity\'s arguments, quotes Windows paths verbatim, and types numbers, booleans and dates', () => {
    const q = showDevicesQuery({ query: "File('c:\\\\a (1)\\\\b.txt') | where Size > 0", column: 'FileName', type: 'string', value: "c:\\it's", without: false });
    expect(q).toBe("File('c:\\\\a (1)\\\\b.txt') | summarize countif( (FileName == @'c:\\it''s') ) by Device | where (countif_ > 0)");
    expect(binds(q!)).toEqual([]);
    for (const [column, type, value] of [['ProcessId', 'long', 4242], ['Size', 'long', 0]] as const) {
      const entity = column === 'ProcessId' ? 'Process' : 'File(\'/etc/hosts\')';
      const text = showDevicesQuery({ query: `${entity} | project ${column}`, column, type, value, without: false })!;
      expect(text).toContain(`${column} == ${value}`);
      expect(binds(text)).toEqual([]);
    }
    expect(kqlLiteral(true, 'bool')).toBe('true');
    expect(kqlLiteral('2026-11-24T10:00:00.0000000Z', 'datetime')).toBe('datetime(2026-11-24T10:00:00.0000000Z)');
    expect(kqlLiteral(null, 'long')).toBe('long(null)');
    expect(kqlLiteral('a\nb', 'string')).toBe('"a\\nb"');
  });

  it('tests for null with isnull, and reads entity and column names in any case, as the cmpivot dialect does', () => {
    const q = showDevicesQuery({ query: 'process | project processid', column: 'processid', type: 'long', value: null, without: true });
    expect(q).toBe('Process | summarize countif( (isnull(ProcessId)) ) by Device | where (countif_ == 0) | project Device');
    expect(binds(q!)).toEqual([]);
  });

  it('offers nothing for a computed column, the Device column, or a query that does not start from an entity', () => {
    expect(showDevicesQuery({ query: 'OS | extend n = 1', column: 'n', type: 'long', value: 1, without: false })).toBeNull();
    expect(showDevicesQuery({ query: 'OS', column: 'Device', type: 'string', value: 'a', without: false })).toBeNull();
    expect(showDevicesQuery({ query: 'print x = 1', column: 'x', type: 'long', value: 1, without: false })).toBeNull();
    expect(leadingSource("File('a)b')")?.text).toBe("File('a)b')");
    expect(leadingSource("File('unclosed'")).toBeNull();
  });
});

describe('cmpivot: query links', () => {
  it('is cmpivot: and the base64 of the UTF-8 query with CRLF line breaks, as CMPivot makes it', () => {
    const link = queryLink('OS\n| where Caption contains "é"');
    expect(link.startsWith('cmpivot:')).toBe(true);
    expect(Buffer.from(link.slice('cmpivot:'.length), 'base64').toString('utf8')).toBe('OS\r\n| where Caption contains "é"');
    expect(parseQueryLink(link)).toEqual({ ok: true, query: 'OS\n| where Caption contains "é"' });
  });

  it('opens a link CMPivot made (CRLF, any case of the scheme, wrapped) and explains a broken one', () => {
    const windows = `CMPIVOT:${Buffer.from('Device\r\n| project Model', 'utf8').toString('base64')}`;
    expect(parseQueryLink(` ${windows.slice(0, 12)}\n${windows.slice(12)} `)).toEqual({ ok: true, query: 'Device\n| project Model' });
    expect(parseQueryLink('https://example.com')).toEqual({ ok: false, message: 'A query link starts with "cmpivot:".' });
    expect(parseQueryLink('cmpivot:T1M*')).toEqual({ ok: false, message: 'The query link has "*" at character 12, which base64 does not use.' });
    expect(parseQueryLink('cmpivot:T1M=x')).toMatchObject({ ok: false });
    expect(parseQueryLink(`cmpivot:${Buffer.from([0xff, 0xfe]).toString('base64')}`)).toEqual({ ok: false, message: 'The query link is not UTF-8 text.' });
    expect(parseQueryLink('cmpivot:')).toEqual({ ok: false, message: 'The query link holds no query.' });
  });
});

describe('Group by a column', () => {
  it('counts the query by the column, dropping a trailing render, quoting names that need it; the result binds', () => {
    const q = groupByQuery('Process | project Name, State | render piechart', 'State');
    expect(q).toBe('Process | project Name, State | summarize count() by State');
    expect(binds(q)).toEqual([]);
    const odd = groupByQuery("OS | extend ['my col'] = Caption", 'my col');
    expect(odd).toBe("OS | extend ['my col'] = Caption | summarize count() by ['my col']");
    expect(binds(odd)).toEqual([]);
  });
});
