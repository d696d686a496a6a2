import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate } from '../../src-main/core/db/migrate.js';
import { counters } from '../../src-main/core/db/migrations/0005-counters.js';
import { LATEST_VERSION, migrations } from '../../src-main/core/db/migrations/index.js';
import { Rng } from '../../resources/sample/prng.js';
import { addInteraction, addPerson, at, call, describe, expect, openTestJournal, storedRows, test } from './helpers.js';

// person_stats and journal_counts are kept by triggers; whatever is written, they must equal a count from
// scratch. These tests write every way the app writes and compare after each step.

function fromScratch(raw: BetterSqlite3.Database) {
  return {
    stats: raw
      .prepare(
        `SELECT p.id AS person_id, count(i.id) AS interaction_count, min(i.occurred_at) AS first_interaction_at, max(i.occurred_at) AS last_interaction_at
         FROM people p LEFT JOIN interaction_people ip ON ip.person_id = p.id LEFT JOIN interactions i ON i.id = ip.interaction_id AND i.deleted_at IS NULL
         GROUP BY p.id ORDER BY p.id`,
      )
      .all(),
    people: raw.prepare('SELECT count(*) FROM people').pluck().get(),
    interactions: raw.prepare('SELECT count(*) FROM interactions WHERE deleted_at IS NULL').pluck().get(),
  };
}

function kept(raw: BetterSqlite3.Database) {
  return {
    // A person with no row has no live interaction: the same as a row of zero.
    stats: raw
      .prepare(
        `SELECT p.id AS person_id, coalesce(s.interaction_count, 0) AS interaction_count, s.first_interaction_at, s.last_interaction_at
         FROM people p LEFT JOIN person_stats s ON s.person_id = p.id ORDER BY p.id`,
      )
      .all(),
    people: raw.prepare(`SELECT n FROM journal_counts WHERE name = 'people'`).pluck().get(),
    interactions: raw.prepare(`SELECT n FROM journal_counts WHERE name = 'interactions'`).pluck().get(),
  };
}

/** `after` cut down to the columns `before` had: later migrations may add columns; these rows must be kept. */
function sameColumns(after: Record<string, unknown>, before: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(after).map(([key, value]) => {
      const old = before[key];
      if (!Array.isArray(value) || !Array.isArray(old)) return [key, value];
      return [key, value.map((row, index) => (old[index] && typeof row === 'object' ? Object.fromEntries(Object.keys(old[index] as object).map((column) => [column, (row as Record<string, unknown>)[column]])) : row))];
    }),
  );
}

describe('migration counters', () => {
  test('opens a journal of the version before with data in it, counts what is there, and keeps every row', async ({ dir }) => {
    const path = join(dir, 'journal.sqlite');
    const raw = new BetterSqlite3(path);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    await migrate(db, migrations.slice(0, counters.version - 1));
    raw.exec(`
      INSERT INTO people (id, name, created_at, updated_at) VALUES
        (1, 'Ada Lovelace', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),
        (2, 'Grace Hopper', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),
        (3, 'Never Met', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, created_at, updated_at, deleted_at) VALUES
        (1, '2024-02-01T10:00:00.000Z', 'coffee', 'Coffee', '', 0, '2024-02-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z', NULL),
        (2, '2024-05-01T10:00:00.000Z', 'call', 'Call', '', 0, '2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.000Z', NULL),
        (3, '2024-09-01T10:00:00.000Z', 'call', 'In the trash', '', 0, '2024-09-01T10:00:00.000Z', '2024-09-01T10:00:00.000Z', '2024-09-02T10:00:00.000Z');
      INSERT INTO interaction_people (interaction_id, person_id) VALUES (1, 1), (2, 1), (2, 2), (3, 2);
    `);
    const before = storedRows(raw);
    await db.destroy();

    const opened = await openTestJournal(path);
    try {
      const { raw: migrated } = opened.journalDb;
      expect(sameColumns(storedRows(migrated), before)).toEqual({ ...before, version: LATEST_VERSION });
      expect(kept(migrated)).toEqual(fromScratch(migrated));
      expect(migrated.prepare('SELECT * FROM person_stats ORDER BY person_id').all()).toEqual([
        { person_id: 1, interaction_count: 2, first_interaction_at: '2024-02-01T10:00:00.000Z', last_interaction_at: '2024-05-01T10:00:00.000Z' },
        { person_id: 2, interaction_count: 1, first_interaction_at: '2024-05-01T10:00:00.000Z', last_interaction_at: '2024-05-01T10:00:00.000Z' },
      ]);
      const info = await call(opened.journal, 'journal.info');
      expect({ people: info.people, interactions: info.interactions }).toEqual({ people: 3, interactions: 2 });
      // Restoring the trashed entry counts it from then on.
      await call(opened.journal, 'interactions.undoDelete');
      expect(kept(migrated)).toEqual(fromScratch(migrated));
      expect((await call(opened.journal, 'people.get', { id: 2 })).lastInteractionAt).toBe('2024-09-01T10:00:00.000Z');
    } finally {
      await opened.journal.close();
    }
  });
});

