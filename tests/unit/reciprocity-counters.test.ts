import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { join } from 'node:path';
import { vi } from 'vitest';
import { reciprocityCounters } from '../../src-main/core/db/migrations/0012-reciprocity-counters.js';
import type { Journal } from '../../src-main/core/index.js';
import { addInteraction, addPerson, at, call, describe, expect, openedFromPriorVersion, openTestJournal, test } from './helpers.js';

// person_reciprocity (migration 12) is kept by triggers; whatever is written, through whichever call, it
// must equal a count from scratch of each person's live exchanges and asks.

// Each generated sequence makes a few dozen API writes and recounts after every one.
vi.setConfig({ testTimeout: 120_000 });

/** From scratch: every person, their live exchanges and asks (an item in a trashed interaction is hidden). */
function fromScratch(raw: BetterSqlite3.Database) {
  return raw
    .prepare(
      `WITH ex AS (
         SELECT ep.person_id, sum(e.direction = 'gave') AS gave, sum(e.direction = 'received') AS received,
           max(CASE WHEN e.direction = 'gave' THEN e.occurred_at END) AS last_gave_at,
           max(CASE WHEN e.direction = 'received' THEN e.occurred_at END) AS last_received_at
         FROM exchange_people ep JOIN exchanges e ON e.id = ep.exchange_id LEFT JOIN interactions i ON i.id = e.interaction_id
         WHERE i.deleted_at IS NULL GROUP BY ep.person_id),
       ak AS (
         SELECT ap.person_id, sum(a.direction = 'i-asked') AS asked, sum(a.direction = 'they-asked') AS they_asked,
           max(CASE WHEN a.direction = 'i-asked' THEN a.asked_at END) AS last_ask_at,
           max(CASE WHEN a.direction = 'i-asked' AND a.interaction_id IS NULL THEN a.asked_at END) AS last_loose_ask_at
         FROM ask_people ap JOIN asks a ON a.id = ap.ask_id LEFT JOIN interactions i ON i.id = a.interaction_id
         WHERE i.deleted_at IS NULL GROUP BY ap.person_id)
       SELECT p.id AS person_id, coalesce(ex.gave, 0) AS gave, coalesce(ex.received, 0) AS received, ex.last_gave_at, ex.last_received_at,
         coalesce(ak.asked, 0) AS asked, coalesce(ak.they_asked, 0) AS they_asked, ak.last_ask_at, ak.last_loose_ask_at
       FROM people p LEFT JOIN ex ON ex.person_id = p.id LEFT JOIN ak ON ak.person_id = p.id ORDER BY p.id`,
    )
    .all();
}

/** What the triggers kept; a person with no row has nothing to count, the same as a row of zeros. */
function kept(raw: BetterSqlite3.Database) {
  const rows = raw
    .prepare(
      `SELECT p.id AS person_id, coalesce(r.gave, 0) AS gave, coalesce(r.received, 0) AS received, r.last_gave_at, r.last_received_at,
         coalesce(r.asked, 0) AS asked, coalesce(r.they_asked, 0) AS they_asked, r.last_ask_at, r.last_loose_ask_at
       FROM people p LEFT JOIN person_reciprocity r ON r.person_id = p.id ORDER BY p.id`,
    )
    .all();
  // No row is left behind for someone deleted.
  const orphans = raw.prepare('SELECT count(*) FROM person_reciprocity WHERE person_id NOT IN (SELECT id FROM people)').pluck().get();
  return orphans === 0 ? rows : { rows, orphans };
}

/** person_contacts as kept, or from scratch: every live interaction's people, with its date. */
function contacts(raw: BetterSqlite3.Database, from: 'person_contacts' | 'scratch') {
  const source =
    from === 'scratch'
      ? 'SELECT ip.person_id, i.occurred_at, i.id AS interaction_id FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id WHERE i.deleted_at IS NULL'
      : 'SELECT person_id, occurred_at, interaction_id FROM person_contacts';
  return raw.prepare(`SELECT * FROM (${source}) ORDER BY person_id, occurred_at, interaction_id`).all();
}

