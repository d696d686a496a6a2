import { untrack } from 'svelte';
import { STEP, type Limits } from './limits.svelte';
import { errorMessage } from './api';

// A list the API pages (the review's thanks owed and people overdue, an association's events: thousands at
// a million): the screen's answer brings its first page and a cursor, and 'Show more' reads the next page
// before drawing it. A new answer with the screen's Limits as they were (a reload after a write) reads again
// as far as was drawn, and the rows drawn stay until it has; with new Limits (another quarter, another
// person) it starts again from its first page. Made while a component starts (it keeps an effect).
type Read<T> = { from: object; items: readonly T[]; next: string | null };

export class PagedList<T> {
  #read = $state.raw<Read<T> | null>(null);
  /** The answer being read again as far as was drawn (refill): until then the rows drawn before stay. */
  #refilling = $state.raw<object | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);

  constructor(
    private readonly first: () => Read<T> | null,
    private readonly page: (after: string, limit: number) => Promise<{ items: T[]; next: string | null }>,
    private readonly limits: () => Limits,
    private readonly key: string,
  ) {
    $effect(() => {
      const answer = this.first();
      if (answer) untrack(() => void this.#refill(answer));
    });
  }

  #current() {
    const first = this.first();
    if (!first) return null;
    if (this.#read && (this.#read.from === first.from || this.#refilling === first.from)) return this.#read;
    return first;
  }

  /**
   * After a write the screen's answer comes again with its first page: the rows drawn beyond it are read
   * again, so they (and the one just acted on, with the focus) stay where they were.
   */
  async #refill(first: Read<T>): Promise<void> {
    const wanted = this.limits().of(this.key);
    if (first.items.length >= wanted || !first.next || this.#read === null) return;
    this.#refilling = first.from;
    try {
      await this.#readTo(first, wanted);
    } catch (failure) {
      this.error = errorMessage(failure);
    } finally {
      if (this.#refilling === first.from) this.#refilling = null;
    }
  }

  /**
   * Reads on from `list` until it holds `wanted` rows or has no more. False when the screen's answer changed
   * meanwhile: what was read for the old one is dropped.
   */
  async #readTo(list: Read<T>, wanted: number): Promise<boolean> {
    let read = list;
    while (read.items.length < wanted && read.next) {
      const page = await this.page(read.next, Math.min(200, wanted - read.items.length));
      if (this.first()?.from !== list.from) return false;
      read = { from: list.from, items: [...read.items, ...page.items], next: page.next };
    }
    this.#read = read;
    return true;
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
        if (!(await this.#readTo(list, wanted))) return;
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
