// The import thread: writes one import in one transaction on a connection of its own (core/import/commit.ts),
// posts its progress from inside it, and exits. Its own small entry file, like backup-check.ts, so it starts
// without the rest of the shell. No Electron import: tests run the same file under Node.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { receivePlan, runImportWrite, type PlanMessage, type WriterData, type WriterMessage } from '../core/import/commit.js';

// A little below the journal's thread: on a busy machine the reads the person is waiting for get the CPU
// first. Not as far down as the backup check (19): the import holds the write lock, and the person's
// saves wait for it. Linux only, where a niceness is per thread.
if (process.platform === 'linux') {
  try {
    setPriority(5);
  } catch {
    // Not allowed here: the thread runs at the app's own priority.
  }
}

const port = parentPort;
if (!port) throw new Error('import-writer must run as a worker thread.');
const post = (message: WriterMessage) => port.postMessage(message);
const data = workerData as WriterData;
// The plan's rows come as messages after the start (commit.ts, sendPlan), not in workerData.
const plan = await receivePlan((listener) => port.on('message', (message: PlanMessage) => listener(message)), data.plan);
port.removeAllListeners('message');
post(await runImportWrite({ ...data, plan }, post));
