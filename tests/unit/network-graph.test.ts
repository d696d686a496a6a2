// Ego-network measures on small graphs whose answers are worked out by hand.
import { describe, expect, it } from 'vitest';
import { egoMeasures } from '../../src-main/core/network/graph-measures.js';

describe('egoMeasures', () => {
  it('a star (no contact knows another): effective size n, constraint 1/n, everyone unlinked', () => {
    const m = egoMeasures([1, 2, 3, 4], []);
    expect(m.effectiveSize).toBe(4);
    expect(m.constraint).toBeCloseTo(0.25, 10);
    expect(m.ties).toBe(0);
    expect(m.density).toBe(0);
    expect(m.unlinked).toEqual([1, 2, 3, 4]);
    expect(m.linked).toEqual([]);
    expect(m.components).toEqual([[1], [2], [3], [4]]);
    expect(m.communities).toEqual([]);
  });

  it('a clique of four: effective size 1, constraint 4·(1/4 + 3/16)² = 0.765625, density 1', () => {
    const pairs = [[1, 2], [1, 3], [1, 4], [2, 3], [2, 4], [3, 4]] as const;
    const m = egoMeasures([1, 2, 3, 4], pairs);
    expect(m.effectiveSize).toBe(1);
    // Each alter has degree 4 in the ego network (me + 3): indirect = 3 · (1/4 · 1/4).
    expect(m.constraint).toBeCloseTo(4 * (1 / 4 + 3 / 16) ** 2, 10);
    expect(m.density).toBe(1);
    expect(m.components).toEqual([[1, 2, 3, 4]]);
  });

  it('two pairs and a loner: components only I join, effective size 5 − 4/5', () => {
    const m = egoMeasures([1, 2, 3, 4, 5], [[1, 2], [3, 4], [4, 3]]);
    expect(m.ties).toBe(2);
    expect(m.effectiveSize).toBeCloseTo(5 - 4 / 5, 10);
    // j in a pair: (1/5 + 1/5 · 1/2)² = 0.09; the loner: (1/5)² = 0.04.
    expect(m.constraint).toBeCloseTo(4 * 0.09 + 0.04, 10);
    expect(m.components).toEqual([[1, 2], [3, 4], [5]]);
    expect(m.linked).toEqual([1, 2, 3, 4]);
    expect(m.unlinked).toEqual([5]);
  });

  it('ignores links to people outside the ego network and links to oneself', () => {
    const m = egoMeasures([1, 2], [[1, 9], [2, 2], [1, 2]]);
    expect(m.ties).toBe(1);
    expect(m.components).toEqual([[1, 2]]);
  });

  it('Louvain finds two dense groups joined by one bridge, the same way every time', () => {
    const left = [[1, 2], [1, 3], [1, 4], [2, 3], [2, 4], [3, 4]] as const;
    const right = [[5, 6], [5, 7], [5, 8], [6, 7], [6, 8], [7, 8]] as const;
    const pairs = [...left, ...right, [4, 5] as const];
    const first = egoMeasures([1, 2, 3, 4, 5, 6, 7, 8], pairs);
    expect(first.communities).toEqual([[1, 2, 3, 4], [5, 6, 7, 8]]);
    expect(egoMeasures([1, 2, 3, 4, 5, 6, 7, 8], pairs).communities).toEqual(first.communities);
    expect(first.components).toEqual([[1, 2, 3, 4, 5, 6, 7, 8]]);
  });

  it('an empty network measures zero without failing', () => {
    expect(egoMeasures([], [])).toMatchObject({ effectiveSize: 0, constraint: 0, ties: 0, components: [], communities: [] });
  });
});
