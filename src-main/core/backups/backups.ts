// Backups of the journal, taken with SQLite's online backup API (a consistent copy while the journal stays
// open and writable), each verified before it counts. The folder holds only verified backups: a copy is
// written under a `.partial` name, checked with integrity_check, and only then renamed to its final name,
// so a failed backup never replaces, and is never mistaken for, a good one.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import BetterSqlite3Ctor from 'better-sqlite3-multiple-ciphers';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Backup, BackupReason, BackupsOverview } from '../../contract/recovery.js';
import { applyCipherKey } from '../crypto/cipher.js';
import { keyFilePath } from '../crypto/keyfile.js';
import { encryptedBackup, sealPlainFile } from '../crypto/vault.js';
import { JournalError } from '../errors.js';
import { describeError } from '../redact.js';

/** Pages copied per step (4 KiB each): a step takes a few ms, so other calls never wait long. */
const PAGES_PER_STEP = 256;
/** The whole file in one step (in a thread of its own, see copyJournal). */
const ALL_PAGES = 0x7fffffff;

export const ROTATION_WORDS =
  'Kept: the newest backup of each of the last 7 days, 4 weeks and 12 months, and the last 2 taken before an upgrade.';

/** The result of checking a copy: null when it is a sound journal, otherwise what is wrong, in words. */
export type Verify = (file: string, key?: Buffer) => Promise<string | null>;

/** Copies the live journal at `source` to `destination` from a connection of its own (see copyJournal). */
export type Copy = (source: string, destination: string, key?: Buffer) => Promise<void>;

export interface BackupsOptions {
  nativeBinding?: string;
  /** Checks a finished copy; the worker runs it in a thread of its own so a large check never blocks calls. */
  verify?: Verify;
  /**
   * Takes the copy somewhere else: the worker runs copyJournal in a thread with its own connection, so even
   * an encrypted journal's VACUUM INTO (one long statement, which cannot be split into steps) never holds
   * up the calls that arrive meanwhile. Left out, the copy is made on the journal's own connection.
   */
  copy?: Copy;
  now?: () => Date;
  /**
   * #12: the open journal's data key, or null for a plain journal. SQLite's backup API refuses an encrypted
   * source, so an encrypted journal is copied with VACUUM INTO on its keyed connection (vault.encryptedBackup),
   * its key file beside the copy as `<backup>.key`, and the copy is verified with the key.
   */
  key?: () => Buffer | null;
}

