// The main window's first questions, asked by a classic script that index.html runs before the app's
// modules (`async`, it runs once read, while they wait for the stylesheet as well): the journal's status, its totals and the
// timeline's first page go out while the app's code is still being fetched and compiled (~60 ms), and the
// main thread, idle meanwhile, loads the locale's date and number data the first entries are written with
// (a locale's first Intl format costs ~20 ms; later ones with the same data, under 1 ms). main.ts takes
// these answers for its own first reads (lib/api.ts, `api` and `dropEarlyAnswers`) and drops the rest.
//
// No runtime imports: built on its own as early.js (electron.vite.config.ts), not as a module. The inputs
// are the app's own first reads' (timeline/feed.svelte.ts's PAGE); an answer asked with other inputs is
// never taken, only wasted (tests/e2e/timeline.spec.ts checks nothing is asked twice).
import type { EarlyAnswers } from './lib/api';

(() => {
  const bridge = window.confidant;
  // The quick-capture window (#/capture) asks none of these, and nor does a window whose app ran first.
  if (!bridge || location.hash === '#/capture' || window.__confidantEarly !== undefined) return;
  const asked: EarlyAnswers = {};
  const ask = (name: keyof EarlyAnswers, input?: unknown) => {
    const answer = (bridge[name] as (input?: unknown) => Promise<unknown>)(input);
    answer.catch(() => {}); // an answer never taken may fail unseen: whoever asks afresh sees its own
    asked[name] = { input, answer };
  };
  ask('journal.status');
  ask('interactions.timeline', { limit: 50, personId: null });
  ask('journal.info');
  window.__confidantEarly = asked;

  const now = new Date();
  (0).toLocaleString();
  for (const options of [{ hour: 'numeric', minute: '2-digit' }, { weekday: 'long' }, { day: 'numeric', month: 'long', year: 'numeric' }] as const) {
    new Intl.DateTimeFormat(undefined, options).format(now);
  }
})();