describe('migration reciprocity counters', () => {
  test('opens a journal of version 11 with data in it, counts what is there, and keeps every row', async ({ dir }) => {
    const stamp = '2024-01-01T00:00:00.000Z';
    const opened = await openedFromPriorVersion(
      join(dir, 'journal.sqlite'),
      reciprocityCounters,
      `
      INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Ada', '${stamp}', '${stamp}'), (2, 'Grace', '${stamp}', '${stamp}'), (3, 'Never Helped', '${stamp}', '${stamp}');
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, created_at, updated_at, deleted_at) VALUES
        (1, '2024-02-01T10:00:00.000Z', 'coffee', 'Coffee', '', 0, '${stamp}', '${stamp}', NULL),
        (2, '2024-03-01T10:00:00.000Z', 'call', 'In the trash', '', 0, '${stamp}', '${stamp}', '2024-03-02T10:00:00.000Z');
      INSERT INTO interaction_people (interaction_id, person_id) VALUES (1, 1), (2, 1), (2, 2);
      INSERT INTO exchanges (id, direction, kind, description, occurred_at, interaction_id, created_at, updated_at) VALUES
        (1, 'gave', 'advice', 'Pricing', '2024-02-01T10:00:00.000Z', 1, '${stamp}', '${stamp}'),
        (2, 'received', 'introduction', 'Intro to Lin', '2024-01-15T10:00:00.000Z', NULL, '${stamp}', '${stamp}'),
        (3, 'gave', 'help', 'Hidden with its interaction', '2024-03-01T10:00:00.000Z', 2, '${stamp}', '${stamp}');
      INSERT INTO exchange_people (exchange_id, person_id) VALUES (1, 1), (2, 1), (2, 2), (3, 1), (3, 2);
      INSERT INTO asks (id, direction, description, asked_at, status, interaction_id, created_at, updated_at) VALUES
        (1, 'i-asked', 'A reference', '2024-01-20T10:00:00.000Z', 'open', NULL, '${stamp}', '${stamp}'),
        (2, 'they-asked', 'Feedback', '2024-02-01T10:00:00.000Z', 'open', 1, '${stamp}', '${stamp}'),
        (3, 'i-asked', 'In a meeting', '2024-02-01T10:00:00.000Z', 'open', 1, '${stamp}', '${stamp}');
      INSERT INTO ask_people (ask_id, person_id) VALUES (1, 2), (2, 1), (3, 2);
    `,
    );
    try {
      const { raw } = opened.journalDb;
      expect(kept(raw)).toEqual(fromScratch(raw));
      expect(contacts(raw, 'person_contacts')).toEqual([
        { person_id: 1, occurred_at: '2024-02-01T10:00:00.000Z', interaction_id: 1 },
      ]);
      expect(raw.prepare('SELECT * FROM person_reciprocity ORDER BY person_id').all()).toEqual([
        { person_id: 1, gave: 1, received: 1, last_gave_at: '2024-02-01T10:00:00.000Z', last_received_at: '2024-01-15T10:00:00.000Z', asked: 0, they_asked: 1, last_ask_at: null, last_loose_ask_at: null },
        { person_id: 2, gave: 0, received: 1, last_gave_at: null, last_received_at: '2024-01-15T10:00:00.000Z', asked: 2, they_asked: 0, last_ask_at: '2024-02-01T10:00:00.000Z', last_loose_ask_at: '2024-01-20T10:00:00.000Z' },
      ]);
      // Restoring the trashed entry counts what was logged with it from then on.
      await call(opened.journal, 'interactions.undoDelete');
      expect(kept(raw)).toEqual(fromScratch(raw));
      expect(contacts(raw, 'person_contacts')).toEqual(contacts(raw, 'scratch'));
      expect(contacts(raw, 'person_contacts')).toHaveLength(3);
      expect((await call(opened.journal, 'reciprocity.person', { personId: 2 })).gave).toBe(1);
    } finally {
      await opened.journal.close();
    }
  });
});

/** One write of any kind the app makes to exchanges, asks, thanks, commitments, interactions or people. */
const write = fc.record({ action: fc.nat(15), a: fc.nat(1_000), b: fc.nat(1_000), c: fc.nat(1_000) });
type Write = { action: number; a: number; b: number; c: number };

