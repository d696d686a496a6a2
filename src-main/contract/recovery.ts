import { z } from 'zod';
import type { JournalStatus } from './journal-status.js';

// Journal safety: the status the app asks first, the ways out of a journal that could not be opened,
// and backups. Spread into `contract` by contract.ts.

const path = z.string({ error: 'A path must be text.' }).min(1, { error: 'A path is required.' }).max(4096, { error: 'That path is too long.' });
const none = z.object({}, { error: 'This request takes no input.' }).strict().optional();

export const recoveryContract = {
  'journal.status': { input: none, result: of<JournalStatus>() },
  /** Replaces the journal with a verified backup (the newest when no path is given), keeping the old file as a dated copy. */
  'recovery.restoreBackup': { input: z.object({ path: path.optional() }).strict().optional(), result: of<JournalStatus>() },
  /** Opens a copy of the journal, read-only, so what can be read can be looked at and exported. */
  'recovery.openReadOnly': { input: none, result: of<JournalStatus>() },
  'backups.list': { input: none, result: of<BackupsOverview>() },
  'backups.create': { input: none, result: of<BackupsOverview>() },
  'backups.restore': { input: z.object({ path }).strict(), result: of<JournalStatus>() },
  /** null: back to the default folder beside the journal. */
  'backups.setFolder': { input: z.object({ folder: path.nullable() }).strict(), result: of<BackupsOverview>() },
} as const;

function of<T>(): T {
  return undefined as T;
}

export type BackupReason = 'daily' | 'manual' | 'before-upgrade' | 'before-restore';

export interface Backup {
  path: string;
  name: string;
  takenAt: string;
  bytes: number;
  reason: BackupReason;
}

export interface BackupsOverview {
  folder: string;
  /** The folder used when the user has not picked one: beside the journal. */
  defaultFolder: string;
  /** Verified backups only, newest first. */
  backups: Backup[];
  /** The last backup that failed, when it failed after the newest good one. */
  lastFailure: { at: string; message: string } | null;
  /** What the rotation keeps, in words. */
  rotation: string;
}
