// The journal core's thread. better-sqlite3 is synchronous: run in the main process, a long operation
// (loading a large import, a backup, an integrity check, an index rebuild) would stall the main process's
// event loop, and with it every window's input and menu. So the core lives in a worker thread of its own,
// like Signal Desktop's SQL worker: main stays free to paint and route, and validates nothing it cannot
// trust; this thread parses and runs every call. No Electron import here, so Node can run it in tests.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { JournalSession, type Keychain } from '../core/index.js';

export interface WorkerData {
  journalPath: string;
  samplePath: string;
  nativeBinding?: string;
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
const keychain: Keychain | null = data.keychainBackend
  ? { backend: data.keychainBackend, wrap: (key) => keychainCall('wrap', key), unwrap: (wrapped) => keychainCall('unwrap', wrapped) }
  : null;

let queue = Promise.resolve();
let session: JournalSession | undefined;
port.on('message', (request: WorkerRequest) => {
  if ('keychainReply' in request) {
    keychainWaits.get(request.keychainReply)?.(request);
    keychainWaits.delete(request.keychainReply);
    return;
  }
  // Calls run one at a time, in arrival order: each write sees the one before it.
  queue = queue.then(async () => {
    if (!session) return;
    if ('close' in request) {
      await session.close();
      port.postMessage({ type: 'reply', id: request.id, result: { ok: true, value: null } } satisfies WorkerMessage);
      port.close();
      return;
    }
    const result = await session.call(request.name, request.input);
    port.postMessage({ type: 'reply', id: request.id, result } satisfies WorkerMessage);
  });
});

// The session never throws: a journal that cannot open (or is locked) still answers journal.status.
queue = queue.then(async () => {
  session = await JournalSession.start({
    path: data.journalPath,
    keychain,
    journal: { readSample: async () => JSON.parse(await readFile(data.samplePath, 'utf8')) },
    open: data.nativeBinding ? { nativeBinding: data.nativeBinding } : {},
    progress: (step, fraction) => port.postMessage({ type: 'progress', step, fraction } satisfies WorkerMessage),
  });
  port.postMessage({ type: 'ready', path: session.path } satisfies WorkerMessage);
});
