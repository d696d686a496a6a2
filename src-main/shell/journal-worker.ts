// The journal core's thread. better-sqlite3 is synchronous: run in the main process, a long operation
// (loading a large import, a backup, an integrity check, an index rebuild) would stall the main process's
// event loop, and with it every window's input and menu. So the core lives in a worker thread of its own,
// like Signal Desktop's SQL worker: main stays free to paint and route, and validates nothing it cannot
// trust; this thread parses and runs every call. No Electron import here, so Node can run it in tests.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { Journal, openJournal } from '../core/index.js';
import { watchCalendarFile, type CalendarWatch } from '../core/calendar/watcher.js';

export interface WorkerData {
  journalPath: string;
  samplePath: string;
  nativeBinding?: string;
}

export type WorkerRequest = { id: number; name: string; input: unknown } | { id: number; close: true };
export type WorkerMessage =
  | { type: 'ready'; path: string }
  | { type: 'fatal'; message: string }
  | { type: 'reply'; id: number; result: unknown };

const port = parentPort;
if (!port) throw new Error('journal-worker must run as a worker thread.');
const data = workerData as WorkerData;

try {
  const journal = new Journal(
    await openJournal(data.journalPath, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
    { readSample: async () => JSON.parse(await readFile(data.samplePath, 'utf8')) },
  );
  // Calls run one at a time, in arrival order: each write sees the one before it.
  let queue = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const done = queue.then(work);
    queue = done.then(() => {}, () => {});
    return done;
  };
  let calendar: CalendarWatch | null = null;
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      if ('close' in request) {
        calendar?.close();
        await journal.close();
        port.postMessage({ type: 'reply', id: request.id, result: { ok: true, value: null } } satisfies WorkerMessage);
        port.close();
        return;
      }
      const result = await journal.call(request.name, request.input);
      port.postMessage({ type: 'reply', id: request.id, result } satisfies WorkerMessage);
      // A new file chosen (or none): watch that one instead. Not awaited: it queues its own read.
      if (request.name === 'calendar.watch' && result.ok) void calendar?.rearm();
    });
  });
  port.postMessage({ type: 'ready', path: journal.path } satisfies WorkerMessage);
  // The followed calendar file is read at start and again whenever it changes, through the same queue.
  // After ready, so a large calendar file never delays the window.
  calendar = await watchCalendarFile({
    path: async () => {
      const result = await enqueue(() => journal.call('calendar.settings'));
      return result.ok ? (result.value as { watchPath: string | null }).watchPath : null;
    },
    refresh: () => enqueue(() => journal.call('calendar.refresh')),
  });
} catch (error) {
  port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
}
