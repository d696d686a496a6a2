// Every damaged-file case the recovery screen knows: the problem found, the ways out offered, and proof
// (hashes before and after) that a journal which failed to open was not changed, nor its -wal and -shm.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { JournalStatus } from '../../src-main/contract/journal-status.js';
import { LATEST_VERSION } from '../../src-main/core/db/migrations/index.js';
import { JournalSession } from '../../src-main/core/index.js';
import { vi } from 'vitest';
import { testKeychain } from '../test-keychain.js';
import { addPerson, call, describe, expect, newInteraction, readSampleFile, root, test } from './helpers.js';

// Each case builds a journal of a few hundred entries and opens it twice.
vi.setConfig({ testTimeout: 90_000 });

function hash(path: string): string | null {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null;
}

/** The journal, its -wal and its -shm, as hashes (null: not there). */
function fingerprint(path: string) {
  return { journal: hash(path), wal: hash(`${path}-wal`), shm: hash(`${path}-shm`) };
}

function start(journalPath: string, options: { busyTimeoutMs?: number } = {}) {
  return JournalSession.start({ journalPath, readSample: async () => readSampleFile(), ...options });
}

/** Starts a session on a file that must fail to open; returns the problem after the session closed again. */
async function failedOpen(journalPath: string, options: { busyTimeoutMs?: number } = {}) {
  const session = await start(journalPath, options);
  await session.checked;
  const status = session.status();
  const refused = await session.call('people.list');
  await session.close();
  if (status.state !== 'unavailable') throw new Error(`expected the journal to be unavailable, got ${status.state}`);
  return { problem: status.problem, refused };
}

/** A real journal with a few people and entries, closed cleanly. */
async function writeJournal(journalPath: string, entries = 5): Promise<void> {
  const session = await start(journalPath);
  const journal = session.journal!;
  // Seeding speed only (one fsync per entry adds up on a busy machine); the cases below are about reading.
  journal.raw.pragma('synchronous = OFF');
  const personId = await addPerson(journal, { name: 'Ada Lovelace' });
  for (let i = 0; i < entries; i += 1) {
    await call(journal, 'interactions.create', newInteraction({ title: `Entry ${i}`, notes: `Notes for entry ${i} `.repeat(40), personIds: [personId] }));
  }
  await session.close();
}

async function titles(journalPath: string): Promise<string[]> {
  const session = await start(journalPath);
  try {
    const journal = session.journal;
    if (!journal) throw new Error(`not open: ${JSON.stringify(session.status())}`);
    return (await call(journal, 'interactions.timeline', { limit: 200 })).entries.map((entry) => entry.title).sort();
  } finally {
    await session.close();
  }
}

