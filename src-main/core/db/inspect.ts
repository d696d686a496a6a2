// Looks at a journal file before anything opens it for writing, and says whether it can be opened, must
// be created, or has a problem. It only reads: the journal, its -wal and its -shm are left byte for byte as
// they were, so a file that turns out to be damaged, foreign or from a newer Confidant is never changed.
// An encrypted journal (#12: it has a key file, and its header is noise without the key) is not inspected
// here: openJournal keys the connection first, and the key check, a schema-version check on the keyed
// connection and #9's error mapping classify it (wrong key, corrupt, busy, newer) before any write.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { constants, copyFileSync, mkdtempSync, openSync, readSync, closeSync, rmSync, statSync, accessSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ProblemKind } from '../../contract/journal-status.js';
import { LATEST_VERSION } from './migrations/index.js';
import { isBusy, isCorruption, sqliteCode } from './sqlite-errors.js';

export type Inspection =
  /** No file yet: Confidant creates a new journal. `strayWal`: a -wal/-shm without its database sits there. */
  | { verdict: 'create'; strayWal: boolean }
  /** A readable journal of this or an older version (0: an empty SQLite file with no tables). */
  | { verdict: 'open'; version: number; foreignWal: boolean }
  | { verdict: 'problem'; kind: ProblemKind; detail: string; readable: boolean };

export interface InspectOptions {
  nativeBinding?: string;
  /** How long to wait for another program's lock, in ms. */
  busyTimeoutMs?: number;
}

// Tables every journal has had since schema 1; a file without them is some other program's database.
const JOURNAL_TABLES = ['people', 'interactions', 'interaction_people'];
const SQLITE_MAGIC = 'SQLite format 3\0';

export function walPath(path: string): string {
  return `${path}-wal`;
}
export function shmPath(path: string): string {
  return `${path}-shm`;
}

function stat(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function problem(kind: ProblemKind, detail: string, readable = false): Inspection {
  return { verdict: 'problem', kind, detail, readable };
}

export function inspectJournal(path: string, options: InspectOptions = {}): Inspection {
  const folder = dirname(path);
  const folderStat = stat(folder);
  if (!folderStat) return problem('missing-folder', `The folder ${folder} does not exist (a drive not connected, or a folder moved).`);
  if (!folderStat.isDirectory()) return problem('missing-folder', `${folder} is not a folder.`);
  // SQLite keeps its -wal and -shm beside the journal, so the folder must be writable too.
  if (!canAccess(folder, constants.R_OK | constants.W_OK | constants.X_OK)) {
    return problem('no-permission', `Confidant may not write in the folder ${folder}.`, canAccess(path, constants.R_OK));
  }

  const file = stat(path);
  const wal = stat(walPath(path));
  const hasWal = wal !== null && wal.size > 0;
  if (!file) return { verdict: 'create', strayWal: wal !== null || stat(shmPath(path)) !== null };
  if (!file.isFile()) return problem('not-a-journal', `${path} is a folder or a device, not a journal file.`);
  if (!canAccess(path, constants.R_OK)) return problem('no-permission', `Confidant may not read ${basename(path)}.`);
  if (!canAccess(path, constants.W_OK)) return problem('no-permission', `Confidant may read ${basename(path)} but not write it.`, true);
  // Confidant builds a new journal elsewhere and moves it into place whole, so it never leaves an empty one.
  if (file.size === 0) return problem('empty-file', `${basename(path)} is empty (0 bytes).`);

  const header = readHeader(path);
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    return problem('not-a-journal', `${basename(path)} is not a SQLite database.`);
  }
  // user_version sits at offset 60 of the header: a newer journal is recognised without opening it.
  const headerVersion = header.readUInt32BE(60);
  if (headerVersion > LATEST_VERSION) {
    return problem('future-version', `It has schema ${headerVersion}; this Confidant knows up to ${LATEST_VERSION}.`);
  }

  let foreignWal = false;
  if (hasWal) {
    // SQLite would apply the -wal on open and checkpoint it into the journal; a -wal from another
    // database would overwrite the journal's pages for good. So both are tried on copies first.
    const withWal = checkCopy(path, true, options);
    if (withWal.ok) {
      return confirmOpen(path, withWal.version, false, options);
    }
    const alone = checkCopy(path, false, options);
    if (!alone.ok) return problem(alone.kind === 'not-a-journal' ? 'not-a-journal' : 'corrupt', alone.detail, alone.kind !== 'not-a-journal');
    foreignWal = true;
  }
  return confirmOpen(path, headerVersion, foreignWal, options);
}

