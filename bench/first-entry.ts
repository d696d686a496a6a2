import type { Page } from 'playwright-core';
import { within } from '../src-main/core/within.js';

// Installed in a page before the app's own scripts (context.addInitScript): marks the moment the first
// timeline entry appears (window.__firstEntry) and the frame after it is painted (window.__firstEntryPainted,
// and window.__firstEntryPaint, a promise of it). Shared by bench:ui, bench:ui:profile and bench:start, so
// all time the same thing.
export const FIRST_ENTRY_SCRIPT = `(() => {
  let painted;
  window.__firstEntryPaint = new Promise((resolve) => (painted = resolve));
  const seen = () => {
    if (window.__firstEntry === undefined && document.querySelector('article.entry')) {
      window.__firstEntry = performance.now();
      requestAnimationFrame(() => setTimeout(() => painted((window.__firstEntryPainted = performance.now()))));
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;

/**
 * Waits for the first entry painted (FIRST_ENTRY_SCRIPT) with one call into the page, not by polling it:
 * page.waitForFunction runs its check in the page every animation frame, work on the very thread being
 * timed while it starts.
 */
export async function firstEntryPainted(page: Page, timeoutMs = 60_000): Promise<number> {
  const painted = await within(page.evaluate('window.__firstEntryPaint') as Promise<number>, timeoutMs);
  if (!painted.done) throw new Error(`No timeline entry was painted within ${timeoutMs / 1000} s.`);
  return painted.value;
}
