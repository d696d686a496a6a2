// File-level operations on an encrypted journal: encrypting a plain journal, changing its key, taking an
// encrypted backup, removing a plain copy. Each keeps the rule that a file that failed is never changed:
// the original stays untouched until its replacement has been verified.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { LATEST_VERSION } from '../db/migrations/index.js';
import { JournalError } from '../errors.js';
import { applyCipherKey, CIPHER, fileKind, rekeyConnection } from './cipher.js';
import { fsyncFolder, keyFilePath, writeKeyFile, type KeyFile } from './keyfile.js';

export type UpgradeStep = 'checking' | 'copying' | 'encrypting' | 'verifying' | 'removing-plain-copy' | 'done';
export type Progress = (step: UpgradeStep, fraction: number) => void;

/** Beside the journal while an upgrade runs; their presence at start means one was interrupted. */
export const upgradeFiles = (journalPath: string) => ({
  encrypting: `${journalPath}.encrypting`,
  plainOriginal: `${journalPath}.plain-upgrading`,
  newKeyFile: `${keyFilePath(journalPath)}.new`,
});

/**
 * Encrypts an existing plain journal with `key`, in this order: check the plain file; copy it page by page
 * (SQLite's backup API, with progress) to `<journal>.encrypting`; encrypt that copy in place; open the copy
 * with the key and compare every table's row count and the schema version with the original; only then
 * swap the files (the key file last) and overwrite the plain original before deleting it. Until the swap,
 * the plain journal is untouched and is what opens: an interrupted upgrade costs nothing.
 */
export async function encryptPlainJournal(journalPath: string, key: Buffer, keyFile: KeyFile, progress: Progress = () => {}): Promise<void> {
  const files = upgradeFiles(journalPath);
  progress('checking', 0);
  const plain = new BetterSqlite3(journalPath, { fileMustExist: true });
  try {
    const check = plain.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new JournalError('internal', 'This journal did not pass SQLite\'s check, so Confidant did not encrypt it. It was not changed.');
    }
    const stored = plain.pragma('user_version', { simple: true }) as number;
    if (stored > LATEST_VERSION) {
      throw new JournalError(
        'future-version',
        `This journal was written by a newer version of Confidant (schema ${stored}; this app knows up to ${LATEST_VERSION}). ` +
          'Update Confidant to open it. The file has not been changed.',
      );
    }
    // Fold the -wal into the main file, so the copy below is complete and no plain -wal is left behind.
    plain.pragma('wal_checkpoint(TRUNCATE)');
    await encryptedCopy(plain, files.encrypting, key, 'WAL', progress);
  } finally {
    plain.close();
  }

  // The swap: each rename is atomic; a start after any of them finishes or undoes it (see resumeUpgrade).
  writeKeyFile(files.newKeyFile, keyFile);
  renameSync(journalPath, files.plainOriginal);
  renameSync(files.encrypting, journalPath);
  renameSync(files.newKeyFile, keyFilePath(journalPath));
  fsyncFolder(dirname(journalPath));
  progress('removing-plain-copy', 0);
  removePlainOriginal(journalPath);
  progress('done', 1);
}

/**
 * Seals one plain SQLite file Confidant wrote for this journal (a backup taken before the journal was
 * encrypted: a before-upgrade copy from its migration, or a daily one): copied page by page, encrypted in
 * the copy with `key`, verified (every table's row count and the schema version), the journal's key file
 * copied beside it as `<file>.key` (as encryptedBackup does), and only then swapped in; the plain file is
 * overwritten before it is deleted. A file that is not plain, or fails, is left as it was. True if sealed.
 */
export async function sealPlainFile(path: string, key: Buffer, journalPath: string): Promise<boolean> {
  if (fileKind(path) !== 'plain') return false;
  const sealing = `${path}.sealing`;
  const plainCopy = `${path}.plain-sealing`;
  const plain = new BetterSqlite3(path, { fileMustExist: true, readonly: true });
  try {
    await encryptedCopy(plain, sealing, key, 'DELETE');
  } finally {
    plain.close();
  }
  copyFileSync(keyFilePath(journalPath), `${path}.key.partial`);
  renameSync(`${path}.key.partial`, `${path}.key`);
  renameSync(path, plainCopy);
  renameSync(sealing, path);
  fsyncFolder(dirname(path));
  for (const suffix of ['', '-wal', '-shm', '-journal']) secureRemove(plainCopy + suffix);
  return true;
}

/**
 * Called before opening: finishes an upgrade interrupted after its encrypted copy was verified, or undoes
 * one interrupted before the swap. Returns what it did, for the log.
 */
export function resumeUpgrade(journalPath: string): 'none' | 'finished' | 'rolled-back' {
  const files = upgradeFiles(journalPath);
  if (!existsSync(files.plainOriginal)) {
    // Never swapped: an encrypting copy (and an unused new key file) from an interrupted run are dropped.
    if (existsSync(files.encrypting) && existsSync(journalPath)) {
      secureRemove(files.encrypting);
      rmSync(files.newKeyFile, { force: true });
      return 'rolled-back';
    }
    return 'none';
  }
  if (!existsSync(journalPath)) {
    renameSync(files.plainOriginal, journalPath);
    rmSync(files.newKeyFile, { force: true });
    fsyncFolder(dirname(journalPath));
    return 'rolled-back';
  }
  if (existsSync(files.newKeyFile)) renameSync(files.newKeyFile, keyFilePath(journalPath));
  removePlainOriginal(journalPath);
  return 'finished';
}

function removePlainOriginal(journalPath: string): void {
  const { plainOriginal } = upgradeFiles(journalPath);
  for (const suffix of ['', '-wal', '-shm', '-journal']) secureRemove(plainOriginal + suffix);
}

