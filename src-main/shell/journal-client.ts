import { Worker } from 'node:worker_threads';
import type { Result } from '../contract/contract.js';
import type { Keychain } from '../core/crypto/keyfile.js';
import { describeError } from '../core/redact.js';
import type { WorkerData, WorkerMessage, WorkerRequest } from './journal-worker.js';

/**
 * Main's handle on the journal worker: sends calls, matches replies. Electron-free, so the same client
 * is exercised under Node against the built worker.
 */
export class JournalClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') console.info(`[journal] encrypting: ${message.step}`);
      if (message.type !== 'reply') return;
      this.pending.get(message.id)?.(message.result as Result<unknown>);
      this.pending.delete(message.id);
    });
    worker.on('exit', () => this.failAll('The journal stopped unexpectedly. Restart Confidant; your saved entries are safe.'));
    // #12: kind and stack only; an error's message may quote journal text.
    worker.on('error', (error) => console.error(`[journal-worker] ${describeError(error)}`));
  }

  /** Starts the worker and waits until the journal is open and migrated. */
  static start(workerPath: string, data: WorkerData, keychain: Keychain | null = null): Promise<JournalClient> {
    const worker = new Worker(workerPath, { workerData: { ...data, keychainBackend: keychain?.backend ?? null } });
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
    return new Promise((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'ready') {
          worker.off('message', onMessage);
          resolve(new JournalClient(worker));
        } else if (message.type === 'fatal') {
          void worker.terminate();
          reject(new Error(message.message));
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  }

  call(name: string, input: unknown): Promise<Result<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, name, input } satisfies WorkerRequest);
    });
  }

  /** Closes the database cleanly (checkpointing the WAL), then stops the thread. */
  async close(): Promise<void> {
    const id = this.nextId++;
    await new Promise<void>((resolve) => {
      this.pending.set(id, () => resolve());
      this.worker.postMessage({ id, close: true } satisfies WorkerRequest);
    });
    await this.worker.terminate();
  }

  private failAll(message: string): void {
    for (const resolve of this.pending.values()) resolve({ ok: false, error: { code: 'internal', message } });
    this.pending.clear();
  }
}
