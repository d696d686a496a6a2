import type { JournalInfo } from '../../../src-main/contract/contract';
import { api, errorMessage } from './api';
import { EarlyRead } from './early-read';
import { toasts } from './toasts.svelte';

/**
 * What a write can touch. A view's data declares what it depends on (see lib/load.svelte.ts) and reloads
 * only when one of those was touched: saving a goal does not re-read the People table.
 *   people: who is in the journal and their details;  interactions: entries (and so counts, last contact);
 *   reciprocity: gives, asks, thanks, promises, give-first choices;  associations: associations and goals.
 */
export type Capability = 'people' | 'interactions' | 'reciprocity' | 'associations';
const everything: readonly Capability[] = ['people', 'interactions', 'reciprocity', 'associations'];

// What the whole app needs to know about the open journal, and revision numbers that views watch: any
// write bumps `revision` and the counter of each capability it touched.
class JournalState {
  info = $state<JournalInfo | null>(null);
  error = $state<string | null>(null);
  revision = $state(0);
  touched = $state<Record<Capability, number>>({ people: 0, interactions: 0, reciprocity: 0, associations: 0 });

  get isEmpty(): boolean {
    return this.info !== null && this.info.people === 0 && this.info.interactions === 0;
  }

  /**
   * On starting, the totals are asked for with journal.status rather than after its answer (readEarly);
   * the first refresh takes them.
   */
  readonly #early = new EarlyRead(() => api('journal.info'), () => this.revision);

  readEarly(): void {
    this.#early.ask();
  }

  async refresh(): Promise<void> {
    try {
      this.info = await (this.#early.take() ?? api('journal.info'));
      this.error = null;
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /** Call after any write, naming what it touched; with nothing named, everything was. */
  changed(...touched: Capability[]): void {
    this.revision += 1;
    for (const capability of touched.length > 0 ? touched : everything) this.touched[capability] += 1;
    // The totals only move when people or entries come or go.
    if (touched.length === 0 || touched.includes('people') || touched.includes('interactions')) void this.refresh();
  }
}

export const journal = new JournalState();

/** Runs a write, then refreshes what it touched and says how it went in a toast; false when it failed. */
export async function writeAndTell(run: () => Promise<unknown>, done: string, ...touched: Capability[]): Promise<boolean> {
  try {
    await run();
    journal.changed(...touched);
    toasts.show(done, { tone: 'success' });
    return true;
  } catch (failure) {
    toasts.show(errorMessage(failure), { tone: 'error' });
    return false;
  }
}
