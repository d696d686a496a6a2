import type { Highlighted } from '../../contract/contract.js';
import type { Term } from './query.js';

// Turns parsed terms into an FTS5 MATCH expression. User text never reaches FTS5 as syntax: every term
// is reduced to tokens of letters and digits (see query.ts) and each is written as a double-quoted FTS5
// string, inside which AND, OR, NOT, NEAR, *, ^, :, (, ) and { } are plain text. So no query can raise an
// FTS5 syntax error or smuggle in an operator.

/** Prefix matching starts at three characters: "bo*" would expand to hundreds of terms for little use. */
const PREFIX_FROM = 3;

function quote(token: string): string {
  // Tokens hold only letters, digits and marks, so there is no quote to double; done anyway, on principle.
  return `"${token.replaceAll('"', '""')}"`;
}

/** One term: a word matches as a word beginning; a phrase matches its words in order, exactly. */
export function termExpression(term: Term): string {
  if (term.type === 'phrase' || term.tokens.length > 1) {
    // "o'brien" tokenizes to o + brien: a phrase, as the index saw it.
    return quote(term.tokens.join(' '));
  }
  const token = term.tokens[0]!;
  return token.length >= PREFIX_FROM ? `${quote(token)}*` : quote(token);
}

/** All terms (AND), optionally restricted to some columns. Null when there is nothing to match. */
export function matchExpression(terms: readonly Term[], columns?: readonly string[]): string | null {
  if (terms.length === 0) return null;
  const body = terms.map(termExpression).join(' AND ');
  return columns ? `{${columns.join(' ')}} : (${body})` : body;
}

// highlight() and snippet() mark hits with two control characters that are then split into parts here,
// in main: the renderer gets plain strings and a flag, never markup.
export const HIT_OPEN = '\u0002';
export const HIT_CLOSE = '\u0003';

export function toParts(marked: string): Highlighted {
  const parts: Highlighted = [];
  let hit = false;
  let text = '';
  const flush = () => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
    text = '';
  };
  for (const char of marked) {
    if (char === HIT_OPEN || char === HIT_CLOSE) {
      flush();
      hit = char === HIT_OPEN;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

export const plain = (text: string): Highlighted => (text ? [{ text, hit: false }] : []);
