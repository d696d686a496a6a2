// Failures read as sentences with a way forward, chosen by SQLite's error code: a busy journal waits
// (BEGIN IMMEDIATE) and then says so, a full disk says so, and a failed read never talks about saving.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { describeSqliteError } from '../../src-main/core/db/sqlite-errors.js';
import { JournalSession } from '../../src-main/core/index.js';
import { describe, expect, newInteraction, readSampleFile, refusal, root, storedRows, test } from './helpers.js';

/** A second process that takes the journal's write lock, holds it for `ms`, then lets go. */
async function holdWriteLock(journalPath: string, ms: number): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, [
    '-e',
    `const D = require(${JSON.stringify(join(root, 'node_modules', 'better-sqlite3-multiple-ciphers'))});
     const db = new D(${JSON.stringify(journalPath)});
     db.exec('BEGIN IMMEDIATE'); db.prepare("INSERT INTO search_revision (scope, revision) VALUES ('people', 0) ON CONFLICT DO NOTHING").run();
     console.log('holding');
     setTimeout(() => { db.exec('COMMIT'); db.close(); console.log('released'); process.exit(0); }, ${ms});`,
  ]);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('holding') && resolve());
    child.stderr.on('data', (chunk) => reject(new Error(String(chunk))));
  });
  return child;
}

function start(journalPath: string, busyTimeoutMs?: number) {
  return JournalSession.start({ journalPath, readSample: async () => readSampleFile(), ...(busyTimeoutMs ? { busyTimeoutMs } : {}) });
}

describe('a journal another process holds', () => {
  test('for 2 seconds: the save waits for it and succeeds', async ({ journalPath }) => {
    const session = await start(journalPath);
    try {
      const child = await holdWriteLock(journalPath, 2000);
      let released = false;
      child.stdout.on('data', (chunk) => String(chunk).includes('released') && (released = true));
      const saved = await session.call('interactions.create', newInteraction({ newPeople: [{ name: 'Ada Obi' }] }));
      expect(saved).toMatchObject({ ok: true, value: { title: 'Quarterly planning' } });
      // The save could only go through once the other process had let go.
      await new Promise((resolve) => child.once('exit', resolve));
      expect(released).toBe(true);
    } finally {
      await session.close();
    }
  });

  test('for 10 seconds, longer than Confidant waits (5 s): a clear busy message, and nothing half-saved', { timeout: 60_000 }, async ({ journalPath }) => {
    // The app's own wait (busy_timeout 5 s), and a hold of 10 s as the issue describes it.
    const session = await start(journalPath);
    try {
      const before = storedRows(session.journal!.raw);
      const child = await holdWriteLock(journalPath, 10_000);
      const error = await refusal(session.journal!, 'interactions.create', newInteraction({ newPeople: [{ name: 'Ada Obi' }] }));
      expect(error).toEqual({
        code: 'journal-busy',
        message:
          'Another program is using your journal, and Confidant waited 5 seconds for it. Nothing was saved; what you typed is still in the form. ' +
          'Close the other program (a backup or sync tool, say) and try again.',
      });
      await new Promise((resolve) => child.once('exit', resolve));
      const after = storedRows(session.journal!.raw);
      expect(after).toEqual(before);
      // Once it let go, the same save goes through.
      expect(await session.call('interactions.create', newInteraction({ newPeople: [{ name: 'Ada Obi' }] }))).toMatchObject({ ok: true });
    } finally {
      await session.close();
    }
  });
});

describe('a full disk', () => {
  test('says the disk is full, keeps what was there, and the next save works once there is room', async ({ journalPath }) => {
    const session = await start(journalPath);
    try {
      const journal = session.journal!;
      const pages = journal.raw.pragma('page_count', { simple: true }) as number;
      // SQLite's own ceiling on the file's size stands in for a full disk: the write fails with SQLITE_FULL.
      journal.raw.pragma(`max_page_count = ${pages + 2}`);
      const before = storedRows(journal.raw);
      const error = await refusal(journal, 'interactions.create', newInteraction({ notes: 'x'.repeat(90_000), newPeople: [{ name: 'Ada Obi' }] }));
      expect(error.code).toBe('disk-full');
      expect(error.message).toBe('The disk is full, so Confidant could not save. Nothing was saved; what you typed is still in the form. Free some space, then try again.');
      expect(storedRows(journal.raw)).toEqual(before);
      journal.raw.pragma('max_page_count = 1073741823');
      expect(await session.call('interactions.create', newInteraction({ notes: 'x'.repeat(90_000), newPeople: [{ name: 'Ada Obi' }] }))).toMatchObject({ ok: true });
    } finally {
      await session.close();
    }
  });
});

describe('a journal that cannot be written', () => {
  test('says it is read-only and what to check', async ({ journalPath }) => {
    const session = await start(journalPath);
    try {
      const journal = session.journal!;
      // Tests run as root, which may write any file; query_only makes SQLite refuse writes with SQLITE_READONLY.
      journal.raw.pragma('query_only = ON');
      const error = await refusal(journal, 'people.create', { name: 'Ada Obi' });
      expect(error.code).toBe('read-only');
      expect(error.message).toMatch(/^Your journal cannot be written to: the file, its folder or the disk is read-only/);
      expect(error.message).toMatch(/Check the file’s permissions/);
    } finally {
      await session.close();
    }
  });
});

describe('SQLite error codes as sentences', () => {
  const codes = ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_NOTADB', 'SQLITE_IOERR', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN', 'SQLITE_NOMEM', 'SQLITE_TOOBIG'];

  test.each(codes)('%s: a sentence with a way forward; on a read it never talks about saving', (code) => {
    const read = describeSqliteError({ code, message: 'raw library text' }, 'read');
    const write = describeSqliteError({ code, message: 'raw library text' }, 'write');
    expect(read).not.toBeNull();
    expect(write).not.toBeNull();
    expect(read!.message).not.toMatch(/sav/i);
    expect(read!.message).not.toMatch(/raw library text/);
    expect(write!.message).toMatch(/\.$/);
    // Out of memory is the one failure that is the computer's, not the journal's: still a sentence, code internal.
    if (code !== 'SQLITE_NOMEM') expect(read!.code).not.toBe('internal');
  });

  test('the code decides, not the message text', () => {
    expect(describeSqliteError({ code: 'SQLITE_FULL', message: 'database is locked' }, 'write')?.code).toBe('disk-full');
    expect(describeSqliteError(new Error('database or disk is full'), 'write')).toBeNull();
  });
});
