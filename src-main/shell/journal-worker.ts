// The journal core's thread. better-sqlite3 is synchronous: run in the main process, a long operation
// (loading a large import, a backup, an integrity check, an index rebuild) would stall the main process's
// event loop, and with it every window's input and menu. So the core lives in a worker thread of its own,
// like Signal Desktop's SQL worker: main stays free to paint and route, and validates nothing it cannot
// trust; this thread parses and runs every call. No Electron import here, so Node can run it in tests.
//
// The thread never dies on a journal it cannot open: it stays up, says `ready`, and answers
// `journal.status` and the recovery calls (see core/recovery/session.ts), so the window can show why.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { parentPort, Worker, workerData, type WorkerOptions } from 'node:worker_threads';
import { JournalSession, type Keychain } from '../core/index.js';
import type { VerifyData } from './backup-check.js';
import { watchCalendarFile, type CalendarWatch } from '../core/calendar/watcher.js';

export interface WorkerData {
  journalPath: string;
  samplePath: string;
  nativeBinding?: string;
  /** Lower in tests; 5000 by default. */
  busyTimeoutMs?: number;
  /** Delay before the day's first backup; null turns automatic backups off (tests). Default 20 s. */
  dailyBackupDelayMs?: number | null;
  /**
   * #12: the OS keychain main found (safe-storage.ts), or null where none protects a key. safeStorage lives
   * in main only, so the worker asks main to wrap and unwrap through messages.
   */
  keychainBackend?: string | null;
}

export type WorkerRequest =
  | { id: number; name: string; input: unknown }
  | { id: number; close: true }
  | { keychainReply: number; ok: boolean; data?: Uint8Array };
export type WorkerMessage =
  | { type: 'ready'; path: string }
  | { type: 'fatal'; message: string }
  | { type: 'reply'; id: number; result: unknown }
  | { type: 'keychain'; id: number; op: 'wrap' | 'unwrap'; data: Uint8Array }
  | { type: 'progress'; step: string; fraction: number };

const port = parentPort;
if (!port) throw new Error('journal-worker must run as a worker thread.');
const data = workerData as WorkerData;

// Keychain requests to main, matched by id. The key crosses as a transferred buffer and is zeroed here.
let nextKeychainId = 1;
const keychainWaits = new Map<number, (reply: { ok: boolean; data?: Uint8Array }) => void>();
function keychainCall(op: 'wrap' | 'unwrap', input: Buffer): Promise<Buffer> {
  const id = nextKeychainId++;
  const copy = new Uint8Array(input);
  return new Promise((resolve, reject) => {
    keychainWaits.set(id, (reply) => {
      if (!reply.ok || !reply.data) reject(new Error('The system keychain refused.'));
      else resolve(Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength));
    });
    port!.postMessage({ type: 'keychain', id, op, data: copy } satisfies WorkerMessage, [copy.buffer]);
  });
}
// Absent (undefined): main gave no keychain answer at all, and the journal stays plain (shell tests).
const keychain: Keychain | null | undefined =
  data.keychainBackend === undefined
    ? undefined
    : data.keychainBackend
      ? { backend: data.keychainBackend, wrap: (key) => keychainCall('wrap', key), unwrap: (wrapped) => keychainCall('unwrap', wrapped) }
      : null;

// The threads this one starts: backup checks and copies, an import's write. When main stops this thread,
// Node tears down the ones still running with it, and one torn down while it loads SQLite's native module
// aborts the whole process (better-sqlite3's registration cannot fail softly there: "FATAL ERROR:
// Error::New napi_get_last_error_info", seen in the unit tests under load). So closing waits for them.
const threads = new Set<Worker>();
function thread(file: URL, options: WorkerOptions): Worker {
  const worker = new Worker(file, options);
  threads.add(worker);
  worker.once('exit', () => threads.delete(worker));
  return worker;
}

