import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// The network, second part: a person's stated goal (what they are working towards, from their page), and
// the "do they know each other?" pairs kept by triggers, so suggestions read a ranked index instead of
// pairing every small interaction of the journal on each call (1.1 s at 100,000 interactions).

/** Same bound as links.ts's SUGGEST_MAX_PEOPLE: a bigger gathering is no sign two of them know each other. */
const MAX_PEOPLE = 8;

/**
 * The pairs one interaction stands for, from scratch: none when it is trashed, gone or too big. Recomputing
 * a whole interaction (at most 28 pairs) keeps every case (a person added, removed or merged; the size
 * crossing the bound; a move in time; the trash) one rule instead of a delta per case.
 */
const recompute = (interaction: string) => `
  DELETE FROM co_attendance WHERE interaction_id = ${interaction};
  INSERT INTO co_attendance (person_a_id, person_b_id, interaction_id, occurred_at)
    SELECT x.person_id, y.person_id, i.id, i.occurred_at
    FROM interactions i
    JOIN interaction_people x ON x.interaction_id = i.id
    JOIN interaction_people y ON y.interaction_id = i.id AND y.person_id > x.person_id
    WHERE i.id = ${interaction} AND i.deleted_at IS NULL
      AND (SELECT count(*) FROM interaction_people WHERE interaction_id = i.id) <= ${MAX_PEOPLE};`;

export const networkGoals: Migration = {
  version: 11,
  name: 'network-goals',
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE people ADD COLUMN goal TEXT`.execute(db);

    // One row per pair (lower id first) per small live interaction both were in.
    await sql`
      CREATE TABLE co_attendance (
        person_a_id INTEGER NOT NULL,
        person_b_id INTEGER NOT NULL,
        interaction_id INTEGER NOT NULL,
        occurred_at TEXT NOT NULL,
        PRIMARY KEY (person_a_id, person_b_id, interaction_id)
      ) WITHOUT ROWID`.execute(db);
    await sql`CREATE INDEX co_attendance_interaction ON co_attendance (interaction_id)`.execute(db);
    // Per pair: how often together and when last. The rank index is the order suggestions are shown in,
    // so the journal-wide list reads its first rows and stops; the second index serves one person's list.
    await sql`
      CREATE TABLE co_pairs (
        person_a_id INTEGER NOT NULL,
        person_b_id INTEGER NOT NULL,
        together INTEGER NOT NULL,
        last_at TEXT NOT NULL,
        PRIMARY KEY (person_a_id, person_b_id)
      ) WITHOUT ROWID`.execute(db);
    await sql`CREATE INDEX co_pairs_rank ON co_pairs (together DESC, last_at DESC)`.execute(db);
    await sql`CREATE INDEX co_pairs_b ON co_pairs (person_b_id, together DESC, last_at DESC)`.execute(db);

    const triggers = [
      `CREATE TRIGGER co_pairs_add AFTER INSERT ON co_attendance BEGIN
        INSERT INTO co_pairs (person_a_id, person_b_id, together, last_at)
        SELECT new.person_a_id, new.person_b_id, 1, new.occurred_at WHERE true
        ON CONFLICT (person_a_id, person_b_id) DO UPDATE SET together = together + 1, last_at = max(last_at, excluded.last_at);
      END`,
      // The latest time together is looked up again only for the pair that lost one (its own primary key).
      `CREATE TRIGGER co_pairs_remove AFTER DELETE ON co_attendance BEGIN
        UPDATE co_pairs SET together = together - 1,
          last_at = coalesce((SELECT max(occurred_at) FROM co_attendance WHERE person_a_id = old.person_a_id AND person_b_id = old.person_b_id), last_at)
          WHERE person_a_id = old.person_a_id AND person_b_id = old.person_b_id;
        DELETE FROM co_pairs WHERE person_a_id = old.person_a_id AND person_b_id = old.person_b_id AND together <= 0;
      END`,
      `CREATE TRIGGER co_attendance_link AFTER INSERT ON interaction_people BEGIN ${recompute('new.interaction_id')} END`,
      `CREATE TRIGGER co_attendance_unlink AFTER DELETE ON interaction_people BEGIN ${recompute('old.interaction_id')} END`,
      `CREATE TRIGGER co_attendance_relink AFTER UPDATE OF interaction_id, person_id ON interaction_people BEGIN
        ${recompute('old.interaction_id')}
        ${recompute('new.interaction_id')}
      END`,
      // A restore inserts links before their interactions (tables go in by name): the interaction's own
      // insert counts them then.
      `CREATE TRIGGER co_attendance_interaction_insert AFTER INSERT ON interactions BEGIN ${recompute('new.id')} END`,
      `CREATE TRIGGER co_attendance_interaction_change AFTER UPDATE OF deleted_at, occurred_at ON interactions BEGIN ${recompute('new.id')} END`,
      `CREATE TRIGGER co_attendance_interaction_delete AFTER DELETE ON interactions BEGIN
        DELETE FROM co_attendance WHERE interaction_id = old.id;
      END`,
    ];
    for (const trigger of triggers) await sql.raw(trigger).execute(db);

    // Today's journal, counted once in bulk (the triggers above count every write from now on).
    await sql`
      INSERT INTO co_attendance (person_a_id, person_b_id, interaction_id, occurred_at)
      SELECT x.person_id, y.person_id, i.id, i.occurred_at
      FROM interactions i
      JOIN interaction_people x ON x.interaction_id = i.id
      JOIN interaction_people y ON y.interaction_id = i.id AND y.person_id > x.person_id
      WHERE i.deleted_at IS NULL
        AND i.id IN (SELECT interaction_id FROM interaction_people GROUP BY interaction_id HAVING count(*) BETWEEN 2 AND ${sql.lit(MAX_PEOPLE)})`.execute(db);
  },
};
