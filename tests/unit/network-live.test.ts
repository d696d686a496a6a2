// The network kept up to date write by write (core/network/live.ts) must say exactly what reading the whole
// journal again says: random writes of every kind the figures depend on, each followed by the cached answer
// compared with one worked out from scratch. Updates name only some fields (`as never`): the journal fills in
// the rest from what is stored, as the app's forms rely on.
import { allyRoles, exchangeKinds, interactionKinds, levels, linkKinds } from '../../src-main/contract/enums.js';
import type { CareerStage } from '../../src-main/contract/contract.js';
import { networkHandlers } from '../../src-main/core/network/handlers.js';
import { LINK_PAGE, networkGraph, networkOverview, readLinks, readPeople, slicesOf, windowsOf } from '../../src-main/core/network/overview.js';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Rng } from '../../resources/sample/prng.js';
import { call, countTurns, describe, expect, test } from './helpers.js';

const NOW = Date.parse('2025-06-15T12:00:00.000Z');
const DAY = 86_400_000;
const stages: (CareerStage | null)[] = [null, 'first-time-manager', 'rising-leader', 'manager-of-managers', 'executive'];
const ORGS = ['Northwind', 'Contoso', 'Fabrikam', null] as const;
const FUNCTIONS = ['Finance', 'Engineering', null] as const;

