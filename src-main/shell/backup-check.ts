// A thread that checks one backup copy (or, quickly, the live journal) and exits. integrity_check of a large journal takes a second or
// more; run here it blocks only this thread, never the journal's calls. Its own small entry file, so it
// starts without loading the whole core.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyBackup } from '../core/backups/backups.js';

export interface VerifyData {
  verify: string;
  nativeBinding?: string;
  /** quick: the check after start, on the live journal (read-only, beside the worker's connection). */
  depth?: 'full' | 'quick';
  /** #12: the data key of an encrypted journal (a copy, zeroed here once the check has opened the file). */
  key?: Uint8Array;
}

const { verify, nativeBinding, depth, key } = workerData as VerifyData;
const keyBuffer = key ? Buffer.from(key.buffer, key.byteOffset, key.byteLength) : undefined;
try {
  parentPort?.postMessage(await verifyBackup(verify, nativeBinding, depth ?? 'full', keyBuffer));
} finally {
  keyBuffer?.fill(0);
}
