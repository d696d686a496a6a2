import { untrack } from 'svelte';
import type { TimelineEntry } from '../../../src-main/contract/contract';
import { api, errorMessage } from '../lib/api';
import { journal } from '../lib/journal.svelte';
import { EarlyRead } from '../lib/early-read';
import { load, type Loaded } from '../lib/load.svelte';
import { order, reached, samePage, within } from './pages';

export const PAGE = 50;

type TimelinePage = Awaited<ReturnType<typeof api<'interactions.timeline'>>>;

/**
 * The journal's first page, asked for now, with journal.status and journal.info, rather than once the app
 * has mounted the timeline after their answers: the first paint then waits for one round trip instead of
 * three. The next whole-journal timeline to mount takes the answer (lib/early-read.ts).
 */
const firstPage = new EarlyRead(
  () => api('interactions.timeline', { limit: PAGE, personId: null }),
  () => journal.revision,
);

export function readFirstPageEarly(): void {
  firstPage.ask();
}

/** A timeline's first page: the early answer for the whole journal's, when it is still good, else a read now. */
function readFirstPage(personId: number | null): Promise<TimelinePage> {
  const early = firstPage.take(); // taken either way: an answer left for later could be stale by then
  return (personId === null ? early : null) ?? api('interactions.timeline', { limit: PAGE, personId });
}

/**
 * One page of a timeline: the entries after the keyset position `after` (null: from the newest) down to
 * and including `next` (null: to the very first entry). The bounds never move, so a page can be dropped
 * when it is far out of view and read again, or re-read after a write, and still meet its neighbours
 * exactly. `entries` is null while the page is dropped; `height` is what it took on screen then.
 */
export interface Page {
  after: string | null;
  next: string | null;
  entries: TimelineEntry[] | null;
  height: number;
}

/** What a timeline has read: its pages, newest first, for one person or the whole journal. */
interface Window {
  personId: number | null;
  pages: Page[];
}

/**
 * One timeline's entries, newest first, read a page at a time with the core's keyset cursor (never
 * OFFSET). It loads through the app's one loader (lib/load.svelte.ts): the first page when it mounts or
 * the person changes, and after a write that touched entries, people (names on them) or associations
 * (their labels) it re-reads only the pages it holds, so a refresh costs what is near the reader, not how
 * far they once scrolled. Pages far out of view are dropped (`drop`) and read again on the way back.
 */
export class TimelineFeed {
  readonly #data: Loaded<Window>;
  readonly #personId: () => number | null;
  loadingMore = $state(false);
  moreError = $state<string | null>(null);
  /** A target is being reached (reach): pages load below the view on purpose, so none is dropped. */
  #reaching = false;
  #pending: Promise<void> = Promise.resolve();

