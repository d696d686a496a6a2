// Encryption at rest (#12), proved from the bytes on disk: every file Confidant writes is searched for
// unique markers typed into confidential and ordinary entries, names and search queries.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyCipherKey, fileKind } from '../../src-main/core/crypto/cipher.js';
import { keyFilePath, readKeyFile, SCRYPT, unwrapWithKeychain, unwrapWithPassphrase, wrapWithPassphrase } from '../../src-main/core/crypto/keyfile.js';
import { Kysely, SqliteDialect } from 'kysely';
import { LATEST_VERSION, migrations } from '../../src-main/core/db/migrations/index.js';
import { migrate } from '../../src-main/core/db/migrate.js';
import { wrongPassphraseDelay } from '../../src-main/core/recovery/session.js';
import { encryptedBackup, resumeUpgrade, upgradeFiles, type UpgradeStep } from '../../src-main/core/crypto/vault.js';
import { JournalSession, openJournal, type Keychain } from '../../src-main/core/index.js';
import { testKeychain } from '../test-keychain.js';
import { call, describe, expect, newInteraction, readSampleFile, refusal, test } from './helpers.js';
import { vi } from 'vitest';

// A passphrase costs one scrypt derivation (N=2^17, 128 MiB: about half a second on an idle core); a test
// here makes up to eight, which on a busy 2-core runner is more than the suite's default 20 s.
vi.setConfig({ testTimeout: 90_000 });

const PASSPHRASE = 'correct horse battery staple';

function markers() {
  const tag = randomBytes(6).toString('hex');
  return {
    name: `Zorvath${tag}`,
    confidential: `confidedsecret${tag}`,
    ordinary: `ordinarynote${tag}`,
    title: `Titleword${tag}`,
  };
}

/** Every file in the folder (journal, -wal, -shm, key file, backups), with the markers each one holds. */
function leaks(dir: string, words: string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    const hits = words.filter((word) => bytes.includes(word) || bytes.includes(Buffer.from(word, 'utf16le')));
    if (hits.length) found[name] = hits;
  }
  return found;
}

async function start(path: string, keychain: Keychain | null = null, extra: { delays?: number[]; steps?: UpgradeStep[] } = {}) {
  return JournalSession.start({
    journalPath: path,
    keychain,
    readSample: async () => readSampleFile(),
    sleep: async (ms) => {
      extra.delays?.push(ms);
    },
    progress: (step) => {
      if (extra.steps && extra.steps.at(-1) !== step) extra.steps.push(step);
    },
  });
}

async function writeMarkers(session: Pick<JournalSession, 'call'>, m: ReturnType<typeof markers>) {
  const person = await call(session, 'people.create', { name: m.name, notes: `${m.ordinary} about them` });
  await call(session, 'interactions.create', newInteraction({ title: m.title, notes: `${m.ordinary} in the open`, personIds: [person.id] }));
  await call(session, 'interactions.create', newInteraction({ title: 'Private talk', notes: `${m.confidential} said in confidence`, confidential: true, personIds: [person.id] }));
  // Search writes nothing, but reads the FTS index the writes above filled.
  const found = await call(session, 'search.query', { query: m.confidential, includeConfidential: true });
  expect(found.conversations.length).toBeGreaterThan(0);
}

function bytesOf(path: string): Buffer | null {
  return existsSync(path) ? readFileSync(path) : null;
}

describe('the cipher driver', () => {
  test('is SQLite3 Multiple Ciphers with FTS5, and a wrong key reads as a sentence', ({ dir }) => {
    const path = join(dir, 'x.sqlite');
    const key = randomBytes(32);
    const raw = new BetterSqlite3(path);
    applyCipherKey(raw, key);
    expect(String(raw.prepare('SELECT sqlite3mc_version()').pluck().get())).toMatch(/SQLite3 Multiple Ciphers/);
    raw.exec("CREATE VIRTUAL TABLE f USING fts5(x); INSERT INTO f VALUES ('needle')");
    raw.close();
    expect(fileKind(path)).toBe('encrypted');
    const wrong = new BetterSqlite3(path);
    expect(() => applyCipherKey(wrong, randomBytes(32))).toThrow(/does not open this journal/);
    wrong.close();
  });
});

