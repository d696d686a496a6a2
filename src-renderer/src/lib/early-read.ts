/**
 * A read asked for before its screen wants it (on starting, with journal.status, rather than after its
 * answer): the next read of the same thing takes the answer, unless a write came in between. Asked again
 * before then, it is the same read. A refused one (a locked or unavailable journal, before the status is
 * known) is never shown: whoever takes it reads again.
 */
export class EarlyRead<T> {
  #early: { revision: number; answer: Promise<T> } | null = null;

  constructor(
    private readonly read: () => Promise<T>,
    /** The journal's write counter (lib/journal.svelte.ts): an answer from before a write is not taken. */
    private readonly revision: () => number,
  ) {}

  ask(): void {
    if (this.#early?.revision === this.revision()) return;
    const answer = this.read();
    answer.catch(() => {}); // read again by whoever takes it
    this.#early = { revision: this.revision(), answer };
  }

  /** The early answer, once, when it is still good (a read again if it was refused); else null. */
  take(): Promise<T> | null {
    const early = this.#early;
    this.#early = null;
    return early?.revision === this.revision() ? early.answer.catch(this.read) : null;
  }
}
