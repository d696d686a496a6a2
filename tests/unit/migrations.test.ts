import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { migrate, schemaVersion } from '../../src-main/core/db/migrate.js';
import { screenIndexes } from '../../src-main/core/db/migrations/0010-performance.js';
import { asksByDate } from '../../src-main/core/db/migrations/0013-asks-by-date.js';
import { trashedEntries } from '../../src-main/core/db/migrations/0014-trashed-entries.js';
import { contactsByDate } from '../../src-main/core/db/migrations/0015-contacts-by-date.js';
import { LATEST_VERSION, migrations, type Migration } from '../../src-main/core/db/migrations/index.js';
import { JournalError, openJournal } from '../../src-main/core/index.js';
import { addInteraction, addPerson, call, describe, expect, openedFromPriorVersion, openTestJournal, storedRows, test } from './helpers.js';

/** A bare Kysely over a file, without openJournal's automatic migration, to drive migrate() by hand. */
function bareDb(path: string) {
  const raw = new BetterSqlite3(path);
  return { raw, db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) }) };
}

function tableNames(raw: BetterSqlite3.Database): string[] {
  return raw
    // sqlite_stat1 and the like are SQLite's own (PRAGMA optimize keeps the planner's statistics there).
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
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
      'ask_people',
      'asks',
      'associations',
      'attendance_goals',
      'calendar_occurrences',
      'calendar_sources',
      'co_attendance',
      'co_pairs',
      'commitments',
      'exchange_people',
      'exchanges',
      'give_first_dismissals',
      'import_mappings',
      'imports',
      'interaction_people',
      'interactions',
      'interactions_fts',
      'interactions_vocab',
      'introductions',
      'journal_counts',
      'link_dismissals',
      'people',
      'people_fts',
      'person_addresses',
      'person_contacts',
      'person_emails',
      'person_ims',
      'person_links',
      'person_nicknames',
      'person_phones',
      'person_reciprocity',
      'person_stats',
      'person_tags',
      'person_ties',
      'preferences',
      'search_revision',
      'thanks',
    ]);
    const indexes = journalDb.raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual([
      'ask_people_person', 'asks_asked', 'asks_interaction', 'associations_name', 'calendar_occurrences_interaction', 'calendar_occurrences_start', 'calendar_sources_name', 'co_attendance_interaction', 'co_pairs_b', 'co_pairs_rank', 'commitments_interaction', 'commitments_person', 'exchange_people_person',
      'exchanges_interaction', 'exchanges_occurred', 'interaction_people_person', 'interactions_association', 'interactions_events', 'interactions_live', 'interactions_timeline', 'interactions_trashed', 'introductions_on', 'people_import', 'people_name', 'person_contacts_date', 'person_emails_email', 'person_stats_first', 'person_tags_tag', 'person_ties_b', 'thanks_exchange',
    ]);
  });

  test('runs with WAL, full fsync, foreign keys, a busy timeout and temporary data in memory', async ({ journalDb }) => {
    const { raw } = journalDb;
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(raw.pragma('secure_delete', { simple: true })).toBe(1);
    expect(raw.pragma('temp_store', { simple: true })).toBe(2); // MEMORY: savepoints' sub-journals and sorts never touch a file
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

describe('migration 2 (reciprocity)', () => {
  test('opens a version 1 journal with data in it, adds the ledger tables, and keeps every row', async ({ dir }) => {
    const path = join(dir, 'journal.sqlite');
    // A journal as Confidant 1 left it: schema 1 only, with people, tags and an interaction.
    const { raw, db } = bareDb(path);
    await migrate(db, migrations.slice(0, 1));
    raw.exec(`
      INSERT INTO people (id, name, ally_role, cadence_days, created_at, updated_at)
        VALUES (1, 'Ada Lovelace', 'mentor', 30, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
      INSERT INTO person_tags (person_id, tag) VALUES (1, 'engines');
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, created_at, updated_at)
        VALUES (1, '2024-02-01T10:00:00.000Z', 'coffee', 'Coffee at the lab', 'Secret plans', 1, '2024-02-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z');
      INSERT INTO interaction_people (interaction_id, person_id) VALUES (1, 1);
    `);
    const before = storedRows(raw);
    expect(before.version).toBe(1);
    await db.destroy();

    const opened = await openTestJournal(path);
    try {
      const after = storedRows(opened.journalDb.raw);
      expect(after.version).toBe(LATEST_VERSION);
      expect({ ...after, version: 1 }).toMatchObject(before);
      expect(after).toMatchObject({ exchanges: [], asks: [], thanks: [], commitments: [] });
      // The old interaction takes new items on edit.
      const edited = await call(opened.journal, 'interactions.update', {
        id: 1, occurredAt: '2024-02-01T10:00:00.000Z', kind: 'coffee', title: 'Coffee at the lab', notes: 'Secret plans', confidential: true,
        personIds: [1], exchanges: [{ direction: 'received', kind: 'advice', description: 'How to pitch the engine' }],
      });
      expect(edited.exchanges).toMatchObject([{ direction: 'received', people: [{ id: 1 }] }]);
    } finally {
      await opened.journal.close();
    }
  });
});

describe('migration 4 (associations)', () => {
  test('opens a version 3 journal with data in it, adds associations and goals, and keeps every row', async ({ dir }) => {
    const path = join(dir, 'journal.sqlite');
    const { raw, db } = bareDb(path);
    await migrate(db, migrations.slice(0, 3));
    raw.exec(`
      INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Ada Lovelace', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, created_at, updated_at)
        VALUES (1, '2024-02-01T10:00:00.000Z', 'event', 'Circle breakfast', 'Met the CPO', 0, '2024-02-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z');
      INSERT INTO interaction_people (interaction_id, person_id) VALUES (1, 1);
      INSERT INTO exchanges (id, direction, kind, description, occurred_at, interaction_id, created_at, updated_at)
        VALUES (1, 'gave', 'advice', 'Roadmap tips', '2024-02-01T10:00:00.000Z', 1, '2024-02-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z');
    `);
    const before = storedRows(raw);
    expect(before.version).toBe(3);
    await db.destroy();

    const opened = await openTestJournal(path);
    try {
      const after = storedRows(opened.journalDb.raw);
      expect(after.version).toBe(LATEST_VERSION);
      expect({ ...after, version: 3 }).toMatchObject(before);
      expect(after).toMatchObject({ associations: [], attendanceGoals: [], interactions: [{ id: 1, association_id: null }] });
      // The old event can now be linked to an association, and counts as attended.
      const circle = await call(opened.journal, 'associations.create', { name: 'Product Leaders Circle', category: 'function', now: '2024-03-01T12:00:00.000Z' });
      await call(opened.journal, 'interactions.update', {
        id: 1, occurredAt: '2024-02-01T10:00:00.000Z', kind: 'event', title: 'Circle breakfast', notes: 'Met the CPO', personIds: [1], associationId: circle.id,
      });
      expect((await call(opened.journal, 'associations.get', { id: circle.id, now: '2024-03-01T12:00:00.000Z' })).events).toBe(1);
    } finally {
      await opened.journal.close();
    }
  });
});

describe('migration (screen indexes, #11)', () => {
  test('opens the prior version with data in it, adds the indexes, keeps every row, and the screens read through them', async ({ dir }) => {
    const opened = await openedFromPriorVersion(join(dir, 'journal.sqlite'), screenIndexes, `
      INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Ada Lovelace', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
      INSERT INTO associations (id, name, category, status, created_at, updated_at) VALUES (1, 'Product Leaders Circle', 'function', 'focus', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, association_id, created_at, updated_at)
        VALUES (1, '2024-02-01T10:00:00.000Z', 'event', 'Circle breakfast', 'Met the CPO', 0, 1, '2024-02-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z'),
               (2, '2024-02-02T10:00:00.000Z', 'coffee', 'Coffee', 'Trashed', 0, NULL, '2024-02-02T10:00:00.000Z', '2024-02-02T10:00:00.000Z');
      INSERT INTO interaction_people (interaction_id, person_id) VALUES (1, 1), (2, 1);
      INSERT INTO exchanges (id, direction, kind, description, occurred_at, interaction_id, created_at, updated_at)
        VALUES (1, 'gave', 'advice', 'Roadmap tips', '2024-02-01T10:00:00.000Z', 1, '2024-02-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z'),
               (2, 'gave', 'advice', 'Hidden with its entry', '2024-02-02T10:00:00.000Z', 2, '2024-02-02T10:00:00.000Z', '2024-02-02T10:00:00.000Z');
      INSERT INTO exchange_people (exchange_id, person_id) VALUES (1, 1), (2, 1);
      UPDATE interactions SET deleted_at = '2024-03-01T00:00:00.000Z' WHERE id = 2;
    `);
    try {
      const now = '2024-03-02T12:00:00.000Z';
      // The trashed entry's exchange stays hidden; the event still counts as attended.
      const ledger = await call(opened.journal, 'reciprocity.ledger', {});
      expect(ledger.rows.map((row) => [row.person.name, row.gave])).toEqual([['Ada Lovelace', 1]]);
      expect((await call(opened.journal, 'associations.get', { id: 1, now })).events).toBe(1);
      const review = await call(opened.journal, 'review.quarter', { quarter: '2024-Q1', now });
      expect(review.summary).toMatchObject({ interactions: 1, events: 1, peopleSeen: 1, gave: 1 });
    } finally {
      await opened.journal.close();
    }
  });
});

describe('migration 13 (asks by date, #11)', () => {
  test('opens a version 12 journal with asks in it, keeps every row, and "only asks lately" reads the window through the new index', async ({ dir }) => {
    const stamp = '2025-01-01T00:00:00.000Z';
    const opened = await openedFromPriorVersion(join(dir, 'journal.sqlite'), asksByDate, `
      INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Only Asks', '${stamp}', '${stamp}'), (2, 'Mixed', '${stamp}', '${stamp}'), (3, 'Long Ago', '${stamp}', '${stamp}');
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, created_at, updated_at) VALUES
        (1, '2025-05-01T09:00:00.000Z', 'call', 'A favour', '', 0, '${stamp}', '${stamp}'),
        (2, '2025-05-10T09:00:00.000Z', 'coffee', 'Just coffee', '', 0, '${stamp}', '${stamp}');
      INSERT INTO interaction_people (interaction_id, person_id) VALUES (1, 1), (1, 2), (2, 2);
      INSERT INTO asks (id, direction, description, asked_at, status, interaction_id, created_at, updated_at) VALUES
        (1, 'i-asked', 'A favour', '2025-05-01T09:00:00.000Z', 'open', 1, '${stamp}', '${stamp}'),
        (2, 'i-asked', 'Another favour', '2025-06-01T09:00:00.000Z', 'open', NULL, '${stamp}', '${stamp}'),
        (3, 'i-asked', 'Years ago', '2023-06-01T09:00:00.000Z', 'open', NULL, '${stamp}', '${stamp}'),
        (4, 'they-asked', 'Their favour', '2025-06-02T09:00:00.000Z', 'open', NULL, '${stamp}', '${stamp}');
      INSERT INTO ask_people (ask_id, person_id) VALUES (1, 1), (1, 2), (2, 1), (3, 3), (4, 3);
    `);
    try {
      const { raw } = opened.journalDb;
      const indexes = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'asks' ORDER BY name").pluck().all();
      expect(indexes).toEqual(['asks_asked', 'asks_interaction']);
      const { keepInTouch } = await call(opened.journal, 'reciprocity.queues', { now: '2025-06-15T12:00:00.000Z', today: '2025-06-15' });
      expect(keepInTouch.onlyAsks.map((item) => [item.person.name, item.asks, item.lastContactAt])).toEqual([['Only Asks', 2, '2025-06-01T09:00:00.000Z']]);
      const plan = raw
        .prepare("EXPLAIN QUERY PLAN SELECT a.id FROM asks a WHERE a.asked_at >= ? AND a.asked_at <= ? AND a.direction = 'i-asked'")
        .all('2024-12-15T00:00:00.000Z', '2025-06-15T12:00:00.000Z') as { detail: string }[];
      expect(plan.map((row) => row.detail).join('\n')).toMatch(/SEARCH a USING COVERING INDEX asks_asked \(asked_at>\? AND asked_at<\?\)/);
    } finally {
      await opened.journal.close();
    }
  });
});

describe('migration 14 (trashed entries, #11)', () => {
  test('opens a version 13 journal with a trashed entry in it, keeps every row, and leaves its help out through the new indexes', async ({ dir }) => {
    const stamp = '2025-01-01T00:00:00.000Z';
    const opened = await openedFromPriorVersion(join(dir, 'journal.sqlite'), trashedEntries, `
      INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Ada Lovelace', '${stamp}', '${stamp}');
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, created_at, updated_at) VALUES
        (1, '2025-05-01T09:00:00.000Z', 'call', 'Kept', '', 0, '${stamp}', '${stamp}'),
        (2, '2025-05-02T09:00:00.000Z', 'call', 'Trashed', '', 0, '${stamp}', '${stamp}');
      INSERT INTO interaction_people (interaction_id, person_id) VALUES (1, 1), (2, 1);
      INSERT INTO exchanges (id, direction, kind, description, occurred_at, interaction_id, created_at, updated_at) VALUES
        (1, 'received', 'advice', 'With its entry', '2025-05-01T09:00:00.000Z', 1, '${stamp}', '${stamp}'),
        (2, 'received', 'advice', 'Hidden with its entry', '2025-05-02T09:00:00.000Z', 2, '${stamp}', '${stamp}'),
        (3, 'received', 'advice', 'On its own', '2025-05-03T09:00:00.000Z', NULL, '${stamp}', '${stamp}');
      INSERT INTO exchange_people (exchange_id, person_id) VALUES (1, 1), (2, 1), (3, 1);
      UPDATE interactions SET deleted_at = '2025-05-10T00:00:00.000Z' WHERE id = 2;
    `);
    try {
      const { raw } = opened.journalDb;
      expect(raw.prepare('SELECT COUNT(*) FROM exchanges').pluck().get()).toBe(3);
      expect(raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'exchanges_occurred'").pluck().get()).toMatch(/\(occurred_at, direction, interaction_id\)/);
      const clock = { now: '2025-06-15T12:00:00.000Z', today: '2025-06-15' };
      const thanks = await call(opened.journal, 'reciprocity.queue', { list: 'thanks', limit: 10, ...clock });
      if (thanks.list !== 'thanks') throw new Error(`Asked for thanks owed, got ${thanks.list}.`);
      expect([thanks.total, thanks.items.map((item) => item.exchange.description)]).toEqual([2, ['With its entry', 'On its own']]);
      const ledger = await call(opened.journal, 'reciprocity.ledger', { since: '2025-01-01T00:00:00.000Z' });
      expect(ledger.rows.map((row) => [row.person.name, row.received])).toEqual([['Ada Lovelace', 2]]);
      const plan = raw
        .prepare("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM exchanges e INDEXED BY exchanges_occurred WHERE e.occurred_at >= ? AND NOT EXISTS (SELECT 1 FROM interactions t INDEXED BY interactions_trashed WHERE t.id = e.interaction_id AND t.deleted_at IS NOT NULL)")
        .all('2025-01-01T00:00:00.000Z') as { detail: string }[];
      const text = plan.map((row) => row.detail).join('\n');
      expect(text).toMatch(/SEARCH e USING COVERING INDEX exchanges_occurred \(occurred_at>\?\)/);
      expect(text).toMatch(/SEARCH t USING INDEX interactions_trashed \(id=\?/);
    } finally {
      await opened.journal.close();
    }
  });
});

describe('migration 15 (contacts by date, #11)', () => {
  test('opens a version 14 journal with entries in it, and the review counts the people seen in a quarter from the new index', async ({ dir }) => {
    const stamp = '2025-01-01T00:00:00.000Z';
    const opened = await openedFromPriorVersion(join(dir, 'journal.sqlite'), contactsByDate, `
      INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Ana', '${stamp}', '${stamp}'), (2, 'Ben', '${stamp}', '${stamp}'), (3, 'Cleo', '${stamp}', '${stamp}');
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, created_at, updated_at, deleted_at) VALUES
        (1, '2025-05-01T09:00:00.000Z', 'call', 'Ana and Ben', '', 0, '${stamp}', '${stamp}', NULL),
        (2, '2025-05-10T09:00:00.000Z', 'coffee', 'Ana again', '', 0, '${stamp}', '${stamp}', NULL),
        (3, '2025-03-10T09:00:00.000Z', 'coffee', 'Cleo last quarter', '', 0, '${stamp}', '${stamp}', NULL),
        (4, '2025-05-12T09:00:00.000Z', 'coffee', 'Cleo, trashed', '', 0, '${stamp}', '${stamp}', '${stamp}');
      INSERT INTO interaction_people (interaction_id, person_id) VALUES (1, 1), (1, 2), (2, 1), (3, 3), (4, 3);
    `);
    try {
      const { raw } = opened.journalDb;
      expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person_contacts'").pluck().all()).toEqual(['person_contacts_date']);
      expect(raw.prepare('SELECT person_id, occurred_at FROM person_contacts INDEXED BY person_contacts_date ORDER BY occurred_at, person_id').all()).toEqual([
        { person_id: 3, occurred_at: '2025-03-10T09:00:00.000Z' },
        { person_id: 1, occurred_at: '2025-05-01T09:00:00.000Z' },
        { person_id: 2, occurred_at: '2025-05-01T09:00:00.000Z' },
        { person_id: 1, occurred_at: '2025-05-10T09:00:00.000Z' },
      ]);
      const review = await call(opened.journal, 'review.quarter', { quarter: '2025-Q2', now: '2025-06-15T12:00:00.000Z' });
      expect(review.summary).toMatchObject({ interactions: 2, peopleSeen: 2 });
    } finally {
      await opened.journal.close();
    }
  });
});
