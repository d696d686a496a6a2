import DOMPurify from 'dompurify';
import { Marked } from 'marked';

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

/** Markdown to sanitized HTML, safe for {@html}. */
export function renderMarkdown(text: string, { excerpt = false } = {}): string {
  const html = (excerpt ? excerpts : notes).parse(text, { async: false });
  return purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR: ['style', 'class', 'id'] });
}
