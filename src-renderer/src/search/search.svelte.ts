import type { SearchResults } from '../../../src-main/contract/contract';
import { api } from '../lib/api';
import { Loaded } from '../lib/load.svelte';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel instant. */
const DEBOUNCE_MS = 120;
/** When the typo corrections were pending (the session's first vocabulary read, ~0.2 s), ask again after this. */
const TYPOS_PENDING_MS = 150;

// The search screen's state. It outlives the view, so going to a result and coming back shows the same
// query and results. The call itself is the app's one loader (lib/load.svelte.ts: an answer for an older
// query is dropped, so a slow answer to "bo" never replaces the answer to "board"); what this adds is the
// debounce while typing and "idle" for an empty box.
class SearchState {
  query = $state('');
  includeConfidential = $state(false);
  #typing = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #loaded = new Loaded<SearchResults | null>(async () => {
    const query = this.query;
    return query.trim() ? api('search.query', { query, includeConfidential: this.includeConfidential }) : null;
  });

  get results(): SearchResults | null {
    return this.query.trim() ? this.#loaded.value : null;
  }

  get failure(): string | null {
    return this.#loaded.error;
  }

  get status(): 'idle' | 'loading' | 'done' | 'failed' {
    if (!this.query.trim()) return 'idle';
    if (this.#typing || this.#loaded.loading) return 'loading';
    return this.#loaded.error ? 'failed' : 'done';
  }

  /** Search again soon (as the user types). */
  schedule(): void {
    clearTimeout(this.#timer);
    if (!this.query.trim()) {
      this.#typing = false;
      // Drops any answer still on its way for what was typed before the box was cleared.
      void this.#loaded.reload();
      return;
    }
    this.#typing = true;
    this.#timer = setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  /** Search now (Enter, the switch, a fresh journal revision). */
  async run(): Promise<void> {
    clearTimeout(this.#timer);
    this.#typing = false;
    if (!this.query.trim()) return this.schedule();
    await this.#loaded.reload();
    // Full text found nothing and the core could not look for typos yet: the corrections come with the
    // next answer. Typing meanwhile clears this timer like any other.
    if (this.#loaded.value?.typosPending) this.#timer = setTimeout(() => void this.run(), TYPOS_PENDING_MS);
  }
}

export const search = new SearchState();
