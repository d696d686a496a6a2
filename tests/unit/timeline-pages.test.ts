import { describe, expect, test } from 'vitest';
import type { TimelineEntry } from '../../src-main/contract/contract.js';
import { order, placeOf, reached, samePage, within } from '../../src-renderer/src/timeline/pages.js';

const entry = (id: number, occurredAt: string, title = `Entry ${id}`): TimelineEntry => ({
  id,
  occurredAt,
  title,
  association: null,
  kind: 'meeting',
  excerpt: null,
  hasNotes: false,
  confidential: false,
  location: null,
  people: [{ id: 1, name: 'Ana Ruiz' }],
});
const cursor = (e: TimelineEntry) => `${e.occurredAt}~${e.id}`;

// Newest first, as the core pages them: two entries share a time and are ordered by id.
const a = entry(9, '2026-03-02T10:00:00.000Z');
const b = entry(8, '2026-03-01T10:00:00.000Z');
const c = entry(7, '2026-03-01T10:00:00.000Z');
const d = entry(3, '2026-02-01T09:00:00.000Z');

describe('timeline pages between keyset bounds', () => {
  test('a cursor names a place, and places order newest first, then by id', () => {
    expect(placeOf(cursor(c))).toEqual({ occurredAt: c.occurredAt, id: 7 });
    expect(order(a, b)).toBeLessThan(0);
    expect(order(c, b)).toBeGreaterThan(0);
    expect(order(b, placeOf(cursor(b)))).toBe(0);
    expect([d, b, a, c].sort(order)).toEqual([a, b, c, d]);
  });

  test('a page read again keeps its entries down to its bound and none past it', () => {
    // An entry was logged inside the page since it was read: the page grows, its neighbour is untouched.
    expect(within([a, b, c, d], cursor(c))).toEqual([a, b, c]);
    expect(within([a, b, c, d], null)).toEqual([a, b, c, d]);
    expect(within([d], cursor(c))).toEqual([]);
  });

  test('a read stops once it reaches the bound, the end, or nothing', () => {
    expect(reached([a, b], 'x', cursor(c))).toBe(false);
    expect(reached([a, b, c], 'x', cursor(c))).toBe(true);
    expect(reached([a, d], 'x', cursor(c))).toBe(true);
    expect(reached([a, b], null, cursor(c))).toBe(true);
    expect(reached([a, b], 'x', null)).toBe(false);
    expect(reached([], 'x', cursor(c))).toBe(true);
  });

  test('entries that did not change keep their object; changed ones are the fresh copy', () => {
    const fresh = [entry(9, a.occurredAt), entry(8, b.occurredAt, 'Renamed'), entry(7, c.occurredAt)];
    const kept = samePage([a, b, c], fresh);
    expect(kept[0]).toBe(a);
    expect(kept[1]).toBe(fresh[1]);
    expect(kept[2]).toBe(c);
  });
});