describe('network figures kept up to date', () => {
  test('equal a from-scratch computation after every one of many random writes', { timeout: 240_000 }, async ({ journal, journalDb }) => {
    const rng = new Rng(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)]!;
    const chance = (p: number) => rng.next() < p;
    // Dates around the figures' edges: a year back, six months back, the four quarters, and a few in the future.
    const when = () => new Date(NOW - (rng.next() * 480 - 20) * DAY).toISOString();
    const people: number[] = [];
    const interactions: number[] = [];
    const links: number[] = [];
    const exchanges: number[] = [];
    const asks: number[] = [];
    const some = () => [...new Set(Array.from({ length: 1 + Math.floor(rng.next() * 3) }, () => pick(people)))];
    const personFields = () => ({
      name: `${pick(['Ada', 'Ben', 'Chloe', 'Dev', 'Eve', 'Femi', 'Gus'])} ${pick(['Stone', 'Park', 'Okafor', 'Lund'])}`,
      organization: pick(ORGS),
      level: chance(0.8) ? pick(levels) : null,
      insideOrg: chance(0.8) ? chance(0.5) : null,
      department: pick(FUNCTIONS),
      allyRole: chance(0.5) ? pick(allyRoles) : null,
      tags: chance(0.4) ? [`industry:${pick(['energy', 'health', 'retail'])}`] : [],
    });
    const logInteraction = async () => {
      const there = some();
      const created = await call(journal, 'interactions.create', {
        occurredAt: when(),
        kind: pick(interactionKinds),
        title: 'Catch-up',
        personIds: there,
        // Gives and asks logged with it are with some of the people who were there.
        exchanges: chance(0.4) ? [{ direction: pick(['gave', 'received'] as const), kind: pick(exchangeKinds), description: 'Help', personIds: there.slice(0, 1) }] : [],
        asks: chance(0.4) ? [{ direction: 'i-asked', description: 'An ask', personIds: there.slice(-1) }] : [],
      });
      interactions.push(created.id);
    };
    for (let i = 0; i < 14; i += 1) people.push((await call(journal, 'people.create', personFields())).id);
    for (let i = 0; i < 30; i += 1) await logInteraction();

    const writes: [string, () => Promise<unknown>][] = [
      ['add a person', async () => people.push((await call(journal, 'people.create', personFields())).id)],
      ['edit a person', () => call(journal, 'people.update', { id: pick(people), ...personFields() })],
      ['log an interaction with people', logInteraction],
      ['move an interaction', () => call(journal, 'interactions.update', { id: pick(interactions), occurredAt: when() } as never)],
      ['change who was there', () => call(journal, 'interactions.update', { id: pick(interactions), personIds: some() } as never)],
      ['delete an interaction', () => call(journal, 'interactions.delete', { id: pick(interactions) })],
      ['undo a delete', () => call(journal, 'interactions.undoDelete')],
      ['empty the trash', () => call(journal, 'interactions.purgeTrash')],
      [
        'add a link',
        async () => {
          const [a, b] = [pick(people), pick(people)];
          if (a !== b) links.push((await call(journal, 'links.create', { personAId: a, personBId: b, kind: pick(linkKinds) })).id);
        },
      ],
      ['remove a link', async () => links.length && call(journal, 'links.delete', { id: links.splice(Math.floor(rng.next() * links.length), 1)[0]! })],
      [
        'log a give or receive',
        async () => exchanges.push((await call(journal, 'exchanges.create', { direction: pick(['gave', 'received'] as const), kind: pick(exchangeKinds), description: 'Help', occurredAt: when(), personIds: some() })).id),
      ],
      ['move a give', async () => exchanges.length && call(journal, 'exchanges.update', { id: pick(exchanges), occurredAt: when(), direction: pick(['gave', 'received'] as const) } as never)],
      ['delete a give', async () => exchanges.length && call(journal, 'exchanges.delete', { id: exchanges.splice(Math.floor(rng.next() * exchanges.length), 1)[0]! })],
      ['log an ask', async () => asks.push((await call(journal, 'asks.create', { direction: pick(['i-asked', 'they-asked'] as const), description: 'An ask', askedAt: when(), personIds: some() })).id)],
      ['move an ask', async () => asks.length && call(journal, 'asks.update', { id: pick(asks), askedAt: when() } as never)],
      [
        'introduce two people',
        async () => {
          const [a, b] = [pick(people), pick(people)];
          if (a !== b) await call(journal, 'introductions.create', { direction: 'made', personAId: a, personBId: b, introducedOn: '2025-05-01', why: 'Both build engines' });
        },
      ],
      [
        'merge two people',
        async () => {
          const [from, into] = [pick(people), pick(people)];
          if (from === into || people.length < 8) return;
          await call(journal, 'people.merge', { fromId: from, intoId: into });
          people.splice(people.indexOf(from), 1);
        },
      ],
      // Straight to the table, as no call does: the triggers see every write on the connection, not only the API's.
      ['rename through SQL', async () => journalDb.raw.prepare('UPDATE people SET name = ? WHERE id = ?').run(`Zed ${rng.next()}`, pick(people))],
      ['move a give through SQL', async () => exchanges.length && journalDb.raw.prepare('UPDATE exchanges SET occurred_at = ? WHERE id = ?').run(when(), pick(exchanges))],
      ['move an interaction through SQL', async () => journalDb.raw.prepare('UPDATE interactions SET occurred_at = ? WHERE id = ?').run(when(), pick(interactions))],
    ];

    const seen = new Set<string>();
    for (let step = 0; step < 150; step += 1) {
      const [name, write] = pick(writes);
      // A failed write (an id merged away, nothing to undo) must leave the figures as they were, like any other.
      await write().then(
        () => seen.add(name),
        () => undefined,
      );
      // The clock moves too, within the quarter: an hour, a day, sometimes back.
      const now = new Date(NOW + Math.floor(rng.next() * 10 - 3) * (chance(0.5) ? 3_600_000 : DAY)).toISOString();
      const stage = pick(stages);
      const kept = await call(journal, 'network.overview', { now, stage });
      const fresh = await networkOverview(journalDb.db, now, stage);
      expect(kept, `after “${name}” (step ${step})`).toEqual(fresh);
      if (step % 2 === 0) expect(await call(journal, 'network.graph', { now }), `graph after “${name}” (step ${step})`).toEqual(await networkGraph(journalDb.db, now));
      // Each person's meetings are read from person_contacts (kept by migration 12's triggers): the same as
      // counting every interaction they were in, whatever the writes did.
      if (step % 5 === 0) expect(contactsOf(await readPeople(journalDb.db, now, people)), `contacts after “${name}” (step ${step})`).toEqual(everyInteraction(journalDb.raw, now));
    }
    // Every kind of write went through at least once, and the journal grew figures worth comparing.
    expect([...seen].sort()).toEqual(writes.map(([name]) => name).sort());
    const last = await call(journal, 'network.overview', { now: new Date(NOW).toISOString() });
    expect(last.activeCount).toBeGreaterThan(3);
    expect(last.open.linksAmongActive).toBeGreaterThan(0);
  });

  test('a call with nothing written since answers from what it kept; a write answers anew', async ({ journal }) => {
    const now = new Date(NOW).toISOString();
    const ada = (await call(journal, 'people.create', { name: 'Ada' })).id;
    await call(journal, 'interactions.create', { occurredAt: now, kind: 'call', title: 'Call', personIds: [ada] });
    const first = await call(journal, 'network.overview', { now });
    expect(await call(journal, 'network.overview', { now })).toBe(first);
    // A note on the person is not in any figure: the answer kept still holds.
    await call(journal, 'people.update', { id: ada, notes: 'Likes trains' } as never);
    expect(await call(journal, 'network.overview', { now })).toBe(first);
    await call(journal, 'people.update', { id: ada, organization: 'Northwind' } as never);
    const second = await call(journal, 'network.overview', { now });
    expect(second.open.byOrganization.map((figure) => figure.label)).toEqual(['Northwind']);
  });

  test('without a clock passed in, a meeting logged just now counts at once', async ({ journal }) => {
    const ada = (await call(journal, 'people.create', { name: 'Ada' })).id;
    expect((await call(journal, 'network.overview')).activeCount).toBe(0);
    await call(journal, 'interactions.create', { occurredAt: new Date().toISOString(), kind: 'call', title: 'Call', personIds: [ada] });
    expect((await call(journal, 'network.overview')).activeCount).toBe(1);
    expect((await call(journal, 'network.graph')).nodes).toMatchObject([{ id: ada, active: true, interactions: 1 }]);
  });

  test('two kept up to date on one connection each see every write, whichever applies it first', async ({ journal, journalDb }) => {
    const now = new Date(NOW).toISOString();
    const ada = (await call(journal, 'people.create', { name: 'Ada' })).id;
    const ben = (await call(journal, 'people.create', { name: 'Ben' })).id;
    await call(journal, 'interactions.create', { occurredAt: now, kind: 'call', title: 'Call', personIds: [ada, ben] });
    // A second network capability on the journal's own connection, beside the journal's.
    const other = networkHandlers(journalDb.db)['network.overview'];
    expect((await call(journal, 'network.overview', { now })).open.linksAmongActive).toBe(0);
    expect((await other({ now })).open.linksAmongActive).toBe(0);
    await call(journal, 'links.create', { personAId: ada, personBId: ben });
    expect((await call(journal, 'network.overview', { now })).open.linksAmongActive).toBe(1);
    expect((await other({ now })).open.linksAmongActive).toBe(1);
    // And the other way round.
    await call(journal, 'people.update', { id: ada, organization: 'Northwind' } as never);
    expect((await other({ now })).open.byOrganization.map((figure) => figure.label)).toContain('Northwind');
    expect((await call(journal, 'network.overview', { now })).open.byOrganization.map((figure) => figure.label)).toContain('Northwind');
  });
});

