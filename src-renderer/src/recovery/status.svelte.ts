import type { JournalStatus } from '../../../src-main/contract/contract';
import { api, errorMessage, onUnavailable } from '../lib/api';

// The journal's status, asked first and again whenever a call says the journal became unavailable: it
// decides between the app and the recovery screen.
class AppStatus {
  status = $state<JournalStatus | null>(null);
  error = $state<string | null>(null);

  async refresh(): Promise<JournalStatus | null> {
    try {
      this.status = await api('journal.status');
      this.error = null;
    } catch (error) {
      this.error = errorMessage(error);
    }
    return this.status;
  }

  get unavailable() {
    return this.status?.state === 'unavailable' ? this.status.problem : null;
  }

  get readOnly(): boolean {
    return this.status?.state === 'open' && this.status.readOnly;
  }
}

export const appStatus = new AppStatus();
onUnavailable(() => void appStatus.refresh());
