// The journal as the app holds it from start to quit: open (or read-only), locked (encrypted, #12: waiting
// for its passphrase), or unavailable with a problem the recovery screen can explain. The one session the
// worker and the E2E harness run: #9's inspection, quick check, backups and recovery, and #12's key file,
// cipher, unlock, lock and passphrase calls. It never throws and never dies: a journal that cannot be opened leaves the session
// answering `journal.status` and the recovery and backup calls, and every other call with
// `journal-unavailable`. The worker and the E2E harness both run one.
import { journalName, type EncryptionProgress, type JournalNotice, type JournalProblem, type JournalStatus } from '../../contract/journal-status.js';
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, mkdtempSync, openSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { contract, type ApiError, type Result, type SecurityInfo } from '../../contract/contract.js';
import { Backups, type Copy, type Verify } from '../backups/backups.js';
import { CIPHER, fileKind } from '../crypto/cipher.js';
import {
  keyFilePath,
  newDataKey,
  readKeyFile,
  SCRYPT,
  unwrapWithKeychain,
  unwrapWithPassphrase,
  wrapWithKeychain,
  wrapWithPassphrase,
  writeKeyFile,
  type KeyFile,
  type Keychain,
} from '../crypto/keyfile.js';
import { encryptedBackup, encryptPlainJournal, rekeyJournal, resumeUpgrade, verifyBackup as verifyEncrypted, type Progress } from '../crypto/vault.js';
import { fsyncFile, JournalOpenError, openJournal } from '../db/open.js';
import { describeError } from '../redact.js';
import { shmPath, walPath } from '../db/inspect.js';
import { describeSqliteError, isCorruption, sqliteCode } from '../db/sqlite-errors.js';
import { JournalError } from '../errors.js';
import type { SpawnImportThread } from '../import/import.js';
import { Journal, sessionCalls } from '../journal/journal.js';
import { fromZod } from '../journal/validation.js';
import { describeProblem, describeSetAside } from './problems.js';

export interface SessionOptions {
  journalPath: string;
  readSample: () => Promise<unknown>;
  nativeBinding?: string;
  busyTimeoutMs?: number;
  verify?: Verify;
  /** Takes backup copies somewhere else (the worker: a thread with its own connection; see Backups). */
  copy?: Copy;
  /** Runs the quick check after start somewhere else (the worker: a thread with its own read-only connection). */
  checkLive?: Verify;
  now?: () => Date;
  /**
   * Take the day's first backup this long after a successful start (off the start-up path). Null: only on
   * request. The worker uses a few seconds; tests call `dailyBackup()` themselves.
   */
  dailyBackupDelayMs?: number | null;
  /**
   * #12: the OS keychain, or null where none protects a key (then a passphrase is required: a new or
   * plain journal waits, locked, for one to be chosen). Left out, a plain journal stays plain: tools,
   * benches and #9's safety tests. The app (worker) always passes a keychain or null.
   */
  keychain?: Keychain | null;
  /** How a wrong passphrase is slowed down; injectable so tests can see the delays without waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Upgrade progress (encrypting a plain journal). */
  progress?: Progress;
  /** Starts an import's write thread (see core/import/commit.ts); left out, imports write on the journal's thread. */
  importThread?: SpawnImportThread | null;
}

type Protection = 'passphrase' | 'os-keychain' | 'none';

type State =
  | { kind: 'open'; journal: Journal; readOnly: false; protection: Protection }
  | { kind: 'open'; journal: Journal; readOnly: true; copyDir: string; protection: Protection }
  | { kind: 'locked'; setup: 'unlock' | 'new' | 'encrypt' }
  | { kind: 'unavailable'; problem: JournalProblem };

