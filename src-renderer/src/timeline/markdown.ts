import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// Notes are the user's own markdown, but they are still rendered as HTML inside the app's window, so
// every piece goes through DOMPurify. A private instance keeps these hooks away from other views.
const marked = new Marked({ gfm: true, breaks: true });
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
export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false });
  return purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR: ['style', 'class', 'id'] });
}
