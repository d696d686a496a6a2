// The "do they know each other?" pairs kept by triggers (migration 9), checked against the same answer
// computed from scratch after every kind of write; the index they are read by; and a person's goal, end to
// end (stored, kept on updates that leave it out, matched in introductions to consider, exported, handed over).
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { networkGoals } from '../../src-main/core/db/migrations/0011-network-goals.js';
import { SUGGEST_MAX_PEOPLE } from '../../src-main/core/network/links.js';
import { addInteraction, addPerson, call, describe, expect, openedFromPriorVersion, openTestJournal, refusal, test } from './helpers.js';

/** Every pair of every small live interaction, counted from the base tables alone: what co_pairs must hold. */
function pairsFromScratch(raw: BetterSqlite3.Database): string[] {
  return raw
    .prepare(
      `SELECT x.person_id || '-' || y.person_id || ':' || count(*) || '@' || max(i.occurred_at) AS pair
       FROM interactions i
       JOIN interaction_people x ON x.interaction_id = i.id
       JOIN interaction_people y ON y.interaction_id = i.id AND y.person_id > x.person_id
       WHERE i.deleted_at IS NULL AND (SELECT count(*) FROM interaction_people WHERE interaction_id = i.id) <= ${SUGGEST_MAX_PEOPLE}
       GROUP BY x.person_id, y.person_id ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
}
const kept = (raw: BetterSqlite3.Database) =>
  raw.prepare(`SELECT person_a_id || '-' || person_b_id || ':' || together || '@' || last_at FROM co_pairs ORDER BY 1`).pluck().all() as string[];

describe('migration 9 (network goals and pairs)', () => {
  test('opens a version 8 journal with data in it, counts the pairs it already has and keeps every row', async ({ dir }) => {
    const at = '2024-01-01T00:00:00.000Z';
    const people = Array.from({ length: 10 }, (_, i) => `(${i + 1}, 'Person ${i + 1}', '${at}', '${at}')`).join(', ');
    const opened = await openedFromPriorVersion(join(dir, 'journal.sqlite'), networkGoals, `
      INSERT INTO people (id, name, created_at, updated_at) VALUES ${people};
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, created_at, updated_at, deleted_at) VALUES
        (1, '2024-02-01T10:00:00.000Z', 'meeting', 'Small', '', 0, '${at}', '${at}', NULL),
        (2, '2024-03-01T10:00:00.000Z', 'meeting', 'Small again', '', 1, '${at}', '${at}', NULL),
        (3, '2024-04-01T10:00:00.000Z', 'event', 'Town hall', '', 0, '${at}', '${at}', NULL),
        (4, '2024-05-01T10:00:00.000Z', 'meeting', 'In the trash', '', 0, '${at}', '${at}', '${at}');
      INSERT INTO interaction_people (interaction_id, person_id) VALUES (1, 1), (1, 2), (1, 3), (2, 1), (2, 2),
        ${Array.from({ length: 9 }, (_, i) => `(3, ${i + 1})`).join(', ')}, (4, 4), (4, 5);
    `);
    try {
      // 1–2 twice (the confidential meeting counts: only names and a count are shown), 1–3 and 2–3 once;
      // nothing from the town hall of nine, nothing from the trash.
      expect(kept(opened.journalDb.raw)).toEqual(['1-2:2@2024-03-01T10:00:00.000Z', '1-3:1@2024-02-01T10:00:00.000Z', '2-3:1@2024-02-01T10:00:00.000Z']);
      expect(kept(opened.journalDb.raw)).toEqual(pairsFromScratch(opened.journalDb.raw));
      expect((await call(opened.journal, 'people.get', { id: 1 })).goal).toBeNull();
    } finally {
      await opened.journal.close();
    }
  });
});

describe('co-attendance pairs', () => {
  test('stay equal to the pairs counted from scratch after any sequence of writes', async ({ journal, journalDb }) => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i += 1) ids.push(await addPerson(journal, { name: `P${i}` }));
    const interactions: number[] = [];
    const person = fc.constantFrom(...ids);
    const group = fc.uniqueArray(person, { minLength: 1, maxLength: SUGGEST_MAX_PEOPLE + 2 });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('log' as const), people: group, day: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ kind: fc.constant('regroup' as const), pick: fc.nat(), people: group }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ kind: fc.constant('trash' as const), pick: fc.nat() }),
      fc.constant({ kind: 'undo' as const }),
      fc.constant({ kind: 'purge' as const }),
      fc.record({ kind: fc.constant('merge' as const), from: person, into: person }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const step of ops) {
          const chosen = 'pick' in step && interactions.length ? interactions[step.pick % interactions.length]! : null;
          const alive = (await call(journal, 'people.list')).map((p) => p.id);
          const living = (list: number[]) => list.filter((id) => alive.includes(id));
          if (step.kind === 'log' && living(step.people).length) {
            interactions.push(await addInteraction(journal, { personIds: living(step.people), occurredAt: `2025-02-${String(step.day).padStart(2, '0')}T10:00:00.000Z` }));
          } else if (step.kind === 'regroup' && chosen !== null && living(step.people).length) {
            await journal.call('interactions.update', { id: chosen, personIds: living(step.people) });
          } else if (step.kind === 'move' && chosen !== null) {
            await journal.call('interactions.update', { id: chosen, occurredAt: `2025-04-${String(step.day).padStart(2, '0')}T10:00:00.000Z` });
          } else if (step.kind === 'trash' && chosen !== null) {
            await journal.call('interactions.delete', { id: chosen });
          } else if (step.kind === 'undo') {
            await journal.call('interactions.undoDelete', {});
          } else if (step.kind === 'purge') {
            await journal.call('interactions.purgeTrash', {});
          } else if (step.kind === 'merge' && step.from !== step.into && alive.includes(step.from) && alive.includes(step.into)) {
            await call(journal, 'people.merge', { fromId: step.from, intoId: step.into });
          }
          expect(kept(journalDb.raw)).toEqual(pairsFromScratch(journalDb.raw));
        }
      }),
      { numRuns: 25, seed: 15 },
    );
  });

  test('suggestions read the rank index and stop, with no sort of their own', async ({ journalDb }) => {
    const plan = (sqlText: string) =>
      (journalDb.raw.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
    const global = plan(`SELECT p.* FROM co_pairs p WHERE NOT EXISTS (SELECT 1 FROM person_ties l WHERE l.person_a_id = p.person_a_id AND l.person_b_id = p.person_b_id)
      ORDER BY p.together DESC, p.last_at DESC, p.person_a_id, p.person_b_id LIMIT 20`);
    expect(global).toMatch(/SCAN p USING (COVERING )?INDEX co_pairs_rank/);
    expect(global).not.toMatch(/TEMP B-TREE/);
    expect(plan(`SELECT p.* FROM co_pairs p WHERE p.person_b_id = 5`)).toMatch(/SEARCH p USING (COVERING )?INDEX co_pairs_b/);
  });

  test('suggestions for one person and for everyone agree with the pairs, leave out linked and dismissed pairs', async ({ journal }) => {
    const [ada, ben, cy, dee] = [await addPerson(journal, { name: 'Ada' }), await addPerson(journal, { name: 'Ben' }), await addPerson(journal, { name: 'Cy' }), await addPerson(journal, { name: 'Dee' })];
    await addInteraction(journal, { personIds: [ada, ben, cy], occurredAt: '2025-01-10T10:00:00.000Z' });
    await addInteraction(journal, { personIds: [ada, ben], occurredAt: '2025-02-10T10:00:00.000Z' });
    await addInteraction(journal, { personIds: [cy, dee], occurredAt: '2025-03-10T10:00:00.000Z' });
    const names = (list: { personA: { name: string }; personB: { name: string }; together: number }[]) => list.map((s) => `${s.personA.name}+${s.personB.name}:${s.together}`);
    expect(names(await call(journal, 'links.suggestions', {}))).toEqual(['Ada+Ben:2', 'Cy+Dee:1', 'Ada+Cy:1', 'Ben+Cy:1']);
    expect(names(await call(journal, 'links.suggestions', { personId: cy }))).toEqual(['Cy+Dee:1', 'Ada+Cy:1', 'Ben+Cy:1']);
    await call(journal, 'links.create', { personAId: dee, personBId: cy, kind: 'reports-to' });
    await call(journal, 'links.dismiss', { personAId: cy, personBId: ada });
    expect(names(await call(journal, 'links.suggestions', { personId: cy }))).toEqual(['Ben+Cy:1']);
    expect(names(await call(journal, 'links.suggestions', { limit: 1 }))).toEqual(['Ada+Ben:2']);
  });
});

describe('a person’s goal', () => {
  test('is stored, kept by an update that leaves it out, cleared by null, and refused when too long', async ({ journal }) => {
    const id = await addPerson(journal, { name: 'Ada', goal: '  A board seat at Northwind  ' });
    expect((await call(journal, 'people.get', { id })).goal).toBe('A board seat at Northwind');
    await call(journal, 'people.update', { id, name: 'Ada Lovelace', tags: [] });
    expect(await call(journal, 'people.get', { id })).toMatchObject({ name: 'Ada Lovelace', goal: 'A board seat at Northwind' });
    await call(journal, 'people.update', { id, name: 'Ada Lovelace', goal: '' });
    expect((await call(journal, 'people.get', { id })).goal).toBeNull();
    const error = await refusal(journal, 'people.update', { id, name: 'Ada', goal: 'x'.repeat(301) });
    expect(error.message).toMatch(/goal must be at most 300 characters/i);
    expect((await call(journal, 'people.list'))[0]).not.toHaveProperty('goal');
  });

  test('suggests introductions to whoever offers it, works in it or is at the organization it names, with the reason', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada', goal: 'Move into product management, ideally at Northwind' });
    const ben = await addPerson(journal, { name: 'Ben', tags: ['offer:product-management'] });
    const cy = await addPerson(journal, { name: 'Cy', organization: 'Northwind' });
    const dee = await addPerson(journal, { name: 'Dee', department: 'Product' });
    await addPerson(journal, { name: 'Eve', organization: 'Northwinds Ltd', tags: ['offer:management-consulting'] });
    const ideas = await call(journal, 'introductions.toConsider', {});
    expect(ideas.map((idea) => [idea.personA.id, idea.personB.id, idea.reason])).toEqual([
      [ada, ben, 'Ada’s goal is “Move into product management, ideally at Northwind”, and Ben offers product-management.'],
      [ada, cy, 'Ada’s goal is “Move into product management, ideally at Northwind”, and Cy is at Northwind.'],
      [ada, dee, 'Ada’s goal is “Move into product management, ideally at Northwind”, and Dee works in Product.'],
    ]);
    await call(journal, 'links.create', { personAId: cy, personBId: ada, kind: 'knows' });
    await call(journal, 'introductions.create', { direction: 'made', personAId: dee, personBId: ada, introducedOn: '2025-01-01' });
    expect((await call(journal, 'introductions.toConsider', {})).map((idea) => idea.personB.id)).toEqual([ben]);
  });

  test('goes into the people spreadsheet, the Markdown export and the hand-over pack', async ({ journal }) => {
    const id = await addPerson(journal, { name: 'Ada', goal: 'A board seat at Northwind' });
    const csv = await call(journal, 'export.csv', { table: 'people', includeConfidential: false });
    expect(String(csv.content)).toMatch(/Their goal/);
    expect(String(csv.content)).toMatch(/A board seat at Northwind/);
    const json = await call(journal, 'export.json', { includeConfidential: false });
    const tables = JSON.parse(String(json.content)).tables;
    expect(tables.people[0]).toMatchObject({ name: 'Ada', goal: 'A board seat at Northwind' });
    // The pairs are counters the triggers rebuild, not journal data.
    expect(tables).not.toHaveProperty('co_pairs');
    expect(tables).not.toHaveProperty('co_attendance');
    const pack = await call(journal, 'handover.export', { items: [{ personId: id }] });
    expect(pack.html).toMatch(/What they are working towards<\/h3><p>A board seat at Northwind/);
    expect(pack.markdown).toMatch(/\*\*What they are working towards:\*\* A board seat at Northwind/);
  });
});

describe('a restored journal', () => {
  test('has the same pairs to ask about as the journal it was exported from', async ({ journal, journalDb, dir }) => {
    const [ada, ben, cy] = [await addPerson(journal, { name: 'Ada', goal: 'A seat on a board' }), await addPerson(journal, { name: 'Ben' }), await addPerson(journal, { name: 'Cy' })];
    await addInteraction(journal, { personIds: [ada, ben, cy], occurredAt: '2025-01-10T10:00:00.000Z' });
    await addInteraction(journal, { personIds: [ada, ben], occurredAt: '2025-02-10T10:00:00.000Z' });
    const file = await call(journal, 'export.json', { includeConfidential: true });
    const copy = await openTestJournal(join(dir, 'restored.sqlite'));
    try {
      await call(copy.journal, 'import.restoreJournal', { text: String(file.content) });
      // Links arrive before their interactions (tables go in by name): the interactions' own inserts count them.
      expect(kept(copy.journalDb.raw)).toEqual(kept(journalDb.raw));
      expect(await call(copy.journal, 'links.suggestions', {})).toEqual(await call(journal, 'links.suggestions', {}));
      expect((await call(copy.journal, 'people.get', { id: ada })).goal).toBe('A seat on a board');
    } finally {
      await copy.journal.close();
    }
  });
});