const NAME = /^(.+) (\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z (daily|manual|before-upgrade)\.sqlite$/;

export class Backups {
  lastFailure: { at: string; message: string } | null = null;
  private running: Promise<Backup> | null = null;

  constructor(
    readonly journalPath: string,
    private readonly options: BackupsOptions = {},
  ) {}

  get defaultFolder(): string {
    return join(dirname(this.journalPath), 'Confidant backups');
  }

  /** Where the user's folder choice is kept: beside the journal, so it is known even when the journal is damaged. */
  private get settingsFile(): string {
    return `${this.journalPath}.backups.json`;
  }

  get folder(): string {
    try {
      const parsed = JSON.parse(readFileSync(this.settingsFile, 'utf8')) as { folder?: unknown };
      if (typeof parsed.folder === 'string' && parsed.folder.length > 0) return parsed.folder;
    } catch {
      // No choice recorded (or unreadable): the default folder.
    }
    return this.defaultFolder;
  }

  setFolder(folder: string | null): void {
    if (folder === null) {
      rmSync(this.settingsFile, { force: true });
      return;
    }
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new JournalError('invalid-input', `The folder ${folder} does not exist. Choose another folder for backups.`, { folder: 'That folder does not exist.' });
    }
    writeFileSync(this.settingsFile, `${JSON.stringify({ folder }, null, 2)}\n`);
  }

  private get stem(): string {
    return basename(this.journalPath, extname(this.journalPath));
  }

  /** Verified backups of this journal, newest first. */
  list(): Backup[] {
    const folder = this.folder;
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return [];
    }
    const backups: Backup[] = [];
    for (const name of names) {
      const match = NAME.exec(name);
      if (!match || match[1] !== this.stem) continue;
      const path = join(folder, name);
      try {
        backups.push({
          path,
          name,
          takenAt: `${match[2]}T${match[3]}:${match[4]}:${match[5]}.000Z`,
          bytes: statSync(path).size,
          reason: match[6] as BackupReason,
        });
      } catch {
        // Removed while listing.
      }
    }
    return backups.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.name < b.name ? 1 : -1));
  }

  /**
   * #12: once the journal is encrypted, the backups taken of it while it was plain (its before-upgrade copy,
   * a daily one) would still hold every confidence in plain text. Each is sealed under the journal's key,
   * in place, keeping its name and date; one that cannot be sealed is reported and kept, never lost.
   */
  async sealPlainBackups(key: Buffer): Promise<{ sealed: number; failed: string[] }> {
    let sealed = 0;
    const failed: string[] = [];
    for (const backup of this.list()) {
      try {
        if (await sealPlainFile(backup.path, key, this.journalPath)) sealed++;
      } catch (error) {
        failed.push(backup.name);
        console.error(`[journal] a plain backup could not be encrypted: ${describeError(error)}`);
      }
    }
    if (failed.length > 0) {
      this.lastFailure = {
        at: this.now().toISOString(),
        message:
          `${failed.length === 1 ? 'A backup' : `${failed.length} backups`} taken before the journal was encrypted could not be encrypted and still ${failed.length === 1 ? 'holds' : 'hold'} ` +
          `your notes in plain text (${failed.join(', ')}). Your journal is encrypted and a new backup of it is safe; delete ${failed.length === 1 ? 'that file' : 'those files'} from the backups folder once you no longer need ${failed.length === 1 ? 'it' : 'them'}.`,
      };
    }
    return { sealed, failed };
  }

  newest(): Backup | null {
    return this.list()[0] ?? null;
  }

  overview(): BackupsOverview {
    const backups = this.list();
    const newest = backups[0];
    const failure = this.lastFailure && (!newest || this.lastFailure.at > newest.takenAt) ? this.lastFailure : null;
    return { folder: this.folder, defaultFolder: this.defaultFolder, backups, lastFailure: failure, rotation: ROTATION_WORDS };
  }

  /** True when no backup was taken yet on this calendar day (local time). */
  dueToday(): boolean {
    const newest = this.list().find((backup) => backup.reason === 'daily' || backup.reason === 'manual');
    return !newest || localDay(new Date(newest.takenAt)) !== localDay(this.now());
  }

  /** Takes one backup (one at a time: a second request waits for the running one and gets it). */
  create(raw: BetterSqlite3.Database, reason: Exclude<BackupReason, 'before-restore'>): Promise<Backup> {
    if (this.running) return this.running;
    const run = this.take(raw, reason).finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private async take(raw: BetterSqlite3.Database, reason: Exclude<BackupReason, 'before-restore'>): Promise<Backup> {
    const folder = this.folder;
    const takenAt = this.now();
    const stamp = takenAt.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
    let name = `${this.stem} ${stamp} ${reason}.sqlite`;
    // Two backups in the same second (Back up now, twice): the newer waits for the next second's name.
    if (existsSync(join(folder, name))) throw new JournalError('conflict', 'A backup was taken a moment ago; it is in the list.');
    const finalPath = join(folder, name);
    const partial = join(folder, `.${name}.partial`);
    try {
      mkdirSync(folder, { recursive: true });
      const key = this.options.key?.() ?? null;
      if (this.options.copy) {
        await this.options.copy(this.journalPath, partial, key ?? undefined);
        if (key) copyFileSync(keyFilePath(this.journalPath), `${partial}.key`);
      } else if (key) encryptedBackup(raw, this.journalPath, partial);
      // better-sqlite3 runs the backup in steps between turns of the event loop; the journal stays usable.
      else await raw.backup(partial, { progress: () => PAGES_PER_STEP });
      const verify = this.options.verify ?? ((file: string, withKey?: Buffer) => verifyBackup(file, this.options.nativeBinding, 'full', withKey));
      const problem = await verify(partial, key ?? undefined);
      if (problem) throw new JournalError('io-error', `The backup copy did not pass its check (${problem}), so it was not kept.`);
      // The key file first: a backup in the list always has the key that opens it beside it.
      if (key) renameSync(`${partial}.key`, `${finalPath}.key`);
      renameSync(partial, finalPath);
    } catch (error) {
      removeQuietly(partial);
      removeQuietly(`${partial}.key`);
      const message = backupFailure(error, folder);
      this.lastFailure = { at: takenAt.toISOString(), message };
      throw new JournalError('io-error', message);
    }
    this.lastFailure = null;
    this.rotate();
    return { path: finalPath, name, takenAt: new Date(Math.floor(takenAt.getTime() / 1000) * 1000).toISOString(), bytes: statSync(finalPath).size, reason };
  }

  /**
   * Keeps the newest backup of each of the last 7 days, 4 ISO weeks and 12 months that have any, and the
   * last 2 taken before an upgrade: recent days undo this week's mistake, weeks and months catch damage
   * noticed late, and the whole set stays near two dozen files however long the journal is used.
   */
  rotate(): string[] {
    const backups = this.list();
    const keep = new Set<string>();
    const newestOf = (key: (date: Date) => string, count: number, pool: Backup[]) => {
      const seen = new Set<string>();
      for (const backup of pool) {
        const bucket = key(new Date(backup.takenAt));
        if (seen.has(bucket)) continue;
        if (seen.size >= count) break;
        seen.add(bucket);
        keep.add(backup.path);
      }
    };
    const regular = backups.filter((backup) => backup.reason !== 'before-upgrade');
    newestOf(localDay, 7, regular);
    newestOf(isoWeek, 4, regular);
    newestOf(localMonth, 12, regular);
    backups.filter((backup) => backup.reason === 'before-upgrade').slice(0, 2).forEach((backup) => keep.add(backup.path));
    if (backups[0]) keep.add(backups[0].path);
    const removed: string[] = [];
    for (const backup of backups) {
      if (keep.has(backup.path)) continue;
      rmSync(backup.path, { force: true });
      rmSync(`${backup.path}.key`, { force: true });
      removed.push(backup.path);
    }
    return removed;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/**
 * Copies a live journal from a connection of its own, opened read-only beside the journal's (WAL lets it
 * read a consistent snapshot while the journal keeps writing): SQLite's online backup API for a plain
 * journal; VACUUM INTO for an encrypted one, keyed, which writes the copy under the same cipher and
 * key (the backup API refuses an encrypted source). Run in a thread, it blocks nothing the journal does.
 */
export async function copyJournal(source: string, destination: string, nativeBinding?: string, key?: Buffer): Promise<void> {
  const db = new BetterSqlite3Ctor(source, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    if (key) applyCipherKey(db, key);
    db.pragma('busy_timeout = 5000');
    rmSync(destination, { force: true });
    // One step, one read snapshot: a backup in steps restarts from the first page whenever another
    // connection (the journal's own) writes between steps, and under steady saves would never finish.
    if (key) db.prepare('VACUUM INTO ?').run(destination);
    else await db.backup(destination, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  const fd = openSync(destination, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * integrity_check on a copy (quick_check when `depth` is quick: it skips matching indexes to their
 * tables, a third of the time), plus the journal's own tables: null when sound.
 */
export async function verifyBackup(file: string, nativeBinding?: string, depth: 'full' | 'quick' = 'full', key?: Buffer): Promise<string | null> {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3Ctor(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    if (key) applyCipherKey(db, key);
    db.pragma('busy_timeout = 5000');
    const rows = db.pragma(depth === 'full' ? 'integrity_check(5)' : 'quick_check(5)') as Record<string, string>[];
    const verdict = rows.map((row) => Object.values(row)[0]).join('; ');
    if (verdict !== 'ok') return verdict;
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('people', 'interactions')").get() as { n: number };
    if (tables.n !== 2) return 'it does not hold a journal';
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

function backupFailure(error: unknown, folder: string): string {
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  if (error instanceof JournalError) return `${error.message} Your journal is unchanged and the earlier backups are kept.`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `The backup folder’s disk is full (${folder}). Free some space or choose another folder; the earlier backups are kept.`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
    return `Confidant may not write to the backup folder ${folder}. Choose another folder; the earlier backups are kept.`;
  }
  return `The backup could not be written to ${folder} (${code || (error instanceof Error ? error.message : String(error))}). The earlier backups are kept; try again or choose another folder.`;
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // The folder itself is gone or not a folder: there is nothing to remove.
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function localMonth(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

function isoWeek(date: Date): string {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const weekday = (day.getDay() + 6) % 7;
  day.setDate(day.getDate() - weekday + 3);
  const firstThursday = new Date(day.getFullYear(), 0, 4);
  const week = 1 + Math.round(((day.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getDay() + 6) % 7)) / 7);
  return `${day.getFullYear()}-W${pad(week)}`;
}