describe('opening a journal that cannot be opened', () => {
  test('a journal whose schema page is damaged: found while opening, no -wal or -shm left beside it', async ({ journalPath }) => {
    await writeJournal(journalPath, 20);
    // Page 1 past its 100-byte header holds the schema: the first read of the journal fails on it, on the
    // read-only connection that checks the file before anything may write (a WAL file makes its -wal and
    // -shm to be read through; they must go again).
    const bytes = readFileSync(journalPath);
    bytes.fill(0x5a, 100, bytes.readUInt16BE(16));
    writeFileSync(journalPath, bytes);
    const before = fingerprint(journalPath);
    expect(before).toMatchObject({ wal: null, shm: null });

    const { problem } = await failedOpen(journalPath);
    expect(problem.kind).toBe('corrupt');
    expect(fingerprint(journalPath)).toEqual(before);
  });

  test('a corrupt journal: found by the quick check, offered restore and read-only, file unchanged', async ({ journalPath }) => {
    await writeJournal(journalPath, 200);
    // Damage a page in the middle of the file (the header says the page size; no SQLite connection needed).
    const bytes = readFileSync(journalPath);
    const pageSize = bytes.readUInt16BE(16);
    const page = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0x5a, page * pageSize, page * pageSize + pageSize);
    writeFileSync(journalPath, bytes);
    const before = fingerprint(journalPath);

    const { problem, refused } = await failedOpen(journalPath);
    expect(problem.kind).toBe('corrupt');
    expect(problem.choices).toEqual(['open-read-only', 'show-in-folder', 'open-another', 'quit']);
    expect(problem.message).toMatch(/cannot be read/);
    expect(refused).toMatchObject({ ok: false, error: { code: 'journal-unavailable' } });
    expect(fingerprint(journalPath)).toEqual(before);
  });

  test('a file that is not a database at all: not-a-journal, unchanged', async ({ journalPath }) => {
    writeFileSync(journalPath, 'Dear diary, this is a text file.\n'.repeat(20));
    const before = fingerprint(journalPath);
    const { problem } = await failedOpen(journalPath);
    expect(problem.kind).toBe('not-a-journal');
    expect(problem.choices).toEqual(['open-another', 'show-in-folder', 'quit']);
    expect(fingerprint(journalPath)).toEqual(before);
  });

  test('another program’s SQLite database: not-a-journal, unchanged', async ({ journalPath }) => {
    const raw = new BetterSqlite3(journalPath);
    raw.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT); INSERT INTO photos (file) VALUES ('a.jpg');");
    raw.close();
    const before = fingerprint(journalPath);
    const { problem } = await failedOpen(journalPath);
    expect(problem.kind).toBe('not-a-journal');
    expect(fingerprint(journalPath)).toEqual(before);
  });

  test('a journal from a newer Confidant: future-version, unchanged', async ({ journalPath }) => {
    await writeJournal(journalPath, 1);
    const raw = new BetterSqlite3(journalPath);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = fingerprint(journalPath);
    const { problem } = await failedOpen(journalPath);
    expect(problem.kind).toBe('future-version');
    expect(problem.choices).toEqual(['open-another', 'show-in-folder', 'quit']);
    expect(fingerprint(journalPath)).toEqual(before);
  });

  test('a journal another program holds locked: locked-by-other with Try again, unchanged', async ({ journalPath }) => {
    await writeJournal(journalPath, 3);
    const before = fingerprint(journalPath);
    // A second process takes the journal exclusively (as a database tool can) and keeps it.
    const holder = spawn(process.execPath, [
      '-e',
      `const D = require(${JSON.stringify(join(root, 'node_modules', 'better-sqlite3-multiple-ciphers'))});
       const db = new D(${JSON.stringify(journalPath)});
       db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE');
       console.log('holding'); setTimeout(() => {}, 60000);`,
    ]);
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk) => String(chunk).includes('holding') && resolve());
        holder.once('exit', (code) => reject(new Error(`the holder exited (${code})`)));
      });
      const { problem } = await failedOpen(journalPath, { busyTimeoutMs: 200 });
      expect(problem.kind).toBe('locked-by-other');
      expect(problem.choices).toEqual(['restart', 'open-read-only', 'show-in-folder', 'quit']);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    expect(fingerprint(journalPath).journal).toEqual(before.journal);
    // Once the other program let go, the same journal opens with every entry.
    expect(await titles(journalPath)).toEqual(['Entry 0', 'Entry 1', 'Entry 2']);
  });

  test('a journal whose folder is gone: missing-folder, and no folder is created', async ({ dir }) => {
    const journalPath = join(dir, 'Unplugged drive', 'journal.sqlite');
    const { problem } = await failedOpen(journalPath);
    expect(problem.kind).toBe('missing-folder');
    expect(problem.choices).toEqual(['restart', 'open-another', 'quit']);
    expect(existsSync(join(dir, 'Unplugged drive'))).toBe(false);
  });

  test('a zero-byte file Confidant did not make: empty-file, still zero bytes', async ({ journalPath }) => {
    writeFileSync(journalPath, '');
    const before = fingerprint(journalPath);
    const { problem } = await failedOpen(journalPath);
    expect(problem.kind).toBe('empty-file');
    expect(problem.choices).toEqual(['open-another', 'show-in-folder', 'quit']);
    expect(fingerprint(journalPath)).toEqual(before);
  });

  test('a -wal from another database beside the journal is moved aside byte for byte, and every entry is kept', async ({ dir, journalPath }) => {
    await writeJournal(journalPath, 4);
    // Another database with changes still in its -wal (its process crashed before a checkpoint).
    const other = join(dir, 'other.sqlite');
    const child = spawn(process.execPath, [
      '-e',
      `const D = require(${JSON.stringify(join(root, 'node_modules', 'better-sqlite3-multiple-ciphers'))});
       const db = new D(${JSON.stringify(other)}); db.pragma('journal_mode = WAL'); db.pragma('wal_autocheckpoint = 0');
       db.exec('CREATE TABLE other (x)'); for (let i = 0; i < 40; i++) db.prepare('INSERT INTO other VALUES (randomblob(3000))').run();
       process.exit(0);`,
    ]);
    await new Promise((resolve) => child.once('exit', resolve));
    copyFileSync(`${other}-wal`, `${journalPath}-wal`);
    const foreign = hash(`${journalPath}-wal`);
    const before = fingerprint(journalPath);

    const session = await start(journalPath);
    const status = session.status();
    const entries = (await call(session.journal!, 'interactions.timeline', { limit: 200 })).entries.map((entry) => entry.title).sort();
    await session.close();
    expect(entries).toEqual(['Entry 0', 'Entry 1', 'Entry 2', 'Entry 3']);
    const setAside = readdirSync(dir).filter((name) => name.startsWith('journal.sqlite-wal.set-aside-'));
    expect(setAside).toHaveLength(1);
    expect(hash(join(dir, setAside[0]!))).toBe(foreign);
    expect(before.journal).not.toBeNull();
    // The person is told, in a sentence: what was moved, where it is now, and what to do.
    if (status.state !== 'open') throw new Error(status.state);
    expect(status.notices).toHaveLength(1);
    const [notice] = status.notices!;
    expect(notice!.kind).toBe('wal-set-aside');
    expect(notice!.files.map((file) => basename(file)).sort()).toEqual(readdirSync(dir).filter((name) => name.includes('.set-aside-')).sort());
    expect(notice!.message).toContain(`Confidant moved it aside, unchanged, to “${setAside[0]}”`);
    expect(notice!.message).toContain(` in ${dir}; your journal opened with everything it held.`);
    expect(notice!.message).toMatch(/copy it again together with its -wal file/);
    // The next start has nothing to say.
    const again = await start(journalPath);
    expect(again.status()).not.toHaveProperty('notices');
    await again.close();
  });

  test('a -wal with no journal beside it is moved aside before a new journal is made', async ({ dir, journalPath }) => {
    writeFileSync(`${journalPath}-wal`, Buffer.alloc(4096, 7));
    const stray = hash(`${journalPath}-wal`);
    const session = await start(journalPath);
    const status = session.status();
    expect(status).toMatchObject({ state: 'open', readOnly: false });
    await session.close();
    const setAside = readdirSync(dir).filter((name) => name.startsWith('journal.sqlite-wal.set-aside-'));
    expect(setAside.map((name) => hash(join(dir, name)))).toEqual([stray]);
    expect(status).toMatchObject({ notices: [{ kind: 'wal-set-aside', title: 'A leftover file was moved aside', files: [join(dir, setAside[0]!)] }] });
    const message = (status as { notices: { message: string }[] }).notices[0]!.message;
    expect(message).toBe(
      `There was no journal at journal.sqlite, only its -wal file (a log of recent changes). Confidant moved it aside, unchanged, to “${setAside[0]}” in ${dir}, and started a new, empty journal. ` +
        'If your journal was moved or renamed, quit Confidant, put it back as journal.sqlite beside that file, and start again; or restore a backup from Settings.',
    );
  });

  test('a corrupt journal with a backup: restore is offered first, restores every entry, and keeps the damaged file as a dated copy', async ({ dir, journalPath }) => {
    await writeJournal(journalPath, 120);
    const session = await start(journalPath);
    await session.call('backups.create');
    await session.close();
    const bytes = readFileSync(journalPath);
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    bytes.fill(0xa5, Math.floor(pages / 2) * pageSize, Math.floor(pages / 2) * pageSize + pageSize);
    writeFileSync(journalPath, bytes);
    const damaged = hash(journalPath);

    const recovering = await start(journalPath);
    await recovering.checked;
    const status = recovering.status() as Extract<JournalStatus, { state: 'unavailable' }>;
    expect(status.problem.kind).toBe('corrupt');
    expect(status.problem.choices[0]).toBe('restore-backup');
    expect(status.problem.newestBackup).toMatchObject({ bytes: expect.any(Number) });

    const restored = await recovering.call('recovery.restoreBackup');
    expect(restored).toMatchObject({ ok: true, value: { state: 'open', readOnly: false } });
    expect((await call(recovering.journal!, 'journal.info')).interactions).toBe(120);
    await recovering.close();
    const copies = readdirSync(dir).filter((name) => name.startsWith('journal before restore ') && name.endsWith('.sqlite'));
    expect(copies.map((name) => hash(join(dir, name)))).toEqual([damaged]);
  });

  test('a journal with a damaged search index opened read-only: the rest can be read, nothing can be saved, the file is unchanged', async ({ dir, journalPath }) => {
    await writeJournal(journalPath, 200);
    // Find the search index's root page on a copy, so the journal itself is never opened by the test.
    const copy = join(dir, 'copy.sqlite');
    copyFileSync(journalPath, copy);
    const probe = new BetterSqlite3(copy, { readonly: true });
    const root = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'interactions_fts_data'").pluck().get() as number;
    probe.close();
    const bytes = readFileSync(journalPath);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, (root - 1) * pageSize, root * pageSize);
    writeFileSync(journalPath, bytes);
    const before = fingerprint(journalPath);

    const session = await start(journalPath);
    await session.checked;
    expect(session.status()).toMatchObject({ state: 'unavailable', problem: { kind: 'corrupt' } });
    expect(await session.call('recovery.openReadOnly')).toMatchObject({ ok: true, value: { state: 'open', readOnly: true } });
    expect(await session.call('people.list')).toMatchObject({ ok: true, value: [{ name: 'Ada Lovelace', interactionCount: 200 }] });
    expect(await session.call('interactions.timeline', { limit: 3 })).toMatchObject({ ok: true, value: { entries: [{ title: 'Entry 199' }, {}, {}] } });
    const search = await session.call('search.query', { query: 'notes' });
    expect(search).toMatchObject({ ok: false, error: { code: 'damaged', message: expect.stringMatching(/damaged/) } });
    const write = await session.call('people.create', { name: 'Grace Hopper' });
    expect(write).toMatchObject({ ok: false, error: { code: 'read-only', message: expect.stringMatching(/open read-only/) } });
    expect(session.status()).toMatchObject({ state: 'open', readOnly: true });
    await session.close();
    expect(fingerprint(journalPath)).toEqual(before);
  });
});

