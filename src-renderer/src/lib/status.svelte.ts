import type { JournalStatus } from '../../../src-main/contract/journal-status';
import { api, errorMessage } from './api';

/** How soon to ask again while the journal is starting (each answer itself waits up to a second for it). */
const STARTING_RECHECK_MS = 250;

// Whether the journal is open, asked first and again whenever main says it changed (stopped, restarted,
// another journal opened) or a call fails with journal-unavailable.
class StatusState {
  status = $state<JournalStatus | null>(null);

  async refresh(): Promise<JournalStatus> {
    try {
      this.status = await api('journal.status');
    } catch (error) {
      this.status = {
        state: 'unavailable',
        problem: { kind: 'start-failed', title: 'Confidant could not reach your journal', message: errorMessage(error), path: '', choices: ['restart', 'quit'], newestBackup: null },
      };
    }
    return this.status;
  }

  /**
   * Asks until the journal has finished starting. Main answers 'starting' only after waiting a second for
   * it (a large journal brought up to date for a new version); meanwhile `status` says so, and the window
   * shows it.
   */
  async settled(): Promise<JournalStatus> {
    let status = await this.refresh();
    while (status.state === 'starting') {
      await new Promise((resolve) => setTimeout(resolve, STARTING_RECHECK_MS));
      status = await this.refresh();
    }
    return status;
  }

  get unavailable() {
    return this.status?.state === 'unavailable' ? this.status.problem : null;
  }

  get readOnly(): boolean {
    return this.status?.state === 'open' && this.status.readOnly;
  }

  set(status: JournalStatus): void {
    this.status = status;
  }
}

export const journalStatus = new StatusState();
