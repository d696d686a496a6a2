import { Worker } from 'node:worker_threads';
import type { Result } from '../contract/contract.js';
import type { Keychain } from '../core/crypto/keyfile.js';
import { describeError } from '../core/redact.js';
import { within } from '../core/within.js';
import type { WorkerData, WorkerMessage, WorkerRequest } from './journal-worker.js';

/** What every call gets once the worker is gone: at once, never a hang. */
export const STOPPED_MESSAGE = 'The journal stopped unexpectedly. Everything you saved is safe on disk: restart the journal to go on.';

/** How long quitting waits for the journal to close cleanly before stopping its thread anyway. */
export const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Main's handle on the journal worker: sends calls, matches replies. Electron-free, so the same client
 * is exercised under Node against the built worker. If the thread dies, every pending and later call
 * fails at once with `journal-unavailable`, and onStop listeners hear it once (main shows "stopped").
 */
export class JournalClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly stopListeners = new Set<(reason: string) => void>();
  private closing = false;
  private stoppedBecause: string | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') console.info(`[journal] encrypting: ${message.step}`);
      if (message.type !== 'reply') return;
      this.pending.get(message.id)?.(message.result as Result<unknown>);
      this.pending.delete(message.id);
    });
    // #12: kind and stack only; an error's message may quote journal text.
    worker.on('error', (error) => console.error(`[journal-worker] ${describeError(error)}`));
    worker.on('exit', (code) => this.stop(this.closing ? 'The journal was closed.' : STOPPED_MESSAGE, !this.closing, code));
  }

  /** Starts the worker and waits until the journal is open (or knows why it cannot be). */
  /**
   * `keychain`: main's OS keychain, or null where none protects a key (a passphrase is then required).
   * Left out, the journal is kept plain (tests of the shell and the safety paths).
   */
  static start(workerPath: string, data: WorkerData, keychain?: Keychain | null): Promise<JournalClient> {
    const worker = new Worker(workerPath, { workerData: keychain === undefined ? data : { ...data, keychainBackend: keychain?.backend ?? null } });
    // #12: the worker asks main's keychain (Electron safeStorage) to wrap and unwrap the journal's key.
    worker.on('message', (message: WorkerMessage) => {
      if (message.type !== 'keychain' || !keychain) return;
      const input = Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength);
      (message.op === 'wrap' ? keychain.wrap(input) : keychain.unwrap(input)).then(
        (output) => {
          const copy = new Uint8Array(output);
          output.fill(0);
          worker.postMessage({ keychainReply: message.id, ok: true, data: copy } satisfies WorkerRequest, [copy.buffer]);
        },
        () => worker.postMessage({ keychainReply: message.id, ok: false } satisfies WorkerRequest),
      ).finally(() => input.fill(0));
    });
    return JournalClient.connect(worker);
  }

  /** Takes over a worker already started (tests use it to stop the thread from outside, as a crash does). */
  static connect(worker: Worker): Promise<JournalClient> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'ready') {
          cleanUp();
          resolve(new JournalClient(worker));
        } else if (message.type === 'fatal') {
          cleanUp();
          void worker.terminate();
          reject(new Error(message.message));
        }
      };
      const onError = (error: Error) => {
        cleanUp();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanUp();
        reject(new Error(`The journal's thread stopped before the journal opened (exit code ${code}).`));
      };
      const cleanUp = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  get stopped(): boolean {
    return this.stoppedBecause !== null;
  }

  /** Called once if the worker dies (not when it is closed on purpose). Returns an unsubscribe. */
  onStop(listener: (reason: string) => void): () => void {
    this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  }

  call(name: string, input: unknown): Promise<Result<unknown>> {
    if (this.stoppedBecause !== null) return Promise.resolve(unavailable(this.stoppedBecause));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, name, input } satisfies WorkerRequest);
    });
  }

  /**
   * Closes the database cleanly (checkpointing the WAL), then stops the thread. Waits at most
   * `timeoutMs`: a worker stuck in a long call must not keep the app from quitting. SQLite's WAL keeps
   * every committed write safe even when the thread is stopped mid-way.
   */
  async close(timeoutMs = CLOSE_TIMEOUT_MS): Promise<void> {
    if (this.stoppedBecause !== null) return;
    this.closing = true;
    const id = this.nextId++;
    const closed = new Promise<void>((resolve) => {
      this.pending.set(id, () => resolve());
      this.worker.postMessage({ id, close: true } satisfies WorkerRequest);
    });
    if (!(await within(closed, timeoutMs)).done) console.warn(`[journal] did not close within ${timeoutMs} ms; stopping its thread`);
    await this.worker.terminate();
  }

  private stop(reason: string, unexpected: boolean, code: number): void {
    if (this.stoppedBecause !== null) return;
    this.stoppedBecause = reason;
    if (unexpected) console.error(`[journal-worker] exited unexpectedly (code ${code})`);
    for (const resolve of this.pending.values()) resolve(unavailable(reason));
    this.pending.clear();
    if (unexpected) for (const listener of this.stopListeners) listener(reason);
  }
}

function unavailable(message: string): Result<unknown> {
  return { ok: false, error: { code: 'journal-unavailable', message } };
}
