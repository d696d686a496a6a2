// Long lists drawn a part at a time. A queue or a review panel can hold hundreds of people at 5,000 (641 to
// give first in the bench journal), each row with its buttons: the first fifty are drawn, and fifty more
// each time the reader asks (components/ShowMore.svelte), so opening a screen stays quick. Counts shown
// beside a list are always of the whole list.

export const STEP = 50;

/** How much of each of a screen's lists is drawn, by a key per list. */
export class Limits {
  #limits = $state<Record<string, number>>({});

  /** `first`: how many a list draws before it is asked for more, when not fifty (a panel in a page's top). */
  constructor(private readonly first: Readonly<Record<string, number>> = {}) {}

  of(key: string): number {
    return this.#limits[key] ?? this.first[key] ?? STEP;
  }

  shown<T>(list: readonly T[], key: string): readonly T[] {
    return list.length > this.of(key) ? list.slice(0, this.of(key)) : list;
  }

  more(key: string): void {
    this.#limits[key] = this.of(key) + STEP;
  }
}
