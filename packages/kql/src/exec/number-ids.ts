/**
 * Dense ids for numbers: the first distinct value seen gets 0, the next 1, and so on. An
 * open-addressing hash over the raw bits of each double, so grouping or joining a million
 * numeric keys does no per-row allocation (a Map<number> costs several times more here).
 */
export class NumberIds {
  private keys: Float64Array;
  private ids: Int32Array;
  private mask: number;
  private readonly bits = new Float64Array(1);
  private readonly halves = new Int32Array(this.bits.buffer);
  size = 0;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.ids = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  private slot(x: number): number {
    this.bits[0] = x === 0 ? 0 : x; // -0 and 0 are one key
    const h = Math.imul(this.halves[0]! ^ Math.imul(this.halves[1]!, 0x9e3779b1), 0x85ebca6b);
    return (h ^ (h >>> 15)) & this.mask;
  }

  /** The id of `x`, giving it the next id when it is new. */
  idOf(x: number): number {
    if (x === 0) x = 0;
    let s = this.slot(x);
    for (;;) {
      const id = this.ids[s]!;
      if (id < 0) {
        this.keys[s] = x;
        this.ids[s] = this.size;
        if (++this.size * 2 > this.keys.length) this.grow();
        return this.size - 1;
      }
      if (this.keys[s] === x || (x !== x && this.keys[s] !== this.keys[s])) return id;
      s = (s + 1) & this.mask;
    }
  }

  /** The id of `x`, or -1 when it was never added. */
  find(x: number): number {
    if (x === 0) x = 0;
    let s = this.slot(x);
    for (;;) {
      const id = this.ids[s]!;
      if (id < 0) return -1;
      if (this.keys[s] === x || (x !== x && this.keys[s] !== this.keys[s])) return id;
      s = (s + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.ids = new Int32Array(oldKeys.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const id = oldIds[i]!;
      if (id < 0) continue;
      let s = this.slot(oldKeys[i]!);
      while (this.ids[s]! >= 0) s = (s + 1) & this.mask;
      this.keys[s] = oldKeys[i]!;
      this.ids[s] = id;
    }
  }
}
