/** A small seeded random source (mulberry32) with the picks the generators need. */
export class Rand {
  private s: number;

  constructor(seed: number) {
    this.s = seed | 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = Math.imul(this.s ^ (this.s >>> 15), 1 | this.s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    const x = xs[this.int(xs.length)];
    if (x === undefined) throw new Error('pick from an empty list');
    return x;
  }

  /** `n` items (0 ≤ n < max) made by `f`. */
  many<T>(max: number, f: (i: number) => T): T[] {
    return Array.from({ length: this.int(max) }, (_, i) => f(i));
  }
}
