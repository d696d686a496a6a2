// Installed in a page before the app's own scripts (context.addInitScript): marks the moment the first
// timeline entry appears (window.__firstEntry) and the frame after it is painted (window.__firstEntryPainted).
// Shared by bench:ui and bench:start, so both time the same thing.
export const FIRST_ENTRY_SCRIPT = `(() => {
  const seen = () => {
    if (window.__firstEntry === undefined && document.querySelector('article.entry')) {
      window.__firstEntry = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__firstEntryPainted = performance.now())));
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;
