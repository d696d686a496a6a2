import type { TimelineEntry, TimelinePage } from '../../../src-main/contract/contract';
import { api, errorMessage } from '../lib/api';

export const PAGE = 50;
/** The most the core returns in one page; used when re-reading what is already on screen. */
const MAX_PAGE = 200;

/**
 * One timeline's entries, read newest first with the core's keyset cursor (never OFFSET), a page at a
 * time. Entries are raw state: a long timeline holds tens of thousands and none of them is edited here.
 */
export class TimelineFeed {
  entries = $state.raw<TimelineEntry[]>([]);
  next = $state<string | null>(null);
  status = $state<'loading' | 'ready' | 'error'>('loading');
  /** Why the first page failed (status 'error'), or why a refresh of the shown entries failed. */
  error = $state<string | null>(null);
  loadingMore = $state(false);
  moreError = $state<string | null>(null);

  #personId: number | undefined;
  /** Bumped by every (re)load, so an answer to an older request is dropped instead of mixed in. */
  #generation = 0;
  #pending: Promise<void> = Promise.resolve();
  #refreshing = $state(false);

  /** True while the shown entries are being re-read; older pages wait. */
  get refreshing(): boolean {
    return this.#refreshing;
  }

  constructor(personId?: number) {
    this.#personId = personId;
  }

  /** Starts over from the newest entry. */
  load(personId = this.#personId): Promise<void> {
    this.#personId = personId;
    const generation = ++this.#generation;
    this.status = 'loading';
    this.error = null;
    this.moreError = null;
    this.loadingMore = false;
    this.#refreshing = false;
    return this.#track(
      (async () => {
        try {
          const page = await api('interactions.timeline', { limit: PAGE, personId: this.#personId ?? null });
          if (generation !== this.#generation) return;
          this.entries = page.entries;
          this.next = page.next;
          this.status = 'ready';
        } catch (error) {
          if (generation !== this.#generation) return;
          this.error = errorMessage(error);
          this.status = 'error';
        }
      })(),
    );
  }

  /** Appends the next older page. */
  loadMore(): Promise<void> {
    if (!this.next || this.loadingMore || this.#refreshing || this.status !== 'ready') return this.#pending;
    const generation = this.#generation;
    const after = this.next;
    this.loadingMore = true;
    this.moreError = null;
    return this.#track(
      (async () => {
        try {
          const page = await api('interactions.timeline', { after, limit: PAGE, personId: this.#personId ?? null });
          if (generation !== this.#generation) return;
          this.entries = [...this.entries, ...page.entries];
          this.next = page.next;
        } catch (error) {
          if (generation === this.#generation) this.moreError = errorMessage(error);
        } finally {
          if (generation === this.#generation) this.loadingMore = false;
        }
      })(),
    );
  }

  /**
   * Re-reads the entries after a write somewhere in the app: the first `keep` of them (those on screen
   * and a page more; what lies further down is dropped and loads again on the way there), so a refresh
   * costs what the reader can see, not how far they once scrolled. Entries that did not change keep
   * their object, so Svelte leaves their DOM alone and the view stays where it was.
   */
  refresh(keep = Infinity): Promise<void> {
    if (this.status !== 'ready') return this.load();
    const generation = ++this.#generation;
    const wanted = Math.max(PAGE, Math.min(this.entries.length, keep));
    this.loadingMore = false;
    this.moreError = null;
    this.#refreshing = true;
    return this.#track(
      (async () => {
        try {
          const fresh: TimelineEntry[] = [];
          let after: string | null = null;
          let next: string | null = null;
          do {
            const page: TimelinePage = await api('interactions.timeline', {
              after,
              limit: Math.min(MAX_PAGE, wanted - fresh.length),
              personId: this.#personId ?? null,
            });
            if (generation !== this.#generation) return;
            fresh.push(...page.entries);
            after = next = page.next;
          } while (next && fresh.length < wanted);
          const old = new Map(this.entries.map((entry) => [entry.id, entry]));
          this.entries = fresh.map((entry) => {
            const before = old.get(entry.id);
            return before && sameEntry(before, entry) ? before : entry;
          });
          this.next = next;
          this.error = null;
        } catch (error) {
          if (generation === this.#generation) this.error = errorMessage(error);
        } finally {
          if (generation === this.#generation) this.#refreshing = false;
        }
      })(),
    );
  }

  /** Loads older pages until the timeline reaches `target`'s place in it (where it is, or would be). */
  async reach(target: { id: number; occurredAt: string }): Promise<boolean> {
    await this.settled();
    for (;;) {
      if (this.entries.some((entry) => entry.id === target.id)) return true;
      const last = this.entries.at(-1);
      const passed = last && (last.occurredAt < target.occurredAt || (last.occurredAt === target.occurredAt && last.id < target.id));
      if (passed || !this.next || this.status !== 'ready' || this.moreError) return false;
      await this.loadMore();
      await this.settled();
    }
  }

  /** Resolves once no load started before or during the wait is still running. */
  async settled(): Promise<void> {
    let pending: Promise<void>;
    do {
      pending = this.#pending;
      await pending;
    } while (pending !== this.#pending);
  }

  #track(work: Promise<void>): Promise<void> {
    this.#pending = work;
    return work;
  }
}

function sameEntry(a: TimelineEntry, b: TimelineEntry): boolean {
  return (
    a.occurredAt === b.occurredAt &&
    a.kind === b.kind &&
    a.title === b.title &&
    a.excerpt === b.excerpt &&
    a.hasNotes === b.hasNotes &&
    a.confidential === b.confidential &&
    a.location === b.location &&
    a.association?.id === b.association?.id &&
    a.association?.name === b.association?.name &&
    a.people.length === b.people.length &&
    a.people.every((person, index) => person.id === b.people[index]?.id && person.name === b.people[index]?.name)
  );
}
