// A thread that checks one backup copy and exits. integrity_check of a large journal takes a second or
// more; run here it blocks only this thread, never the journal's calls. Its own small entry file, so it
// starts without loading the whole core.
import { parentPort, workerData } from 'node:worker_threads';
import { verifyBackup } from '../core/backups/backups.js';

export interface VerifyData {
  verify: string;
  nativeBinding?: string;
}

const { verify, nativeBinding } = workerData as VerifyData;
parentPort?.postMessage(await verifyBackup(verify, nativeBinding));