describe('the key file', () => {
  test('holds the key only wrapped, and scrypt with the stated parameters', async ({ dir }) => {
    const key = randomBytes(32);
    const file = await wrapWithPassphrase(join(dir, 'journal.sqlite'), key, PASSPHRASE);
    const text = JSON.stringify(file);
    for (const form of [key.toString('hex'), key.toString('base64'), key.toString('base64url')]) expect(text).not.toContain(form);
    expect(Buffer.from(text).includes(key)).toBe(false);
    expect(file.protection).toMatchObject({ kind: 'passphrase', kdf: 'scrypt', N: SCRYPT.N, r: 8, p: 1 });
    expect((await unwrapWithPassphrase(file, PASSPHRASE)).equals(key)).toBe(true);
    await expect(unwrapWithPassphrase(file, 'Correct horse battery staple')).rejects.toThrow(/Check Caps Lock/);
    // Weakening the stored parameters does not give a cheaper way in: they are authenticated.
    if (file.protection.kind !== 'passphrase') throw new Error('expected a passphrase file');
    await expect(unwrapWithPassphrase({ ...file, protection: { ...file.protection, N: 2 ** 14 } }, PASSPHRASE)).rejects.toThrow(/does not unlock/);
  });

  test('slows wrong passphrases down, doubling to half a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(wrongPassphraseDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});

describe('a passphrase journal', () => {
  test('is set up, written, and leaves no marker in the journal, its -wal, -shm, key file or backup', async ({ dir, journalPath }) => {
    const m = markers();
    const session = await start(journalPath);
    expect(session.status()).toMatchObject({ state: 'locked', setup: 'new' });
    expect(existsSync(journalPath)).toBe(false);
    expect(await refusal(session, 'people.list', undefined)).toMatchObject({ code: 'journal-locked' });
    expect(await refusal(session, 'security.setPassphrase', { passphrase: 'short' })).toMatchObject({ code: 'invalid-input' });

    expect(await call(session, 'security.setPassphrase', { passphrase: PASSPHRASE })).toMatchObject({ state: 'open', name: 'journal' });
    await call(session, 'journal.loadSample');
    await writeMarkers(session, m);
    const sampleName = readSampleFile().people[0]?.name as string;
    const words = [m.name, m.confidential, m.ordinary, m.title, sampleName];

    // While open: the -wal holds every write so far, and must be as unreadable as the journal.
    expect(existsSync(`${journalPath}-wal`)).toBe(true);
    expect(statSync(`${journalPath}-wal`).size).toBeGreaterThan(0);
    const backup = encryptedBackup(session.db!.raw, journalPath, join(dir, 'backup.sqlite'));
    expect(leaks(dir, words)).toEqual({});
    expect(fileKind(backup.path)).toBe('encrypted');

    // The key file does not hold the key: unwrap it, and look for it in the file.
    const key = await unwrapWithPassphrase(readKeyFile(keyFilePath(journalPath))!, PASSPHRASE);
    const keyFileBytes = readFileSync(keyFilePath(journalPath));
    for (const form of [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64'))]) expect(keyFileBytes.includes(form)).toBe(false);

    // The backup opens with its own key file, and holds what the journal held.
    const restored = await openJournal(backup.path, { key: await unwrapWithPassphrase(readKeyFile(backup.keyFile)!, PASSPHRASE) });
    expect(restored.raw.prepare('SELECT count(*) FROM people WHERE name = ?').pluck().get(m.name)).toBe(1);
    await restored.close();

    await session.close();
    expect(leaks(dir, words)).toEqual({});
    // SQLite's backup API cannot key the file it creates, so it refuses rather than write a plain copy.
    const reopened = await openJournal(journalPath, { key });
    await expect(reopened.raw.backup(join(dir, 'api-backup.sqlite'))).rejects.toThrow(/incompatible/);
    await reopened.close();
  });

  test('opens locked, refuses a wrong passphrase without changing a byte, and unlocks with the right one', async ({ journalPath }) => {
    const m = markers();
    const first = await start(journalPath);
    await call(first, 'security.setPassphrase', { passphrase: PASSPHRASE });
    await writeMarkers(first, m);
    await first.close();

    const delays: number[] = [];
    const session = await start(journalPath, null, { delays });
    expect(session.status()).toMatchObject({ state: 'locked', setup: 'unlock' });
    expect(session.db).toBeNull();
    const before = { journal: bytesOf(journalPath), key: bytesOf(keyFilePath(journalPath)) };

    expect(await refusal(session, 'security.unlock', { passphrase: 'not it at all' })).toEqual({
      code: 'wrong-key',
      message: 'That passphrase does not unlock this journal. Check Caps Lock and try again; nothing was changed.',
    });
    expect(await refusal(session, 'security.unlock', { passphrase: PASSPHRASE.toUpperCase() })).toMatchObject({ code: 'wrong-key' });
    expect(delays).toEqual([1000, 2000]);
    expect(session.status().state).toBe('locked');
    expect({ journal: bytesOf(journalPath), key: bytesOf(keyFilePath(journalPath)) }).toEqual(before);

    expect(await call(session, 'security.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'open' });
    expect((await call(session, 'people.list')).map((person) => person.name)).toEqual([m.name]);
    expect(await call(session, 'security.info')).toEqual({
      encrypted: true,
      protection: 'passphrase',
      keychain: null,
      cipher: 'sqlcipher-4',
      kdf: { name: 'scrypt', ...SCRYPT },
    });

    // Lock now: the connection closes; nothing is readable until the passphrase is given again.
    expect(await call(session, 'security.lock')).toMatchObject({ state: 'locked', setup: 'unlock' });
    expect(session.db).toBeNull();
    expect(await refusal(session, 'interactions.timeline', {})).toMatchObject({ code: 'journal-locked' });
    expect(await call(session, 'security.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'open' });
    await session.close();
  });

  test('changes its passphrase with a new key, after a verified backup that still opens with the old one', async ({ dir, journalPath }) => {
    const m = markers();
    const NEXT = 'a different passphrase entirely';
    const session = await start(journalPath);
    await call(session, 'security.setPassphrase', { passphrase: PASSPHRASE });
    await writeMarkers(session, m);
    const oldKey = await unwrapWithPassphrase(readKeyFile(keyFilePath(journalPath))!, PASSPHRASE);

    const before = bytesOf(keyFilePath(journalPath));
    expect(await refusal(session, 'security.changePassphrase', { current: 'wrong passphrase', next: NEXT })).toMatchObject({
      code: 'wrong-key',
      message: 'That is not the current passphrase. Nothing was changed.',
    });
    expect(bytesOf(keyFilePath(journalPath))).toEqual(before);

    await call(session, 'security.changePassphrase', { current: PASSPHRASE, next: NEXT });
    expect((await call(session, 'people.list')).map((person) => person.name)).toEqual([m.name]);
    await session.close();

    // The old key no longer opens the journal; the backup taken first does open with it, and its key file.
    await expect(openJournal(journalPath, { key: Buffer.from(oldKey) })).rejects.toThrow(/does not open this journal/);
    const backupPath = `${journalPath}.before-passphrase-change`;
    const backupKey = await unwrapWithPassphrase(readKeyFile(`${backupPath}.key`)!, PASSPHRASE);
    expect(backupKey.equals(oldKey)).toBe(true);
    const backup = await openJournal(backupPath, { key: backupKey });
    expect(backup.raw.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(2);
    await backup.close();

    const again = await start(journalPath);
    expect(await refusal(again, 'security.unlock', { passphrase: PASSPHRASE })).toMatchObject({ code: 'wrong-key' });
    expect(await call(again, 'security.unlock', { passphrase: NEXT })).toMatchObject({ state: 'open' });
    await again.close();
    expect(leaks(dir, Object.values(m))).toEqual({});
  });

  test('with its key file lost, is explained and never replaced by a new empty journal', async ({ dir, journalPath }) => {
    const session = await start(journalPath);
    await call(session, 'security.setPassphrase', { passphrase: PASSPHRASE });
    await writeMarkers(session, markers());
    await session.close();
    renameSync(keyFilePath(journalPath), join(dir, 'elsewhere.key'));
    const before = readFileSync(journalPath);

    const lost = await start(journalPath, testKeychain());
    const status = lost.status();
    expect(status).toMatchObject({ state: 'unavailable', problem: { kind: 'key-missing', title: "This journal's key file is missing" } });
    if (status.state !== 'unavailable') throw new Error('expected unavailable');
    expect(status.problem.message).toMatch(/will not start a new journal over it/);
    expect(await refusal(lost, 'people.list', undefined)).toMatchObject({ code: 'journal-unavailable' });
    expect(await refusal(lost, 'security.setPassphrase', { passphrase: PASSPHRASE })).toMatchObject({ code: 'conflict' });
    await lost.close();
    expect(readFileSync(journalPath).equals(before)).toBe(true);
    expect(existsSync(keyFilePath(journalPath))).toBe(false);

    // Put back, it opens again.
    renameSync(join(dir, 'elsewhere.key'), keyFilePath(journalPath));
    const found = await start(journalPath);
    expect(await call(found, 'security.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'open' });
    await found.close();
  });
});

describe('a keychain journal', () => {
  test('opens without asking, is refused where the keychain cannot unwrap it, and moves to a passphrase', async ({ dir, journalPath }) => {
    const m = markers();
    const keychain = testKeychain();
    const session = await start(journalPath, keychain);
    expect(session.status()).toMatchObject({ state: 'open' });
    await writeMarkers(session, m);
    expect(readKeyFile(keyFilePath(journalPath))?.protection).toMatchObject({ kind: 'os-keychain', backend: 'test-keychain' });
    expect(await refusal(session, 'security.lock', undefined)).toMatchObject({ code: 'conflict', message: expect.stringMatching(/Locking needs a passphrase/) });
    await session.close();
    expect(leaks(dir, Object.values(m))).toEqual({});

    const otherUser = await start(journalPath, testKeychain());
    expect(otherUser.status()).toMatchObject({ state: 'unavailable', problem: { kind: 'key-missing' } });
    const noKeyring = await start(journalPath, null);
    expect(noKeyring.status()).toMatchObject({ state: 'unavailable', problem: { kind: 'key-missing', message: expect.stringMatching(/not available now/) } });

    const back = await start(journalPath, keychain);
    expect(await call(back, 'security.setPassphrase', { passphrase: PASSPHRASE })).toMatchObject({ state: 'open' });
    expect(await call(back, 'security.lock')).toMatchObject({ state: 'locked' });
    expect(await call(back, 'security.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'open' });
    expect((await call(back, 'people.list')).map((person) => person.name)).toEqual([m.name]);
    await back.close();
  });
});

describe('the plain copy export of an encrypted journal', () => {
  test('is a plain SQLite file with every row, written only where asked; the journal and its folder stay sealed', async ({ dir, journalPath }) => {
    const m = markers();
    const session = await start(journalPath, testKeychain());
    await writeMarkers(session, m);
    const file = await call(session, 'export.journalCopy');
    const bytes = Buffer.from((file.content as { base64: string }).base64, 'base64');
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    // Nothing plain was left behind in the journal's folder by the copy (the temp file lives elsewhere
    // and is overwritten before it is removed).
    expect(leaks(dir, Object.values(m))).toEqual({});
    const path = join(dir, '..', `plain-copy-${randomBytes(4).toString('hex')}.sqlite`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, bytes);
    const copy = new BetterSqlite3(path, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT name FROM people').pluck().all()).toEqual([m.name]);
      expect(copy.prepare('SELECT count(*) FROM interactions WHERE confidential = 1').pluck().get()).toBe(1);
    } finally {
      copy.close();
      rmSync(path, { force: true });
    }
    // The journal is still open under its key and still writable.
    await call(session, 'people.create', { name: 'After the copy' });
    await session.close();
    expect(fileKind(journalPath)).toBe('encrypted');
  });
});

describe('an existing plain journal', () => {
  async function plainJournal(path: string, m: ReturnType<typeof markers>) {
    const plain = await openJournal(path);
    const { Journal } = await import('../../src-main/core/index.js');
    const journal = new Journal(plain, { readSample: async () => readSampleFile() });
    await writeMarkers(journal, m);
    const counts = plain.raw.prepare('SELECT (SELECT count(*) FROM people) || \'/\' || (SELECT count(*) FROM interactions)').pluck().get();
    await journal.close();
    return counts;
  }

  test('is encrypted with a chosen passphrase, verified, and its plain copy removed', async ({ dir, journalPath }) => {
    const m = markers();
    const counts = await plainJournal(journalPath, m);
    expect(Object.keys(leaks(dir, [m.confidential]))).toEqual(['journal.sqlite']);

    const steps: UpgradeStep[] = [];
    const session = await start(journalPath, null, { steps });
    expect(session.status()).toMatchObject({ state: 'locked', setup: 'encrypt' });
    expect(await call(session, 'security.setPassphrase', { passphrase: PASSPHRASE })).toMatchObject({ state: 'open' });
    expect(steps).toEqual(['checking', 'copying', 'encrypting', 'verifying', 'removing-plain-copy', 'done']);
    expect(session.db!.raw.prepare('SELECT (SELECT count(*) FROM people) || \'/\' || (SELECT count(*) FROM interactions)').pluck().get()).toBe(counts);
    expect((await call(session, 'search.query', { query: m.confidential, includeConfidential: true })).conversations).toHaveLength(1);
    await session.close();

    expect(fileKind(journalPath)).toBe('encrypted');
    expect(readdirSync(dir).sort()).toEqual(['journal.sqlite', 'journal.sqlite.key']);
    expect(leaks(dir, Object.values(m))).toEqual({});
  });

  test('tells journal.status how far its encryption has got while it runs, and nothing once done', async ({ journalPath }) => {
    const m = markers();
    await plainJournal(journalPath, m);
    const seen: unknown[] = [];
    let session: JournalSession | null = null;
    session = await JournalSession.start({
      journalPath,
      keychain: null,
      readSample: async () => readSampleFile(),
      sleep: async () => {},
      // Asked the way the lock screen asks: journal.status, through the session, while the step runs.
      progress: () => void session?.call('journal.status').then((result) => seen.push(result.ok ? (result.value as { encrypting?: unknown }).encrypting : null)),
    });
    expect(await call(session, 'security.setPassphrase', { passphrase: PASSPHRASE })).toMatchObject({ state: 'open' });
    await new Promise((resolve) => setImmediate(resolve));
    const steps = (seen as ({ step: string; fraction: number } | undefined)[]).filter((entry) => entry !== undefined);
    expect(new Set(steps.map((entry) => entry.step))).toEqual(new Set(['checking', 'copying', 'encrypting', 'verifying', 'removing-plain-copy', 'done']));
    for (const entry of steps) {
      expect(entry.fraction).toBeGreaterThanOrEqual(0);
      expect(entry.fraction).toBeLessThanOrEqual(1);
    }
    expect((await call(session, 'journal.status')) as { encrypting?: unknown }).not.toHaveProperty('encrypting');
    await session.close();
  });

  test('is encrypted at start where a keychain holds the key', async ({ dir, journalPath }) => {
    const m = markers();
    await plainJournal(journalPath, m);
    const session = await start(journalPath, testKeychain());
    expect(session.status()).toMatchObject({ state: 'open' });
    expect((await call(session, 'people.list')).map((person) => person.name)).toEqual([m.name]);
    await session.close();
    expect(leaks(dir, Object.values(m))).toEqual({});
  });

  test('of an older version: its before-upgrade backup, plain when the migration took it, is sealed too', async ({ dir, journalPath }) => {
    const m = markers();
    // A plain journal one schema version behind, with a confidence in it.
    const raw = new BetterSqlite3(journalPath);
    const db = new Kysely({ dialect: new SqliteDialect({ database: raw }) });
    await migrate(db, migrations.slice(0, LATEST_VERSION - 1));
    raw.prepare("INSERT INTO people (name, notes, created_at, updated_at) VALUES (?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')").run(m.name, m.confidential);
    await db.destroy();

    const keychain = testKeychain();
    const session = await start(journalPath, keychain);
    expect(session.status()).toMatchObject({ state: 'open' });
    const overview = (await call(session, 'backups.list'));
    expect(overview.backups.map((backup) => backup.reason)).toEqual(['before-upgrade']);
    expect(overview.lastFailure).toBeNull();
    await session.close();

    const backups = join(dir, 'Confidant backups');
    const backup = overview.backups[0]!.path;
    expect(fileKind(backup)).toBe('encrypted');
    expect(leaks(backups, Object.values(m))).toEqual({});
    expect(leaks(dir, Object.values(m))).toEqual({});
    expect(readdirSync(backups).sort()).toEqual([overview.backups[0]!.name, `${overview.backups[0]!.name}.key`]);
    // It still is the journal as it was before the migration, and opens with the key beside it.
    const key = await unwrapWithKeychain(readKeyFile(`${backup}.key`)!, keychain);
    const copy = new BetterSqlite3(backup, { readonly: true });
    try {
      applyCipherKey(copy, key);
      expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION - 1);
      expect(copy.prepare('SELECT name FROM people').pluck().all()).toEqual([m.name]);
    } finally {
      copy.close();
    }
  });

  test('survives an upgrade interrupted before the swap (rolled back) and after it (finished)', async ({ dir, journalPath }) => {
    const m = markers();
    await plainJournal(journalPath, m);
    const files = upgradeFiles(journalPath);
    // Before the swap: a half-made encrypting copy. The plain journal is what still opens.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(files.encrypting, randomBytes(4096));
    expect(resumeUpgrade(journalPath)).toBe('rolled-back');
    expect(existsSync(files.encrypting)).toBe(false);
    expect(fileKind(journalPath)).toBe('plain');

    // Mid-swap: the plain original moved aside, the journal not yet in place: it is moved back.
    renameSync(journalPath, files.plainOriginal);
    expect(resumeUpgrade(journalPath)).toBe('rolled-back');
    expect(fileKind(journalPath)).toBe('plain');

    // After the swap: an encrypted journal in place and the plain original still there: it is removed.
    const session = await start(journalPath, null);
    await call(session, 'security.setPassphrase', { passphrase: PASSPHRASE });
    await session.close();
    writeFileSync(files.plainOriginal, `plain ${m.confidential}`);
    expect(resumeUpgrade(journalPath)).toBe('finished');
    expect(existsSync(files.plainOriginal)).toBe(false);
    expect(leaks(dir, Object.values(m))).toEqual({});
    rmSync(journalPath);
  });
});