/**
 * The one way a plain file becomes an encrypted one: the open plain database is copied page by page (SQLite's
 * backup API) to `dest`, the copy encrypted in place with `key` and then checked to hold what the source holds
 * (every table's row count and the schema version) before it is left in `journalMode`. The source is only
 * read. A copy that fails any step is overwritten and removed before the error is thrown.
 */
async function encryptedCopy(plain: BetterSqlite3.Database, dest: string, key: Buffer, journalMode: 'WAL' | 'DELETE', progress: Progress = () => {}): Promise<void> {
  const counts = tableCounts(plain);
  const version = plain.pragma('user_version', { simple: true }) as number;
  rmSync(dest, { force: true });
  try {
    progress('copying', 0);
    await plain.backup(dest, {
      progress: ({ totalPages, remainingPages }) => {
        progress('copying', totalPages ? 1 - remainingPages / totalPages : 1);
        return 256;
      },
    });
    progress('encrypting', 0);
    encryptInPlace(dest, key);
    progress('verifying', 0);
    verifyEncryptedCopy(dest, key, counts, version, journalMode);
  } catch (error) {
    secureRemove(dest);
    throw error;
  }
}

/**
 * Encrypts a plain copy in place with `key`. No rollback journal while it runs: it would hold the plain
 * pages. If this is interrupted, the copy is discarded and the original, untouched, still opens.
 */
function encryptInPlace(path: string, key: Buffer): void {
  const copy = new BetterSqlite3(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    copy.pragma('journal_mode = OFF');
    copy.pragma(`cipher = '${CIPHER.name}'`);
    copy.pragma(`legacy = ${CIPHER.legacy}`);
    rekeyConnection(copy, key);
  } finally {
    copy.close();
  }
}

function verifyEncryptedCopy(path: string, key: Buffer, counts: Map<string, number>, version: number, journalMode: 'WAL' | 'DELETE'): void {
  const copy = new BetterSqlite3(path, { fileMustExist: true });
  try {
    applyCipherKey(copy, key);
    const check = copy.pragma('integrity_check', { simple: true });
    const copied = tableCounts(copy);
    const same =
      check === 'ok' &&
      copy.pragma('user_version', { simple: true }) === version &&
      copied.size === counts.size &&
      [...counts].every(([table, n]) => copied.get(table) === n);
    if (!same) {
      throw new JournalError('internal', 'The encrypted copy did not match your journal, so Confidant kept the journal as it was. Nothing was lost.');
    }
    copy.pragma(`journal_mode = ${journalMode}`);
  } finally {
    copy.close();
  }
}

function tableCounts(raw: BetterSqlite3.Database): Map<string, number> {
  const tables = raw
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return new Map(tables.map((table) => [table, raw.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get() as number]));
}

/**
 * Gives an open, keyed journal a new key. The caller has taken (and verified) a backup under the old key
 * first. A rekey rewrites every page; SQLite3 Multiple Ciphers cannot rekey in WAL mode, so the journal
 * leaves WAL for it and returns after. In rollback mode the rekey is one transaction: a crash leaves it
 * wholly under the old key or wholly under the new one (and unlock tries both key files, see session.ts).
 */
export function rekeyJournal(raw: BetterSqlite3.Database, newKey: Buffer): void {
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.pragma('journal_mode = DELETE');
  try {
    rekeyConnection(raw, newKey);
  } finally {
    raw.pragma('journal_mode = WAL');
  }
}

/**
 * The one way to back up an encrypted journal. SQLite's backup API (better-sqlite3's db.backup) refuses
 * an encrypted source ("backup is not supported with incompatible source and target databases") because it
 * cannot key the file it creates; VACUUM INTO, run on the keyed connection, writes a compact, consistent
 * copy encrypted with the same cipher and key. It goes to a temp name and is renamed when complete, and
 * the key file as it is now is copied beside it (`<backup>.key`): after a later passphrase change the
 * journal has a new key, and the backup still opens with the key file taken with it.
 */
export function encryptedBackup(raw: BetterSqlite3.Database, journalPath: string, destination: string): { path: string; keyFile: string; bytes: number } {
  const temp = `${destination}.partial`;
  rmSync(temp, { force: true });
  raw.prepare('VACUUM INTO ?').run(temp);
  const fd = openSync(temp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  copyFileSync(keyFilePath(journalPath), `${destination}.key.partial`);
  renameSync(`${destination}.key.partial`, `${destination}.key`);
  renameSync(temp, destination);
  fsyncFolder(dirname(destination));
  return { path: destination, keyFile: `${destination}.key`, bytes: statSync(destination).size };
}

/** Opens a backup with `key` and checks it: a backup is only counted once it is known to open. */
export function verifyBackup(path: string, key: Buffer): void {
  const copy = new BetterSqlite3(path, { fileMustExist: true, readonly: true });
  try {
    applyCipherKey(copy, key);
    if (copy.pragma('quick_check', { simple: true }) !== 'ok') {
      throw new JournalError('internal', `The backup ${basename(path)} did not pass SQLite's check.`);
    }
  } finally {
    copy.close();
  }
}

/**
 * Overwrites a file with random bytes, flushes, then deletes it. On an SSD or a copy-on-write file system
 * (APFS, btrfs) the old blocks may survive elsewhere on the device; this is the best a program can do, and
 * why the journal is encrypted rather than relying on deletion.
 */
export function secureRemove(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  const fd = openSync(path, 'r+');
  try {
    const chunk = 1 << 20;
    for (let offset = 0; offset < size; offset += chunk) {
      writeSync(fd, randomBytes(Math.min(chunk, size - offset)), 0, Math.min(chunk, size - offset), offset);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(path);
}
