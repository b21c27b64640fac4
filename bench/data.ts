/**
 * Deterministic benchmark data: the same seeded arrays feed both our engine (as dictionary-encoded
 * columns) and Arquero (as plain arrays), so neither side pays for loading inside a timing.
 */
import type { ColumnSchema, Table } from '../packages/kql/src/index.js';
import type { Column } from '../packages/kql/src/exec/column.js';
import { seededRandom } from '@openpivot/testkit';

export { seededRandom };

/** A string column both ways: codes + dictionary for us, the decoded strings for Arquero. */
export interface StrData { readonly kind: 'str'; readonly codes: Int32Array; readonly dict: string[]; readonly values: string[] }
export interface NumData { readonly kind: 'num'; readonly data: Float64Array }
export type ColData = StrData | NumData;

export interface BenchTable {
  readonly name: string;
  readonly schema: ColumnSchema[];
  readonly data: Record<string, ColData>;
  readonly length: number;
}

// Lower-case only: Kusto `contains` ignores case, Arquero's op.includes does not, so the answers agree.
const STEMS = [
  'svchost', 'chrome', 'explorer', 'winlogon', 'msedge', 'teams', 'code', 'java', 'python', 'node',
  'outlook', 'excel', 'winword', 'powershell', 'cmd', 'conhost', 'lsass', 'csrss', 'smss', 'services',
  'spoolsv', 'dllhost', 'taskhostw', 'runtimebroker', 'searchindexer', 'wmiprvse', 'ccmexec', 'msmpeng',
  'onedrive', 'slack', 'zoom', 'firefox', 'notepad', 'mmc', 'regedit', 'sqlservr', 'w3wp', 'iisexpress',
  'dwm', 'ctfmon',
];
export const PROCESS_NAMES = Array.from({ length: 1000 }, (_, i) => {
  const stem = STEMS[i % STEMS.length]!;
  const v = Math.floor(i / STEMS.length);
  return v === 0 ? `${stem}.exe` : `${stem}${v}.exe`;
});
export const PUBLISHERS = Array.from({ length: 50 }, (_, i) => `publisher ${String(i).padStart(2, '0')} corp`);
export const DEVICES = Array.from({ length: 200 }, (_, i) => `dev-${String(i).padStart(4, '0')}`);

export const NOW = Date.parse('2024-01-15T12:00:00Z');
const DAY = 86_400_000;

function strData(dict: string[], n: number, pick: () => number): StrData {
  const codes = new Int32Array(n);
  const values = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const c = pick();
    codes[i] = c;
    values[i] = dict[c]!;
  }
  return { kind: 'str', codes, dict, values };
}

function numData(n: number, gen: (i: number) => number): NumData {
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = gen(i);
  return { kind: 'num', data };
}

/** The main table T: process rows from 200 devices over 30 days. Names are skewed (a few are common). */
export function makeProcessTable(n: number, seed = 42): BenchTable {
  const r = seededRandom(seed);
  const skewed = (k: number) => () => Math.min(k - 1, Math.floor(k * r() * r()));
  return {
    name: 'T',
    length: n,
    schema: [
      { name: 'Device', type: 'string' },
      { name: 'Name', type: 'string' },
      { name: 'Publisher', type: 'string' },
      { name: 'WorkingSet', type: 'long' },
      { name: 'CPU', type: 'real' },
      { name: 'StartTime', type: 'datetime' },
    ],
    data: {
      Device: strData(DEVICES, n, () => Math.floor(r() * DEVICES.length)),
      Name: strData(PROCESS_NAMES, n, skewed(PROCESS_NAMES.length)),
      Publisher: strData(PUBLISHERS, n, skewed(PUBLISHERS.length)),
      WorkingSet: numData(n, () => Math.floor(r() * 2_000_000_000)),
      CPU: numData(n, () => Math.round(r() * 100_000) / 100),
      StartTime: numData(n, () => NOW - 30 * DAY + Math.floor(r() * 30 * DAY)),
    },
  };
}

/**
 * The join pair: L holds `n` processes with unique ids 0..n-1 (shuffled); R holds `n` connections whose
 * ProcessId is drawn from 0..1.5n, so about two thirds of R match one L row each.
 */
export function makeJoinTables(n: number, seed = 7): [BenchTable, BenchTable] {
  const r = seededRandom(seed);
  const ids = new Float64Array(n);
  for (let i = 0; i < n; i++) ids[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const t = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = t;
  }
  const left: BenchTable = {
    name: 'L',
    length: n,
    schema: [
      { name: 'ProcessId', type: 'long' },
      { name: 'Name', type: 'string' },
      { name: 'Device', type: 'string' },
    ],
    data: {
      ProcessId: { kind: 'num', data: ids },
      Name: strData(PROCESS_NAMES, n, () => Math.floor(r() * PROCESS_NAMES.length)),
      Device: strData(DEVICES, n, () => Math.floor(r() * DEVICES.length)),
    },
  };
  const right: BenchTable = {
    name: 'R',
    length: n,
    schema: [
      { name: 'ProcessId', type: 'long' },
      { name: 'RemotePort', type: 'long' },
      { name: 'Bytes', type: 'real' },
    ],
    data: {
      ProcessId: numData(n, () => Math.floor(r() * 1.5 * n)),
      RemotePort: numData(n, () => [80, 443, 445, 3389, 8080][Math.floor(r() * 5)]!),
      Bytes: numData(n, () => Math.floor(r() * 1e6)),
    },
  };
  return [left, right];
}

/** Our engine's view: dictionary-encoded string columns and typed-array numbers, no copy. */
export function toEngineTable(t: BenchTable): Table {
  const columns: Column[] = t.schema.map((c) => {
    const d = t.data[c.name]!;
    return d.kind === 'str'
      ? { kind: 'str', length: t.length, codes: d.codes, dict: d.dict }
      : { kind: 'num', length: t.length, data: d.data, nulls: null };
  });
  return { schema: t.schema, columns, length: t.length };
}

/** Arquero's view: string arrays and typed arrays, keyed by column name. */
export function toArqueroColumns(t: BenchTable): Record<string, string[] | Float64Array> {
  const out: Record<string, string[] | Float64Array> = {};
  for (const c of t.schema) {
    const d = t.data[c.name]!;
    out[c.name] = d.kind === 'str' ? d.values : d.data;
  }
  return out;
}
