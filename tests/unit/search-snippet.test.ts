// A search result's snippet always shows the matched word, near its start, however long the note is
// and however the note is written (long words, URLs, text without spaces).
import { describe, expect, test } from 'vitest';
import type { Highlighted } from '../../src-main/contract/contract.js';
import { needlesOf, snippet } from '../../src-main/core/search/highlight.js';
import { parseQuery } from '../../src-main/core/search/query.js';

const cut = (query: string, text: string): Highlighted => {
  const parts = snippet(text, needlesOf(parseQuery(query).terms));
  if (!parts) throw new Error('no snippet');
  return parts;
};
const plain = (parts: Highlighted) => parts.map((part) => part.text).join('');
/** Where the first marked word starts in the snippet's text. */
const hitAt = (parts: Highlighted) => {
  let at = 0;
  for (const part of parts) {
    if (part.hit) return at;
    at += part.text.length;
  }
  return -1;
};

const filler = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `word${from + i}`).join(' ');

describe('search snippets', () => {
  test('a match 400 words into a long note is in the snippet, near its start', () => {
    const parts = cut('kubernetes', `${filler(400)} we talked about the kubernetes migration plan ${filler(400, 400)}`);
    expect(parts.filter((part) => part.hit).map((part) => part.text)).toEqual(['kubernetes']);
    expect(hitAt(parts)).toBeGreaterThan(0);
    expect(hitAt(parts)).toBeLessThanOrEqual(61 + 1);
    expect(plain(parts).startsWith('…')).toBe(true);
    expect(plain(parts).endsWith('…')).toBe(true);
  });

  test('text without spaces before the match is cut in characters, not left as a wall', () => {
    for (const before of ['a'.repeat(3000), filler(400).replace(/ /g, ''), `See https://example.com/${'x'.repeat(400)}/path?q=1 about`]) {
      const parts = cut('kubernetes', `${before} kubernetes and more after it`);
      expect(plain(parts).length).toBeLessThanOrEqual(260);
      expect(hitAt(parts)).toBeLessThanOrEqual(62);
      expect(parts.some((part) => part.hit && part.text === 'kubernetes')).toBe(true);
    }
  });

  test('and after the match, too', () => {
    const parts = cut('kubernetes', `kubernetes ${'z'.repeat(5000)}`);
    expect(hitAt(parts)).toBe(0);
    expect(plain(parts).length).toBeLessThanOrEqual(260);
    expect(plain(parts).endsWith('…')).toBe(true);
  });

  test('a short note is whole', () => {
    expect(plain(cut('board', 'Talked about the board seat.'))).toBe('Talked about the board seat.');
  });
});
