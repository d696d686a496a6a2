import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { plainExcerptHtml } from '../../src-renderer/src/timeline/plain-excerpt';

// The timeline's excerpt parser (markdown.ts), and what its sanitizer does to the parser's HTML for text
// with no markup: DOMPurify serializes the DOM it parsed, and a text node's quotes come out bare.
const excerpts = new Marked({ gfm: true, breaks: true });
const parsedAndSanitized = (text: string) => excerpts.parse(text, { async: false }).replaceAll('&quot;', '"').replaceAll('&#39;', "'");

/** A seeded generator (mulberry32), so a failure is the same string every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAIN = ['Ana', 'said', 'the', 'merger', 'is', 'off', '2024', '3', 'it\'s', '"fine"', '(maybe)', 'Q3:', '50%', '$4m', 'a/b', 'é', '中文', '😀', 'ok.', 'so,', 'yes;', 'why?', 're:'];
const RISKY = ['*', '_', '`', '[x]', '<b>', '&amp;', '#', '!', '|', '~', '@', '\\', '\t', '\u00a0', 'www.x.com', 'http://x', '- ', '+ ', '1. ', '2) ', '=', ' ', '  ', '\n', '\n\n', '\n\n\n', '    '];

function text(next: () => number, risky: boolean): string {
  const parts: string[] = [];
  const words = 1 + Math.floor(next() * 14);
  for (let i = 0; i < words; i += 1) {
    const roll = next();
    if (risky && roll < 0.15) parts.push(RISKY[Math.floor(next() * RISKY.length)]!);
    else if (roll < 0.25) parts.push(next() < 0.6 ? '\n' : '\n\n');
    else parts.push(PLAIN[Math.floor(next() * PLAIN.length)]!);
    parts.push(next() < 0.85 ? ' ' : '');
  }
  return parts.join('').replace(/ +\n/g, '\n').replace(/\n +/g, '\n').trim();
}

describe('a plain excerpt drawn without the markdown parser', () => {
  it('is the HTML the parser and sanitizer make of it, for every text it takes', () => {
    const next = random(20261204);
    let taken = 0;
    let plainTaken = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const risky = i % 2 === 0;
      const sample = text(next, risky);
      const fast = plainExcerptHtml(sample);
      if (fast === null) continue;
      taken += 1;
      if (!risky) plainTaken += 1;
      expect(fast, JSON.stringify(sample)).toBe(parsedAndSanitized(sample));
      // Only paragraphs and line breaks, and no entity left: the sanitizer's serialization is modelled exactly.
      expect(fast.replace(/<\/?p>|<br>/g, '')).not.toMatch(/[<>&]/);
    }
    // It takes most plain texts (a fast path that takes nothing would pass the check above).
    expect(plainTaken).toBeGreaterThan(5_000);
    expect(taken).toBeGreaterThan(plainTaken);
  });

  it('leaves to the parser anything it could read as markup', () => {
    for (const sample of [
      'The **merger** is off',
      'a_b',
      'use `code`',
      'see [the report](https://example.com)',
      'tags <b>bold</b>',
      '<script>alert(1)</script>',
      'Tom &amp; Jerry',
      'Tom & Jerry',
      '# heading',
      'image ![x](y)',
      'a | b',
      '~~gone~~',
      'mail ana@example.com',
      'escape \\*',
      'go to www.example.com',
      'ftp://files',
      'tab\there',
      'no\u00a0break',
      '- a list item',
      '+ another',
      '1. first',
      '2024) year',
      'a line\n===',
      'a line\n---',
      ' leading space',
      'trailing space ',
      'a\n\n\nb',
      'a\n \nb',
      '',
      'cr\r\nlf',
    ]) {
      expect(plainExcerptHtml(sample), JSON.stringify(sample)).toBeNull();
    }
  });

  it('draws paragraphs and lines', () => {
    expect(plainExcerptHtml('Ana said it\'s "fine".\nAsk again in Q3.\n\nThen decide.')).toBe('<p>Ana said it\'s "fine".<br>Ask again in Q3.</p>\n<p>Then decide.</p>\n');
  });
});
