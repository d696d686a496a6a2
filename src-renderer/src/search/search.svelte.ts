import type { SearchResults } from '../../../src-main/contract/contract';
import { api, errorMessage } from '../lib/api';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel instant. */
const DEBOUNCE_MS = 120;

// The search screen's state. It outlives the view, so going to a result and coming back shows the same
// query and results. Every request carries a number; a response that is not for the latest one is
// dropped, so a slow answer to "bo" never replaces the answer to "board".
class SearchState {
  query = $state('');
  includeConfidential = $state(false);
  results = $state.raw<SearchResults | null>(null);
  status = $state<'idle' | 'loading' | 'done' | 'failed'>('idle');
  failure = $state<string | null>(null);
  #latest = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Search again soon (as the user types). */
  schedule(): void {
    clearTimeout(this.#timer);
    if (!this.query.trim()) {
      this.#latest += 1;
      this.results = null;
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    this.#timer = setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  /** Search now (Enter, the switch, a fresh journal revision). */
  async run(): Promise<void> {
    clearTimeout(this.#timer);
    const query = this.query;
    if (!query.trim()) return this.schedule();
    const ticket = ++this.#latest;
    this.status = 'loading';
    try {
      const results = await api('search.query', { query, includeConfidential: this.includeConfidential });
      if (ticket !== this.#latest) return;
      this.results = results;
      this.failure = null;
      this.status = 'done';
    } catch (error) {
      if (ticket !== this.#latest) return;
      this.failure = errorMessage(error);
      this.status = 'failed';
    }
  }
}

export const search = new SearchState();
