// The journal core's thread. better-sqlite3 is synchronous: run in the main process, a long operation
// (loading a large import, a backup, an integrity check, an index rebuild) would stall the main process's
// event loop, and with it every window's input and menu. So the core lives in a worker thread of its own,
// like Signal Desktop's SQL worker: main stays free to paint and route, and validates nothing it cannot
// trust; this thread parses and runs every call. No Electron import here, so Node can run it in tests.
//
// The thread never dies on a journal it cannot open: it stays up, says `ready`, and answers
// `journal.status` and the recovery calls (see core/recovery/session.ts), so the window can show why.
import { readFile } from 'node:fs/promises';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { JournalSession } from '../core/index.js';
import { watchCalendarFile, type CalendarWatch } from '../core/calendar/watcher.js';

export interface WorkerData {
  journalPath: string;
  samplePath: string;
  nativeBinding?: string;
  /** Lower in tests; 5000 by default. */
  busyTimeoutMs?: number;
  /** Delay before the day's first backup; null turns automatic backups off (tests). Default 20 s. */
  dailyBackupDelayMs?: number | null;
}

import type { VerifyData } from './backup-check.js';

export type WorkerRequest = { id: number; name: string; input: unknown } | { id: number; close: true };
export type WorkerMessage =
  | { type: 'ready'; path: string }
  | { type: 'fatal'; message: string }
  | { type: 'reply'; id: number; result: unknown };

const port = parentPort;
if (!port) throw new Error('journal-worker must run as a worker thread.');

{
  const data = workerData as WorkerData;
  const checkInThread = (depth: 'full' | 'quick') => (file: string) =>
    new Promise<string | null>((resolve) => {
      const helper = new Worker(new URL('./backup-check.js', import.meta.url), {
        workerData: { verify: file, depth, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) } satisfies VerifyData,
      });
      helper.once('message', (problem: string | null) => resolve(problem));
      helper.once('error', (error) => resolve(error.message));
      helper.once('exit', (code) => code !== 0 && resolve(`the check stopped (exit code ${code})`));
    });

  const session = await JournalSession.start({
    journalPath: data.journalPath,
    readSample: async () => JSON.parse(await readFile(data.samplePath, 'utf8')),
    verify: checkInThread('full'),
    checkLive: checkInThread('quick'),
    dailyBackupDelayMs: data.dailyBackupDelayMs === undefined ? 20_000 : data.dailyBackupDelayMs,
    ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
    ...(data.busyTimeoutMs !== undefined ? { busyTimeoutMs: data.busyTimeoutMs } : {}),
  });
  let closing = false;
  let calendar: CalendarWatch | null = null;
  port.on('message', (request: WorkerRequest) => {
    if ('close' in request) {
      closing = true;
      calendar?.close();
      void session.close().then(() => {
        port.postMessage({ type: 'reply', id: request.id, result: { ok: true, value: null } } satisfies WorkerMessage);
        port.close();
      });
      return;
    }
    if (closing) return;
    // The session runs calls in arrival order (one transaction at a time); replies go back as they finish.
    void session.call(request.name, request.input).then((result) => {
      port.postMessage({ type: 'reply', id: request.id, result } satisfies WorkerMessage);
      // A new file chosen (or none): watch that one instead. Not awaited: it queues its own read.
      if (request.name === 'calendar.watch' && result.ok) void calendar?.rearm();
    });
  });
  port.postMessage({ type: 'ready', path: session.path } satisfies WorkerMessage);
  // The followed calendar file is read at start and again whenever it changes, through the session's
  // queue. After ready, so a large calendar file never delays the window.
  calendar = await watchCalendarFile({
    path: async () => {
      const result = await session.call('calendar.settings');
      return result.ok ? (result.value as { watchPath: string | null }).watchPath : null;
    },
    refresh: () => session.call('calendar.refresh'),
  });
}
