import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely } from 'kysely';
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, mkdtempSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ProblemKind } from '../../contract/journal-status.js';
import { JournalError } from '../errors.js';
import { applyCipherKey, fileKind } from '../crypto/cipher.js';
import { ImmediateSqliteDialect } from './dialect.js';
import { inspectJournal, shmPath, walPath } from './inspect.js';
import { migrate, schemaVersion } from './migrate.js';
import { LATEST_VERSION } from './migrations/index.js';
import type { Database } from './schema.js';

export interface OpenOptions {
  /** Path to a native binding built for another runtime; better-sqlite3 finds its own by default. */
  nativeBinding?: string;
  /** Opens the file as it is: no migration, no writes (a copy kept for reading what can be read). */
  readonly?: boolean;
  /** How long a write waits for another program's lock before giving up, in ms. Tests lower it. */
  busyTimeoutMs?: number;
  /** Runs before the first migration touches an existing journal: the worker takes a backup here. */
  beforeMigrate?: (raw: BetterSqlite3.Database, fromVersion: number) => Promise<void>;
  /**
   * The journal's 256-bit data key (#12, core/crypto). Given, the connection is keyed before any other
   * statement reads a page; absent, the file is opened as plain SQLite. The caller owns and zeroes it.
   */
  key?: Buffer;
}

export interface JournalDb {
  db: Kysely<Database>;
  raw: BetterSqlite3.Database;
  path: string;
  readonly: boolean;
  busyTimeoutMs: number;
  /** Files moved aside before opening (a -wal that was not this journal's), kept byte for byte. */
  setAside: string[];
  /** Why: 'foreign' (a -wal of another database beside the journal) or 'stray' (a -wal with no journal: a new one was made). */
  setAsideReason: 'foreign' | 'stray' | null;
  close(): Promise<void>;
}

/** A journal that could not be opened, and why, in words; the file has not been changed. */
export class JournalOpenError extends JournalError {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    /** The file can still be read (a copy opened read-only may show what is left). */
    readonly readable: boolean,
  ) {
    super(kind === 'future-version' ? 'future-version' : 'journal-unavailable', describeOpenProblem(kind, detail));
    this.name = 'JournalOpenError';
  }
}

