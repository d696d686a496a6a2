/**
 * The heights of a long list's rows, for a window over it: the rows measured so far, and a guess (the
 * average of those) for the rest. Two Fenwick trees (sums and counts of measured heights by row) answer
 * "how tall are rows 0..n" and "which row is at y" in O(log rows), so a scroll frame costs the same at
 * 5,000 rows as at 50.
 */
export class RowHeights {
  #count = 0;
  /** The measured height of each row, 0 where none was measured. */
  #heights = new Float64Array(0);
  #sums = new Float64Array(1);
  #measured = new Float64Array(1);
  #total = 0;
  #known = 0;
  #top = 1;

  constructor(
    count = 0,
    /** The guess before any row was measured. */
    private readonly fallback = 53,
  ) {
    this.reset(count);
  }

  get count(): number {
    return this.#count;
  }

  /** A fresh list of `count` rows, none measured. */
  reset(count: number): void {
    this.#count = count;
    this.#heights = new Float64Array(count);
    this.#sums = new Float64Array(count + 1);
    this.#measured = new Float64Array(count + 1);
    this.#total = 0;
    this.#known = 0;
    this.#top = 1;
    while (this.#top * 2 <= count) this.#top *= 2;
  }

  /** What an unmeasured row is taken to be: the average of those measured. */
  get guess(): number {
    return this.#known > 0 ? this.#total / this.#known : this.fallback;
  }

  /** Row `index` is `height` pixels tall (0: not known any more). */
  set(index: number, height: number): void {
    if (index < 0 || index >= this.#count) return;
    const before = this.#heights[index]!;
    if (before === height) return;
    this.#heights[index] = height;
    const counted = (height > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
    this.#total += height - before;
    this.#known += counted;
    for (let node = index + 1; node <= this.#count; node += node & -node) {
      this.#sums[node]! += height - before;
      this.#measured[node]! += counted;
    }
  }

  /** The height of row `index`, measured or guessed. */
  at(index: number): number {
    return this.#heights[index] || this.guess;
  }

  /** The height of rows 0 up to (not including) `end`. */
  before(end: number): number {
    const guess = this.guess;
    let sum = 0;
    let measured = 0;
    for (let node = Math.max(0, Math.min(end, this.#count)); node > 0; node -= node & -node) {
      sum += this.#sums[node]!;
      measured += this.#measured[node]!;
    }
    return sum + (Math.min(end, this.#count) - measured) * guess;
  }

  /** The height of every row. */
  get total(): number {
    return this.#total + (this.#count - this.#known) * this.guess;
  }

  /** How many rows end at or above `y` (strictly above with `strict`): the index of the row at `y`. */
  rowsAbove(y: number, strict = false): number {
    const guess = this.guess;
    let index = 0;
    let height = 0;
    for (let step = this.#top; step > 0; step >>= 1) {
      const node = index + step;
      if (node > this.#count) continue;
      const next = height + this.#sums[node]! + (step - this.#measured[node]!) * guess;
      if (strict ? next < y : next <= y) {
        index = node;
        height = next;
      }
    }
    return index;
  }
}
