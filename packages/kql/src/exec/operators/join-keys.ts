import type { ScalarType } from '../../types/scalar-type.js';
import type { Table } from '../table.js';
import { type Column, getValue } from '../column.js';
import { NumberIds } from '../number-ids.js';

/**
 * Both sides' join keys as small integer ids: equal keys get equal ids, a null key (or, on the
 * left, a key the right side lacks) gets -1. With ids, the join itself is array work.
 */
export interface JoinIds {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Ids run from 0 to count - 1. */
  readonly count: number;
}

export function joinIds(left: Table, right: Table, leftKeys: readonly number[], rightKeys: readonly number[], types: readonly ScalarType[]): JoinIds {
  if (leftKeys.length === 1) {
    const l = left.columns[leftKeys[0]!]!;
    const r = right.columns[rightKeys[0]!]!;
    if (l.kind === 'str' && r.kind === 'str') return stringIds(l.codes, l.dict, r.codes, r.dict);
    if (l.kind === 'num' && r.kind === 'num' && types[0] !== 'string') return numberIds(l, r);
  }
  return genericIds(left, right, leftKeys, rightKeys);
}

/** Strings: ids per dictionary entry, so each distinct string is hashed once, not once per row. */
function stringIds(lc: Int32Array, ld: readonly string[], rc: Int32Array, rd: readonly string[]): JoinIds {
  const byText = new Map<string, number>();
  const rightEntry = Int32Array.from(rd, (s) => {
    let id = byText.get(s);
    if (id === undefined) { id = byText.size; byText.set(s, id); }
    return id;
  });
  const leftEntry = Int32Array.from(ld, (s) => byText.get(s) ?? -1);
  const right = new Int32Array(rc.length);
  for (let i = 0; i < rc.length; i++) right[i] = rightEntry[rc[i]!]!;
  const left = new Int32Array(lc.length);
  for (let i = 0; i < lc.length; i++) left[i] = leftEntry[lc[i]!]!;
  return { left, right, count: byText.size };
}

function numberIds(l: Extract<Column, { kind: 'num' }>, r: Extract<Column, { kind: 'num' }>): JoinIds {
  const index = new NumberIds(r.length);
  const right = new Int32Array(r.length);
  for (let i = 0; i < r.length; i++) right[i] = r.nulls !== null && r.nulls[i] === 1 ? -1 : index.idOf(r.data[i]!);
  const left = new Int32Array(l.length);
  for (let i = 0; i < l.length; i++) left[i] = l.nulls !== null && l.nulls[i] === 1 ? -1 : index.find(l.data[i]!);
  return { left, right, count: index.size };
}

/** Several keys, or mixed storage: a text key per row. */
function genericIds(left: Table, right: Table, leftKeys: readonly number[], rightKeys: readonly number[]): JoinIds {
  const byKey = new Map<string, number>();
  const keyOf = (t: Table, cols: readonly number[], i: number): string | null => {
    let k = '';
    for (const c of cols) {
      const v = getValue(t.columns[c]!, i);
      if (v === null) return null;
      const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
      k += `${typeof v === 'number' ? 'n' : 's'}${text.length}:${text}|`;
    }
    return k;
  };
  const rightIds = new Int32Array(right.length);
  for (let i = 0; i < right.length; i++) {
    const k = keyOf(right, rightKeys, i);
    if (k === null) { rightIds[i] = -1; continue; }
    let id = byKey.get(k);
    if (id === undefined) { id = byKey.size; byKey.set(k, id); }
    rightIds[i] = id;
  }
  const leftIds = new Int32Array(left.length);
  for (let i = 0; i < left.length; i++) {
    const k = keyOf(left, leftKeys, i);
    leftIds[i] = k === null ? -1 : byKey.get(k) ?? -1;
  }
  return { left: leftIds, right: rightIds, count: byKey.size };
}