/** 1 s after the first wrong passphrase, doubling to 30 s: on top of scrypt's own cost per guess. */
export function wrongPassphraseDelay(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

const WRONG_PASSPHRASE = 'That passphrase does not unlock this journal. Check Caps Lock and try again; nothing was changed.';

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
  /** Recovery and security steps (restore, read-only, unlock, lock, passphrases) wait for each other. */
  private exclusive: Promise<unknown> = Promise.resolve();
  /** A damaged journal's close, begun when the damage was found: whatever touches the file next waits for it. */
  private abandoned: Promise<void> = Promise.resolve();
  /**
   * The data key of the open encrypted journal: SQLite holds it too; this copy lets backups be verified
   * with it and a damaged journal be read from a rescue copy. Zeroed on lock and close.
   */
  private key: Buffer | null = null;
  private failures = 0;
  /** How far the encryption of a plain journal has got, while it runs (#12's upgrade). */
  private encrypting: EncryptionProgress | null = null;
  /** What opening did that the person must hear about (a -wal moved aside); cleared by the next open. */
  private notices: JournalNotice[] = [];
  private readonly sleep: (ms: number) => Promise<void>;

  private constructor(private readonly options: SessionOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.backups = new Backups(options.journalPath, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.verify ? { verify: options.verify } : {}),
      ...(options.copy ? { copy: options.copy } : {}),
      ...(options.now ? { now: options.now } : {}),
      key: () => this.key,
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

  /** The open journal's connection, for callers that must reach it (tests, tools); null unless open. */
  get db(): { raw: Journal['raw'] } | null {
    return this.state.kind === 'open' ? { raw: this.state.journal.raw } : null;
  }

  status(): JournalStatus {
    const path = this.options.journalPath;
    if (this.state.kind === 'open') {
      const notices = this.state.readOnly ? [] : this.notices;
      return { state: 'open', path, readOnly: this.state.readOnly, name: journalName(path), ...(notices.length > 0 ? { notices } : {}) };
    }
    if (this.state.kind === 'locked') {
      return { state: 'locked', path, name: journalName(path), setup: this.state.setup, ...(this.encrypting ? { encrypting: { ...this.encrypting } } : {}) };
    }
    return { state: 'unavailable', problem: { ...this.state.problem, newestBackup: this.newestBackupRef() } };
  }

  private newestBackupRef() {
    const newest = this.backups.newest();
    return newest ? { path: newest.path, takenAt: newest.takenAt, bytes: newest.bytes } : null;
  }

  /**
   * (Re)opens the journal at its path: open, locked (a passphrase journal, or no keychain to hold a new
   * key), or unavailable with the reason. Never throws.
   */
  async open(): Promise<JournalStatus> {
    await this.closeJournal();
    this.forgetKey();
    this.notices = [];
    try {
      await this.begin();
    } catch (error) {
      this.state = { kind: 'unavailable', problem: this.problemFrom(error) };
    }
    return this.status();
  }

  /** #12's start: the key file decides whether the journal is encrypted, and how its key is unwrapped. */
  private async begin(): Promise<void> {
    const path = this.options.journalPath;
    const keychain = this.options.keychain ?? null;
    const encrypting = this.options.keychain !== undefined;
    try {
      resumeUpgrade(path);
    } catch {
      // Nothing to resume where the folder cannot be read; the inspection below explains the folder.
    }
    let kind: ReturnType<typeof fileKind>;
    try {
      kind = fileKind(path);
    } catch {
      // The path cannot be read at all (a folder that is a file, no permission): #9's inspection says why.
      await this.openPlain();
      return;
    }
    let keyFile: KeyFile | null;
    try {
      keyFile = readKeyFile(keyFilePath(path));
    } catch (error) {
      this.state = {
        kind: 'unavailable',
        problem: { ...this.problem('key-missing'), title: 'The journal\'s key file cannot be read', message: `The key file ${basename(keyFilePath(path))} cannot be read: ${readable(error)}` },
      };
      return;
    }
    if (keyFile) {
      if (kind === 'missing' || kind === 'empty') {
        this.state = {
          kind: 'unavailable',
          problem: {
            ...this.problem('not-a-journal'),
            title: 'The journal file is missing',
            message:
              `The key file ${basename(keyFilePath(path))} is here, but the journal ${basename(path)} it opens is ${kind === 'empty' ? 'empty' : 'not'}. ` +
              'Confidant will not start a new journal in its place. Put the journal back beside its key file (or restore a backup), then restart.',
          },
        };
        return;
      }
      if (kind === 'plain') {
        // A plain journal with a key file beside it: the key file is left over from something else. The
        // journal is what counts; the key file is set aside (never deleted) when the journal is encrypted.
        await this.startPlain(keychain);
        return;
      }
      if (keyFile.protection.kind === 'passphrase') {
        this.state = { kind: 'locked', setup: 'unlock' };
        return;
      }
      let key: Buffer;
      try {
        key = await unwrapWithKeychain(keyFile, keychain);
      } catch (error) {
        this.state = {
          kind: 'unavailable',
          problem: { ...this.problem('key-missing'), title: 'The system keychain did not unlock this journal', message: readable(error), choices: ['restart', 'open-another', 'quit'] },
        };
        return;
      }
      try {
        await this.openWith(key, 'os-keychain');
      } catch (error) {
        // The keychain gave back the key this key file holds (AES-GCM checked it), yet the journal does not
        // open with it: its first page is damaged (or the key file is another journal's). Not a wrong key.
        if (!(error instanceof JournalError && error.code === 'wrong-key')) throw error;
        this.state = { kind: 'unavailable', problem: this.unopenable() };
      }
      return;
    }
    if (kind === 'encrypted') {
      // No key file, and a file that is not plain SQLite: either an encrypted journal whose key file is
      // gone, or something that is not a journal at all. #9's inspection tells them apart where it can.
      await this.openPlain();
      // Where the session manages encryption, a missing key file is the likelier story, and the one whose
      // remedy (put the key file back) loses nothing; plain-only callers keep #9's not-a-journal.
      if (encrypting && this.state.kind === 'unavailable' && this.state.problem.kind === 'not-a-journal') {
        this.state = {
          kind: 'unavailable',
          problem: {
            ...this.problem('key-missing'),
            title: 'This journal\'s key file is missing',
            message:
              `${basename(path)} is encrypted, or is not a journal, and its key file ${basename(keyFilePath(path))} is not beside it. ` +
              'Confidant has not changed it and will not start a new journal over it. Put the key file back (from wherever you copied the journal, ' +
              'or from your backups: each backup has its key file beside it), then restart.',
            choices: ['show-in-folder', 'open-another', 'restart', 'quit'],
          },
        };
      }
      return;
    }
    if (!encrypting) {
      await this.openPlain();
      return;
    }
    if (kind === 'plain') {
      await this.startPlain(keychain);
      return;
    }
    // No journal yet (or an empty file: #9's inspection explains that one).
    if (kind === 'empty') {
      await this.openPlain();
      return;
    }
    if (!existsSync(dirname(path))) {
      await this.openPlain();
      return;
    }
    if (!keychain) {
      this.state = { kind: 'locked', setup: 'new' };
      return;
    }
    const key = newDataKey();
    writeKeyFile(keyFilePath(path), await wrapWithKeychain(path, key, keychain));
    await this.openWith(key, 'os-keychain');
  }

  /**
   * A plain journal: #9's inspection opens it first (a damaged, foreign or newer file is never changed);
   * only once it opened is it encrypted, after a verified backup (#12's upgrade).
   */
  private async startPlain(keychain: Keychain | null): Promise<void> {
    await this.openPlain();
    if (this.state.kind !== 'open') return;
    await this.checked;
    if (this.state.kind !== 'open') return;
    await this.closeJournal();
    if (!keychain) {
      this.state = { kind: 'locked', setup: 'encrypt' };
      return;
    }
    const key = newDataKey();
    try {
      await this.encrypt(key, await wrapWithKeychain(this.options.journalPath, key, keychain));
    } catch (error) {
      key.fill(0);
      throw error;
    }
    await this.openWith(key, 'os-keychain');
  }

  private async encrypt(key: Buffer, keyFile: KeyFile): Promise<void> {
    const path = keyFilePath(this.options.journalPath);
    if (existsSync(path)) renameSync(path, `${path}.set-aside-${Date.now()}`);
    // The lock screen asks journal.status while this runs (answered between the copy's steps) to show how far it is.
    const progress: Progress = (step, fraction) => {
      this.encrypting = { step, fraction };
      this.options.progress?.(step, fraction);
    };
    try {
      await encryptPlainJournal(this.options.journalPath, key, keyFile, progress);
    } finally {
      this.encrypting = null;
    }
    // Backups taken while it was plain (the before-upgrade copy of its migration) are sealed too.
    await this.backups.sealPlainBackups(key);
  }

  private openPlain(): Promise<void> {
    return this.openDb(undefined, 'none');
  }

  /** Opens with the key; the session keeps it (for backups) until lock or close, then zeroes it. */
  private async openWith(key: Buffer, protection: Protection): Promise<void> {
    try {
      await this.openDb(key, protection);
    } catch (error) {
      key.fill(0);
      throw error;
    }
    if (this.state.kind !== 'open') key.fill(0);
  }

  /** #9's open: inspected (plain) or keyed, migrated after a verified backup, then the quick check. */
  private async openDb(key: Buffer | undefined, protection: Protection): Promise<void> {
    const path = this.options.journalPath;
    try {
      const journalDb = await openJournal(path, {
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        ...(this.options.busyTimeoutMs !== undefined ? { busyTimeoutMs: this.options.busyTimeoutMs } : {}),
        ...(key ? { key } : {}),
        // Every migration starts from a verified copy of the journal as it was.
        beforeMigrate: async (raw) => {
          await this.backups.create(raw, 'before-upgrade');
        },
      });
      for (const moved of journalDb.setAside) console.warn(`[journal] set aside ${basename(moved)}: it did not belong to this journal`);
      if (journalDb.setAsideReason) this.notices = [describeSetAside(path, journalDb.setAside, journalDb.setAsideReason)];
      let journal: Journal;
      try {
        journal = new Journal(journalDb, {
          readSample: this.options.readSample,
          onCorruption: (error) => this.corrupted(error),
          dataKey: () => this.key,
          ...(this.options.importThread ? { importThread: this.options.importThread } : {}),
          ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        });
      } catch (error) {
        // The journal reads at construction (an unfinished import is undone); if that read finds damage,
        // the connection is closed here, which takes back the -wal and -shm it made: the file stays as it was.
        await journalDb.close();
        throw error;
      }
      this.key = key ?? null;
      this.state = { kind: 'open', journal, readOnly: false, protection };
      this.checked = this.quickCheck(journal);
      this.scheduleDailyBackup();
    } catch (error) {
      // A wrong key is the caller's to report (unlock says so in words); everything else is a problem.
      if (error instanceof JournalError && error.code === 'wrong-key') throw error;
      this.state = { kind: 'unavailable', problem: this.problemFrom(error) };
    }
  }

  /** A journal its own, verified key does not open: damaged where the key is checked (its first page). */
  private unopenable(): JournalProblem {
    return describeProblem('corrupt', this.options.journalPath, {
      readable: false,
      newestBackup: this.newestBackupRef(),
      detail: 'its key file opened, but the journal does not open with that key: its first page is damaged, or the key file belongs to another journal',
    });
  }

  private problem(kind: JournalProblem['kind']): JournalProblem {
    return describeProblem(kind, this.options.journalPath, { newestBackup: this.newestBackupRef() });
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
    // Its kind and code only: a message may quote a path or text.
    console.error(`[journal] could not open: ${describeError(error)}`);
    const detail = readable(error);
    return describeProblem('start-failed', path, { detail, newestBackup });
  }

  /**
   * PRAGMA quick_check, one table at a time with a turn of the event loop between, so a large journal is
   * checked without holding up the calls that arrive meanwhile.
   */
  private async quickCheck(journal: Journal): Promise<void> {
    if (this.options.checkLive) {
      const problem = await this.options.checkLive(this.options.journalPath, this.key ?? undefined);
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
      else console.error(`[journal] quick check could not run: ${describeError(error)}`);
    }
  }

  /** A corruption error from any call, or the quick check: stop using the file and show the recovery screen. */
  private corrupted(error: unknown, found = false): void {
    if (this.state.kind !== 'open') return;
    console.error(`[journal] ${found ? 'the quick check found damage' : 'SQLite reported damage'}; the journal is now unavailable: ${describeError(error)}`);
    const journal = this.state.journal;
    this.state = { kind: 'unavailable', problem: describeProblem('corrupt', this.options.journalPath, { readable: true, newestBackup: this.newestBackupRef() }) };
    clearTimeout(this.dailyTimer);
    // Not awaited by the call that found the damage (it answers at once), but closeJournal waits for it, so
    // a restore, a reopen or quitting never runs while this connection still holds the -wal and -shm.
    this.abandoned = journal.close().catch(() => {});
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
      console.error(`[journal] the daily backup failed: ${describeError(error)}`);
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
      if (this.state.kind === 'locked') return { ok: false, error: { code: 'journal-locked', message: 'Your journal is locked. Unlock it to continue.' } };
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
      case 'security.info':
        return this.info();
      case 'security.unlock':
        return this.exclusively(() => this.unlock(String(input?.passphrase ?? '')));
      case 'security.lock':
        return this.exclusively(() => this.lock());
      case 'security.setPassphrase':
        return this.exclusively(() => this.setPassphrase(String(input?.passphrase ?? '')));
      case 'security.changePassphrase':
        return this.exclusively(() => this.changePassphrase(String(input?.current ?? ''), String(input?.next ?? '')));
    }
  }

  private async unlock(passphrase: string): Promise<JournalStatus> {
    if (this.state.kind !== 'locked' || this.state.setup !== 'unlock') return this.status();
    const main = keyFilePath(this.options.journalPath);
    // The `.new` key file exists only if a passphrase change stopped between the rekey and the rename:
    // then one of the two opens the journal, and whichever does is kept.
    let unwrapped = false;
    for (const candidate of [main, `${main}.new`]) {
      const file = readKeyFile(candidate);
      if (!file || file.protection.kind !== 'passphrase') continue;
      let key: Buffer;
      try {
        key = await unwrapWithPassphrase(file, passphrase);
      } catch (error) {
        if (error instanceof JournalError && error.code === 'wrong-key') continue;
        throw error;
      }
      unwrapped = true;
      try {
        await this.openWith(key, 'passphrase');
      } catch (error) {
        if (error instanceof JournalError && error.code === 'wrong-key') continue;
        throw error;
      }
      if (candidate !== main && (this.state as State).kind === 'open') renameSync(candidate, main);
      this.failures = 0;
      return this.status();
    }
    if (unwrapped) {
      // The passphrase was right (it unwrapped a key file), but no key it gave opens the journal.
      this.failures = 0;
      this.state = { kind: 'unavailable', problem: this.unopenable() };
      return this.status();
    }
    this.failures += 1;
    await this.sleep(wrongPassphraseDelay(this.failures));
    throw new JournalError('wrong-key', WRONG_PASSPHRASE);
  }

  private async lock(): Promise<JournalStatus> {
    if (this.state.kind !== 'open') return this.status();
    if (this.state.protection !== 'passphrase') {
      throw new JournalError(
        'conflict',
        'Locking needs a passphrase: the system keychain opens this journal for anyone signed in as you. Choose a passphrase in Settings › Security first.',
      );
    }
    // Closing the connection is what takes the key out of memory: SQLite3 Multiple Ciphers wipes its
    // cipher context on close, and closeJournal zeroes this session's copy.
    await this.closeJournal();
    this.state = { kind: 'locked', setup: 'unlock' };
    return this.status();
  }

  private async setPassphrase(passphrase: string): Promise<JournalStatus> {
    const path = this.options.journalPath;
    if (this.state.kind === 'locked' && this.state.setup !== 'unlock') {
      const key = newDataKey();
      try {
        const keyFile = await wrapWithPassphrase(path, key, passphrase);
        if (this.state.setup === 'encrypt') await this.encrypt(key, keyFile);
        else writeKeyFile(keyFilePath(path), keyFile);
      } catch (error) {
        key.fill(0);
        throw error;
      }
      await this.openWith(key, 'passphrase');
      return this.status();
    }
    if (this.state.kind === 'open' && !this.state.readOnly && this.state.protection === 'os-keychain') {
      // From the keychain to a passphrase: the same data key, wrapped the other way.
      const key = await unwrapWithKeychain(readKeyFile(keyFilePath(path)) as KeyFile, this.options.keychain ?? null);
      try {
        writeKeyFile(keyFilePath(path), await wrapWithPassphrase(path, key, passphrase));
      } finally {
        key.fill(0);
      }
      this.state = { ...this.state, protection: 'passphrase' };
      return this.status();
    }
    throw new JournalError('conflict', 'This journal already has a passphrase. Use Change passphrase to choose a new one.');
  }

  /**
   * A new passphrase and a new data key: an old copy of the key file, with the old passphrase, then no
   * longer opens the journal. A backup under the old key (with its key file) is taken and verified first.
   */
  private async changePassphrase(current: string, next: string): Promise<SecurityInfo> {
    if (this.state.kind !== 'open' || this.state.readOnly || this.state.protection !== 'passphrase') {
      throw new JournalError('conflict', 'This journal has no passphrase yet. Choose one with Set passphrase.');
    }
    const path = this.options.journalPath;
    const main = keyFilePath(path);
    let oldKey: Buffer;
    try {
      oldKey = await unwrapWithPassphrase(readKeyFile(main) as KeyFile, current);
    } catch (error) {
      if (error instanceof JournalError && error.code === 'wrong-key') {
        this.failures += 1;
        await this.sleep(wrongPassphraseDelay(this.failures));
        throw new JournalError('wrong-key', 'That is not the current passphrase. Nothing was changed.');
      }
      throw error;
    }
    this.failures = 0;
    const newKey = newDataKey();
    const raw = this.state.journal.raw;
    try {
      const backup = encryptedBackup(raw, path, `${path}.before-passphrase-change`);
      verifyEncrypted(backup.path, oldKey);
      writeKeyFile(`${main}.new`, await wrapWithPassphrase(path, newKey, next));
      rekeyJournal(raw, newKey);
      renameSync(`${main}.new`, main);
      this.key?.fill(0);
      this.key = Buffer.from(newKey);
    } finally {
      oldKey.fill(0);
      newKey.fill(0);
    }
    return this.info();
  }

  private info(): SecurityInfo {
    let file: KeyFile | null = null;
    try {
      file = readKeyFile(keyFilePath(this.options.journalPath));
    } catch {
      file = null;
    }
    const protection = file?.protection.kind ?? 'none';
    return {
      encrypted: file !== null,
      protection,
      keychain: this.options.keychain?.backend ?? null,
      cipher: CIPHER.label,
      kdf: file?.protection.kind === 'passphrase' ? { name: 'scrypt', N: file.protection.N, r: file.protection.r, p: file.protection.p } : file ? null : { name: 'scrypt', ...SCRYPT },
    };
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
    // An encrypted backup has its key file beside it (`<backup>.key`): the journal and its key go back together.
    const backupKey = `${backupPath}.key`;
    const incomingKey = existsSync(backupKey) ? `${incoming}.key` : null;
    if (incomingKey) {
      copyFileSync(backupKey, incomingKey);
      fsyncFile(incomingKey);
    }
    if (existsSync(path) || existsSync(walPath(path))) {
      const stamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
      const keep = join(folder, `${basename(path, extname(path))} before restore ${stamp}${extname(path)}`);
      for (const [from, to] of [
        [path, keep],
        [walPath(path), walPath(keep)],
        [shmPath(path), shmPath(keep)],
        [keyFilePath(path), keyFilePath(keep)],
      ] as const) {
        if (existsSync(from)) renameSync(from, to);
      }
    }
    if (existsSync(keyFilePath(path))) renameSync(keyFilePath(path), `${keyFilePath(path)}.before-restore-${Date.now()}`);
    if (incomingKey) renameSync(incomingKey, keyFilePath(path));
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
      // An encrypted journal is read with the key the session still holds (it went unavailable while open).
      const binding = { ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}), ...(this.key ? { key: this.key } : {}) };
      if (!this.key && fileKind(path) === 'encrypted') throw new JournalError('journal-locked', 'An encrypted journal can only be read once it is unlocked. Restart Confidant and unlock it first.');
      // The copy may be brought up to date (it is not the user's file); if even that fails, it is read as it is.
      const journalDb = await openJournal(copy, binding).catch(() => openJournal(copy, { ...binding, readonly: true }));
      journalDb.raw.pragma('query_only = ON');
      journalDb.readonly = true;
      const journal = new Journal(journalDb, { readSample: this.options.readSample, dataKey: () => this.key });
      this.state = { kind: 'open', journal, readOnly: true, copyDir, protection: this.key ? 'passphrase' : 'none' };
    } catch (error) {
      if (error instanceof JournalError && error.code === 'journal-locked') throw error;
      rmSync(copyDir, { recursive: true, force: true });
      throw new JournalError('io-error', `Even a read-only copy of the journal could not be opened (${sqliteCode(error) ?? (error instanceof Error ? error.message : String(error))}). Restore a backup instead.`);
    }
    return this.status();
  }

  private async closeJournal(): Promise<void> {
    clearTimeout(this.dailyTimer);
    await this.abandoned;
    const state = this.state;
    if (state.kind !== 'open') {
      if (state.kind === 'locked') this.forgetKey();
      return;
    }
    this.forgetKey();
    this.state = { kind: 'unavailable', problem: describeProblem('stopped', this.options.journalPath) };
    await state.journal.close().catch((error) => console.error(`[journal] close failed: ${describeError(error)}`));
    if (state.readOnly) rmSync(state.copyDir, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    await this.exclusive;
    await this.closeJournal();
    this.forgetKey();
  }

  private forgetKey(): void {
    this.key?.fill(0);
    this.key = null;
  }
}

function readable(error: unknown): string {
  if (error instanceof JournalError) return error.message;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return `Confidant could not open the journal (${typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error'}). The file was not changed.`;
}


function toApiError(error: unknown): ApiError {
  if (error instanceof JournalError) return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  const mapped = describeSqliteError(error, 'write');
  if (mapped) return { code: mapped.code, message: mapped.message };
  console.error(`[journal] recovery step failed: ${describeError(error)}`);
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  return { code: 'io-error', message: `That did not work${code ? ` (${code})` : ''}. Your journal was left as it was; try again.` };
}
