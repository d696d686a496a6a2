import { mount } from 'svelte';
import { dropEarlyAnswers } from './lib/api';
import App from './App.svelte';
import { warmFormats } from './lib/format';
import { afterFirstScreen } from './lib/first-screen';
import { journal } from './lib/journal.svelte';
import { router } from './lib/router.svelte';
import { lock } from './lock/lock.svelte';
import { readFirstPageEarly } from './timeline/feed.svelte';
import { warmMarkdown } from './timeline/markdown';
import './styles/tokens.css';
import './styles/listbox.css';

// The same bundle serves the main window and the quick-capture window (#/capture). The capture window is
// the log form alone, which the main window loads only when it is first wanted (lib/views.ts).
const target = document.getElementById('app')!;
const started = () => target.replaceChildren(); // index.html's "Opening your journal…" gives way to the app
if (location.hash === '#/capture') {
  import('./capture/CaptureApp.svelte').then(
    ({ default: CaptureApp }) => {
      started();
      mount(CaptureApp, { target });
    },
    () => (target.textContent = 'Quick capture could not be opened. Close this window and open it again, or log from the main window.'),
  );
} else {
  // The main window's first question, asked before it mounts, so the answer is on its way while it builds;
  // and with it the first screen's reads (the totals, the timeline's first page), so they are not asked
  // only once its answer is in (#11). A locked or unavailable journal refuses those two; they are asked
  // again once it opens.
  // The three take the answers index.html's early script asked for before this ran (early.ts).
  void lock.check();
  if (router.route.view === 'timeline') readFirstPageEarly();
  journal.readEarly();
  dropEarlyAnswers();
  // While it is on its way, each in a task of its own (none of them a long one): the shell, then the date
  // and number formats the first entries will use (early.ts has loaded the locale's data, so ~1 ms) (#11).
  // The markdown renderer is warmed once they are drawn: plain excerpts do without it.
  setTimeout(() => {
    started();
    mount(App, { target });
  });
  setTimeout(warmFormats);
  afterFirstScreen(() => setTimeout(warmMarkdown));
}
