import { describe, expect, test } from 'vitest';
import { RowHeights } from '../../src-renderer/src/lib/row-heights.js';

/** The walk the table did every frame before, over the same heights: the reference. */
function walk(heights: (number | undefined)[], y: number, strict: boolean): number {
  const measured = heights.filter((height): height is number => height !== undefined);
  const guess = measured.length > 0 ? measured.reduce((sum, height) => sum + height, 0) / measured.length : 53;
  let index = 0;
  let top = 0;
  while (index < heights.length && (strict ? top + (heights[index] ?? guess) < y : top + (heights[index] ?? guess) <= y)) top += heights[index++] ?? guess;
  return index;
}

describe('row heights for a windowed list', () => {
  test('before any row is measured, every row is the fallback guess', () => {
    const rows = new RowHeights(10, 50);
    expect(rows.total).toBe(500);
    expect(rows.before(4)).toBe(200);
    expect(rows.rowsAbove(0)).toBe(0);
    expect(rows.rowsAbove(125)).toBe(2);
    expect(rows.rowsAbove(150)).toBe(3);
    expect(rows.rowsAbove(150, true)).toBe(2);
    expect(rows.rowsAbove(10_000)).toBe(10);
  });

  test('measured rows count as measured and the rest at their average', () => {
    const rows = new RowHeights(6, 50);
    rows.set(0, 40);
    rows.set(3, 80);
    expect(rows.guess).toBe(60);
    expect(rows.at(0)).toBe(40);
    expect(rows.at(1)).toBe(60);
    expect(rows.before(4)).toBe(40 + 60 + 60 + 80);
    expect(rows.total).toBe(40 + 80 + 4 * 60);
    // A row measured again replaces its height; 0 forgets it.
    rows.set(3, 100);
    expect(rows.total).toBe(40 + 100 + 4 * 70);
    rows.set(3, 0);
    expect(rows.total).toBe(6 * 40);
  });

  test('agrees with a walk over every row, for random heights, lists and places', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (const count of [0, 1, 2, 3, 7, 8, 9, 150, 1000, 5000]) {
      const rows = new RowHeights(count);
      const heights: (number | undefined)[] = Array.from({ length: count }, () => undefined);
      for (let i = 0; i < Math.min(count, 400); i += 1) {
        const index = Math.floor(random() * count);
        const height = 30 + Math.floor(random() * 90);
        heights[index] = height;
        rows.set(index, height);
      }
      const reference = new RowHeights(count);
      heights.forEach((height, index) => height !== undefined && reference.set(index, height));
      for (let probe = 0; probe < 60; probe += 1) {
        const y = random() * (rows.total + 200) - 100;
        expect(rows.rowsAbove(y)).toBe(walk(heights, y, false));
        expect(rows.rowsAbove(y, true)).toBe(walk(heights, y, true));
        const end = Math.floor(random() * (count + 1));
        expect(rows.before(end)).toBeCloseTo(reference.before(end), 6);
      }
    }
  });

  test('a reset starts a list afresh', () => {
    const rows = new RowHeights(3, 50);
    rows.set(1, 90);
    rows.reset(5);
    expect(rows.count).toBe(5);
    expect(rows.total).toBe(250);
    rows.set(7, 10); // past the end: ignored
    expect(rows.total).toBe(250);
  });
});