describe('the counters', () => {
  test('equal a count from scratch after every kind of write, in a long random sequence', async ({ journal, journalDb }) => {
    const { raw } = journalDb;
    const rng = new Rng(7);
    const people: number[] = [];
    for (let i = 0; i < 6; i += 1) people.push(await addPerson(journal, { name: `Person ${i}` }));
    const live: number[] = [];
    const pick = () => [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(people)))];
    const fields = (minutes: number) => ({ occurredAt: at(minutes), kind: 'call' as const, title: `At ${minutes}`, personIds: pick() });
    for (let step = 0; step < 150; step += 1) {
      const action = rng.int(0, 9);
      if (action <= 3 || live.length === 0) {
        live.push(await addInteraction(journal, fields(rng.int(0, 500))));
      } else if (action <= 5) {
        // Edit: other people, another time (sometimes someone's first or last contact moves).
        const id = rng.pick(live);
        await call(journal, 'interactions.update', { id, ...fields(rng.int(0, 500)) });
      } else if (action <= 7) {
        const id = rng.pick(live);
        await call(journal, 'interactions.delete', { id });
        live.splice(live.indexOf(id), 1);
      } else if (action === 8) {
        const restored = await call(journal, 'interactions.undoDelete');
        if (restored) live.push(restored.id);
      } else if (people.length > 3) {
        const [from, into] = [rng.pick(people), rng.pick(people)];
        if (from !== into) {
          await call(journal, 'people.merge', { fromId: from, intoId: into });
          people.splice(people.indexOf(from), 1);
          people.push(await addPerson(journal, { name: `Person added at ${step}` }));
        }
      }
      expect(kept(raw), `after step ${step} (action ${action})`).toEqual(fromScratch(raw));
    }
    // And what the API shows is what the counters say.
    const list = await call(journal, 'people.list');
    const truth = fromScratch(raw).stats as { person_id: number; interaction_count: number; last_interaction_at: string | null }[];
    expect(list.map((person) => [person.id, person.interactionCount, person.lastInteractionAt]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      truth.map((row) => [row.person_id, row.interaction_count, row.last_interaction_at]),
    );
  });

  test('follow a live interaction deleted outright, and a person deleted with their links', async ({ journal, journalDb }) => {
    const { raw } = journalDb;
    const ada = await addPerson(journal, { name: 'Ada' });
    const grace = await addPerson(journal, { name: 'Grace' });
    const first = await addInteraction(journal, { occurredAt: at(0), personIds: [ada, grace] });
    await addInteraction(journal, { occurredAt: at(10), personIds: [ada] });
    await addInteraction(journal, { occurredAt: at(20), personIds: [ada, grace] });
    raw.prepare('DELETE FROM interactions WHERE id = ?').run(first);
    expect(kept(raw)).toEqual(fromScratch(raw));
    raw.prepare('DELETE FROM people WHERE id = ?').run(grace);
    expect(kept(raw)).toEqual(fromScratch(raw));
    expect(raw.prepare('SELECT count(*) FROM person_stats WHERE person_id = ?').pluck().get(grace)).toBe(0);
  });
});
