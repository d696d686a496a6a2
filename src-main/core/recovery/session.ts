// The journal as the app holds it from start to quit: open, or unavailable with a problem the recovery
// screen can explain. It never throws and never dies: a journal that cannot be opened leaves the session
// answering `journal.status` and the recovery and backup calls, and every other call with
// `journal-unavailable`. The worker and the E2E harness both run one.
import { journalName } from '../../contract/journal-status.js';
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, mkdtempSync, openSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type { JournalProblem, JournalStatus } from '../../contract/journal-status.js';
import { contract, type ApiError, type Result } from '../../contract/contract.js';
import { Backups, type Verify } from '../backups/backups.js';
import { fsyncFile, JournalOpenError, openJournal } from '../db/open.js';
import { shmPath, walPath } from '../db/inspect.js';
import { describeSqliteError, isCorruption, sqliteCode } from '../db/sqlite-errors.js';
import { JournalError } from '../errors.js';
import { Journal, sessionCalls } from '../journal/journal.js';
import { fromZod } from '../journal/validation.js';
import { describeProblem } from './problems.js';

export interface SessionOptions {
  journalPath: string;
  readSample: () => Promise<unknown>;
  nativeBinding?: string;
  busyTimeoutMs?: number;
  verify?: Verify;
  /** Runs the quick check after start somewhere else (the worker: a thread with its own read-only connection). */
  checkLive?: Verify;
  now?: () => Date;
  /**
   * Take the day's first backup this long after a successful start (off the start-up path). Null: only on
   * request. The worker uses a few seconds; tests call `dailyBackup()` themselves.
   */
  dailyBackupDelayMs?: number | null;
}

type State =
  | { kind: 'open'; journal: Journal; readOnly: false }
  | { kind: 'open'; journal: Journal; readOnly: true; copyDir: string }
  | { kind: 'unavailable'; problem: JournalProblem };

const unavailable: ApiError = {
  code: 'journal-unavailable',
  message: 'Your journal is not open right now, so this cannot be done. The recovery screen shows why and what you can do.',
};

