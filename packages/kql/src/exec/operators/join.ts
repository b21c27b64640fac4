import type { JoinNode } from '../../plan/plan-node.js';
import type { ScalarType } from '../../types/scalar-type.js';
import type { Table } from '../table.js';
import { type ExecContext, checkAborted } from '../exec-context.js';
import { type Column, getValue, gather, gatherOrNull } from '../column.js';

type Key = string | number | null;

/** A join that would produce more rows than this stops with an error instead of exhausting memory. */
export const MAX_JOIN_ROWS = 50_000_000;

export class JoinTooLarge extends Error {
  constructor() {
    super(`The join would produce more than ${MAX_JOIN_ROWS} rows; add filters or join on more keys.`);
  }
}

/**
 * Row keys for a join side: one number or string per row, null when any key part is null (a null
 * key never matches, as in Kusto). Strings on both sides are compared exactly, as Kusto's join does.
 */
function rowKeys(t: Table, cols: readonly number[], types: readonly ScalarType[]): Key[] {
  const keys = new Array<Key>(t.length);
  const parts = cols.map((c) => t.columns[c]!);
  if (parts.length === 1) {
    const col = parts[0]!;
    const numeric = types[0] !== 'string' && types[0] !== 'dynamic' && types[0] !== 'guid' && types[0] !== 'bool';
    for (let i = 0; i < t.length; i++) keys[i] = keyPart(col, i, numeric);
    return keys;
  }
  for (let i = 0; i < t.length; i++) {
    let k = '';
    let isNull = false;
    for (const col of parts) {
      const v = keyPart(col, i, false);
      if (v === null) { isNull = true; break; }
      k += `${typeof v === 'number' ? 'n' : 's'}${String(v).length}:${v}|`;
    }
    keys[i] = isNull ? null : k;
  }
  return keys;
}

function keyPart(col: Column, i: number, numeric: boolean): Key {
  const v = getValue(col, i);
  if (v === null) return null;
  if (typeof v === 'number') return numeric ? v : `#${v}`;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** A hash join, built on the right side. Output order follows the left (then unmatched right rows). */
export function execJoin(node: JoinNode, left: Table, right: Table, ctx: ExecContext): Table {
  const kind = node.joinKind;
  let leftRows = left;
  let leftKeys = rowKeys(left, node.leftKeys, node.keyTypes);
  if (kind === 'innerunique') {
    // innerunique keeps one left row per key before joining.
    const seen = new Set<Key>();
    const keep: number[] = [];
    leftKeys.forEach((k, i) => { if (k !== null && !seen.has(k)) { seen.add(k); keep.push(i); } });
    const index = Int32Array.from(keep);
    leftRows = { schema: left.schema, columns: left.columns.map((c) => gather(c, index)), length: index.length };
    leftKeys = keep.map((i) => leftKeys[i]!);
  }
  const rightKeys = rowKeys(right, node.rightKeys, node.keyTypes);
  const table = new Map<Key, number[]>();
  rightKeys.forEach((k, i) => {
    if (k === null) return;
    const list = table.get(k);
    if (list) list.push(i);
    else table.set(k, [i]);
  });

  if (kind === 'leftsemi' || kind === 'leftanti') {
    const want = kind === 'leftsemi';
    const keep = leftKeys.flatMap((k, i) => ((k !== null && table.has(k)) === want ? [i] : []));
    return pick(node, leftRows, Int32Array.from(keep));
  }
  if (kind === 'rightsemi' || kind === 'rightanti') {
    const leftSet = new Set(leftKeys.filter((k) => k !== null));
    const want = kind === 'rightsemi';
    const keep = rightKeys.flatMap((k, i) => ((k !== null && leftSet.has(k)) === want ? [i] : []));
    return pick(node, right, Int32Array.from(keep));
  }

  const li: number[] = [];
  const ri: number[] = [];
  const matchedRight = new Uint8Array(right.length);
  leftKeys.forEach((k, i) => {
    if ((i & 0x3fff) === 0x3fff) checkAborted(ctx);
    const hits = k === null ? undefined : table.get(k);
    if (hits) {
      if (li.length + hits.length > MAX_JOIN_ROWS) throw new JoinTooLarge();
      for (const j of hits) { li.push(i); ri.push(j); matchedRight[j] = 1; }
    } else if (kind === 'leftouter' || kind === 'fullouter') {
      li.push(i); ri.push(-1);
    }
  });
  if (kind === 'rightouter' || kind === 'fullouter') {
    for (let j = 0; j < right.length; j++) if (!matchedRight[j]) { li.push(-1); ri.push(j); }
  }
  const lIdx = Int32Array.from(li);
  const rIdx = Int32Array.from(ri);
  const nullable = (idx: Int32Array) => idx.some((x) => x < 0);
  const lNull = nullable(lIdx);
  const rNull = nullable(rIdx);
  const columns: Column[] = [
    ...leftRows.columns.map((c, j) => (lNull ? gatherOrNull(c, lIdx, left.schema[j]!.type) : gather(c, lIdx))),
    ...right.columns.map((c, j) => (rNull ? gatherOrNull(c, rIdx, right.schema[j]!.type) : gather(c, rIdx))),
  ];
  return { schema: node.schema, columns, length: lIdx.length };
}

function pick(node: JoinNode, t: Table, index: Int32Array): Table {
  return { schema: node.schema, columns: t.columns.map((c) => gather(c, index)), length: index.length };
}