type Contacts = Record<number, { interactions: number; lastInteractionAt: string | null; recent: number; recentHalf: number; recentHalfWithMyAsk: number; quarters: string[] }>;

function contactsOf(people: Awaited<ReturnType<typeof readPeople>>): Contacts {
  const out: Contacts = {};
  for (const p of people) {
    if (p.interactions === 0) continue;
    out[p.id] = { interactions: p.interactions, lastInteractionAt: p.lastInteractionAt, recent: p.recent, recentHalf: p.recentHalf, recentHalfWithMyAsk: p.recentHalfWithMyAsk, quarters: [...p.quarters].sort() };
  }
  return out;
}

/** The same figures counted the long way, in plain code from every live interaction and every ask of mine. */
function everyInteraction(raw: BetterSqlite3.Database, now: string): Contacts {
  const { since, half, from, quarters } = windowsOf(now);
  const rows = raw
    .prepare(`SELECT ip.person_id AS person, i.id, i.occurred_at AS at FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id WHERE i.deleted_at IS NULL`)
    .all() as { person: number; id: number; at: string }[];
  const asked = new Set(
    (raw.prepare(`SELECT a.interaction_id AS id, ap.person_id AS person FROM asks a JOIN ask_people ap ON ap.ask_id = a.id WHERE a.direction = 'i-asked' AND a.interaction_id IS NOT NULL`).all() as { id: number; person: number }[]).map(
      (row) => `${row.id}:${row.person}`,
    ),
  );
  const out: Contacts = {};
  for (const { person, id, at } of rows) {
    if (at < from || at > now) continue;
    const entry = (out[person] ??= { interactions: 0, lastInteractionAt: null, recent: 0, recentHalf: 0, recentHalfWithMyAsk: 0, quarters: [] });
    entry.interactions += 1;
    if (entry.lastInteractionAt === null || at > entry.lastInteractionAt) entry.lastInteractionAt = at;
    if (at >= since) entry.recent += 1;
    if (at >= half) {
      entry.recentHalf += 1;
      if (asked.has(`${id}:${person}`)) entry.recentHalfWithMyAsk += 1;
    }
    const quarter = quarters.find((q) => at >= q.since && at < q.until)?.quarter;
    if (quarter && !entry.quarters.includes(quarter)) entry.quarters.push(quarter);
  }
  for (const entry of Object.values(out)) entry.quarters.sort();
  return out;
}

