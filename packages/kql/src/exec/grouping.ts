import type { Column } from './column.js';
import { getValue } from './column.js';
import { NumberIds } from './number-ids.js';

/** Rows assigned to groups: `groupOf[i]` for each row, and the first row of each group. */
export interface Grouping {
  readonly groupOf: Int32Array;
  readonly firstRow: number[];
  readonly count: number;
}

/**
 * Groups rows by the values of key columns (nulls form a group of their own, as in Kusto). Each key
 * column is first reduced to small integer ids — a string column by its dictionary codes, others
 * through a Map — and the ids are combined arithmetically while the product of the key cardinalities
 * stays exact; past that, a string key is built per row.
 */
export function groupRows(keys: readonly Column[], n: number, checkpoint: () => void = () => {}): Grouping {
  const groupOf = new Int32Array(n);
  const firstRow: number[] = [];
  if (keys.length === 0) {
    if (n > 0) firstRow.push(0);
    return { groupOf, firstRow, count: n > 0 ? 1 : 0 };
  }
  const local = keys.map((k) => localIds(k, n, checkpoint));
  let cardinality = 1;
  for (const l of local) cardinality *= l.cardinality;
  if (local.length === 1) {
    const ids = local[0]!.ids;
    const slot = new Int32Array(local[0]!.cardinality).fill(-1);
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      let g = slot[id]!;
      if (g < 0) { g = slot[id] = firstRow.length; firstRow.push(i); }
      groupOf[i] = g;
    }
    return { groupOf, firstRow, count: firstRow.length };
  }
  if (cardinality < 2 ** 52) {
    const map = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if ((i & 0xffff) === 0xffff) checkpoint();
      let key = 0;
      for (let k = local.length - 1; k >= 0; k--) key = key * local[k]!.cardinality + local[k]!.ids[i]!;
      let g = map.get(key);
      if (g === undefined) { g = firstRow.length; map.set(key, g); firstRow.push(i); }
      groupOf[i] = g;
    }
    return { groupOf, firstRow, count: firstRow.length };
  }
  const map = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if ((i & 0xffff) === 0xffff) checkpoint();
    let key = '';
    for (const l of local) key += `${l.ids[i]},`;
    let g = map.get(key);
    if (g === undefined) { g = firstRow.length; map.set(key, g); firstRow.push(i); }
    groupOf[i] = g;
  }
  return { groupOf, firstRow, count: firstRow.length };
}

interface LocalIds { readonly ids: Int32Array; readonly cardinality: number }

function localIds(col: Column, n: number, checkpoint: () => void): LocalIds {
  const ids = new Int32Array(n);
  if (col.kind === 'str') {
    // Codes are already ids, but a dictionary may hold one string twice after a concat; dedupe them.
    const canon = new Map<string, number>();
    const remap = new Int32Array(col.dict.length);
    col.dict.forEach((s, k) => {
      let c = canon.get(s);
      if (c === undefined) { c = canon.size; canon.set(s, c); }
      remap[k] = c;
    });
    for (let i = 0; i < n; i++) ids[i] = remap[col.codes[i]!]!;
    return { ids, cardinality: Math.max(canon.size, 1) };
  }
  if (col.kind === 'bool') {
    for (let i = 0; i < n; i++) ids[i] = col.data[i]!;
    return { ids, cardinality: 3 };
  }
  if (col.kind === 'num') {
    const index = new NumberIds();
    const { data, nulls } = col;
    let nullSeen = false;
    for (let i = 0; i < n; i++) {
      if ((i & 0xffff) === 0xffff) checkpoint();
      if (nulls !== null && nulls[i] === 1) { ids[i] = -1; nullSeen = true; }
      else ids[i] = index.idOf(data[i]!);
    }
    if (nullSeen) for (let i = 0; i < n; i++) if (ids[i] === -1) ids[i] = index.size;
    return { ids, cardinality: Math.max(index.size + (nullSeen ? 1 : 0), 1) };
  }
  const map = new Map<unknown, number>();
  const nullId = -1;
  let hasNull = false;
  for (let i = 0; i < n; i++) {
    if ((i & 0xffff) === 0xffff) checkpoint();
    const v = keyOf(getValue(col, i));
    if (v === null) { ids[i] = nullId; hasNull = true; continue; }
    let id = map.get(v);
    if (id === undefined) { id = map.size; map.set(v, id); }
    ids[i] = id;
  }
  if (hasNull) {
    const nullSlot = map.size;
    for (let i = 0; i < n; i++) if (ids[i] === nullId) ids[i] = nullSlot;
  }
  return { ids, cardinality: Math.max(map.size + (hasNull ? 1 : 0), 1) };
}

/** Dynamic values group by their JSON text. */
function keyOf(v: unknown): unknown {
  return v !== null && typeof v === 'object' ? `\u0000${JSON.stringify(v)}` : v;
}