  constructor(personId: () => number | undefined) {
    this.#personId = () => personId() ?? null;
    this.#data = load(['interactions', 'people', 'associations'], () => {
      const id = this.#personId();
      return this.#track(untrack(() => this.#read(id)));
    });
  }

  /** The pages read for the timeline now wanted; null until there are. */
  get #window(): Window | null {
    const window = this.#data.value;
    return window && window.personId === this.#personId() ? window : null;
  }

  get status(): 'loading' | 'ready' | 'error' {
    if (this.#window) return 'ready';
    return this.#data.loading || !this.#data.error ? 'loading' : 'error';
  }

  /** Why the first page failed (status 'error'), or why a refresh of the pages held failed. */
  get error(): string | null {
    return this.#data.error;
  }

  /** True while the pages held are being re-read; no page is added or dropped meanwhile. */
  get refreshing(): boolean {
    return this.#data.loading;
  }

  get pages(): readonly Page[] {
    return this.#window?.pages ?? [];
  }

  /** The pages on screen: one run, from the first held to the last (last < first when none is). */
  readonly held = $derived.by((): { first: number; last: number } => {
    const pages = this.pages;
    const first = pages.findIndex((page) => page.entries !== null);
    if (first < 0) return { first: 0, last: -1 };
    let last = first;
    while (pages[last + 1]?.entries) last += 1;
    return { first, last };
  });

  /** The entries held, newest first. */
  readonly entries = $derived.by((): TimelineEntry[] => {
    const { first, last } = this.held;
    return this.pages.slice(first, last + 1).flatMap((page) => page.entries ?? []);
  });

  /** Dropped pages above and below the ones held, as tall as they were. */
  get above(): number {
    return this.pages.slice(0, this.held.first).reduce((sum, page) => sum + page.height, 0);
  }
  get below(): number {
    return this.pages.slice(this.held.last + 1).reduce((sum, page) => sum + page.height, 0);
  }

  /** Older entries can be shown: a dropped page below, or one not read yet. */
  get next(): boolean {
    const pages = this.pages;
    return this.held.last < pages.length - 1 || (pages.at(-1)?.next ?? null) !== null;
  }

  /** A dropped page above the ones held. */
  get previous(): boolean {
    return this.held.first > 0;
  }

  /** Whether every page read so far is held (nothing dropped). */
  get whole(): boolean {
    return this.pages.every((page) => page.entries !== null);
  }

  /** Reads the first page again (Try again after a failure); a refresh when pages are held. */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  async #read(personId: number | null): Promise<Window> {
    const held = this.#data.value;
    if (held && held.personId === personId && held.pages.length > 0) {
      // After a write: each page held is read again between its own bounds; dropped ones stay dropped.
      const pages = await Promise.all(
        held.pages.map(async (page) => (page.entries ? { ...page, entries: samePage(page.entries, await this.#between(personId, page.after, page.next)) } : page)),
      );
      return { personId, pages };
    }
    const first = await readFirstPage(personId);
    return { personId, pages: [{ after: null, next: first.next, entries: first.entries, height: 0 }] };
  }

  /** The entries after `after` down to and including `until` (null: to the end). */
  async #between(personId: number | null, after: string | null, until: string | null): Promise<TimelineEntry[]> {
    const entries: TimelineEntry[] = [];
    let from = after;
    for (;;) {
      const page = await api('interactions.timeline', { after: from, limit: PAGE, personId });
      entries.push(...within(page.entries, until));
      if (reached(page.entries, page.next, until)) return entries;
      from = page.next;
    }
  }

  /** Shows older entries: the dropped page just below, or the next page not read yet. */
  loadMore(): Promise<void> {
    const window = this.#window;
    if (!window || this.loadingMore || this.refreshing) return this.#pending;
    const index = this.held.last + 1;
    const dropped = window.pages[index];
    if (dropped) return this.#fetch(index, async () => ({ ...dropped, entries: await this.#between(window.personId, dropped.after, dropped.next) }));
    const after = window.pages.at(-1)?.next ?? null;
    if (after === null) return this.#pending;
    return this.#fetch(index, async () => {
      const page = await api('interactions.timeline', { after, limit: PAGE, personId: window.personId });
      return { after, next: page.next, entries: page.entries, height: 0 };
    });
  }

  /** Shows newer entries again: the dropped page just above the ones held. */
  loadAbove(): Promise<void> {
    const window = this.#window;
    const index = this.held.first - 1;
    const dropped = window?.pages[index];
    if (!window || !dropped || this.loadingMore || this.refreshing) return this.#pending;
    return this.#fetch(index, async () => ({ ...dropped, entries: await this.#between(window.personId, dropped.after, dropped.next) }));
  }

  /**
   * Reads page `index` (a dropped one, or the one after the last) and puts it in; dropped if the timeline
   * was re-read meanwhile or is being re-read (that answer knows nothing of this page).
   */
  #fetch(index: number, read: () => Promise<Page>): Promise<void> {
    const asked = this.#data.value;
    this.loadingMore = true;
    this.moreError = null;
    return this.#track(
      (async () => {
        try {
          const page = await read();
          const window = this.#data.value;
          if (!window || window !== asked || this.refreshing) return;
          const pages = [...window.pages];
          pages[index] = page;
          this.#data.value = { ...window, pages };
        } catch (error) {
          if (this.#data.value === asked) this.moreError = errorMessage(error);
        } finally {
          this.loadingMore = false;
        }
      })(),
    );
  }

  /** Lets page `index` go (far out of view), keeping its place as `height` pixels. Only the first or last page held goes, never the only one, never while reading. */
  drop(index: number, height: number): void {
    const window = this.#window;
    const { first, last } = this.held;
    if (!window || this.#reaching || this.refreshing || this.loadingMore || first === last || (index !== first && index !== last)) return;
    const pages = [...window.pages];
    pages[index] = { ...pages[index]!, entries: null, height };
    this.#data.value = { ...window, pages };
  }

  /** Shows pages until the timeline holds `target` (or its place, if it is gone); false if it is not there. */
  async reach(target: { id: number; occurredAt: string }): Promise<boolean> {
    this.#reaching = true;
    try {
      await this.settled();
      for (;;) {
        if (this.status !== 'ready' || this.moreError) return false;
        const entries = this.entries;
        if (entries.some((entry) => entry.id === target.id)) return true;
        const first = entries[0];
        const last = entries.at(-1);
        if (first && this.previous && order(target, first) < 0) await this.loadAbove();
        else if (this.next && (!last || order(target, last) > 0)) await this.loadMore();
        else return false;
        await this.settled();
      }
    } finally {
      this.#reaching = false;
    }
  }

  /** Resolves once no read started before or during the wait is still running. */
  async settled(): Promise<void> {
    let pending: Promise<void>;
    do {
      pending = this.#pending;
      await pending;
    } while (pending !== this.#pending);
  }

  #track<T>(work: Promise<T>): Promise<T> {
    this.#pending = work.then(
      () => {},
      () => {},
    );
    return work;
  }
}
