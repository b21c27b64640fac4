import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';
import { capture } from './capture-io.js';


describe('openpivot eval', () => {
  it('prints exactly one JSON object with typed columns and encoded values', async () => {
    const io = capture();
    const code = await main(['eval', "print n = 1, r = 2.5, s = 'a', d = datetime(2020-01-01 10:00:00.5), t = 1d + 2h + 3m + 4.5s, b = true, j = dynamic({\"k\": [1]}), z = long(null)", '--format', 'json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(io.out())).toEqual({
      columns: [
        { name: 'n', type: 'long' }, { name: 'r', type: 'real' }, { name: 's', type: 'string' }, { name: 'd', type: 'datetime' },
        { name: 't', type: 'timespan' }, { name: 'b', type: 'bool' }, { name: 'j', type: 'dynamic' }, { name: 'z', type: 'long' },
      ],
      rows: [[1, 2.5, 'a', '2020-01-01T10:00:00.5Z', '1.02:03:04.5000000', true, { k: [1] }, null]],
    });
    expect(io.out().trim().split('\n')).toHaveLength(1);
  });

  it('adds the chart when the query ends in render', async () => {
    const io = capture();
    await main(['eval', "datatable(k:string, v:long)['a', 1] | render piechart with (title='Share')", '--format=json'], io);
    expect(JSON.parse(io.out()).chart).toEqual({ type: 'piechart', title: 'Share' });
  });

  it('prints errors as `error KQLnnnn at LINE:COL: message` on stderr and exits 2', async () => {
    const io = capture();
    const code = await main(['eval', 'print x = 1\n| where y > 1'], io);
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^error KQL\d{4} at 2:9: .*'y'/m);
  });

  it('runs in the kusto dialect on request', async () => {
    const cmpivot = capture();
    await main(['eval', "print a = 'aBc' == 'AbC'", '--format', 'json'], cmpivot);
    expect(JSON.parse(cmpivot.out()).rows).toEqual([[true]]);
    const kusto = capture();
    await main(['eval', "print a = 'aBc' == 'AbC'", '--format', 'json', '--dialect', 'kusto'], kusto);
    expect(JSON.parse(kusto.out()).rows).toEqual([[false]]);
  });

  it('prints CSV with a header and quoting, and a readable table by default', async () => {
    const csv = capture();
    await main(['eval', "print a = 'x,y', b = 'say \"hi\"'", '--format', 'csv'], csv);
    expect(csv.out()).toBe('a,b\r\n"x,y","say ""hi"""\r\n');
    const table = capture();
    await main(['eval', 'range x from 1 to 3 step 1'], table);
    expect(table.out()).toContain('(3 rows)');
    expect(table.out().split('\n')[0]).toBe('x');
  });

  it('fixes the clock with --now', async () => {
    const io = capture();
    await main(['eval', 'print t = ago(1d)', '--format', 'json', '--now', '2024-01-15T12:00:00Z'], io);
    expect(JSON.parse(io.out()).rows).toEqual([['2024-01-14T12:00:00Z']]);
  });

  it('refuses unknown options, bad values and missing queries with exit 2', async () => {
    for (const argv of [['eval', 'print 1', '--fromat', 'json'], ['eval', 'print 1', '--format', 'xml'], ['eval'], ['nope'], ['eval', 'print 1', '--now', 'yesterday']]) {
      const io = capture();
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.err()).not.toBe('');
    }
  });
});

describe('openpivot console (query console with no server)', () => {
  it('answers each query line and reports errors without stopping', async () => {
    const io = capture('print x = 40 + 2\nprint y = nope\n// a comment\nprint z = 1\n');
    expect(await main(['console'], io)).toBe(0);
    expect(io.out()).toContain('42');
    expect(io.out()).toContain('z');
    expect(io.err()).toMatch(/error KQL\d{4} at 1:11/);
  });
});

describe('the openpivot binary', () => {
  it('runs as a real process through npx-style bin resolution', () => {
    const bin = fileURLToPath(new URL('../bin/openpivot.js', import.meta.url));
    // OPENPIVOT_DEV runs the sources, not a bundle that may predate them; .ci/run checks the bundle.
    const env = { ...process.env, OPENPIVOT_DEV: '1' };
    const r = spawnSync(process.execPath, [bin, 'eval', 'print x = 6 * 7', '--format', 'json'], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ columns: [{ name: 'x', type: 'long' }], rows: [[42]] });
    const bad = spawnSync(process.execPath, [bin, 'eval', "print x = 'open"], { encoding: 'utf8', env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error KQL\d{4} at 1:11: /);
  });
});

describe('openpivot run (this device)', () => {
  it('answers with the eval JSON shape plus warnings and truncated', async () => {
    const io = capture();
    const code = await main(['run', `Process | where ProcessId == ${process.pid} | project ProcessId`, '--format', 'json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ columns: [{ name: 'ProcessId', type: 'long' }], rows: [[process.pid]], warnings: [], truncated: false });
  });

  it('reports a denied file as a warning, not a failure', async () => {
    const io = capture();
    expect(await main(['run', "FileContent('/etc/shadow') | count", '--format', 'json'], io)).toBe(0);
    const out = JSON.parse(io.out());
    expect(out.rows).toEqual([[0]]);
    expect(out.warnings[0]).toMatch(/^FileContent: .*denied/);
  });

  it('exits 2 with a positioned error on a bad query, and refuses a bad policy file', async () => {
    const io = capture();
    expect(await main(['run', 'Process | where Nmae == 1'], io)).toBe(2);
    expect(io.err()).toMatch(/^error KQL2001 at 1:17: .*Did you mean 'Name'/m);
    const bad = capture();
    expect(await main(['run', 'OS', '--policy', '/no/such/policy.json'], bad)).toBe(2);
    expect(bad.err()).toContain('--policy');
  });
});

describe('openpivot entities', () => {
  it('lists every entity, and one entity in detail', async () => {
    const all = capture();
    expect(await main(['entities'], all)).toBe(0);
    expect(all.out()).toMatch(/^Process\s+linux,windows\s+/m);
    const one = capture();
    expect(await main(['entities', 'filecontent'], one)).toBe(0);
    expect(one.out()).toContain('FileContent(path: string)');
    expect(one.out()).toContain('permission: sensitive');
    const none = capture();
    expect(await main(['entities', 'Nope'], none)).toBe(2);
  });
});