describe('network read in slices', () => {
  test('cuts after 400 people or before a slice would pass its contacts; someone met more than that is a slice alone', () => {
    const people = (counts: (number | null)[]) => counts.map((contacts, index) => ({ id: index + 1, contacts }));
    expect(slicesOf(people([5, 5, 5, null, 5]), 2, 100)).toEqual([[1, 2], [3, 4], [5]]);
    expect(slicesOf(people([60, 30, 20, 500, 1, 1]), 400, 100)).toEqual([[1, 2], [3], [4], [5, 6]]);
    expect(slicesOf(people([]), 400, 100)).toEqual([]);
  });

  test('reads every link a page at a time, in id order, letting other work run between two pages', async ({ journalDb }) => {
    const { raw, db } = journalDb;
    const at = new Date(NOW).toISOString();
    const addPerson = raw.prepare(`INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)`);
    const addLink = raw.prepare(`INSERT INTO person_ties (person_a_id, person_b_id, kind, created_at, updated_at) VALUES (?, ?, 'knows', ?, ?)`);
    raw.transaction(() => {
      const ids = Array.from({ length: 120 }, (_, i) => Number(addPerson.run(`Person ${i}`, at, at).lastInsertRowid));
      for (let x = 0; x < ids.length; x += 1) for (let y = x + 1; y < ids.length; y += 1) addLink.run(ids[x], ids[y], at, at);
    })();
    // Gaps in the ids, one of them where a page ends.
    raw.prepare(`DELETE FROM person_ties WHERE id % 7 = 3 OR id = ?`).run(LINK_PAGE);
    const expected = (raw.prepare(`SELECT id, person_a_id, person_b_id, kind FROM person_ties ORDER BY id`).raw().all() as [number, number, number, string][]);
    expect(expected.length).toBeGreaterThan(LINK_PAGE);
    const turns = countTurns();
    const read = await readLinks(db, null);
    expect(turns.stop()).toBeGreaterThanOrEqual(Math.floor(expected.length / LINK_PAGE));
    expect(read).toEqual(expected);
    expect(await readLinks(db, [expected[0]![0], expected.at(-1)![0], 3])).toEqual([expected[0], expected.at(-1)]);
  });
});
