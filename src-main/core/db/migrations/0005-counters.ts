import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// Counters kept by triggers in the same transaction as every write, so the screens that show them read a
// few rows instead of joining every interaction: each person's interaction count, first and last contact
// (the People table, a person's page, the quarterly review's new people), and the journal's totals.

/** A person's stats from scratch, without the interaction `skip` (one being deleted, still visible). */
const recompute = (person: string, skip = 'NULL') => `
  INSERT OR REPLACE INTO person_stats (person_id, interaction_count, first_interaction_at, last_interaction_at)
  SELECT ${person},
    (SELECT count(*) FROM interaction_people x JOIN interactions i ON i.id = x.interaction_id
      WHERE x.person_id = ${person} AND i.deleted_at IS NULL AND i.id IS NOT ${skip}),
    (SELECT min(i.occurred_at) FROM interaction_people x JOIN interactions i ON i.id = x.interaction_id
      WHERE x.person_id = ${person} AND i.deleted_at IS NULL AND i.id IS NOT ${skip}),
    (SELECT max(i.occurred_at) FROM interaction_people x JOIN interactions i ON i.id = x.interaction_id
      WHERE x.person_id = ${person} AND i.deleted_at IS NULL AND i.id IS NOT ${skip})
  WHERE EXISTS (SELECT 1 FROM people WHERE id = ${person});`;

/** One more live interaction at `at` for `person`: count up, widen first and last. */
const add = (person: string, at: string, where: string) => `
  INSERT INTO person_stats (person_id, interaction_count, first_interaction_at, last_interaction_at)
  SELECT ${person}, 1, ${at}, ${at} ${where}
  ON CONFLICT (person_id) DO UPDATE SET
    interaction_count = interaction_count + 1,
    first_interaction_at = min(coalesce(first_interaction_at, excluded.first_interaction_at), excluded.first_interaction_at),
    last_interaction_at = max(coalesce(last_interaction_at, excluded.last_interaction_at), excluded.last_interaction_at);`;

/**
 * One live interaction at `at` fewer for the people `people` selects: a count down when it was strictly
 * inside their first–last span, a recount when it was their first or last contact (rare, and the only
 * case where the new bound is unknown).
 */
const remove = (people: string, at: string, skip = 'NULL') => `
  UPDATE person_stats SET interaction_count = interaction_count - 1
    WHERE person_id IN (${people}) AND ${at} > first_interaction_at AND ${at} < last_interaction_at;
  ${recompute('b.person_id', skip).replace(
    'WHERE EXISTS (SELECT 1 FROM people WHERE id = b.person_id);',
    `FROM person_stats b WHERE b.person_id IN (${people}) AND NOT (${at} > b.first_interaction_at AND ${at} < b.last_interaction_at);`,
  )}`;