function describeOpenProblem(kind: ProblemKind, detail: string): string {
  const unchanged = 'The file has not been changed.';
  switch (kind) {
    case 'future-version':
      return `This journal was written by a newer version of Confidant. ${detail} Update Confidant to open it. ${unchanged}`;
    default:
      return `${detail} ${unchanged}`;
  }
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (or creates) a journal. Nothing writes to an existing file until `inspectJournal` has found it to be
 * a readable journal of this or an older version; a problem throws a JournalOpenError and leaves the
 * journal, its -wal and its -shm as they were. Then the pragmas, a backup hook, and the migrations.
 */
export async function openJournal(path: string, options: OpenOptions = {}): Promise<JournalDb> {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const setAside: string[] = [];
  let setAsideReason: JournalDb['setAsideReason'] = null;
  let version = 0;
  // An encrypted journal (#12) cannot be inspected from its header: the keyed open below checks the key
  // (a wrong one is 'wrong-key'), and #9's error mapping classifies what else fails (corrupt, busy, ...).
  const encrypted = options.key !== undefined && path !== ':memory:' && fileKind(path) === 'encrypted';
  if (path !== ':memory:' && !options.readonly && !encrypted) {
    const inspection = inspectJournal(path, { ...binding, busyTimeoutMs });
    if (inspection.verdict === 'problem') throw new JournalOpenError(inspection.kind, inspection.detail, inspection.readable);
    if (inspection.verdict === 'create') {
      if (inspection.strayWal) setAside.push(...setAsideLog(path));
      if (setAside.length > 0) setAsideReason = 'stray';
      await createJournal(path, options);
    } else {
      if (inspection.foreignWal) setAside.push(...setAsideLog(path));
      if (setAside.length > 0) setAsideReason = 'foreign';
      version = inspection.version;
    }
  }

  if (encrypted && !options.readonly && options.key && hasLog(path) && encryptedLogBelongs(path, options.key, binding) === false) {
    // The keyed open would read the -wal's frames as this journal's pages (and fail on their HMAC, or
    // worse, checkpoint them into the file): set aside first, as for a plain journal (inspect.ts).
    setAside.push(...setAsideLog(path));
    if (setAside.length > 0) setAsideReason = 'foreign';
  }

  const raw = new BetterSqlite3(path, { readonly: options.readonly ?? false, ...(options.readonly ? { fileMustExist: true } : {}), ...binding });
  try {
    if (options.key) applyCipherKey(raw, options.key);
    applyPragmas(raw, busyTimeoutMs);
    if (encrypted) {
      // An encrypted file's header is noise to inspectJournal; now that the key has opened it, the same
      // question (a journal of this or an older version?) is asked of the keyed connection, before any write.
      version = keyedVersion(raw);
    }
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
    if (!options.readonly) {
      if (version > 0 && version < LATEST_VERSION) await options.beforeMigrate?.(raw, version);
      await migrate(db);
      // WAL lets a long read (backup, export) run beside writes. Stored in the file, so set only once the
      // file is known to be a journal Confidant may change.
      raw.pragma('journal_mode = WAL');
      // The query planner's statistics, as SQLite recommends for a long-lived connection: at open,
      // analyze any table whose size changed a lot since it was last analyzed (0x10002: every table, not
      // just those this connection used), bounded by analysis_limit so a big journal takes milliseconds;
      // again at close for what this session wrote. Without them a few hot queries pick the wrong index.
      optimize(raw, 'optimize = 0x10002');
    }
    return {
      db,
      raw,
      path,
      readonly: options.readonly ?? false,
      busyTimeoutMs,
      setAside,
      setAsideReason,
      close: async () => {
        if (!options.readonly && raw.open) optimize(raw, 'optimize');
        await db.destroy();
      },
    };
  } catch (error) {
    raw.close();
    throw error;
  }
}

/** Refreshes the planner's statistics; a journal that cannot (busy, full disk) is still fine to use. */
function optimize(raw: BetterSqlite3.Database, pragma: string): void {
  try {
    raw.pragma('analysis_limit = 1000');
    raw.pragma(pragma);
  } catch {
    // Statistics are an optimization: without fresh ones the queries are slower, never wrong.
  }
}

/**
 * A new journal is built beside its final name and moved into place whole (after an fsync), so a crash
 * part-way leaves no half-made journal, and a zero-byte journal file is never one Confidant made.
 */
async function createJournal(path: string, options: OpenOptions): Promise<void> {
  const building = join(dirname(path), `.${basename(path)}.creating`);
  for (const leftover of [building, walPath(building), shmPath(building)]) rmSync(leftover, { force: true });
  const raw = new BetterSqlite3(building, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    if (options.key) applyCipherKey(raw, options.key);
    applyPragmas(raw, DEFAULT_BUSY_TIMEOUT_MS);
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
    await migrate(db);
    raw.pragma('journal_mode = WAL');
    if ((await schemaVersion(db)) !== LATEST_VERSION) throw new Error('The new journal did not reach the latest schema.');
    await db.destroy();
  } catch (error) {
    if (raw.open) raw.close();
    rmSync(building, { force: true });
    throw error;
  }
  fsyncFile(building);
  renameSync(building, path);
  fsyncFile(dirname(path));
}

/** Flushes a file (or a folder, after a rename in it) to the disk; a folder some systems cannot fsync. */
export function fsyncFile(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Some systems cannot fsync a directory; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The schema version of a keyed connection; a newer one than this Confidant knows is refused unchanged. */
function keyedVersion(raw: BetterSqlite3.Database): number {
  const version = Number(raw.pragma('user_version', { simple: true }) ?? 0);
  if (version > LATEST_VERSION) {
    throw new JournalOpenError('future-version', `It is at version ${version}; this Confidant knows up to ${LATEST_VERSION}.`, true);
  }
  return version;
}

function hasLog(path: string): boolean {
  try {
    return statSync(walPath(path)).size > 0;
  } catch {
    return false;
  }
}

/**
 * Whether the -wal beside an encrypted journal is its own, asked of private copies only (the header of an
 * encrypted file says nothing without the key): true when the journal with its -wal opens with the key and
 * passes quick_check; false when only the journal alone does (the -wal is another database's); null when
 * neither opens (a wrong key or a damaged journal: the open itself then says which).
 */
function encryptedLogBelongs(path: string, key: Buffer, binding: { nativeBinding?: string }): boolean | null {
  let scratch: string | undefined;
  try {
    scratch = mkdtempSync(join(dirname(path), '.confidant-check-'));
    const copy = join(scratch, 'journal.sqlite');
    copyFileSync(path, copy, constants.COPYFILE_FICLONE);
    copyFileSync(walPath(path), walPath(copy), constants.COPYFILE_FICLONE);
    if (opensWithKey(copy, key, binding)) return true;
    rmSync(walPath(copy), { force: true });
    rmSync(shmPath(copy), { force: true });
    return opensWithKey(copy, key, binding) ? false : null;
  } catch {
    return null;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

function opensWithKey(file: string, key: Buffer, binding: { nativeBinding?: string }): boolean {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true, ...binding });
    applyCipherKey(db, key);
    return db.pragma('quick_check(1)', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Moves a -wal and -shm that do not belong to the journal to dated names beside it, byte for byte. */
function setAsideLog(path: string): string[] {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const moved: string[] = [];
  for (const file of [walPath(path), shmPath(path)]) {
    if (!existsSync(file)) continue;
    const target = `${file}.set-aside-${stamp}`;
    renameSync(file, target);
    moved.push(target);
  }
  return moved;
}

/** Frames in the -wal past which SQLite checkpoints on its own, inside the save that crossed the mark. */
export const WAL_AUTOCHECKPOINT_FRAMES = 4000;

/** The connection settings every journal connection uses: the worker's, and the import thread's (import/commit.ts). */
export function applyPragmas(raw: BetterSqlite3.Database, busyTimeoutMs: number): void {
  // better-sqlite3 leaves WAL at NORMAL, which can lose the latest commits on power loss. A journal writes
  // a few rows a day and every entry must survive, so pay for the fsync.
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  // Another program (a backup or sync tool) holding the lock briefly should make a save wait, not fail.
  // Write transactions start IMMEDIATE (see dialect.ts), which is what lets this wait apply to them.
  raw.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // Deleted confidences are overwritten on disk, not left in free pages.
  raw.pragma('secure_delete = ON');
  // The journal checkpoints when idle (Journal.checkpointWhenIdle); SQLite's own is only the backstop
  // for a long run of saves with no pause (16 MB of -wal).
  raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_FRAMES}`);
  // Every write handler's own transaction is a savepoint inside its call's (dialect.ts), and a savepoint
  // keeps the pages it changes in a sub-journal: in a temporary file by default, a third of a plain log's
  // time in SQLite. In memory it costs nothing, and no sort or sub-journal puts journal text in a
  // temporary file outside the encrypted journal.
  raw.pragma('temp_store = MEMORY');
}