const checkInThread = (depth: 'full' | 'quick') => (file: string, key?: Buffer) =>
  new Promise<string | null>((resolve) => {
    const helper = thread(new URL('./backup-check.js', import.meta.url), {
      workerData: {
        verify: file,
        depth,
        ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
        // An encrypted journal's check needs its key; it is copied into the helper and zeroed there.
        ...(key ? { key: new Uint8Array(key) } : {}),
      } satisfies VerifyData,
    });
    helper.once('message', (problem: string | null) => resolve(problem));
    helper.once('error', (error) => resolve(error.message));
    helper.once('exit', (code) => code !== 0 && resolve(`the check stopped (exit code ${code})`));
  });

// Backups are copied in a thread too (an encrypted journal's VACUUM INTO is one long statement): the
// journal's calls go on meanwhile. A failure comes back as its code, which backups.ts puts into words.
const copyInThread = (source: string, destination: string, key?: Buffer) =>
  new Promise<void>((resolve, reject) => {
    const helper = thread(new URL('./backup-check.js', import.meta.url), {
      workerData: {
        verify: source,
        copyTo: destination,
        ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
        ...(key ? { key: new Uint8Array(key) } : {}),
      } satisfies VerifyData,
    });
    helper.once('message', (failed: { code: string } | null) => (failed ? reject(Object.assign(new Error('The backup copy failed.'), failed)) : resolve()));
    helper.once('error', reject);
    helper.once('exit', (code) => code !== 0 && reject(new Error(`the backup copy stopped (exit code ${code})`)));
  });

// The listener is up before the session starts: starting may wait for main's keychain to unwrap the key.
const started = JournalSession.start({
  journalPath: data.journalPath,
  ...(keychain !== undefined ? { keychain } : {}),
  readSample: async () => JSON.parse(await readFile(data.samplePath, 'utf8')),
  verify: checkInThread('full'),
  copy: copyInThread,
  checkLive: checkInThread('quick'),
  dailyBackupDelayMs: data.dailyBackupDelayMs === undefined ? 20_000 : data.dailyBackupDelayMs,
  progress: (step, fraction) => port.postMessage({ type: 'progress', step, fraction } satisfies WorkerMessage),
  // An import's write runs in a thread with its own connection: one transaction, while this one serves reads.
  importThread: (writer) => thread(new URL('./import-writer.js', import.meta.url), { workerData: writer }),
  ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  ...(data.busyTimeoutMs !== undefined ? { busyTimeoutMs: data.busyTimeoutMs } : {}),
});
let closing = false;
let calendar: CalendarWatch | null = null;
port.on('message', (request: WorkerRequest) => {
  if ('keychainReply' in request) {
    keychainWaits.get(request.keychainReply)?.(request);
    keychainWaits.delete(request.keychainReply);
    return;
  }
  if ('close' in request) {
    closing = true;
    calendar?.close();
    void started.then(async (session) => {
      await session.close();
      // A check or copy still running ends on its own in moments; main stops this thread if it takes too long.
      await Promise.all([...threads].map((worker) => once(worker, 'exit')));
      port.postMessage({ type: 'reply', id: request.id, result: { ok: true, value: null } } satisfies WorkerMessage);
      port.close();
    });
    return;
  }
  if (closing) return;
  // The session runs calls in arrival order (one transaction at a time); replies go back as they finish.
  void started.then(async (session) => {
    const result = await session.call(request.name, request.input);
    port.postMessage({ type: 'reply', id: request.id, result } satisfies WorkerMessage);
    // A new file chosen (or none): watch that one instead. Not awaited: it queues its own read.
    if (request.name === 'calendar.watch' && result.ok) void calendar?.rearm();
  });
});
const session = await started;
port.postMessage({ type: 'ready', path: session.path } satisfies WorkerMessage);
// The followed calendar file is read at start and again whenever it changes, through the session's
// queue. After ready, so a large calendar file never delays the window; a locked journal answers nothing.
calendar = await watchCalendarFile({
  path: async () => {
    const result = await session.call('calendar.settings');
    return result.ok ? (result.value as { watchPath: string | null }).watchPath : null;
  },
  refresh: () => session.call('calendar.refresh'),
});