describe('an encrypted journal that cannot be opened as it is', () => {
  const secret = Buffer.alloc(32, 5);
  const startKeyed = (journalPath: string) => JournalSession.start({ journalPath, readSample: async () => readSampleFile(), keychain: testKeychain(secret) });

  async function writeEncrypted(journalPath: string, entries: number): Promise<void> {
    const session = await startKeyed(journalPath);
    session.journal!.raw.pragma('synchronous = OFF');
    const personId = await addPerson(session, { name: 'Ada Lovelace' });
    for (let i = 0; i < entries; i += 1) {
      await call(session, 'interactions.create', newInteraction({ title: `Entry ${i}`, notes: `Notes for entry ${i} `.repeat(40), personIds: [personId] }));
    }
    await session.close();
  }

  const keyed = (journalPath: string) => ({ ...fingerprint(journalPath), key: hash(`${journalPath}.key`) });

  test('a -wal from another database beside it is moved aside byte for byte, every entry kept, and the person told', async ({ dir, journalPath }) => {
    await writeEncrypted(journalPath, 4);
    const other = join(dir, 'other.sqlite');
    const child = spawn(process.execPath, [
      '-e',
      `const D = require(${JSON.stringify(join(root, 'node_modules', 'better-sqlite3-multiple-ciphers'))});
       const db = new D(${JSON.stringify(other)}); db.pragma('journal_mode = WAL'); db.pragma('wal_autocheckpoint = 0');
       db.exec('CREATE TABLE other (x)'); for (let i = 0; i < 40; i++) db.prepare('INSERT INTO other VALUES (randomblob(3000))').run();
       process.exit(0);`,
    ]);
    await new Promise((resolve) => child.once('exit', resolve));
    copyFileSync(`${other}-wal`, `${journalPath}-wal`);
    const foreign = hash(`${journalPath}-wal`);
    const journalBefore = hash(journalPath);

    const session = await startKeyed(journalPath);
    const status = session.status();
    const entries = session.journal ? (await call(session, 'interactions.timeline', { limit: 200 })).entries.map((entry) => entry.title).sort() : [];
    await session.close();
    expect(status).toMatchObject({ state: 'open', notices: [{ kind: 'wal-set-aside', title: 'A file that did not belong to your journal was moved aside' }] });
    expect(entries).toEqual(['Entry 0', 'Entry 1', 'Entry 2', 'Entry 3']);
    const setAside = readdirSync(dir).filter((name) => name.startsWith('journal.sqlite-wal.set-aside-'));
    expect(setAside.map((name) => hash(join(dir, name)))).toEqual([foreign]);
    // Before it was set aside nothing had touched the journal: the session then opened (and closed) it normally.
    expect(journalBefore).not.toBeNull();
  });

  test('a damaged page: corrupt, restore offered first, files and key file unchanged; the restore brings every entry back', async ({ journalPath }) => {
    await writeEncrypted(journalPath, 120);
    const first = await startKeyed(journalPath);
    expect((await first.call('backups.create')).ok).toBe(true);
    await first.close();
    // An encrypted file has no readable header: damage a page in the middle by its size (4096 bytes).
    const bytes = readFileSync(journalPath);
    const page = Math.floor(bytes.length / 4096 / 2);
    bytes.fill(0x5a, page * 4096, (page + 1) * 4096);
    writeFileSync(journalPath, bytes);
    const before = keyed(journalPath);

    const failed = await startKeyed(journalPath);
    await failed.checked;
    const status = failed.status();
    await failed.close();
    expect(status).toMatchObject({ state: 'unavailable', problem: { kind: 'corrupt', choices: ['restore-backup', 'open-read-only', 'show-in-folder', 'open-another', 'quit'] } });
    expect(keyed(journalPath)).toEqual(before);
    const session = await startKeyed(journalPath);
    await session.checked;
    const restored = await session.call('recovery.restoreBackup');
    expect(restored).toMatchObject({ ok: true, value: { state: 'open' } });
    expect((await call(session, 'interactions.timeline', { limit: 200 })).entries).toHaveLength(120);
    await session.close();
  });

  test('a damaged first page (where the key is checked) reads as damage with restore offered, never as a wrong key; unchanged', async ({ journalPath }) => {
    await writeEncrypted(journalPath, 20);
    const first = await startKeyed(journalPath);
    expect((await first.call('backups.create')).ok).toBe(true);
    await first.close();
    const bytes = readFileSync(journalPath);
    bytes.fill(0x5a, 100, 4096);
    writeFileSync(journalPath, bytes);
    const before = keyed(journalPath);
    const session = await startKeyed(journalPath);
    const status = session.status();
    await session.close();
    expect(status).toMatchObject({ state: 'unavailable', problem: { kind: 'corrupt', title: 'Your journal is damaged', choices: ['restore-backup', 'open-read-only', 'show-in-folder', 'open-another', 'quit'] } });
    expect((status as Extract<JournalStatus, { state: 'unavailable' }>).problem.message).toMatch(/its key file opened, but the journal does not open with that key/);
    expect(keyed(journalPath)).toEqual(before);
  });

  test('a passphrase journal with a damaged first page: the right passphrase leads to the damage, not to “check Caps Lock”', async ({ journalPath }) => {
    const passphrase = 'correct horse battery staple';
    const created = await JournalSession.start({ journalPath, readSample: async () => readSampleFile(), keychain: null, sleep: async () => {} });
    expect(await created.call('security.setPassphrase', { passphrase })).toMatchObject({ ok: true, value: { state: 'open' } });
    await addPerson(created, { name: 'Ada Lovelace' });
    await created.close();
    const bytes = readFileSync(journalPath);
    bytes.fill(0x5a, 100, 4096);
    writeFileSync(journalPath, bytes);
    const before = keyed(journalPath);
    const session = await JournalSession.start({ journalPath, readSample: async () => readSampleFile(), keychain: null, sleep: async () => {} });
    expect(session.status()).toMatchObject({ state: 'locked', setup: 'unlock' });
    expect(await session.call('security.unlock', { passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'wrong-key' } });
    expect(await session.call('security.unlock', { passphrase })).toMatchObject({ ok: true, value: { state: 'unavailable', problem: { kind: 'corrupt' } } });
    await session.close();
    expect(keyed(journalPath)).toEqual(before);
  });

  test('from a newer Confidant: future-version, unchanged', async ({ journalPath }) => {
    await writeEncrypted(journalPath, 1);
    const session = await startKeyed(journalPath);
    session.journal!.raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    await session.close();
    const before = keyed(journalPath);
    const again = await startKeyed(journalPath);
    const status = again.status();
    await again.close();
    expect(status).toMatchObject({ state: 'unavailable', problem: { kind: 'future-version', choices: ['open-another', 'show-in-folder', 'quit'] } });
    expect(keyed(journalPath)).toEqual(before);
  });
});

