import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  analyze, runPlan, split, runDeviceParts, runMergePart, tableFromRows, tableRows, encodeValue,
  type Row, type Table,
} from '@openpivot/kql';
import { T_COLUMNS, U_COLUMNS, catalog, NOW, deviceData, queryArb } from './query-generator.js';

/**
 * The split law: for devices D1..Dn, merging every device's output of the device part equals running
 * the whole query over the union of all devices' rows — up to row order, which these queries leave
 * open. Queries are generated operator by operator from what the previous step leaves in scope.
 */

// ---------------------------------------------------------------- comparison

/** Makes rows comparable: JSON encoding, arrays from make_set/make_list sorted. */
function normalise(t: Table): unknown[][] {
  return tableRows(t).map((row) => row.map((v, j) => {
    const e = encodeValue(v, t.schema[j]!.type);
    return Array.isArray(e) && (t.schema[j]!.name.startsWith('a') || t.schema[j]!.name === 'Tags') ? [...e].map((x) => JSON.stringify(x)).sort() : e;
  }));
}
const sortKey = (r: unknown[]): string => JSON.stringify(r, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(8)) : v));
function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => close(x, b[i]));
  return a === b;
}

/** What a device sends: rows through JSON and back, as on the wire. */
function overTheWire(t: Table): Table {
  return tableFromRows(t.schema, JSON.parse(JSON.stringify(tableRows(t))) as Row[]);
}

/** Runs `text` whole over every device's rows and split over each device's own: the answers must agree. */
function checkLaw(text: string, ordered: boolean, data: readonly (readonly [Row[], Row[]])[], dialect: 'kusto' | 'cmpivot'): void {
  const a = analyze(text, { catalog, dialect });
  expect(a.diagnostics.filter((d) => d.severity === 'error'), text).toEqual([]);
  const tables = (t: Row[], u: Row[]) => ({ T: tableFromRows(T_COLUMNS, t), U: tableFromRows(U_COLUMNS, u) });
  const whole = tables(data.flatMap(([t]) => t), data.flatMap(([, u]) => u));
  const base = { catalog, dialect, now: NOW };
  const expected = runPlan(a.plan!, { ...base, sources: { scan: (n) => whole[n.table as 'T' | 'U'] } });

  const plan = split(a.plan!);
  const outputs = data.map(([t, u]) => {
    const mine = tables(t, u);
    return runDeviceParts(plan, { ...base, sources: { scan: (n) => mine[n.table as 'T' | 'U'] } }).map(overTheWire);
  });
  const merged = runMergePart(plan, outputs, { ...base, sources: { scan: (n) => whole[n.table as 'T' | 'U'] } });

  expect(merged.schema, text).toEqual(expected.schema);
  let got = normalise(merged);
  let want = normalise(expected);
  if (!ordered) {
    got = [...got].sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
    want = [...want].sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
  }
  if (!close(got, want)) expect(got, text).toEqual(want);
}

describe('split law: merge(device parts) == whole query over all rows', () => {
  it('holds for 1,000 generated queries and data sets', () => {
    fc.assert(
      fc.property(queryArb, deviceData, ({ text, ordered }, data) => checkLaw(text, ordered, data, 'kusto')),
      { numRuns: 1000, seed: Number(process.env.LAW_SEED ?? Date.now() % 2 ** 31) },
    );
  });

  // CMPivot's bare join pairs rows of one device even when the right side dropped Device (fact sheet
  // §2.8): the engine carries Device through the right side, and must then give what each device alone gives.
  it('holds for cmpivot bare joins whose right side dropped Device', () => {
    const right = fc.constantFrom('U | project Name', 'U | where V > 2 | project V', 'U | summarize c = count()',
      'U | summarize s = sum(V) by Name', 'U | distinct Name', 'U | extend W = V * 2 | project-away Device, Name');
    fc.assert(
      fc.property(fc.constantFrom('', 'kind=leftouter ', 'kind=inner '), right, deviceData,
        (kind, r, data) => checkLaw(`T | join ${kind}(${r})`, false, data, 'cmpivot')),
      { numRuns: 200, seed: Number(process.env.LAW_SEED ?? Date.now() % 2 ** 31) },
    );
    // The right side's count is per device, so the whole join runs on each device.
    const placed = split(analyze('T | join (U | summarize c = count())', { catalog }).plan!);
    expect(placed.device).toHaveLength(1);
    expect(placed.merge.kind).toBe('Exchange');
  });

  it('sends entity reads to the devices and cross-device work to the site', () => {
    const a = analyze('T | where N > 1 | summarize count() by Name | order by count_ desc', { catalog, dialect: 'kusto' });
    const plan = split(a.plan!);
    expect(plan.device).toHaveLength(1);
    expect(plan.device[0]!.kind).toBe('Aggregate');
    expect(plan.merge.kind).toBe('Sort');
    const byDevice = split(analyze('T | join kind=inner (U) on Device', { catalog, dialect: 'kusto' }).plan!);
    expect(byDevice.device[0]!.kind).toBe('Join');
    const byName = split(analyze('T | join kind=inner (U) on Name', { catalog, dialect: 'kusto' }).plan!);
    expect(byName.device).toHaveLength(2);
    expect(byName.merge.kind).toBe('Join');
    // Grouped by Device, each device answers its own group whole: no partial states to merge.
    const perDevice = split(analyze('T | summarize count() by Device, Name', { catalog, dialect: 'kusto' }).plan!);
    expect(perDevice.device[0]).toMatchObject({ kind: 'Aggregate', mode: 'full' });
    expect(perDevice.merge.kind).toBe('Exchange');
    const constant = split(analyze('print x = 1', { catalog }).plan!);
    expect(constant.device).toHaveLength(0);
  });
});
