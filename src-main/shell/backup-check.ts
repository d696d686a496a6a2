// A thread that checks one backup copy (or, quickly, the live journal), or takes the copy itself, and exits. integrity_check of a large journal takes a second or
// more; run here it blocks only this thread, never the journal's calls. Its own small entry file, so it
// starts without loading the whole core.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { copyJournal, verifyBackup } from '../core/backups/backups.js';

export interface VerifyData {
  verify: string;
  nativeBinding?: string;
  /** quick: the check after start, on the live journal (read-only, beside the worker's connection). */
  depth?: 'full' | 'quick';
  /** #12: the data key of an encrypted journal (a copy, zeroed here once the check has opened the file). */
  key?: Uint8Array;
  /** Copy the live journal at `verify` to this path instead (a backup, taken off the journal's thread). */
  copyTo?: string;
}

// Below the journal's thread: on a busy machine the copy and the checks wait for the CPU, the person's
// calls do not. Linux only, where a niceness is per thread; elsewhere it would slow the whole app.
if (process.platform === 'linux') {
  try {
    setPriority(19);
  } catch {
    // Not allowed here: the thread runs at the app's own priority.
  }
}

const { verify, nativeBinding, depth, key, copyTo } = workerData as VerifyData;
const keyBuffer = key ? Buffer.from(key.buffer, key.byteOffset, key.byteLength) : undefined;
try {
  if (copyTo) {
    // null: copied; otherwise the error's code (what backupFailure maps to words), never its message.
    const failed = await copyJournal(verify, copyTo, nativeBinding, keyBuffer).then(
      () => null,
      (error: unknown) => ({ code: String((error as { code?: unknown })?.code ?? (error instanceof Error ? error.name : 'Error')) }),
    );
    parentPort?.postMessage(failed);
  } else parentPort?.postMessage(await verifyBackup(verify, nativeBinding, depth ?? 'full', keyBuffer));
} finally {
  keyBuffer?.fill(0);
}