type Check = { ok: true; version: number } | { ok: false; kind: 'corrupt' | 'not-a-journal' | 'future-version' | 'locked-by-other'; detail: string };

/** Reads the schema of an open connection: is this a journal, and of which version? */
function checkSchema(db: BetterSqlite3.Database, deep: boolean): Check {
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
  if (version > LATEST_VERSION) return { ok: false, kind: 'future-version', detail: `It has schema ${version}.` };
  if (version === 0 && tables.size > 0) return { ok: false, kind: 'not-a-journal', detail: 'It is a SQLite database of another program.' };
  if (version > 0 && !JOURNAL_TABLES.every((table) => tables.has(table))) {
    return { ok: false, kind: 'not-a-journal', detail: 'It is a SQLite database without a journal’s tables.' };
  }
  if (deep) {
    const result = db.pragma('quick_check(1)', { simple: true });
    if (result !== 'ok') return { ok: false, kind: 'corrupt', detail: `SQLite's check found: ${String(result)}` };
  }
  return { ok: true, version };
}

function failureOf(error: unknown): Check {
  if (isCorruption(error)) return { ok: false, kind: 'corrupt', detail: `SQLite reports ${sqliteCode(error)}.` };
  if (isBusy(error)) return { ok: false, kind: 'locked-by-other', detail: 'Another program holds it locked.' };
  throw error;
}

/** Copies the journal (and its -wal, if asked) to a private folder and checks the copy deeply. */
function checkCopy(path: string, withWal: boolean, options: InspectOptions): Check {
  const scratch = mkdtempSync(join(dirname(path), '.confidant-check-'));
  const copy = join(scratch, 'journal.sqlite');
  try {
    copyFileSync(path, copy, constants.COPYFILE_FICLONE);
    if (withWal) copyFileSync(walPath(path), walPath(copy), constants.COPYFILE_FICLONE);
    const db = new BetterSqlite3(copy, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    try {
      return checkSchema(db, true);
    } catch (error) {
      return failureOf(error);
    } finally {
      db.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Opens the real file read-only to check its schema and that no one holds it locked. Read-only writes
 * nothing to the journal itself, but on a WAL-mode file SQLite makes an empty -wal and an -shm beside it
 * to read through, and a read-only connection leaves them when it closes: those two are removed again
 * (only if this call made them), so a file that fails here is left exactly as it was.
 */
function confirmOpen(path: string, version: number, foreignWal: boolean, options: InspectOptions): Inspection {
  if (foreignWal) {
    // The -wal is not this journal's; reading the real file now would apply it. The copy without it passed.
    return { verdict: 'open', version, foreignWal };
  }
  const made = { wal: stat(walPath(path)) === null, shm: stat(shmPath(path)) === null };
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    // A migration is about to rewrite the schema: check every page first (a backup is taken as well).
    const check = checkSchema(db, version < LATEST_VERSION && version > 0);
    if (!check.ok) return problem(check.kind, check.detail, check.kind === 'corrupt' || check.kind === 'locked-by-other');
    return { verdict: 'open', version: check.version, foreignWal: false };
  } catch (error) {
    const failed = failureOf(error);
    if (failed.ok) throw error;
    return problem(failed.kind, failed.detail, failed.kind === 'corrupt' || failed.kind === 'locked-by-other');
  } finally {
    db?.close();
    if (made.wal && stat(walPath(path))?.size === 0) rmSync(walPath(path), { force: true });
    if (made.shm && stat(walPath(path)) === null) rmSync(shmPath(path), { force: true });
  }
}
