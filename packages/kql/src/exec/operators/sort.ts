import type { SortNode, TopNode, SortSpec } from '../../plan/plan-node.js';
import { type ExecContext, checkAborted } from '../exec-context.js';
import { type Table, selectRows } from '../table.js';
import { type Column, getValue } from '../column.js';
import { compileVector } from '../compile-vector.js';
import { compareValues } from '../../values/compare.js';

type RowCompare = (a: number, b: number) => number;

/**
 * Builds one comparator over row indexes for a list of sort keys. A string column is ranked once
 * by sorting its dictionary, so rows compare as integers; numbers compare from the typed array.
 */
export function rowComparator(keys: readonly SortSpec[], input: Table, ctx: ExecContext): RowCompare {
  const parts = keys.map((k) => keyComparator(k, compileVector(k.expr, ctx)(input)));
  if (parts.length === 1) return parts[0]!;
  return (a, b) => {
    for (const p of parts) {
      const c = p(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
}

function keyComparator(k: SortSpec, col: Column): RowCompare {
  const dir = k.descending ? -1 : 1;
  const nullSide = k.nullsFirst ? -1 : 1;
  switch (col.kind) {
    case 'num': {
      const d = col.data;
      const nulls = col.nulls;
      return (a, b) => {
        if (nulls !== null) {
          const na = nulls[a] === 1;
          const nb = nulls[b] === 1;
          if (na || nb) return na && nb ? 0 : na ? nullSide : -nullSide;
        }
        const x = d[a]!;
        const y = d[b]!;
        if (x < y) return -dir;
        if (x > y) return dir;
        if (x === y) return 0;
        // NaN ranks below every number (as .NET's double comparison has it), so the order stays total.
        const xNaN = x !== x;
        return xNaN === (y !== y) ? 0 : xNaN ? -dir : dir;
      };
    }
    case 'str': {
      const order = col.dict.map((_, i) => i).sort((i, j) => (col.dict[i]! < col.dict[j]! ? -1 : col.dict[i]! > col.dict[j]! ? 1 : 0));
      const rank = new Int32Array(col.dict.length);
      order.forEach((code, r) => { rank[code] = r; });
      // Equal strings (a dictionary may hold duplicates) must rank equal.
      for (let r = 1; r < order.length; r++) if (col.dict[order[r]!] === col.dict[order[r - 1]!]) rank[order[r]!] = rank[order[r - 1]!]!;
      const codes = col.codes;
      return (a, b) => dir * (rank[codes[a]!]! - rank[codes[b]!]!);
    }
    case 'bool': {
      const d = col.data;
      return (a, b) => {
        const x = d[a]!;
        const y = d[b]!;
        if (x === 2 || y === 2) return x === y ? 0 : x === 2 ? nullSide : -nullSide;
        return dir * (x - y);
      };
    }
    case 'any':
      return (a, b) => {
        const x = getValue(col, a);
        const y = getValue(col, b);
        if (x === null || y === null) return x === y ? 0 : x === null ? nullSide : -nullSide;
        return dir * compareValues(x, y, 'dynamic');
      };
  }
}

export function execSort(node: SortNode, input: Table, ctx: ExecContext): Table {
  const cmp = rowComparator(node.keys, input, ctx);
  const index = new Int32Array(input.length);
  for (let i = 0; i < index.length; i++) index[i] = i;
  // Ties keep input order (a stable sort), so the result does not depend on the engine's whim. A long
  // sort asks about the deadline now and then from inside the comparator (a throw ends the sort).
  let calls = 0;
  index.sort((a, b) => {
    if ((++calls & 0xfffff) === 0) checkAborted(ctx);
    return cmp(a, b) || a - b;
  });
  return selectRows(input, index);
}

/** `top N by` and `order by | take N`: a bounded heap of the N best rows, never a full sort. */
export function execTop(node: TopNode, input: Table, ctx: ExecContext): Table {
  const n = Math.min(node.count, input.length);
  if (n === 0) return selectRows(input, new Int32Array(0));
  const base = rowComparator(node.keys, input, ctx);
  const cmp = (a: number, b: number): number => base(a, b) || a - b;
  // A max-heap on `cmp`: the root is the worst of the rows kept so far.
  const heap = new Int32Array(n);
  let size = 0;
  const siftUp = (i: number): void => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(heap[i]!, heap[p]!) <= 0) break;
      const t = heap[i]!; heap[i] = heap[p]!; heap[p] = t; i = p;
    }
  };
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && cmp(heap[l]!, heap[m]!) > 0) m = l;
      if (r < size && cmp(heap[r]!, heap[m]!) > 0) m = r;
      if (m === i) return;
      const t = heap[i]!; heap[i] = heap[m]!; heap[m] = t; i = m;
    }
  };
  for (let i = 0; i < input.length; i++) {
    if ((i & 0xffff) === 0xffff) checkAborted(ctx);
    if (size < n) { heap[size] = i; siftUp(size++); }
    else if (cmp(i, heap[0]!) < 0) { heap[0] = i; siftDown(0); }
  }
  const index = heap.slice(0, size).sort(cmp);
  return selectRows(input, index);
}
