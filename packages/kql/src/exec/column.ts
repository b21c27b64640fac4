import type { ScalarType } from '../types/scalar-type.js';
import { isNumberBacked } from '../types/scalar-type.js';
import type { Value } from '../values/value.js';

/**
 * Columnar storage. Numbers (int, long, real, datetime, timespan) sit in a Float64Array with a null
 * mask; bools in a Uint8Array (0 false, 1 true, 2 null); strings are dictionary-encoded, because
 * entity rows repeat the same names, publishers and devices, so equality, `in`, grouping and joins
 * compare integer codes; dynamic and guid values are kept as plain values.
 */
export type Column = NumColumn | BoolColumn | StrColumn | AnyColumn;

export interface NumColumn {
  readonly kind: 'num';
  readonly length: number;
  readonly data: Float64Array;
  /** `nulls[i] === 1` marks a null; absent when the column has none. */
  readonly nulls: Uint8Array | null;
}

export const BOOL_NULL = 2;

export interface BoolColumn {
  readonly kind: 'bool';
  readonly length: number;
  readonly data: Uint8Array;
}

export interface StrColumn {
  readonly kind: 'str';
  readonly length: number;
  readonly codes: Int32Array;
  /** May hold entries no row uses (after a filter), never duplicates when built by `StringDictionary`. */
  readonly dict: readonly string[];
}

export interface AnyColumn {
  readonly kind: 'any';
  readonly length: number;
  readonly data: readonly Value[];
}

export function storageKind(type: ScalarType): Column['kind'] {
  if (isNumberBacked(type)) return 'num';
  if (type === 'bool') return 'bool';
  if (type === 'string') return 'str';
  return 'any';
}

export function getValue(col: Column, i: number): Value {
  switch (col.kind) {
    case 'num':
      return col.nulls !== null && col.nulls[i] === 1 ? null : col.data[i]!;
    case 'bool': {
      const b = col.data[i]!;
      return b === BOOL_NULL ? null : b === 1;
    }
    case 'str':
      return col.dict[col.codes[i]!]!;
    case 'any':
      return col.data[i] ?? null;
  }
}

/** Interns strings into codes while a column is being built. */
export class StringDictionary {
  readonly entries: string[] = [];
  private readonly index = new Map<string, number>();

  code(s: string): number {
    let c = this.index.get(s);
    if (c === undefined) {
      c = this.entries.length;
      this.entries.push(s);
      this.index.set(s, c);
    }
    return c;
  }
}

/** Builds a column of a type from values pushed one at a time (the row-at-a-time path). */
export class ColumnBuilder {
  private num: Float64Array;
  private nulls: Uint8Array | null = null;
  private bools: Uint8Array;
  private codes: Int32Array;
  private readonly dict = new StringDictionary();
  private readonly any: Value[] = [];
  private n = 0;
  readonly kind: Column['kind'];

  constructor(type: ScalarType, capacity = 16) {
    this.kind = storageKind(type);
    const cap = Math.max(capacity, 1);
    this.num = this.kind === 'num' ? new Float64Array(cap) : EMPTY_F64;
    this.bools = this.kind === 'bool' ? new Uint8Array(cap) : EMPTY_U8;
    this.codes = this.kind === 'str' ? new Int32Array(cap) : EMPTY_I32;
  }

  push(v: Value): void {
    const i = this.n++;
    switch (this.kind) {
      case 'num':
        if (i >= this.num.length) this.num = grow(this.num);
        if (typeof v === 'number') this.num[i] = v;
        else {
          if (this.nulls === null) this.nulls = new Uint8Array(this.num.length);
          else if (this.nulls.length < this.num.length) this.nulls = growU8(this.nulls, this.num.length);
          this.nulls[i] = 1;
        }
        return;
      case 'bool':
        if (i >= this.bools.length) this.bools = growU8(this.bools, this.bools.length * 2);
        this.bools[i] = v === null ? BOOL_NULL : v ? 1 : 0;
        return;
      case 'str':
        if (i >= this.codes.length) this.codes = growI32(this.codes);
        this.codes[i] = this.dict.code(v === null ? '' : typeof v === 'string' ? v : String(v));
        return;
      case 'any':
        this.any.push(v);
        return;
    }
  }

  finish(): Column {
    const n = this.n;
    switch (this.kind) {
      case 'num': {
        const nulls = this.nulls === null ? null : (this.nulls.length < n ? growU8(this.nulls, n) : this.nulls).slice(0, n);
        return { kind: 'num', length: n, data: this.num.slice(0, n), nulls };
      }
      case 'bool':
        return { kind: 'bool', length: n, data: this.bools.slice(0, n) };
      case 'str':
        return { kind: 'str', length: n, codes: this.codes.slice(0, n), dict: this.dict.entries };
      case 'any':
        return { kind: 'any', length: n, data: this.any };
    }
  }
}

