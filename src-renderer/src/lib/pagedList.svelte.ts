import { STEP, type Limits } from './limits.svelte';
import { errorMessage } from './api';

// A list the API pages (the review's thanks owed and people overdue, an association's events: thousands at
// a million): the screen's answer brings its first page and a cursor, and 'Show more' reads the next page
// before drawing it. A new answer (another quarter, or a reload after a write) starts again from its first page.
export class PagedList<T> {
  #read = $state.raw<{ from: object; items: readonly T[]; next: string | null } | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);

  constructor(
    private readonly first: () => { from: object; items: readonly T[]; next: string | null } | null,
    private readonly page: (after: string, limit: number) => Promise<{ items: T[]; next: string | null }>,
    private readonly limits: () => Limits,
    private readonly key: string,
  ) {}

  #current() {
    const first = this.first();
    if (!first) return null;
    return this.#read && this.#read.from === first.from ? this.#read : first;
  }

  /** The rows drawn now. */
  get shown(): readonly T[] {
    return this.limits().shown(this.#current()?.items ?? [], this.key);
  }

  async more(): Promise<void> {
    const list = this.#current();
    if (!list || this.busy) return;
    const wanted = this.limits().of(this.key) + STEP;
    if (list.items.length < wanted && list.next) {
      this.busy = true;
      this.error = null;
      try {
        const page = await this.page(list.next, Math.min(200, wanted - list.items.length));
        // An answer for a screen's answer no longer shown is dropped.
        if (this.first()?.from !== list.from) return;
        this.#read = { from: list.from, items: [...list.items, ...page.items], next: page.next };
      } catch (failure) {
        this.error = errorMessage(failure);
        return;
      } finally {
        this.busy = false;
      }
    }
    this.limits().more(this.key);
  }
}
