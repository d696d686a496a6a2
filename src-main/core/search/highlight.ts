import type { Highlighted } from '../../contract/contract.js';
import { TOKEN, type Term } from './query.js';

// Highlights and snippets, computed here from the text rather than by FTS5's highlight() and snippet():
// those re-run the whole MATCH once per row shown, which costs more than finding the ranked page itself.
// Words are compared the way the index's tokenizer compares them: letters and digits, case and accents
// folded.

export interface Needle {
  token: string;
  /** A word beginning (the search's "budget" also finds "budgets"). */
  prefix: boolean;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The same rule as fts.ts: single words of three or more characters are word beginnings. */
export function needlesOf(terms: readonly Term[]): Needle[] {
  return terms.flatMap((term) =>
    term.tokens.map((token) => ({ token: fold(token), prefix: term.type === 'word' && term.tokens.length === 1 && token.length >= 3 })),
  );
}

interface Word {
  start: number;
  end: number;
  hit: boolean;
}

function words(text: string, needles: readonly Needle[]): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = fold(match[0]);
    const hit = needles.some((needle) => (needle.prefix ? word.startsWith(needle.token) : word === needle.token));
    found.push({ start: match.index, end: match.index + match[0].length, hit });
  }
  return found;
}

function mark(text: string, list: readonly Word[], from: number, to: number): Highlighted {
  const parts: Highlighted = [];
  let at = from;
  const push = (part: string, hit: boolean) => {
    if (!part) return;
    const last = parts.at(-1);
    if (last && last.hit === hit) last.text += part;
    else parts.push({ text: part, hit });
  };
  for (const word of list) {
    if (!word.hit || word.start < from || word.end > to) continue;
    push(text.slice(at, word.start), false);
    push(text.slice(word.start, word.end), true);
    at = word.end;
  }
  push(text.slice(at, to), false);
  return parts;
}

/** The whole text with every matching word marked. */
export function highlight(text: string, needles: readonly Needle[]): Highlighted {
  return mark(text, words(text, needles), 0, text.length);
}

export function hasHit(text: string, needles: readonly Needle[]): boolean {
  return words(text, needles).some((word) => word.hit);
}

/** At most this many characters of a snippet come before its first hit, and about this many in all. */
const SNIPPET_BEFORE = 60;
const SNIPPET_CHARS = 240;

/**
 * About `size` words (and at most about 240 characters) around the part of the text with the most matching words, on one line, with
 * ellipses where it was cut. Null when no word matches.
 */
export function snippet(text: string, needles: readonly Needle[], size = 28): Highlighted | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  const list = words(flat, needles);
  const hits = list.flatMap((word, index) => (word.hit ? [index] : []));
  if (hits.length === 0) return null;
  // The window holding the most hits, starting a few words before its first one.
  let best = hits[0]!;
  let bestCount = 0;
  for (const [i, first] of hits.entries()) {
    let count = 0;
    for (let j = i; j < hits.length && hits[j]! < first + size - 6; j += 1) count += 1;
    if (count > bestCount) [best, bestCount] = [first, count];
  }
  const startIndex = Math.max(0, Math.min(best - 6, list.length - size));
  const endIndex = Math.min(list.length, startIndex + size);
  let from = startIndex === 0 ? 0 : list[startIndex]!.start;
  let to = endIndex === list.length ? flat.length : list[endIndex - 1]!.end;
  // Words are not a measure of length: a URL or a run of text without spaces is one long "word", and
  // counting words alone put the hit after a wall of it. The cut is also held in characters, around the
  // first hit, at word edges where there are some and inside a long word where there are not.
  const hit = list[best]!;
  if (hit.start - from > SNIPPET_BEFORE) {
    const edge = list.find((word) => word.start >= hit.start - SNIPPET_BEFORE);
    from = edge && edge.start <= hit.start ? edge.start : hit.start - SNIPPET_BEFORE;
  }
  if (to - from > SNIPPET_CHARS && to > hit.end) {
    const limit = Math.max(hit.end, from + SNIPPET_CHARS);
    const edge = list.findLast((word) => word.end <= limit);
    to = edge && edge.end >= hit.end ? edge.end : limit;
  }
  const parts = mark(flat, list, from, to);
  if (from > 0) parts.unshift({ text: '…', hit: false });
  if (to < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
