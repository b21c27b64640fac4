import type { JoinNode } from '../../plan/plan-node.js';
import type { Table } from '../table.js';
import { type ExecContext, checkAborted } from '../exec-context.js';
import { type Column, gather, gatherOrNull } from '../column.js';
import { joinIds } from './join-keys.js';

/** A join that would produce more rows than this stops with an error instead of exhausting memory. */
export const MAX_JOIN_ROWS = 10_000_000;

/** Row positions of a join's output, grown as matches are found. */
class Pairs {
  left: Int32Array = new Int32Array(1024);
  right: Int32Array = new Int32Array(1024);
  length = 0;

  constructor(private readonly checkpoint: () => void) {}

  push(l: number, r: number): void {
    if ((this.length & 0xffff) === 0xffff) this.checkpoint();
    if (this.length === this.left.length) {
      if (this.length >= MAX_JOIN_ROWS) throw new Error(`The join would produce more than ${MAX_JOIN_ROWS} rows; add filters or join on more keys.`);
      const grow = (a: Int32Array): Int32Array => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
      this.left = grow(this.left);
      this.right = grow(this.right);
    }
    this.left[this.length] = l;
    this.right[this.length++] = r;
  }
}

/**
 * A hash join on key ids (see join-keys.ts), the right side chained by id. Output follows the left
 * side's order, each left row's matches in right order, then unmatched right rows. A null key never
 * matches, as in Kusto.
 */
export function execJoin(node: JoinNode, left: Table, right: Table, ctx: ExecContext): Table {
  const kind = node.joinKind;
  const ids = joinIds(left, right, node.leftKeys, node.rightKeys, node.keyTypes);
  const head = new Int32Array(ids.count).fill(-1);
  const next = new Int32Array(right.length).fill(-1);
  for (let j = right.length - 1; j >= 0; j--) {
    const id = ids.right[j]!;
    if (id >= 0) { next[j] = head[id]!; head[id] = j; }
  }

  if (kind === 'leftsemi' || kind === 'leftanti') {
    const want = kind === 'leftsemi';
    return pick(node, left, filterRows(left.length, (i) => (ids.left[i]! >= 0 && head[ids.left[i]!]! >= 0) === want));
  }
  if (kind === 'rightsemi' || kind === 'rightanti') {
    const seen = new Uint8Array(ids.count);
    for (let i = 0; i < left.length; i++) if (ids.left[i]! >= 0) seen[ids.left[i]!] = 1;
    const want = kind === 'rightsemi';
    return pick(node, right, filterRows(right.length, (j) => (ids.right[j]! >= 0 && seen[ids.right[j]!] === 1) === want));
  }

  const pairs = new Pairs(() => checkAborted(ctx));
  const matchedRight = new Uint8Array(right.length);
  // innerunique keeps one left row (the first) per key before joining.
  const usedKey = kind === 'innerunique' ? new Uint8Array(ids.count) : null;
  const keepUnmatchedLeft = kind === 'leftouter' || kind === 'fullouter';
  for (let i = 0; i < left.length; i++) {
    if ((i & 0x3fff) === 0x3fff) checkAborted(ctx);
    const id = ids.left[i]!;
    let j = id >= 0 ? head[id]! : -1;
    if (usedKey !== null) {
      if (j < 0 || usedKey[id] === 1) continue;
      usedKey[id] = 1;
    }
    if (j < 0) {
      if (keepUnmatchedLeft) pairs.push(i, -1);
      continue;
    }
    for (; j >= 0; j = next[j]!) { pairs.push(i, j); matchedRight[j] = 1; }
  }
  if (kind === 'rightouter' || kind === 'fullouter') {
    for (let j = 0; j < right.length; j++) if (!matchedRight[j]) pairs.push(-1, j);
  }
  const lIdx = pairs.left.subarray(0, pairs.length);
  const rIdx = pairs.right.subarray(0, pairs.length);
  const lNull = kind === 'rightouter' || kind === 'fullouter';
  const rNull = keepUnmatchedLeft;
  // Column by column, asking about the deadline between them: a big join's copy is most of its time.
  const side = (t: Table, idx: Int32Array, nullable: boolean): Column[] => t.columns.map((c, j) => {
    checkAborted(ctx);
    return nullable ? gatherOrNull(c, idx, t.schema[j]!.type) : gather(c, idx);
  });
  const columns: Column[] = [...side(left, lIdx, lNull), ...side(right, rIdx, rNull)];
  return { schema: node.schema, columns, length: pairs.length };
}

function filterRows(n: number, keep: (i: number) => boolean): Int32Array {
  const out = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (keep(i)) out[k++] = i;
  return out.subarray(0, k);
}

function pick(node: JoinNode, t: Table, index: Int32Array): Table {
  return { schema: node.schema, columns: t.columns.map((c) => gather(c, index)), length: index.length };
}