async function apply(journal: Journal, raw: BetterSqlite3.Database, people: number[], { action, a, b, c }: Write): Promise<void> {
  const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;
  const some = (n: number) => [...new Set([pick(people, n), pick(people, n >> 3)])].slice(0, 1 + (n % 2));
  const ids = (table: string) => raw.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[];
  const liveIds = (table: string) =>
    raw.prepare(`SELECT x.id FROM ${table} x LEFT JOIN interactions i ON i.id = x.interaction_id WHERE i.deleted_at IS NULL ORDER BY x.id`).pluck().all() as number[];
  const direction = b % 2 ? ('gave' as const) : ('received' as const);
  const askDirection = b % 2 ? ('i-asked' as const) : ('they-asked' as const);
  switch (action) {
    case 0:
      await call(journal, 'exchanges.create', { direction, kind: 'advice', description: `Help ${a}`, occurredAt: at(a), personIds: some(c) });
      return;
    case 1: {
      const id = liveIds('exchanges');
      if (id.length) await call(journal, 'exchanges.update', { id: pick(id, a), direction, kind: 'help', description: `Edited ${a}`, occurredAt: at(c), personIds: some(b) });
      return;
    }
    case 2: {
      const id = liveIds('exchanges');
      if (id.length) await call(journal, 'exchanges.delete', { id: pick(id, a) });
      return;
    }
    case 3:
      await call(journal, 'asks.create', { direction: askDirection, description: `Ask ${a}`, askedAt: at(a), personIds: some(c) });
      return;
    case 4: {
      const id = liveIds('asks');
      if (id.length) await call(journal, 'asks.update', { id: pick(id, a), direction: askDirection, description: `Edited ask ${a}`, askedAt: at(c), personIds: some(b) });
      return;
    }
    case 5: {
      // Fulfilling records the help as an exchange; reopening takes it back.
      const id = liveIds('asks');
      if (id.length) await call(journal, 'asks.resolve', { id: pick(id, a), status: pick(['fulfilled', 'open', 'declined'] as const, b), resolvedAt: at(c) });
      return;
    }
    case 6: {
      const id = liveIds('asks');
      if (id.length) await call(journal, 'asks.delete', { id: pick(id, a) });
      return;
    }
    case 7: {
      const received = raw.prepare(`SELECT e.id FROM exchanges e LEFT JOIN interactions i ON i.id = e.interaction_id WHERE i.deleted_at IS NULL AND e.direction = 'received'`).pluck().all() as number[];
      if (received.length) await call(journal, 'thanks.create', { exchangeId: pick(received, a), thankedAt: at(c), ...(b % 2 ? { logAs: 'message' as const } : {}) });
      return;
    }
    case 8:
      await call(journal, 'commitments.create', { direction: b % 2 ? 'i-owe' : 'owed-to-me', personId: pick(people, a), description: `Promise ${a}`, dueOn: '2025-03-01' });
      return;
    case 9: {
      // An interaction with things logged in it.
      const personIds = some(a);
      await addInteraction(journal, {
        occurredAt: at(a),
        personIds,
        exchanges: [{ direction, kind: 'information', description: `Logged ${a}`, personIds: [] }],
        asks: c % 2 ? [{ direction: askDirection, description: `Logged ask ${a}`, status: 'open', personIds: personIds.slice(0, 1) }] : [],
        commitments: b % 3 === 0 ? [{ direction: 'i-owe', description: 'Send notes', dueOn: '2025-02-01', status: 'open', doneOn: null, personId: personIds[0]! }] : [],
      });
      return;
    }
    case 10: {
      // An edit: another time (its items follow), other people, and its items replaced or kept.
      const id = ids('interactions WHERE deleted_at IS NULL');
      if (!id.length) return;
      const chosen = pick(id, a);
      const current = await call(journal, 'interactions.get', { id: chosen });
      const personIds = [...new Set([...current.people.map((person) => person.id), ...some(c)])];
      await call(journal, 'interactions.update', {
        id: chosen,
        occurredAt: at(b),
        kind: 'call',
        title: `Edited ${b}`,
        personIds,
        ...(c % 2 ? { exchanges: [{ direction, kind: 'advice', description: `Replaced ${c}`, personIds: [] }] } : {}),
        ...(b % 3 === 0 ? { asks: [] } : {}),
      });
      return;
    }
    case 11: {
      const id = ids('interactions WHERE deleted_at IS NULL');
      if (id.length) await call(journal, 'interactions.delete', { id: pick(id, a) });
      return;
    }
    case 12:
      await call(journal, 'interactions.undoDelete');
      return;
    case 13:
      await call(journal, 'interactions.purgeTrash');
      return;
    case 14: {
      if (people.length < 4) return;
      const [from, into] = [pick(people, a), pick(people, b)];
      if (from === into) return;
      await call(journal, 'people.merge', { fromId: from, intoId: into });
      people.splice(people.indexOf(from), 1);
      people.push(await addPerson(journal, { name: `Added ${a}` }));
      return;
    }
    default: {
      // A person deleted with all their links (an import undone deletes the people it added).
      if (people.length < 4) return;
      const gone = pick(people, a);
      raw.prepare('DELETE FROM people WHERE id = ?').run(gone);
      people.splice(people.indexOf(gone), 1);
      people.push(await addPerson(journal, { name: `Replacement ${a}` }));
    }
  }
}

describe('the reciprocity counters', () => {
  test('equal a count from scratch after every kind of write, in any order', async ({ dir }) => {
    let run = 0;
    let counted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 10, maxLength: 40 }), async (writes) => {
        // A fresh journal per sequence, so a failure shrinks to the writes that cause it.
        const { journal, journalDb } = await openTestJournal(join(dir, `run-${(run += 1)}.sqlite`));
        const { raw } = journalDb;
        try {
          const people: number[] = [];
          for (let i = 0; i < 5; i += 1) people.push(await addPerson(journal, { name: `Person ${i}` }));
          for (const [step, one] of writes.entries()) {
            // A write the API refuses (an item outside its interaction's people) changes nothing: still compared.
            await apply(journal, raw, people, one).catch((error: unknown) => {
              if (!(error instanceof Error && / was refused: (invalid-input|not-found): /.test(error.message))) throw error;
            });
            expect(kept(raw), `after step ${step}: ${JSON.stringify(one)}`).toEqual(fromScratch(raw));
            expect(contacts(raw, 'person_contacts'), `contacts after step ${step}: ${JSON.stringify(one)}`).toEqual(contacts(raw, 'scratch'));
          }
          counted += Number(raw.prepare('SELECT sum(gave) > 0 AND sum(received) > 0 AND sum(asked) > 0 AND sum(they_asked) > 0 FROM person_reciprocity').pluck().get());
        } finally {
          await journal.close();
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 12), seed: 11, endOnFailure: true },
    );
    // Something of every kind was counted along the way.
    expect(counted).toBeGreaterThan(0);
  });
});
