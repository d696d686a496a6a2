// The journal session: what stands between a caller (the worker, the E2E harness) and the journal. It knows
// whether the journal is open, locked or unavailable, answers journal.status and the security.* calls in
// every state, and passes every other call to the open journal. While locked it holds no key and no
// connection: nothing of the journal can be read until a passphrase opens it again.
import { existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import { contract, type ApiError, type JournalProblem, type JournalStatus, type Result, type SecurityInfo } from '../../contract/contract.js';
import { securityCallNames, type SecurityCallName } from '../../contract/names.js';
import { openJournal, type JournalDb, type OpenOptions } from '../db/open.js';
import { JournalError } from '../errors.js';
import { describeError } from '../redact.js';
import { Journal, type JournalOptions } from '../journal/journal.js';
import { CIPHER, fileKind } from './cipher.js';
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
} from './keyfile.js';
import { encryptedBackup, encryptPlainJournal, rekeyJournal, resumeUpgrade, verifyBackup, type Progress } from './vault.js';

export interface SessionOptions {
  path: string;
  /** The OS keychain, or null where none protects a key (then a passphrase is required). */
  keychain: Keychain | null;
  journal: JournalOptions;
  open?: Omit<OpenOptions, 'key'>;
  /** How a wrong passphrase is slowed down; injectable so tests can see the delays without waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Upgrade progress (encrypting a plain journal). */
  progress?: Progress;
}

type State =
  | { kind: 'open'; journal: Journal; db: JournalDb; protection: 'passphrase' | 'os-keychain' }
  | { kind: 'locked'; setup: 'unlock' | 'new' | 'encrypt' }
  | { kind: 'unavailable'; problem: JournalProblem };