// Tests run as root here, and root reads and writes any file: the open runs in a child process without
// file-permission privileges instead (root with every capability dropped is held to the file's mode like any
// account), or as the test's own account when it is not root.
const unprivileged: string[] | null = (() => {
  if (process.getuid?.() !== 0) return [];
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));
  return setpriv ? [setpriv, '--inh-caps=-all', '--ambient-caps=-all', '--bounding-set=-all', '--'] : null;
})();

type ChildResult = { status: JournalStatus; refused: { ok: boolean; error?: { code: string } } };

/** Opens each journal (`path` or `path::secret`) in one such child; returns each status and what an ordinary call got. */
async function openWithoutPrivileges(journals: string[]): Promise<ChildResult[]> {
  const command = [...unprivileged!, process.execPath, '--import', 'tsx', join(root, 'tests', 'fixtures', 'safety', 'open-journal.ts'), ...journals];
  const child = spawn(command[0]!, command.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the child exited with ${code}: ${err}`);
  return JSON.parse(out);
}

describe.skipIf(unprivileged === null)('a journal this account may not use (skipped only where no setpriv can drop root’s privileges)', () => {
  const cases = [
    ['the journal file is not readable', 0o000, 0o755, ['restart', 'show-in-folder', 'open-another', 'quit']],
    ['the journal file is read-only', 0o444, 0o755, ['restart', 'open-read-only', 'show-in-folder', 'open-another', 'quit']],
    ['the folder may not be written (no room for the -wal)', 0o644, 0o555, ['restart', 'open-read-only', 'show-in-folder', 'open-another', 'quit']],
    ['the folder may not even be entered', 0o644, 0o000, ['restart', 'show-in-folder', 'open-another', 'quit']],
  ] as const;
  const secret = Buffer.alloc(32, 9);

  test('each case: no-permission with the choices that fit (never “key missing” or a new journal); journal, -wal, -shm and key file unchanged', async ({ dir }) => {
    // One child opens every case (a process start is the slow part here).
    const prepared: { name: string; folder: string; journalPath: string; fileMode: number; folderMode: number; before: unknown }[] = [];
    for (const [index, [name, fileMode, folderMode]] of cases.entries()) {
      const folder = join(dir, `journal folder ${index}`);
      mkdirSync(folder);
      const journalPath = join(folder, 'journal.sqlite');
      await writeJournal(journalPath, 3);
      prepared.push({ name, folder, journalPath, fileMode, folderMode, before: fingerprint(journalPath) });
    }
    const encryptedFolder = join(dir, 'encrypted');
    mkdirSync(encryptedFolder);
    const encryptedPath = join(encryptedFolder, 'journal.sqlite');
    const session = await JournalSession.start({ journalPath: encryptedPath, readSample: async () => readSampleFile(), keychain: testKeychain(secret) });
    await addPerson(session, { name: 'Ada Lovelace' });
    await session.close();
    const encryptedBefore = { ...fingerprint(encryptedPath), key: hash(`${encryptedPath}.key`) };

    for (const item of prepared) {
      chmodSync(item.journalPath, item.fileMode);
      chmodSync(item.folder, item.folderMode);
    }
    chmodSync(encryptedPath, 0o000);
    let results: ChildResult[];
    try {
      results = await openWithoutPrivileges([...prepared.map((item) => item.journalPath), `${encryptedPath}::${secret.toString('hex')}`]);
    } finally {
      for (const item of prepared) {
        chmodSync(item.folder, 0o755);
        chmodSync(item.journalPath, 0o644);
      }
      chmodSync(encryptedPath, 0o644);
    }

    for (const [index, item] of prepared.entries()) {
      const result = results[index]!;
      expect.soft(result.status, item.name).toMatchObject({ state: 'unavailable', problem: { kind: 'no-permission', title: 'Confidant may not use your journal', choices: cases[index]![3] } });
      const problem = (result.status as Extract<JournalStatus, { state: 'unavailable' }>).problem;
      expect.soft(problem.message, item.name).toMatch(/^This computer does not let Confidant read and write journal\.sqlite in .*journal folder \d\. Confidant has not changed the file\. Give your user read and write permission/);
      expect.soft(result.refused, item.name).toMatchObject({ ok: false, error: { code: 'journal-unavailable' } });
      expect.soft(fingerprint(item.journalPath), item.name).toEqual(item.before);
      expect.soft(readdirSync(item.folder).filter((file) => !file.startsWith('journal.sqlite')), item.name).toEqual([]);
    }
    const encrypted = results[prepared.length]!;
    expect(encrypted.status).toMatchObject({ state: 'unavailable', problem: { kind: 'no-permission', choices: ['restart', 'show-in-folder', 'open-another', 'quit'] } });
    expect({ ...fingerprint(encryptedPath), key: hash(`${encryptedPath}.key`) }).toEqual(encryptedBefore);
  });
});

describe('a new journal', () => {
  test('is built aside and moved into place whole, at the latest schema', async ({ dir, journalPath }) => {
    const session = await start(journalPath);
    expect(session.status()).toMatchObject({ state: 'open', name: 'journal' });
    expect((await call(session.journal!, 'journal.info')).schemaVersion).toBe(LATEST_VERSION);
    await session.close();
    expect(readdirSync(dir).filter((name) => name.includes('creating'))).toEqual([]);
  });

  test('in a folder that exists as a file refuses with missing-folder', async ({ dir }) => {
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'b'), 'x');
    const { problem } = await failedOpen(join(dir, 'a', 'b', 'journal.sqlite'));
    expect(problem.kind).toBe('missing-folder');
  });
});
