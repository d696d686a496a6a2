import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { CallInput } from '../../src-main/contract/contract.js';
import type { CallName } from '../../src-main/contract/names.js';
import type { Journal } from '../../src-main/core/index.js';
import { addInteraction, addPerson, at, call, captureStatements, describe, expect, newPerson, test } from './helpers.js';

// The hot queries' plans, as SQLite would run them: every statement a screen's call makes is captured and
// explained, and none may walk a big table from end to end. A later change that brings back a scan (a
// join on every interaction, a count of every row) fails here, whatever the machine's speed.

const BIG_TABLES = ['interactions', 'interaction_people', 'exchanges', 'exchange_people', 'asks', 'ask_people', 'thanks', 'commitments'];

async function plansOf<K extends CallName>(journal: Journal, raw: BetterSqlite3.Database, name: K, input?: CallInput<K>) {
  const { statements, stop } = captureStatements(raw);
  try {
    await call(journal, name, input);
  } finally {
    stop();
  }
  return statements
    .filter(({ sql }) => /^\s*(select|with)\b/i.test(sql))
    .map(({ sql, parameters }) => ({
      sql: sql.replace(/"/g, '').replace(/\s+/g, ' ').trim(),
      plan: (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((row) => row.detail),
    }));
}

/** Plan lines that read a big table (or its index) from one end to the other. */
function scans(plans: { sql: string; plan: string[] }[], tables: readonly string[] = BIG_TABLES) {
  return plans.flatMap(({ sql, plan }) =>
    plan
      .filter((detail) => {
        const scanned = /^SCAN (\w+)(?: AS \w+)?/.exec(detail);
        if (!scanned) return false;
        // A page of the timeline walks its index from the cursor and stops at the page's end, as the first
        // live exchange stops at its first row: not a scan.
        if (/USING (COVERING )?INDEX (interactions_timeline|exchanges_occurred)/.test(detail) && /\blimit\b/i.test(sql) && !/\bexists\b/i.test(sql)) return false;
        const table = sql.match(new RegExp(`\\b(?:from|join) (\\w+)(?: as)? ${scanned[1]}\\b`, 'i'))?.[1] ?? scanned[1]!;
        return tables.includes(table) || tables.includes(scanned[1]!);
      })
      .map((detail) => `${detail}   in: ${sql.slice(0, 160)}`),
  );
}

async function someData(journal: Journal) {
  const people: number[] = [];
  for (let i = 0; i < 5; i += 1) people.push(await addPerson(journal, { name: `Person ${i}`, tags: i % 2 ? ['mentor'] : [] }));
  for (let i = 0; i < 30; i += 1) {
    await addInteraction(journal, {
      occurredAt: at(i * 60 * 24 * 7),
      title: `Week ${i}: the team and the budget`,
      notes: 'We went over the plan, the roadmap and the budget.',
      personIds: [people[i % 5]!, people[(i + 1) % 5]!],
    });
  }
  return people;
}

describe('hot queries', () => {
  test('the window, the People table and a person page never scan interactions or their links', async ({ journal, journalDb }) => {
    const [first] = await someData(journal);
    const plans = [
      ...(await plansOf(journal, journalDb.raw, 'journal.info')),
      ...(await plansOf(journal, journalDb.raw, 'people.list')),
      ...(await plansOf(journal, journalDb.raw, 'people.window', { sort: 'lastInteractionAt', descending: true })),
      ...(await plansOf(journal, journalDb.raw, 'people.window', { query: 'person', dueOnly: true, offset: 1, limit: 2 })),
      ...(await plansOf(journal, journalDb.raw, 'people.window', { query: 'persno' })),
      ...(await plansOf(journal, journalDb.raw, 'people.find', { query: 'pers', exclude: [first!] })),
      ...(await plansOf(journal, journalDb.raw, 'people.find', { query: '' })),
      ...(await plansOf(journal, journalDb.raw, 'people.get', { id: first! })),
      ...(await plansOf(journal, journalDb.raw, 'interactions.timeline', { limit: 50 })),
      ...(await plansOf(journal, journalDb.raw, 'interactions.timeline', { limit: 50, personId: first! })),
    ];
    expect(plans.length).toBeGreaterThan(5);
    expect(scans(plans)).toEqual([]);
  });

  test("the quarterly review finds new people by their first contact, not by grouping every interaction", async ({ journal, journalDb }) => {
    await someData(journal);
    const plans = await plansOf(journal, journalDb.raw, 'review.quarter', { quarter: '2025-Q2', now: '2025-06-01T12:00:00.000Z' });
    const firsts = plans.filter(({ sql }) => sql.includes('firsts'));
    expect(firsts).toHaveLength(1);
    expect(firsts[0]!.plan.join('\n')).toMatch(/SEARCH person_stats USING (COVERING )?INDEX person_stats_first/);
    expect(scans(firsts)).toEqual([]);
    // The people seen: one range of everyone's contacts by date, no seek into each entry's links.
    const counts = plans.filter(({ sql }) => sql.includes('COUNT(DISTINCT'));
    expect(counts).toHaveLength(1);
    expect(counts[0]!.plan.join('\n')).toMatch(/SEARCH c USING COVERING INDEX person_contacts_date \(occurred_at>\? AND occurred_at<\?\)/);
    expect(counts[0]!.plan.join('\n')).not.toMatch(/interaction_people|SEARCH j /);
  });

  // The reciprocity screens add up exchanges and asks (a tenth of the journal's size): those sums may read
  // every exchange, but never an interaction's row or every link between interactions and people.
  test('the reciprocity screens, the review and the associations never walk interactions or their links', async ({ journal, journalDb }) => {
    const people = await someData(journal);
    const now = '2025-06-01T12:00:00.000Z';
    await call(journal, 'exchanges.create', { direction: 'received', kind: 'advice', description: 'Pricing notes', occurredAt: at(10), personIds: [people[0]!] });
    await call(journal, 'asks.create', { direction: 'i-asked', description: 'An intro', askedAt: at(20), personIds: [people[1]!] });
    await call(journal, 'commitments.create', { direction: 'i-owe', personId: people[2]!, description: 'Send the deck', dueOn: '2025-05-01' });
    const association = await call(journal, 'associations.create', { name: 'Product Circle', category: 'function', now });
    const plans = [
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.ledger', {})),
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.ledger', { since: '2025-01-01T00:00:00.000Z' })),
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.queues', {})),
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.queueSummary', {})),
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.person', { personId: people[0]! })),
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.beforeAsk', { personIds: [people[0]!, people[1]!] })),
      ...(await plansOf(journal, journalDb.raw, 'review.quarter', { quarter: '2025-Q2', now })),
      ...(await plansOf(journal, journalDb.raw, 'associations.list', { now })),
      ...(await plansOf(journal, journalDb.raw, 'associations.get', { id: association.id, now })),
      ...(await plansOf(journal, journalDb.raw, 'associations.pace', { now })),
    ];
    expect(plans.length).toBeGreaterThan(20);
    expect(scans(plans, ['interactions', 'interaction_people'])).toEqual([]);
    // The sums over every exchange and ask test each one's entry for trash among the trashed entries
    // (interactions_trashed), never among all the entries nor in the entry's row (where deleted_at sits
    // after the notes): at a million entries that was a random read per exchange.
    const sums = plans.filter(({ sql }) => /GROUP BY (ep|ap)\.person_id/.test(sql));
    expect(sums.length).toBeGreaterThan(0);
    for (const { plan } of sums) {
      expect(plan.join('\n')).toMatch(/SEARCH trashed USING INDEX interactions_trashed \(id=\?/);
      expect(plan.filter((detail) => /^SEARCH a?i USING/.test(detail))).toEqual([]);
    }
    // The ledger window's months of flow start from the window's people, whatever the statistics say:
    // driven from the exchanges instead, every exchange was probed against every person (2.7 s at 100k).
    const flows = plans.filter(({ sql }) => /FROM json_each\(\?\) w CROSS JOIN exchange_people/.test(sql));
    expect(flows.length).toBeGreaterThan(0);
    for (const { plan } of flows) expect(plan[0]).toMatch(/^SCAN w\b/);
    // Attendance and the review's event count read the events index.
    const events = plans.filter(({ sql }) => /kind = \?|kind = 'event'/.test(sql) && /association_id|events/.test(sql));
    expect(events.length).toBeGreaterThan(0);
    for (const { plan } of events) expect(plan.join('\n')).toMatch(/interactions_events/);
  });

  // The counters of migration 12: the all-time ledger and the queues' last give, receive and ask read one
  // row per person; the review and the queues read their own period's exchanges by date, never all of them.
  test('the all-time ledger, the queues and the review read the counters and their period, not every exchange or ask', async ({ journal, journalDb }) => {
    const people = await someData(journal);
    const now = '2025-06-01T12:00:00.000Z';
    await call(journal, 'exchanges.create', { direction: 'received', kind: 'advice', description: 'Pricing notes', occurredAt: at(10), personIds: [people[0]!] });
    await call(journal, 'exchanges.create', { direction: 'gave', kind: 'help', description: 'A review', occurredAt: at(30), personIds: [people[1]!] });
    await call(journal, 'asks.create', { direction: 'i-asked', description: 'An intro', askedAt: at(20), personIds: [people[1]!] });
    await call(journal, 'people.update', { id: people[1]!, name: 'Person 1', allyRole: 'mentor', cadenceDays: 30 });
    const ledger = await plansOf(journal, journalDb.raw, 'reciprocity.ledger', { sort: 'balance', limit: 200 });
    const main = ledger.filter(({ sql }) => /person_reciprocity/.test(sql));
    expect(main).toHaveLength(1);
    expect(main[0]!.plan.join('\n')).not.toMatch(/\b(exchanges|exchange_people|asks|ask_people)\b/);
    expect(scans(ledger)).toEqual([]);
    const periods = [
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.ledger', { since: '2025-01-01T00:00:00.000Z', sort: 'balance', limit: 200 })),
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.queues', { now })),
      // A queue tab's window reads what its list of the queues reads, and no more.
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.queue', { list: 'give-first', limit: 50, now })),
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.queue', { list: 'thanks', limit: 50, now })),
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.queue', { list: 'i-owe', limit: 50, now })),
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.queue', { list: 'past-cadence', limit: 50, now })),
      // Its counts are the queues' own statements, counted: the same reads, never more.
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.queueSummary', { now })),
      ...(await plansOf(journal, journalDb.raw, 'review.quarter', { quarter: '2025-Q1', now })),
    ];
    // Asks (a third of the exchanges) have no date index and commitments are fewer still: those are read whole.
    expect(scans(periods, ['interactions', 'interaction_people', 'exchanges', 'exchange_people', 'thanks'])).toEqual([]);
  });

  // A person's page brings a page of their exchanges (#11): read from their links by the person's index and
  // the sums from the counters, never every exchange, nor all of theirs in full.
  test("a person's give and take reads a page of their exchanges through their links", async ({ journal, journalDb }) => {
    const people = await someData(journal);
    for (let i = 0; i < 4; i += 1) {
      await call(journal, 'exchanges.create', { direction: i % 2 ? 'gave' : 'received', kind: 'advice', description: `Notes ${i}`, occurredAt: at(10 + i), personIds: [people[0]!] });
    }
    const first = await call(journal, 'reciprocity.exchanges', { personId: people[0]!, after: `${at(12)}~99`, limit: 1 });
    expect(first.next).not.toBeNull();
    const plans = [
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.person', { personId: people[0]! })),
      ...(await plansOf(journal, journalDb.raw, 'reciprocity.exchanges', { personId: people[0]!, after: first.next!, limit: 50 })),
    ];
    const pages = plans.filter(({ sql }) => /FROM exchange_people ep CROSS JOIN exchanges e/.test(sql));
    expect(pages).toHaveLength(2);
    for (const { plan } of pages) {
      expect(plan[0]).toMatch(/^SEARCH ep USING COVERING INDEX exchange_people_person \(person_id=\?\)/);
      expect(plan.join('\n')).toMatch(/SEARCH e USING INTEGER PRIMARY KEY/);
    }
    expect(scans(plans)).toEqual([]);
  });

  // The network's first read goes through everyone a slice at a time: each person's meetings of the last
  // year and a quarter are a seek in person_contacts, never a walk of their whole history in
  // interaction_people with a lookup of every interaction (58–173 ms per slice at 100k).
  test("the network's per-person figures seek each person's contacts in the window, never their whole history", async ({ journal, journalDb }) => {
    const people = await someData(journal);
    await addInteraction(journal, { occurredAt: at(29 * 60 * 24 * 7), personIds: [people[2]!], asks: [{ direction: 'i-asked', description: 'A reference' }] });
    const plans = await plansOf(journal, journalDb.raw, 'network.overview', { now: at(30 * 60 * 24 * 7) });
    const contacts = plans.filter(({ sql }) => /\bhalf_ask\b/.test(sql));
    expect(contacts.length).toBeGreaterThan(0);
    for (const { plan } of contacts) {
      const text = plan.join('\n');
      expect(text).toMatch(/SEARCH c USING PRIMARY KEY \(person_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
      expect(text).not.toMatch(/interaction_people|interactions_timeline|interactions_live/);
    }
    expect(scans(plans, ['interactions', 'interaction_people'])).toEqual([]);
  });

  // The log form's "thank them for…" reads its people's help from their links, not every exchange of the
  // year owed thanks and then kept (65 ms at a million for two people, most of it everyone else's help).
  test("the log form's thanks owed starts from its people's links", async ({ journal, journalDb }) => {
    const people = await someData(journal);
    await call(journal, 'exchanges.create', { direction: 'received', kind: 'advice', description: 'Pricing notes', occurredAt: at(10), personIds: [people[0]!] });
    const plans = await plansOf(journal, journalDb.raw, 'reciprocity.thanksOwed', { personIds: [people[0]!, people[1]!], now: at(20) });
    const owed = plans.filter(({ sql }) => /json_each/.test(sql) && /thanks/.test(sql));
    expect(owed.length).toBeGreaterThan(0);
    for (const { plan } of owed) expect(plan.join('\n')).toMatch(/SEARCH ep USING (COVERING )?INDEX exchange_people_person \(person_id=\?\)/);
    expect(scans(plans, ['interactions', 'interaction_people', 'exchanges', 'exchange_people', 'thanks'])).toEqual([]);
  });

  // The log form's check before an ask counts gives and receives from the counters and reads one give and
  // one receive: someone helped thousands of times was read whole, with everyone named on each exchange.
  test('the check before an ask reads the newest give and receive, not every exchange of the person', async ({ journal, journalDb }) => {
    const people = await someData(journal);
    for (const direction of ['gave', 'received', 'gave'] as const) {
      await call(journal, 'exchanges.create', { direction, kind: 'advice', description: 'Pricing notes', occurredAt: at(10), personIds: [people[0]!] });
    }
    const plans = await plansOf(journal, journalDb.raw, 'reciprocity.beforeAsk', { personIds: [people[0]!] });
    const exchanges = plans.filter(({ sql }) => /\bfrom exchanges as e\b/i.test(sql));
    expect(exchanges.length).toBeGreaterThan(0);
    for (const { sql } of exchanges) expect(sql).toMatch(/\blimit \?$/i);
    expect(scans(plans)).toEqual([]);
  });

  // "Only asks lately" (keep in touch) starts from the window's asks by their date and seeks each asker's
  // contacts in person_contacts: walking the six months' interactions and their people cost 0.2 s at 100k.
  test('only asks lately seeks the window\'s asks and each asker\'s contacts, never the window\'s interactions', async ({ journal, journalDb }) => {
    const people = await someData(journal);
    const now = at(30 * 60 * 24 * 7);
    await call(journal, 'asks.create', { direction: 'i-asked', description: 'An intro', askedAt: at(29 * 60 * 24 * 7), personIds: [people[1]!] });
    await addInteraction(journal, { occurredAt: at(28 * 60 * 24 * 7), personIds: [people[2]!], asks: [{ direction: 'i-asked', description: 'A reference' }] });
    const plans = await plansOf(journal, journalDb.raw, 'reciprocity.queues', { now });
    const onlyAsks = plans.filter(({ sql }) => /\baskers AS\b/.test(sql));
    expect(onlyAsks).toHaveLength(1);
    const plan = onlyAsks[0]!.plan.join('\n');
    expect(plan).toMatch(/SEARCH a USING COVERING INDEX asks_asked \(asked_at>\? AND asked_at<\?\)/);
    expect(plan).toMatch(/SEARCH [co] USING PRIMARY KEY \(person_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
    expect(plan).not.toMatch(/interactions_timeline|interaction_people/);
    expect(scans(onlyAsks)).toEqual([]);
  });

  test('a search for the commonest word ranks a bounded set, and a one-letter search walks the newest entries only', async ({ journal, journalDb }) => {
    await someData(journal);
    for (const query of ['the', 't', 'teh', 'budget kind:meeting']) {
      const plans = await plansOf(journal, journalDb.raw, 'search.query', { query });
      expect(scans(plans), query).toEqual([]);
    }
  });

  // tag:investor at a million is 3,641 people and 143,806 of their entries: the newest are found by walking
  // the timeline, each entry checked by its own links. Checked by every id of the set instead (the index
  // by person, one seek per id), each entry walked cost 3,641 seeks: 320 ms for one page.
  test('a filter on many people walks the timeline and checks each entry by its own links', async ({ journal, journalDb }) => {
    const people = await someData(journal);
    const { raw } = journalDb;
    const columns = (raw.prepare('PRAGMA table_info(interactions)').all() as { name: string }[]).map((column) => column.name).filter((name) => name !== 'id').join(', ');
    const [template] = raw.prepare('SELECT MAX(id) AS id FROM interactions').pluck().all() as number[];
    raw.exec(`WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 2100)
      INSERT INTO interactions (${columns}) SELECT ${columns} FROM interactions, n WHERE id = ${template}`);
    raw.exec(`INSERT INTO interaction_people (interaction_id, person_id) SELECT id, ${people[1]} FROM interactions WHERE id > ${template}`);
    const plans = await plansOf(journal, raw, 'search.query', { query: 'tag:mentor' });
    const walk = plans.find(({ sql }) => /INDEXED BY interactions_timeline/i.test(sql));
    expect(walk?.plan.join('\n')).toMatch(/SEARCH ip EXISTS USING PRIMARY KEY \(interaction_id=\?\)/);
    expect(walk?.plan.join('\n')).not.toMatch(/interaction_people_person/);
  });

  // The People filter and the pickers keep everyone's folded text between calls: a keystroke reads no tags
  // or emails (nor does it join them per person) unless the people revision has moved.
  test('a filter typed and a picker asked again read everyone\'s text once, until a person changes', async ({ journal, journalDb }) => {
    const [first] = await someData(journal);
    const texts = (plans: { sql: string }[]) => plans.filter(({ sql }) => /person_tags|person_emails/.test(sql) && !/WHERE p?\.?person_id IN|person_id in/i.test(sql));
    expect(texts(await plansOf(journal, journalDb.raw, 'people.window', { query: 'person' }))).toHaveLength(1);
    const again = await plansOf(journal, journalDb.raw, 'people.window', { query: 'persno 1', sort: 'interactionCount' });
    expect(texts(again)).toEqual([]);
    // Nor everyone's row again: only the window's own people are read, by id.
    expect(again.filter(({ sql }) => /FROM people/i.test(sql) && !/ in \(/i.test(sql))).toEqual([]);
    expect(texts(await plansOf(journal, journalDb.raw, 'people.find', { query: 'pers' }))).toEqual([]);
    await call(journal, 'people.update', { id: first!, ...newPerson({ name: 'Renamed', tags: ['mentor'] }) });
    expect(texts(await plansOf(journal, journalDb.raw, 'people.find', { query: 'renamed' }))).toHaveLength(1);
  });
});
