import type { JournalInfo } from '../../../src-main/contract/contract';
import { api, errorMessage } from './api';
import { toasts } from './toasts.svelte';

// What the whole app needs to know about the open journal, and a revision number that every view
// watches: any write bumps it, and views reload what they show.
class JournalState {
  info = $state<JournalInfo | null>(null);
  error = $state<string | null>(null);
  revision = $state(0);

  get isEmpty(): boolean {
    return this.info !== null && this.info.people === 0 && this.info.interactions === 0;
  }

  async refresh(): Promise<void> {
    try {
      this.info = await api('journal.info');
      this.error = null;
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  /** Call after any write. */
  changed(): void {
    this.revision += 1;
    void this.refresh();
  }
}

export const journal = new JournalState();

/** Runs a write, then refreshes every view and says how it went in a toast; false when it failed. */
export async function writeAndTell(run: () => Promise<unknown>, done: string): Promise<boolean> {
  try {
    await run();
    journal.changed();
    toasts.show(done, { tone: 'success' });
    return true;
  } catch (failure) {
    toasts.show(errorMessage(failure), { tone: 'error' });
    return false;
  }
}
