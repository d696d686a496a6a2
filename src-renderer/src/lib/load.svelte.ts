import { errorMessage } from './api';
import { journal, type Capability } from './journal.svelte';

/** What a view shows from one call: the latest answer, the error if the latest call failed, and whether one is on its way. */
export class Loaded<T> {
  // Raw: an answer is replaced whole, never edited in place, and a deep proxy over thousands of rows
  // would cost on every read.
  value = $state.raw<T | null>(null);
  error = $state<string | null>(null);
  /** The latest call's failure itself, for a view that tells "not found" from other errors. */
  failure = $state<unknown>(null);
  loading = $state(false);
  private calls = 0;

  constructor(private readonly fetch: () => Promise<T>) {}

  /** Calls again; an answer that arrives after a newer call was made is dropped. */
  async reload(): Promise<void> {
    const mine = ++this.calls;
    this.loading = true;
    try {
      const value = await this.fetch();
      if (mine !== this.calls) return;
      this.value = value;
      this.error = null;
      this.failure = null;
    } catch (failure) {
      if (mine !== this.calls) return;
      this.error = errorMessage(failure);
      this.failure = failure;
    } finally {
      if (mine === this.calls) this.loading = false;
    }
  }
}

/**
 * Loading, written once for every view (TanStack Query's idea, in runes): calls `fetch` when the view
 * mounts, again whenever a reactive value `fetch` reads before its first await changes (an id, a
 * quarter), and again after a write that touched one of `dependsOn`. Call it during component setup.
 */
export function load<T>(dependsOn: readonly Capability[], fetch: () => Promise<T>): Loaded<T> {
  const loaded = new Loaded(fetch);
  $effect(() => {
    for (const capability of dependsOn) void journal.touched[capability];
    void loaded.reload();
  });
  return loaded;
}
