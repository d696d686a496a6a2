// What the markdown parser and the sanitizer could read as markup: any character markdown or GFM gives a
// meaning (emphasis, code, links, images, tables, HTML, entities, escapes, autolinked addresses), a tab or
// another control character, a no-break space (serialized as an entity).
const MARKUP = /[\\`*_~[\]<>!#|&@\u0000-\u0009\u000b-\u001f\u007f\u00a0]|:\/\/|www\./i;
// A line a block could start with: a list item, a rule, a setext heading's underline, an ordered item.
const BLOCK_START = /^(?:[-+=]|\d+[.)])/;

/**
 * The HTML of an excerpt that is plain text (the commonest kind) without the markdown parser and the
 * sanitizer: exactly what they make of it, a <p> per paragraph and a <br> per line
 * (tests/unit/plain-excerpt.test.ts compares the two on thousands of strings). Null for anything either
 * could read otherwise, which goes through them (markdown.ts). Nothing accepted can open a tag or an
 * entity: < > & are refused. On opening, the first entries are drawn without the parser's and sanitizer's
 * first calls, which cost ~20 ms more than later ones (#11).
 */
export function plainExcerptHtml(text: string): string | null {
  if (text === '' || MARKUP.test(text)) return null;
  let html = '';
  for (const paragraph of text.split('\n\n')) {
    const lines = paragraph.split('\n');
    for (const line of lines) if (line === '' || line !== line.trim() || BLOCK_START.test(line)) return null;
    html += `<p>${lines.join('<br>')}</p>\n`;
  }
  return html;
}