export class JournalSession {
  private state: State;
  readonly backups: Backups;
  /** The quick check after start; resolves when it has finished (and moved the session to unavailable if it failed). */
  checked: Promise<void> = Promise.resolve();
  private dailyTimer: ReturnType<typeof setTimeout> | undefined;
  /** Recovery steps (restore, read-only) wait for each other. */
  private exclusive: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: SessionOptions) {
    this.backups = new Backups(options.journalPath, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.verify ? { verify: options.verify } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    this.state = { kind: 'unavailable', problem: describeProblem('start-failed', options.journalPath) };
  }

  static async start(options: SessionOptions): Promise<JournalSession> {
    const session = new JournalSession(options);
    await session.open();
    return session;
  }

  get path(): string {
    return this.options.journalPath;
  }

  /** The open journal, for tests and tools; null when unavailable. */
  get journal(): Journal | null {
    return this.state.kind === 'open' ? this.state.journal : null;
  }

  status(): JournalStatus {
    const path = this.options.journalPath;
    if (this.state.kind === 'open') return { state: 'open', path, readOnly: this.state.readOnly, name: journalName(path) };
    return { state: 'unavailable', problem: { ...this.state.problem, newestBackup: this.newestBackupRef() } };
  }

  private newestBackupRef() {
    const newest = this.backups.newest();
    return newest ? { path: newest.path, takenAt: newest.takenAt, bytes: newest.bytes } : null;
  }

  /** (Re)opens the journal at its path: open, or unavailable with the reason. */
  async open(): Promise<JournalStatus> {
    await this.closeJournal();
    const path = this.options.journalPath;
    try {
      const journalDb = await openJournal(path, {
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        ...(this.options.busyTimeoutMs !== undefined ? { busyTimeoutMs: this.options.busyTimeoutMs } : {}),
        // Every migration starts from a verified copy of the journal as it was.
        beforeMigrate: async (raw) => {
          await this.backups.create(raw, 'before-upgrade');
        },
      });
      for (const moved of journalDb.setAside) console.warn(`[journal] set aside ${moved}: it did not belong to this journal`);
      const journal = new Journal(journalDb, { readSample: this.options.readSample, onCorruption: (error) => this.corrupted(error) });
      this.state = { kind: 'open', journal, readOnly: false };
      this.checked = this.quickCheck(journal);
      this.scheduleDailyBackup();
    } catch (error) {
      this.state = { kind: 'unavailable', problem: this.problemFrom(error) };
    }
    return this.status();
  }

  private problemFrom(error: unknown): JournalProblem {
    const path = this.options.journalPath;
    const newestBackup = this.newestBackupRef();
    if (error instanceof JournalOpenError) return describeProblem(error.kind, path, { readable: error.readable, newestBackup });
    if (isCorruption(error)) return describeProblem('corrupt', path, { readable: true, newestBackup });
    const code = sqliteCode(error) ?? (typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return describeProblem('locked-by-other', path, { readable: true, newestBackup });
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
      return describeProblem('no-permission', path, { readable: existsSync(path), newestBackup });
    }
    if (code === 'ENOENT') return describeProblem('missing-folder', path, { newestBackup });
    console.error('[journal] could not open', error);
    const detail = error instanceof Error ? error.message : String(error);
    return describeProblem('start-failed', path, { detail, newestBackup });
  }

  /**
   * PRAGMA quick_check, one table at a time with a turn of the event loop between, so a large journal is
   * checked without holding up the calls that arrive meanwhile.
   */
  private async quickCheck(journal: Journal): Promise<void> {
    if (this.options.checkLive) {
      const problem = await this.options.checkLive(this.options.journalPath);
      if (problem && this.journal === journal) this.corrupted(new Error(`quick_check: ${problem}`), true);
      return;
    }
    try {
      const tables = journal.raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")
        .pluck()
        .all() as string[];
      for (const table of tables) {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.journal !== journal || !journal.raw.open) return;
        const verdict = journal.raw.pragma(`quick_check("${table.replace(/"/g, '""')}")`, { simple: true });
        if (verdict !== 'ok') {
          this.corrupted(new Error(`quick_check(${table}): ${String(verdict)}`), true);
          return;
        }
      }
    } catch (error) {
      if (isCorruption(error)) this.corrupted(error);
      else console.error('[journal] quick check could not run', error);
    }
  }

  /** A corruption error from any call, or the quick check: stop using the file and show the recovery screen. */
  private corrupted(error: unknown, found = false): void {
    if (this.state.kind !== 'open') return;
    console.error(`[journal] ${found ? 'the quick check found damage' : 'SQLite reported damage'}; the journal is now unavailable`, error);
    const journal = this.state.journal;
    this.state = { kind: 'unavailable', problem: describeProblem('corrupt', this.options.journalPath, { readable: true, newestBackup: this.newestBackupRef() }) };
    clearTimeout(this.dailyTimer);
    void journal.close().catch(() => {});
  }

  private scheduleDailyBackup(): void {
    clearTimeout(this.dailyTimer);
    const delay = this.options.dailyBackupDelayMs;
    if (delay === null || delay === undefined) return;
    this.dailyTimer = setTimeout(() => void this.dailyBackup().catch(() => {}), delay);
    this.dailyTimer.unref?.();
  }

  /** The first start of each day takes a backup (after the quick check found the file sound). */
  async dailyBackup(): Promise<boolean> {
    await this.checked;
    const journal = this.journal;
    if (!journal || journal.readonly || !this.backups.dueToday()) return false;
    try {
      await this.backups.create(journal.raw, 'daily');
      return true;
    } catch (error) {
      console.error('[journal] the daily backup failed', error);
      return false;
    }
  }

  /** Answers one call; never throws. */
  async call(name: unknown, input?: unknown): Promise<Result<unknown>> {
    if (typeof name === 'string' && (sessionCalls as readonly string[]).includes(name)) {
      const key = name as (typeof sessionCalls)[number];
      const parsed = contract[key].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: fromZod(parsed.error) };
      try {
        return { ok: true, value: await this.sessionCall(key, parsed.data as Record<string, unknown> | undefined) };
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
    }
    if (this.state.kind !== 'open') {
      if (typeof name !== 'string' || !Object.hasOwn(contract, name)) {
        return { ok: false, error: { code: 'unknown-call', message: 'Confidant does not know that request.' } };
      }
      return { ok: false, error: unavailable };
    }
    return this.state.journal.call(name, input);
  }

  private async sessionCall(key: (typeof sessionCalls)[number], input: Record<string, unknown> | undefined): Promise<unknown> {
    switch (key) {
      case 'journal.status':
        return this.status();
      case 'backups.list':
        return this.backups.overview();
      case 'backups.setFolder':
        this.backups.setFolder((input?.folder as string | null) ?? null);
        return this.backups.overview();
      case 'backups.create': {
        const journal = this.journal;
        if (!journal || journal.readonly) throw new JournalError('journal-unavailable', 'Only an open journal can be backed up. Restore a backup or open another journal first.');
        await this.backups.create(journal.raw, 'manual');
        return this.backups.overview();
      }
      case 'backups.restore':
      case 'recovery.restoreBackup': {
        const chosen = (input?.path as string | undefined) ?? this.backups.newest()?.path;
        if (!chosen) throw new JournalError('not-found', 'There is no verified backup to restore yet.');
        return this.exclusively(() => this.restore(chosen));
      }
      case 'recovery.openReadOnly':
        return this.exclusively(() => this.openReadOnly());
    }
  }

  private exclusively<T>(run: () => Promise<T>): Promise<T> {
    const next = this.exclusive.then(run);
    this.exclusive = next.catch(() => undefined);
    return next;
  }

  /**
   * Replaces the journal with a verified backup. The current file (with its -wal and -shm) is first moved
   * to a dated copy beside it, so nothing is lost if the backup turns out to be the wrong one.
   */
  async restore(backupPath: string): Promise<JournalStatus> {
    const known = this.backups.list().some((backup) => backup.path === backupPath);
    if (!known) throw new JournalError('not-found', 'That backup is not in the backup folder any more. Choose one from the list.');
    // It was verified (integrity_check) when taken; it is not checked again here, so a restore takes as long
    // as a copy. The quick check after opening looks at it once more, and a damaged one leads back to this
    // screen with the journal as it was kept as a dated copy.
    await this.closeJournal();
    const path = this.options.journalPath;
    const folder = dirname(path);
    const incoming = join(folder, `.${basename(path)}.restoring`);
    copyFileSync(backupPath, incoming, constants.COPYFILE_FICLONE);
    fsyncFile(incoming);
    if (existsSync(path) || existsSync(walPath(path))) {
      const stamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
      const keep = join(folder, `${basename(path, extname(path))} before restore ${stamp}${extname(path)}`);
      for (const [from, to] of [
        [path, keep],
        [walPath(path), walPath(keep)],
        [shmPath(path), shmPath(keep)],
      ] as const) {
        if (existsSync(from)) renameSync(from, to);
      }
    }
    renameSync(incoming, path);
    fsyncFile(folder);
    return this.open();
  }

  /** Opens a private copy of the journal with writes switched off, to read and export what is left. */
  async openReadOnly(): Promise<JournalStatus> {
    await this.closeJournal();
    const path = this.options.journalPath;
    const copyDir = mkdtempSync(join(tmpdir(), 'confidant-read-only-'));
    const copy = join(copyDir, basename(path));
    try {
      copyFileSync(path, copy);
      if (existsSync(walPath(path))) copyFileSync(walPath(path), walPath(copy));
      const binding = this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
      // The copy may be brought up to date (it is not the user's file); if even that fails, it is read as it is.
      const journalDb = await openJournal(copy, binding).catch(() => openJournal(copy, { ...binding, readonly: true }));
      journalDb.raw.pragma('query_only = ON');
      journalDb.readonly = true;
      const journal = new Journal(journalDb, { readSample: this.options.readSample });
      this.state = { kind: 'open', journal, readOnly: true, copyDir };
    } catch (error) {
      rmSync(copyDir, { recursive: true, force: true });
      throw new JournalError('io-error', `Even a read-only copy of the journal could not be opened (${sqliteCode(error) ?? (error instanceof Error ? error.message : String(error))}). Restore a backup instead.`);
    }
    return this.status();
  }

  private async closeJournal(): Promise<void> {
    clearTimeout(this.dailyTimer);
    const state = this.state;
    if (state.kind !== 'open') return;
    this.state = { kind: 'unavailable', problem: describeProblem('stopped', this.options.journalPath) };
    await state.journal.close().catch((error) => console.error('[journal] close failed', error));
    if (state.readOnly) rmSync(state.copyDir, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    await this.exclusive;
    await this.closeJournal();
  }
}


function toApiError(error: unknown): ApiError {
  if (error instanceof JournalError) return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  const mapped = describeSqliteError(error, 'write');
  if (mapped) return { code: mapped.code, message: mapped.message };
  console.error('[journal] recovery step failed', error);
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  return { code: 'io-error', message: `That did not work${code ? ` (${code})` : ''}. Your journal was left as it was; try again.` };
}