/** 1 s after the first wrong passphrase, doubling to 30 s: on top of scrypt's own cost per guess. */
export function wrongPassphraseDelay(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

const WRONG_PASSPHRASE = 'That passphrase does not unlock this journal. Check Caps Lock and try again; nothing was changed.';

export class JournalSession {
  private state: State = { kind: 'locked', setup: 'unlock' };
  private failures = 0;
  private readonly sleep: (ms: number) => Promise<void>;

  private constructor(private readonly options: SessionOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Looks at the journal and its key file and opens what it can without asking; never throws. */
  static async start(options: SessionOptions): Promise<JournalSession> {
    const session = new JournalSession(options);
    try {
      await session.begin();
    } catch (error) {
      session.state = { kind: 'unavailable', problem: session.problem('start-failed', 'Confidant could not open this journal', readable(error)) };
    }
    return session;
  }

  get path(): string {
    return this.options.path;
  }

  /** The open journal's database, for callers that must reach it (backups); null unless open. */
  get db(): JournalDb | null {
    return this.state.kind === 'open' ? this.state.db : null;
  }

  status(): JournalStatus {
    const { path } = this.options;
    const name = basename(path).replace(/\.sqlite$/, '');
    switch (this.state.kind) {
      case 'open':
        return { state: 'open', path, readOnly: false, name };
      case 'locked':
        return { state: 'locked', path, name, setup: this.state.setup };
      case 'unavailable':
        return { state: 'unavailable', problem: this.state.problem };
    }
  }

  /** Validates an untrusted call and runs it; never throws, every failure is a readable error. */
  async call(name: unknown, input?: unknown): Promise<Result<unknown>> {
    if (typeof name === 'string' && (securityCallNames as readonly string[]).includes(name)) {
      const key = name as SecurityCallName;
      const parsed = contract[key].input.safeParse(input);
      if (!parsed.success) {
        return failure({ code: 'invalid-input', message: parsed.error.issues[0]?.message ?? 'That input is not valid.' });
      }
      try {
        return { ok: true, value: await this.security(key, parsed.data as never) };
      } catch (error) {
        if (error instanceof JournalError) return failure({ code: error.code, message: error.message });
        // Only the call's name and the error's code: a message could quote a file name or SQL.
        console.error(`[security] ${key} failed: ${describeError(error)}`);
        return failure({ code: 'internal', message: 'Confidant could not finish that. Nothing was changed.' });
      }
    }
    switch (this.state.kind) {
      case 'open':
        return this.state.journal.call(name, input);
      case 'locked':
        return failure({ code: 'journal-locked', message: 'Your journal is locked. Unlock it to continue.' });
      case 'unavailable':
        return failure({ code: 'journal-unavailable', message: this.state.problem.message });
    }
  }

  /** Closes the journal (checkpointing its -wal); the session is then locked. */
  async close(): Promise<void> {
    if (this.state.kind === 'open') await this.state.journal.close();
    this.state = { kind: 'locked', setup: 'unlock' };
  }

  private async security(name: SecurityCallName, input: { passphrase?: string; current?: string; next?: string } | undefined): Promise<unknown> {
    switch (name) {
      case 'journal.status':
        return this.status();
      case 'security.info':
        return this.info();
      case 'security.unlock':
        return this.unlock(input?.passphrase ?? '');
      case 'security.lock':
        return this.lock();
      case 'security.setPassphrase':
        return this.setPassphrase(input?.passphrase ?? '');
      case 'security.changePassphrase':
        return this.changePassphrase(input?.current ?? '', input?.next ?? '');
    }
  }

  private async begin(): Promise<void> {
    const { path, keychain } = this.options;
    resumeUpgrade(path);
    const kind = fileKind(path);
    let keyFile: KeyFile | null;
    try {
      keyFile = readKeyFile(keyFilePath(path));
    } catch (error) {
      this.state = { kind: 'unavailable', problem: this.problem('key-missing', 'The journal\'s key file cannot be read', readable(error)) };
      return;
    }
    if (keyFile) {
      if (kind === 'missing' || kind === 'empty') {
        this.state = {
          kind: 'unavailable',
          problem: this.problem(
            'not-a-journal',
            'The journal file is missing',
            `The key file ${basename(keyFilePath(path))} is here, but the journal ${basename(path)} it opens is ${kind === 'empty' ? 'empty' : 'not'}. ` +
              'Confidant will not start a new journal in its place. Put the journal back beside its key file (or restore a backup), then restart.',
            ['restore-backup', 'open-another', 'show-in-folder', 'quit'],
          ),
        };
        return;
      }
      if (kind === 'plain') {
        // A plain journal with a key file beside it: the key file is left over from something else. The
        // journal is what counts; the key file is set aside (never deleted) when the journal is encrypted.
        this.state = keychain ? await this.encryptWithKeychain(keychain) : { kind: 'locked', setup: 'encrypt' };
        return;
      }
      if (keyFile.protection.kind === 'passphrase') {
        this.state = { kind: 'locked', setup: 'unlock' };
        return;
      }
      try {
        const key = await unwrapWithKeychain(keyFile, keychain);
        this.state = await this.openWith(key, 'os-keychain');
      } catch (error) {
        this.state = { kind: 'unavailable', problem: this.problem('key-missing', 'The system keychain did not unlock this journal', readable(error), ['restart', 'open-another', 'quit']) };
      }
      return;
    }
    if (kind === 'encrypted') {
      this.state = {
        kind: 'unavailable',
        problem: this.problem(
          'key-missing',
          'This journal\'s key file is missing',
          `${basename(path)} is encrypted, and its key file ${basename(keyFilePath(path))} is not beside it. Without it the journal cannot be read, ` +
            'so Confidant has not changed it and will not start a new journal over it. Put the key file back (from wherever you copied the journal, ' +
            'or from your backups: each backup has its key file beside it), then restart.',
          ['show-in-folder', 'open-another', 'restart', 'quit'],
        ),
      };
      return;
    }
    if (kind === 'plain') {
      this.state = keychain ? await this.encryptWithKeychain(keychain) : { kind: 'locked', setup: 'encrypt' };
      return;
    }
    // No journal yet.
    if (!keychain) {
      this.state = { kind: 'locked', setup: 'new' };
      return;
    }
    const key = newDataKey();
    try {
      writeKeyFile(keyFilePath(path), await wrapWithKeychain(path, key, keychain));
      this.state = await this.openWith(key, 'os-keychain');
    } finally {
      key.fill(0);
    }
  }

  private async encryptWithKeychain(keychain: Keychain): Promise<State> {
    const key = newDataKey();
    try {
      const keyFile = await wrapWithKeychain(this.options.path, key, keychain);
      await this.encrypt(key, keyFile);
      return await this.openWith(key, 'os-keychain');
    } finally {
      key.fill(0);
    }
  }

  private async encrypt(key: Buffer, keyFile: KeyFile): Promise<void> {
    const path = keyFilePath(this.options.path);
    if (existsSync(path)) renameSync(path, `${path}.set-aside-${Date.now()}`);
    await encryptPlainJournal(this.options.path, key, keyFile, this.options.progress);
  }

  /** Opens with the key, then zeroes the caller's copy: SQLite holds the key from here until close. */
  private async openWith(key: Buffer, protection: 'passphrase' | 'os-keychain'): Promise<State> {
    try {
      const db = await openJournal(this.options.path, { ...this.options.open, key });
      return { kind: 'open', db, journal: new Journal(db, this.options.journal), protection };
    } finally {
      key.fill(0);
    }
  }

  private async unlock(passphrase: string): Promise<JournalStatus> {
    if (this.state.kind !== 'locked' || this.state.setup !== 'unlock') return this.status();
    const main = keyFilePath(this.options.path);
    // The `.new` key file exists only if a passphrase change stopped between the rekey and the rename:
    // then one of the two opens the journal, and whichever does is kept.
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
      try {
        this.state = await this.openWith(key, 'passphrase');
      } catch (error) {
        if (error instanceof JournalError && error.code === 'wrong-key') continue;
        throw error;
      }
      if (candidate !== main) renameSync(candidate, main);
      this.failures = 0;
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
    // cipher context on close, and this session kept no copy (openWith zeroed it).
    await this.state.journal.close();
    this.state = { kind: 'locked', setup: 'unlock' };
    return this.status();
  }

  private async setPassphrase(passphrase: string): Promise<JournalStatus> {
    const { path } = this.options;
    if (this.state.kind === 'locked' && this.state.setup !== 'unlock') {
      const key = newDataKey();
      try {
        const keyFile = await wrapWithPassphrase(path, key, passphrase);
        if (this.state.setup === 'encrypt') await this.encrypt(key, keyFile);
        else writeKeyFile(keyFilePath(path), keyFile);
        this.state = await this.openWith(key, 'passphrase');
      } finally {
        key.fill(0);
      }
      return this.status();
    }
    if (this.state.kind === 'open' && this.state.protection === 'os-keychain') {
      // From the keychain to a passphrase: the same data key, wrapped the other way.
      const key = await unwrapWithKeychain(readKeyFile(keyFilePath(path)) as KeyFile, this.options.keychain);
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
    if (this.state.kind !== 'open' || this.state.protection !== 'passphrase') {
      throw new JournalError('conflict', 'This journal has no passphrase yet. Choose one with Set passphrase.');
    }
    const { path } = this.options;
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
    try {
      const backup = encryptedBackup(this.state.db.raw, path, `${path}.before-passphrase-change`);
      verifyBackup(backup.path, oldKey);
      writeKeyFile(`${main}.new`, await wrapWithPassphrase(path, newKey, next));
      rekeyJournal(this.state.db.raw, newKey);
      renameSync(`${main}.new`, main);
    } finally {
      oldKey.fill(0);
      newKey.fill(0);
    }
    return this.info();
  }

  private info(): SecurityInfo {
    const file = safeReadKeyFile(keyFilePath(this.options.path));
    const protection = file?.protection.kind ?? 'none';
    return {
      encrypted: file !== null,
      protection,
      keychain: this.options.keychain?.backend ?? null,
      cipher: CIPHER.label,
      kdf: file?.protection.kind === 'passphrase' ? { name: 'scrypt', N: file.protection.N, r: file.protection.r, p: file.protection.p } : file ? null : { name: 'scrypt', ...SCRYPT },
    };
  }

  private problem(kind: JournalProblem['kind'], title: string, message: string, choices: JournalProblem['choices'] = ['restart', 'quit']): JournalProblem {
    return { kind, title, message, path: this.options.path, choices, newestBackup: null };
  }
}

function safeReadKeyFile(path: string): KeyFile | null {
  try {
    return readKeyFile(path);
  } catch {
    return null;
  }
}

function readable(error: unknown): string {
  if (error instanceof JournalError) return error.message;
  return `Confidant could not open the journal (${errorCode(error)}). The file was not changed.`;
}

function errorCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error';
}

function failure(error: ApiError): Result<never> {
  return { ok: false, error };
}
