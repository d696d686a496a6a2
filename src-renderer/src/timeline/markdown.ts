import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { plainExcerptHtml } from './plain-excerpt';

// Notes are the user's own markdown, but they are still rendered as HTML inside the app's window, so
// every piece goes through DOMPurify. A private instance keeps these hooks away from other views.
// Notes follow plain markdown (a wrapped line joins its paragraph). The core's excerpt puts each
// paragraph or list item it keeps on a line of its own, so excerpts render with line breaks kept.
const notes = new Marked({ gfm: true, breaks: false });
const excerpts = new Marked({ gfm: true, breaks: true });
const purify = DOMPurify(window);

// Images would be fetched from wherever they point (CSP blocks remote ones anyway); a journal has no
// business showing them, and a tracking pixel in pasted text would tell someone a note was read.
const FORBID_TAGS = ['img', 'picture', 'source', 'video', 'audio', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'style', 'svg', 'math'];

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  const href = node.getAttribute('href') ?? '';
  if (!/^(https?:|mailto:)/i.test(href)) {
    // Relative or odd links would resolve inside the app; keep the text, drop the link.
    node.removeAttribute('href');
    return;
  }
  // Never navigate the app's own window: main opens new-window requests in the user's browser.
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
  node.setAttribute('title', href);
});

// The timeline draws the same excerpts again on every visit: their HTML is kept, a few pages' worth, most
// recently used last. Whole notes are not (a confidential one, hidden again, must not linger).
const EXCERPTS_KEPT = 500;
const excerptHtml = new Map<string, string>();

function sanitize(html: string): string {
  return purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR: ['style', 'class', 'id'] });
}

/** Markdown to sanitized HTML, safe for {@html}. */
export function renderMarkdown(text: string, { excerpt = false } = {}): string {
  if (!excerpt) return sanitize(notes.parse(text, { async: false }));
  const plain = plainExcerptHtml(text);
  if (plain !== null) return plain;
  const kept = excerptHtml.get(text);
  if (kept !== undefined) {
    excerptHtml.delete(text);
    excerptHtml.set(text, kept);
    return kept;
  }
  const html = sanitize(excerpts.parse(text, { async: false }));
  excerptHtml.set(text, html);
  if (excerptHtml.size > EXCERPTS_KEPT) excerptHtml.delete(excerptHtml.keys().next().value!);
  return html;
}

/**
 * Renders a made-up note once, so the parser and sanitizer are compiled and warm: their first calls
 * cost several times the later ones (#11). Called once the first screen is drawn (main.ts): the first
 * entries' plain excerpts need neither (plain-excerpt.ts), and this held their answer back ~30 ms when it
 * ran while it was on its way. Three steps, each in a task of its own: in one, on a busy machine, it was a
 * long task (59 ms) of its own.
 */
export function warmMarkdown(): void {
  const note = '# Warm\n\nA **note** with a [link](https://example.com), `code` and\n\n- a list\n- of two\n\n> a quote';
  let html = '';
  const steps = [
    () => (html = notes.parse(note, { async: false })),
    () => sanitize(html),
    () => sanitize(excerpts.parse('An *excerpt*\n- its line', { async: false })),
  ];
  const next = () => {
    steps.shift()?.();
    if (steps.length > 0) setTimeout(next);
  };
  next();
}