export const counters: Migration = {
  version: 5,
  name: 'counters',
  async up(db: Kysely<unknown>) {
    // No foreign key to people: a person's links are deleted (by cascade) while the person is, and the
    // triggers below must not resurrect a row for them; people_stats_delete tidies up instead.
    await sql`
      CREATE TABLE person_stats (
        person_id INTEGER PRIMARY KEY,
        interaction_count INTEGER NOT NULL,
        first_interaction_at TEXT,
        last_interaction_at TEXT
      )`.execute(db);
    // The quarterly review's "new people": whose first contact falls in the quarter, found by range.
    await sql`CREATE INDEX person_stats_first ON person_stats (first_interaction_at) WHERE first_interaction_at IS NOT NULL`.execute(db);
    await sql`
      INSERT INTO person_stats (person_id, interaction_count, first_interaction_at, last_interaction_at)
      SELECT ip.person_id, count(*), min(i.occurred_at), max(i.occurred_at)
      FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id
      WHERE i.deleted_at IS NULL
      GROUP BY ip.person_id`.execute(db);

    await sql`CREATE TABLE journal_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID`.execute(db);
    await sql`
      INSERT INTO journal_counts (name, n) VALUES
        ('people', (SELECT count(*) FROM people)),
        ('interactions', (SELECT count(*) FROM interactions WHERE deleted_at IS NULL))`.execute(db);

    const triggers = [
      // A link to a live interaction counts; a link to a trashed one counts when it is restored.
      `CREATE TRIGGER person_stats_link AFTER INSERT ON interaction_people BEGIN
        ${add('new.person_id', 'i.occurred_at', 'FROM interactions i WHERE i.id = new.interaction_id AND i.deleted_at IS NULL')}
      END`,
      // A link removed from a live interaction (editing who was there, merging people). When the
      // interaction itself is being deleted, interactions_stats_delete has already accounted for it.
      `CREATE TRIGGER person_stats_unlink AFTER DELETE ON interaction_people
        WHEN EXISTS (SELECT 1 FROM interactions WHERE id = old.interaction_id AND deleted_at IS NULL) BEGIN
        ${remove('old.person_id', '(SELECT occurred_at FROM interactions WHERE id = old.interaction_id)')}
      END`,
      `CREATE TRIGGER person_stats_relink AFTER UPDATE OF interaction_id, person_id ON interaction_people BEGIN
        ${recompute('old.person_id')}
        ${recompute('new.person_id')}
      END`,
      `CREATE TRIGGER interactions_stats_trash AFTER UPDATE OF deleted_at ON interactions
        WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL BEGIN
        ${remove('SELECT person_id FROM interaction_people WHERE interaction_id = new.id', 'old.occurred_at')}
        UPDATE journal_counts SET n = n - 1 WHERE name = 'interactions';
      END`,
      `CREATE TRIGGER interactions_stats_restore AFTER UPDATE OF deleted_at ON interactions
        WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL BEGIN
        ${add('ip.person_id', 'new.occurred_at', 'FROM interaction_people ip WHERE ip.interaction_id = new.id AND true')}
        UPDATE journal_counts SET n = n + 1 WHERE name = 'interactions';
      END`,
      // A live interaction moved in time: widen, or recount when it was someone's first or last contact.
      `CREATE TRIGGER interactions_stats_move AFTER UPDATE OF occurred_at ON interactions
        WHEN old.deleted_at IS NULL AND new.deleted_at IS NULL AND old.occurred_at <> new.occurred_at BEGIN
        ${recompute('b.person_id').replace(
          'WHERE EXISTS (SELECT 1 FROM people WHERE id = b.person_id);',
          `FROM person_stats b WHERE b.person_id IN (SELECT person_id FROM interaction_people WHERE interaction_id = new.id)
            AND (old.occurred_at <= b.first_interaction_at OR old.occurred_at >= b.last_interaction_at);`,
        )}
        UPDATE person_stats SET
          first_interaction_at = min(first_interaction_at, new.occurred_at),
          last_interaction_at = max(last_interaction_at, new.occurred_at)
        WHERE person_id IN (SELECT person_id FROM interaction_people WHERE interaction_id = new.id);
      END`,
      // A live interaction deleted outright (the trash is purged only of trashed ones): its links are
      // still there before the delete, and it is left out of the recount by id.
      `CREATE TRIGGER interactions_stats_delete BEFORE DELETE ON interactions WHEN old.deleted_at IS NULL BEGIN
        ${remove('SELECT person_id FROM interaction_people WHERE interaction_id = old.id', 'old.occurred_at', 'old.id')}
        UPDATE journal_counts SET n = n - 1 WHERE name = 'interactions';
      END`,
      `CREATE TRIGGER interactions_count_insert AFTER INSERT ON interactions WHEN new.deleted_at IS NULL BEGIN
        UPDATE journal_counts SET n = n + 1 WHERE name = 'interactions';
      END`,
      `CREATE TRIGGER people_count_insert AFTER INSERT ON people BEGIN
        UPDATE journal_counts SET n = n + 1 WHERE name = 'people';
      END`,
      `CREATE TRIGGER people_stats_delete AFTER DELETE ON people BEGIN
        DELETE FROM person_stats WHERE person_id = old.id;
        UPDATE journal_counts SET n = n - 1 WHERE name = 'people';
      END`,
    ];
    for (const trigger of triggers) await sql.raw(trigger).execute(db);
  },
};
