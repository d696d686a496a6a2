import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { migrate, schemaVersion } from '../../src-main/core/db/migrate.js';
import { LATEST_VERSION, migrations, type Migration } from '../../src-main/core/db/migrations/index.js';
import { JournalError, openJournal } from '../../src-main/core/index.js';
import { addInteraction, addPerson, call, describe, expect, openTestJournal, storedRows, test } from './helpers.js';

/** A bare Kysely over a file, without openJournal's automatic migration, to drive migrate() by hand. */
function bareDb(path: string) {
  const raw = new BetterSqlite3(path);
  return { raw, db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) }) };
}

function tableNames(raw: BetterSqlite3.Database): string[] {
  return raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
}

describe('a new journal', () => {
  test('is migrated to the latest schema version', async ({ journalDb }) => {
    expect(LATEST_VERSION).toBeGreaterThan(0);
    expect(await schemaVersion(journalDb.db)).toBe(LATEST_VERSION);
    expect(journalDb.raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  test('has every table and index the queries rely on', async ({ journalDb }) => {
    // FTS5 keeps each index in shadow tables of its own (…_data, …_idx, …): left out here, they are its business.
    const ours = tableNames(journalDb.raw).filter((name) => !/_fts_(config|content|data|docsize|idx)$/.test(name));
    expect(ours).toEqual([
      'interaction_people',
      'interactions',
      'interactions_fts',
      'interactions_vocab',
      'people',
      'people_fts',
      'person_tags',
      'search_revision',
    ]);
    const indexes = journalDb.raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual(['interaction_people_person', 'interactions_timeline', 'people_name', 'person_tags_tag']);
  });

  test('runs with WAL, full fsync, foreign keys and a busy timeout', async ({ journalDb }) => {
    const { raw } = journalDb;
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(raw.pragma('secure_delete', { simple: true })).toBe(1);
  });
});

describe('migration 1 (initial)', () => {
  test('keeps people and interactions across a close and reopen, without migrating again', async ({ journalPath }) => {
    const first = await openTestJournal(journalPath);
    const ada = await addPerson(first.journal, { name: 'Ada Lovelace', tags: ['mentor'], insideOrg: false });
    await addInteraction(first.journal, { title: 'Coffee at the lab', personIds: [ada], notes: 'Talked about engines.' });
    const before = storedRows(first.journalDb.raw);
    await first.journal.close();

    const second = await openTestJournal(journalPath);
    try {
      expect(storedRows(second.journalDb.raw)).toEqual(before);
      expect(await schemaVersion(second.journalDb.db)).toBe(LATEST_VERSION);
      const [entry] = (await call(second.journal, 'interactions.timeline', { limit: 10 })).entries;
      expect(entry).toMatchObject({ title: 'Coffee at the lab', people: [{ id: ada, name: 'Ada Lovelace' }] });
    } finally {
      await second.journal.close();
    }
  });
});

describe('a journal from a newer Confidant', () => {
  function writeFutureJournal(path: string): void {
    const raw = new BetterSqlite3(path);
    raw.exec(`
      CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
      INSERT INTO people (name) VALUES ('Grace Hopper');
      PRAGMA user_version = ${LATEST_VERSION + 1};
    `);
    raw.close();
  }

  test('is refused with a future-version error a person can read', async ({ journalPath }) => {
    writeFutureJournal(journalPath);
    const opening = openJournal(journalPath);
    await expect(opening).rejects.toBeInstanceOf(JournalError);
    await expect(opening).rejects.toMatchObject({
      code: 'future-version',
      message: expect.stringMatching(/newer version of Confidant.*Update Confidant/),
    });
  });

  test('is left byte for byte as it was', async ({ journalPath }) => {
    writeFutureJournal(journalPath);
    const before = readFileSync(journalPath);

    await expect(openJournal(journalPath)).rejects.toMatchObject({ code: 'future-version' });

    expect(readFileSync(journalPath).equals(before)).toBe(true);
    expect(existsSync(`${journalPath}-wal`)).toBe(false);
    const raw = new BetterSqlite3(journalPath, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(raw.prepare('SELECT name FROM people').pluck().all()).toEqual(['Grace Hopper']);
    } finally {
      raw.close();
    }
  });
});

describe('migrate', () => {
  const broken: Migration = {
    version: LATEST_VERSION + 1,
    name: 'broken',
    async up(db) {
      await sql`CREATE TABLE half_done (id INTEGER PRIMARY KEY)`.execute(db);
      throw new Error('disk on fire');
    },
  };

  test('rolls back a migration that fails half-way, leaving schema and version as they were', async ({ dir }) => {
    const { raw, db } = bareDb(join(dir, 'journal.sqlite'));
    try {
      expect(await migrate(db)).toBe(LATEST_VERSION);
      const tablesBefore = tableNames(raw);

      await expect(migrate(db, [...migrations, broken])).rejects.toThrow('disk on fire');

      expect(tableNames(raw)).not.toContain('half_done');
      expect(tableNames(raw)).toEqual(tablesBefore);
      expect(await schemaVersion(db)).toBe(LATEST_VERSION);
    } finally {
      await db.destroy();
    }
  });

  test('applies only the migrations newer than the file', async ({ dir }) => {
    const { db } = bareDb(join(dir, 'journal.sqlite'));
    const applied: string[] = [];
    const next: Migration = {
      version: LATEST_VERSION + 1,
      name: 'next',
      async up(trx) {
        applied.push('next');
        await sql`CREATE TABLE next_table (id INTEGER PRIMARY KEY)`.execute(trx);
      },
    };
    try {
      await migrate(db);
      expect(await migrate(db, [...migrations, next])).toBe(LATEST_VERSION + 1);
      expect(await migrate(db, [...migrations, next])).toBe(LATEST_VERSION + 1);
      expect(applied).toEqual(['next']);
    } finally {
      await db.destroy();
    }
  });

  test.for<[string, Migration[]]>([
    ['a repeated version', [...migrations, { ...broken, version: LATEST_VERSION }]],
    ['a gap between versions', [...migrations, { ...broken, version: LATEST_VERSION + 2 }]],
    ['a decreasing order', [...migrations].reverse().concat({ ...broken, version: 0 })],
  ])('refuses a list with %s before touching the file', async ([, list], { dir }) => {
    const { db } = bareDb(join(dir, 'journal.sqlite'));
    try {
      await expect(migrate(db, list)).rejects.toThrow(/has version .*; expected/);
      expect(await schemaVersion(db)).toBe(0);
    } finally {
      await db.destroy();
    }
  });
});
