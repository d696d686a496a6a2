// #12: the lock side of the journal's status (one status, lib/status.svelte.ts): what a passphrase allows,
// the privacy screen, and auto-lock after idle time. Nothing of the journal is read until the status says
// it is open.
import type { JournalStatus } from '../../../src-main/contract/contract';
import { api, errorMessage, shellApi } from '../lib/api';
import { journalStatus } from '../lib/status.svelte';
import { toasts } from '../lib/toasts.svelte';

const AUTO_LOCK_KEY = 'confidant.autoLockMinutes';
export const autoLockChoices = [0, 1, 5, 10, 15, 30, 60] as const;

class LockState {
  /** The privacy screen: every name, title and note hidden until the same key is pressed again. */
  privacy = $state(false);
  /** Minutes without input before a passphrase journal locks itself; 0 = never. */
  autoLockMinutes = $state(readAutoLock());
  /** Whether a passphrase protects the key (only then can the journal lock). */
  canLock = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;

  get status(): JournalStatus | null {
    return journalStatus.status;
  }

  get isOpen(): boolean {
    return this.status?.state === 'open';
  }

  /** Asks journal.status again, until the journal has started (never throws: a failure is an unavailable status). */
  async check(): Promise<JournalStatus> {
    const status = await journalStatus.settled();
    this.show(status);
    return status;
  }

  /** After unlock, lock, set-up or a recovery step: the new status, and what a passphrase now allows. */
  show(status: JournalStatus): void {
    journalStatus.set(status);
    if (status.state === 'open') {
      void api('security.info').then(
        (info) => {
          this.canLock = info.protection === 'passphrase';
          this.touch();
        },
        () => (this.canLock = false),
      );
    } else {
      this.canLock = false;
      if (this.privacy) void shellApi('app.namesHidden', { hidden: false }).catch(() => {});
      this.privacy = false;
      clearTimeout(this.#timer);
    }
  }

  async lock(): Promise<void> {
    try {
      this.show(await api('security.lock'));
    } catch (error) {
      toasts.show(errorMessage(error), { tone: 'error' });
    }
  }

  togglePrivacy(): void {
    if (!this.isOpen) return;
    this.privacy = !this.privacy;
    // System notifications follow: while the screen is up they name no one (a failure here only means
    // the shell could not be told; the screen itself is already up).
    void shellApi('app.namesHidden', { hidden: this.privacy }).catch(() => {});
  }

  setAutoLock(minutes: number): void {
    this.autoLockMinutes = minutes;
    localStorage.setItem(AUTO_LOCK_KEY, String(minutes));
    this.touch();
  }

  /** Any input restarts the idle clock. */
  touch(): void {
    clearTimeout(this.#timer);
    if (!this.isOpen || !this.canLock || this.autoLockMinutes === 0) return;
    this.#timer = setTimeout(() => void this.lock(), this.autoLockMinutes * 60_000);
  }
}

function readAutoLock(): number {
  const stored = Number(globalThis.localStorage?.getItem(AUTO_LOCK_KEY));
  return (autoLockChoices as readonly number[]).includes(stored) && globalThis.localStorage?.getItem(AUTO_LOCK_KEY) !== null ? stored : 15;
}

export const lock = new LockState();