const EMPTY_F64 = new Float64Array(0);
const EMPTY_U8 = new Uint8Array(0);
const EMPTY_I32 = new Int32Array(0);

function grow(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
function growU8(a: Uint8Array, size: number): Uint8Array {
  const b = new Uint8Array(Math.max(size, 1));
  b.set(a.subarray(0, Math.min(a.length, b.length)));
  return b;
}
function growI32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export function columnFromValues(type: ScalarType, values: readonly Value[]): Column {
  const b = new ColumnBuilder(type, values.length);
  for (const v of values) b.push(v);
  return b.finish();
}

/** The rows at `index` (a selection vector), in that order. Dictionaries are shared, not copied. */
export function gather(col: Column, index: Int32Array): Column {
  const n = index.length;
  switch (col.kind) {
    case 'num': {
      const data = new Float64Array(n);
      const src = col.data;
      for (let i = 0; i < n; i++) data[i] = src[index[i]!]!;
      let nulls: Uint8Array | null = null;
      if (col.nulls !== null) {
        nulls = new Uint8Array(n);
        const m = col.nulls;
        let any = false;
        for (let i = 0; i < n; i++) if ((nulls[i] = m[index[i]!]!) === 1) any = true;
        if (!any) nulls = null;
      }
      return { kind: 'num', length: n, data, nulls };
    }
    case 'bool': {
      const data = new Uint8Array(n);
      for (let i = 0; i < n; i++) data[i] = col.data[index[i]!]!;
      return { kind: 'bool', length: n, data };
    }
    case 'str': {
      const codes = new Int32Array(n);
      const src = col.codes;
      for (let i = 0; i < n; i++) codes[i] = src[index[i]!]!;
      return { kind: 'str', length: n, codes, dict: col.dict };
    }
    case 'any': {
      const data = new Array<Value>(n);
      for (let i = 0; i < n; i++) data[i] = col.data[index[i]!] ?? null;
      return { kind: 'any', length: n, data };
    }
  }
}

/** Like `gather`, but index -1 yields a null (outer joins). */
export function gatherOrNull(col: Column, index: Int32Array, type: ScalarType): Column {
  const b = new ColumnBuilder(type, index.length);
  for (let i = 0; i < index.length; i++) {
    const j = index[i]!;
    b.push(j < 0 ? (type === 'string' ? '' : null) : getValue(col, j));
  }
  return b.finish();
}

/** A column of `n` copies of one value. */
export function constantColumn(type: ScalarType, value: Value, n: number): Column {
  switch (storageKind(type)) {
    case 'num': {
      const data = new Float64Array(n);
      if (typeof value === 'number') data.fill(value);
      return { kind: 'num', length: n, data, nulls: typeof value === 'number' ? null : new Uint8Array(n).fill(1) };
    }
    case 'bool':
      return { kind: 'bool', length: n, data: new Uint8Array(n).fill(value === null ? BOOL_NULL : value ? 1 : 0) };
    case 'str':
      return { kind: 'str', length: n, codes: new Int32Array(n), dict: [typeof value === 'string' ? value : value === null ? '' : String(value)] };
    case 'any':
      return { kind: 'any', length: n, data: new Array<Value>(n).fill(value) };
  }
}

/** Appends columns of one type end to end (union, merging device results). */
export function concatColumns(type: ScalarType, cols: readonly Column[]): Column {
  if (cols.length === 1) return cols[0]!;
  const total = cols.reduce((s, c) => s + c.length, 0);
  const kind = storageKind(type);
  if (kind === 'str' && cols.every((c) => c.kind === 'str')) {
    const dict = new StringDictionary();
    const codes = new Int32Array(total);
    let at = 0;
    for (const c of cols as StrColumn[]) {
      const remap = c.dict.map((s) => dict.code(s));
      for (let i = 0; i < c.length; i++) codes[at++] = remap[c.codes[i]!]!;
    }
    return { kind: 'str', length: total, codes, dict: dict.entries };
  }
  if (kind === 'num' && cols.every((c) => c.kind === 'num')) {
    const data = new Float64Array(total);
    let nulls: Uint8Array | null = null;
    let at = 0;
    for (const c of cols as NumColumn[]) {
      data.set(c.data.subarray(0, c.length), at);
      if (c.nulls !== null) (nulls ??= new Uint8Array(total)).set(c.nulls.subarray(0, c.length), at);
      at += c.length;
    }
    return { kind: 'num', length: total, data, nulls };
  }
  const b = new ColumnBuilder(type, total);
  for (const c of cols) for (let i = 0; i < c.length; i++) b.push(getValue(c, i));
  return b.finish();
}
