// The journal as main holds it: started, stopped, restarted, and what to tell the window about it.
// Electron-free (it takes the worker's path and data), so start failures, a dying worker and a restart
// are all tested under Node against the real built worker.
import type { Result } from '../contract/contract.js';
import { journalName, type JournalProblem, type JournalStatus } from '../contract/journal-status.js';
import type { Keychain } from '../core/crypto/keyfile.js';
import { describeError } from '../core/redact.js';
import { within } from '../core/within.js';
import { JournalClient, CLOSE_TIMEOUT_MS } from './journal-client.js';
import type { WorkerData } from './journal-worker.js';

/**
 * How long journal.status waits for a start still under way before it answers 'starting'. A usual start
 * takes a fraction of this, and the window's first question gets the open journal; a long one (a large
 * journal brought up to date for a new version) is shown as starting, and the window asks again.
 */
export const STARTING_WAIT_MS = 1000;

export class JournalHost {
  private client: JournalClient | null = null;
  private problem: JournalProblem | null = null;
  /** The start under way (start(), restart()), until it has opened the journal or failed. */
  private starting: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly workerPath: string,
    private data: WorkerData,
    /** #12: the OS keychain (main's safeStorage adapter), asked at each start; null: passphrase only. */
    private readonly keychain: () => Promise<Keychain | null | undefined> = async () => undefined,
  ) {}

  get path(): string {
    return this.data.journalPath;
  }

  /** Listeners hear every change of state: started, stopped, restarted, another journal opened. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts the worker. Never throws: a failure becomes a 'start-failed' status the window explains.
   * Meanwhile journal calls wait for it, and journal.status says 'starting' once it has waited a while.
   */
  async start(): Promise<void> {
    const run = this.open();
    this.starting = run;
    try {
      await run;
    } finally {
      if (this.starting === run) this.starting = null;
    }
  }

  private async open(): Promise<void> {
    try {
      const client = await JournalClient.start(this.workerPath, this.data, await this.keychain());
      client.onStop((reason) => {
        if (this.client !== client) return;
        this.client = null;
        this.problem = stoppedProblem(this.data.journalPath, reason);
        this.changed();
      });
      this.client = client;
      this.problem = null;
    } catch (error) {
      console.error(`[journal] could not start: ${describeError(error)}`);
      this.client = null;
      this.problem = startFailedProblem(this.data.journalPath, error);
    }
    this.changed();
  }

  /** Stops whatever runs (bounded) and starts again, optionally on another journal file. */
  async restart(journalPath: string = this.data.journalPath): Promise<JournalStatus> {
    const old = this.client;
    this.client = null;
    await old?.close();
    this.data = { ...this.data, journalPath };
    await this.start();
    return this.status();
  }

  async status(): Promise<JournalStatus> {
    if (this.starting && !(await within(this.starting, STARTING_WAIT_MS)).done) {
      return { state: 'starting', path: this.data.journalPath, name: journalName(this.data.journalPath) };
    }
    if (this.problem) return { state: 'unavailable', problem: this.problem };
    if (!this.client) return { state: 'unavailable', problem: startFailedProblem(this.data.journalPath, new Error('The journal is still starting.')) };
    const answer = await this.client.call('journal.status', undefined);
    if (answer.ok) return answer.value as JournalStatus;
    if (answer.error.code === 'journal-unavailable' && this.problem) return { state: 'unavailable', problem: this.problem };
    return { state: 'unavailable', problem: startFailedProblem(this.data.journalPath, new Error(answer.error.message)) };
  }

  /** A journal call; while the journal starts, it waits; while it is unavailable, it fails at once with the reason. */
  call(name: string, input: unknown): Promise<Result<unknown>> {
    const starting = this.starting;
    if (starting) return starting.then(() => this.call(name, input));
    if (!this.client) {
      const message = this.problem?.message ?? 'The journal is not open yet.';
      return Promise.resolve({ ok: false, error: { code: 'journal-unavailable', message } });
    }
    return this.client.call(name, input);
  }

  /** For quitting: closes cleanly, never waiting longer than `timeoutMs`. */
  async close(timeoutMs = CLOSE_TIMEOUT_MS): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.close(timeoutMs);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The window title: the journal's name, so two journals (work, board) are told apart at a glance. */
export function windowTitle(status: JournalStatus): string {
  if (status.state === 'unavailable') return 'Confidant';
  return status.name && status.name !== 'journal' ? `${status.name} — Confidant` : 'Confidant';
}

export function stoppedProblem(path: string, reason: string): JournalProblem {
  return {
    kind: 'stopped',
    title: 'The journal stopped',
    message: reason,
    path,
    choices: ['restart', 'show-in-folder', 'quit'],
    newestBackup: null,
  };
}

export function startFailedProblem(path: string, error: unknown): JournalProblem {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: 'start-failed',
    title: 'Confidant could not open your journal',
    message: `Something went wrong while starting: ${detail.replace(/\.?$/, '.')} Your journal file was not changed. Try again, or open another journal.`,
    path,
    choices: ['restart', 'open-another', 'show-in-folder', 'quit'],
    newestBackup: null,
  };
}

export { journalName };
