import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { Highlighted, SearchResults } from '../../src-main/contract/contract.js';
import { migrate, schemaVersion } from '../../src-main/core/db/migrate.js';
import { initial } from '../../src-main/core/db/migrations/0001-initial.js';
import { LATEST_VERSION } from '../../src-main/core/db/migrations/index.js';
import { matchExpression } from '../../src-main/core/search/fts.js';
import { nameCloseness, readVocabulary, typoDistance } from '../../src-main/core/search/fuzzy.js';
import { parseQuery } from '../../src-main/core/search/query.js';
import type { Journal } from '../../src-main/core/index.js';
import { addInteraction, addPerson, at, call, countTurns, describe, expect, openTestJournal, refusal, test } from './helpers.js';

const text = (parts: Highlighted | null) => (parts ?? []).map((part) => (part.hit ? `[${part.text}]` : part.text)).join('');

/** A search's answer once its typo corrections could be looked for: asked again while they are pending, as the search screen does. */
async function find(journal: Journal, query: string, includeConfidential = false): Promise<SearchResults> {
  for (;;) {
    const results = await call(journal, 'search.query', { query, includeConfidential });
    if (!results.typosPending) return results;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const titles = (results: SearchResults) => results.conversations.map((hit) => text(hit.title).replace(/[[\]]/g, ''));

/** The FTS index agrees with the live rows it was built from (FTS5's own check). */
function assertIndexIntact(raw: BetterSqlite3.Database): void {
  raw.exec(`INSERT INTO interactions_fts (interactions_fts, rank) VALUES ('integrity-check', 1)`);
  raw.exec(`INSERT INTO people_fts (people_fts, rank) VALUES ('integrity-check', 1)`);
}

describe('the query language', () => {
  test('reads words, phrases and every filter', () => {
    const parsed = parseQuery('budget "board seat" person:priya org:"Acme Corp" kind:call,coffees tag:#Investor association:circle after:2024-01 before:2025-03-15');
    expect(parsed.problems).toEqual([]);
    expect(parsed.terms).toEqual([
      { type: 'word', text: 'budget', tokens: ['budget'] },
      { type: 'phrase', text: 'board seat', tokens: ['board', 'seat'] },
    ]);
    expect(parsed.person.map((term) => term.tokens)).toEqual([['priya']]);
    expect(parsed.org).toEqual([{ type: 'phrase', text: 'Acme Corp', tokens: ['acme', 'corp'] }]);
    expect(parsed.kind).toEqual(['call', 'coffee']);
    expect(parsed.tag).toEqual(['investor']);
    expect(parsed.association).toEqual([{ type: 'word', text: 'circle', tokens: ['circle'] }]);
    expect(parsed.after?.iso).toBe(new Date(2024, 1, 1).toISOString());
    expect(parsed.before?.iso).toBe(new Date(2025, 2, 15).toISOString());
  });

  test('treats an unknown prefix and stray punctuation as text', () => {
    const parsed = parseQuery('re:budget -- && ok');
    expect(parsed.problems).toEqual([]);
    expect(parsed.terms.map((term) => term.tokens)).toEqual([['re', 'budget'], ['ok']]);
  });

  test.for([
    ['kind:coffe', /kind: must be one of meeting, call, coffee/],
    ['after:2024-13', /no month 13/],
    ['before:2025-02-30', /not a day on the calendar/],
    ['before:10/03/2025', /YYYY-MM-DD/],
    ['before:last-week', /not a date Confidant understands/],
    ['after:2025 before:2024', /not earlier than/],
    ['before:2024 before:2025', /two before: dates/],
  ])('explains %s as an error', ([query, message]) => {
    const { problems } = parseQuery(query as string);
    expect(problems).toEqual([{ severity: 'error', message: expect.stringMatching(message as RegExp) }]);
  });

  test('reads an unclosed quote as closed, and says so', () => {
    const parsed = parseQuery('"board se');
    expect(parsed.terms).toEqual([{ type: 'phrase', text: 'board se', tokens: ['board', 'se'] }]);
    expect(parsed.problems).toEqual([{ severity: 'warning', message: expect.stringContaining('not closed') }]);
  });

  test('warns about a filter with nothing after it and ignores it', () => {
    const parsed = parseQuery('budget person:');
    expect(parsed.person).toEqual([]);
    expect(parsed.problems).toEqual([{ severity: 'warning', message: expect.stringContaining('after person:') }]);
  });

  test('never lets FTS5 syntax through', () => {
    const parsed = parseQuery('NEAR(a b) OR "x" AND title:y ^start col* {title}: - ) ( "');
    const match = matchExpression(parsed.terms)!;
    // Only quoted tokens of letters and digits, joined by AND, with a prefix star after a closing quote.
    expect(match).toMatch(/^("[\p{L}\p{N} ]+"\*?)( AND "[\p{L}\p{N} ]+"\*?)*$/u);
  });
});

describe('typo tolerance', () => {
  test('counts a swap as one typo and accepts partial words', () => {
    expect(typoDistance('pryia', 'priya')).toBe(1);
    expect(nameCloseness('pryia', 'Priya Natarajan')).toBe(1);
    expect(nameCloseness('nat', 'Priya Natarajan')).toBe(0);
    expect(nameCloseness('acme', 'Carmen Alvarez')).toBeNull();
    expect(nameCloseness('zoe', 'Zoë Adams')).toBe(0);
  });
});

describe('search', () => {
  test('finds conversations by title and notes, highlighting the words', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada Lovelace' });
    await addInteraction(journal, { title: 'Reorg planning', notes: 'Talked about the board seat and the budget.', personIds: [ada] });
    await addInteraction(journal, { title: 'Coffee', notes: 'Nothing about that.', personIds: [ada] });

    const results = await find(journal, 'board seat');
    expect(results.problems).toEqual([]);
    expect(results.conversations).toHaveLength(1);
    expect(results.conversations[0]).toMatchObject({ people: [{ id: ada, name: 'Ada Lovelace' }], confidential: false });
    expect(text(results.conversations[0]!.snippet)).toBe('Talked about the [board] [seat] and the budget.');

    expect(titles(await find(journal, 'reorg'))).toEqual(['Reorg planning']);
    expect(text((await find(journal, 'reo')).conversations[0]!.title)).toBe('[Reorg] planning');
    expect((await find(journal, '"seat board"')).conversations).toEqual([]);
  });

  test('ranks title matches above note matches, then newer above older', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada Lovelace' });
    await addInteraction(journal, { occurredAt: at(0), title: 'Old note', notes: 'We discussed the offsite.', personIds: [ada] });
    await addInteraction(journal, { occurredAt: at(10), title: 'New note', notes: 'We discussed the offsite.', personIds: [ada] });
    await addInteraction(journal, { occurredAt: at(-100), title: 'Offsite agenda', notes: 'Rooms and food.', personIds: [ada] });

    expect(titles(await find(journal, 'offsite'))).toEqual(['Offsite agenda', 'New note', 'Old note']);
  });

  // "the" is in most notes: ranking every match cost more than a second at a million entries. A word in
  // more than a hundred notes ranks the newest hundred of them; a rarer one ranks them all (above).
  test('a word in more than a hundred notes ranks its newest hundred, and says when there are more', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada Lovelace' });
    await addInteraction(journal, { occurredAt: at(-500), title: 'Offsite agenda', notes: 'Rooms and food.', personIds: [ada] });
    for (let i = 0; i < 104; i += 1) {
      await addInteraction(journal, { occurredAt: at(i), title: `Note ${i}`, notes: 'We discussed the offsite.', personIds: [ada] });
    }
    await addInteraction(journal, { occurredAt: at(-400), title: 'Offsite budget', notes: 'Catering.', personIds: [ada] });

    const page = await find(journal, 'offsite');
    // The newest title match first; the one written before the newest hundred notes is not ranked.
    expect(titles(page)[0]).toBe('Offsite budget');
    expect(titles(page)).not.toContain('Offsite agenda');
    expect(page.conversations).toHaveLength(30);
    expect(page.more).toBe(true);
    // Equal scores: newer first.
    expect(titles(page).slice(1, 4)).toEqual(['Note 103', 'Note 102', 'Note 101']);

    const full = await call(journal, 'search.query', { query: 'offsite', includeConfidential: false, limit: 100 });
    expect(full.conversations).toHaveLength(100);
    expect(full.more).toBe(true);
  });

  test('keeps the index in sync across create, edit, delete and undo', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal, { name: 'Ada Lovelace' });
    const id = await addInteraction(journal, { title: 'Budget review', notes: 'Headcount freeze.', personIds: [ada] });
    expect(titles(await find(journal, 'headcount'))).toEqual(['Budget review']);

    await call(journal, 'interactions.update', { id, occurredAt: at(0), kind: 'call', title: 'Hiring review', notes: 'Offers on hold.', personIds: [ada] });
    expect((await find(journal, 'headcount')).conversations).toEqual([]);
    expect((await find(journal, 'budget')).conversations).toEqual([]);
    expect(titles(await find(journal, 'offers'))).toEqual(['Hiring review']);
    assertIndexIntact(journalDb.raw);

    await call(journal, 'interactions.delete', { id });
    expect((await find(journal, 'offers')).conversations).toEqual([]);
    assertIndexIntact(journalDb.raw);

    await call(journal, 'interactions.undoDelete');
    expect(titles(await find(journal, 'offers'))).toEqual(['Hiring review']);

    // A second delete purges the first for good: the index must let go of it too.
    const other = await addInteraction(journal, { title: 'Other', personIds: [ada] });
    await call(journal, 'interactions.delete', { id });
    await call(journal, 'interactions.delete', { id: other });
    expect((await find(journal, 'offers')).conversations).toEqual([]);
    expect(journalDb.raw.prepare('SELECT count(*) FROM interactions_vocab WHERE term = ?').pluck().get('offers')).toBe(0);
    assertIndexIntact(journalDb.raw);
  });

  test('keeps people in sync across edits and tag changes', async ({ journal, journalDb }) => {
    const id = await addPerson(journal, { name: 'Grace Hopper', organization: 'Navy', role: 'Rear admiral', tags: ['mentor'] });
    expect((await find(journal, 'navy')).people.map((hit) => hit.id)).toEqual([id]);
    expect(text((await find(journal, 'navy')).people[0]!.detail)).toBe('[Navy] · Rear admiral');
    expect((await find(journal, 'mentor')).people.map((hit) => hit.id)).toEqual([id]);

    await call(journal, 'people.update', { id, name: 'Grace B. Hopper', organization: 'Univac', role: 'Engineer', tags: ['compilers'] });
    expect((await find(journal, 'navy')).people).toEqual([]);
    expect((await find(journal, 'mentor')).people).toEqual([]);
    expect((await find(journal, 'compilers')).people).toMatchObject([{ id, tags: ['compilers'] }]);
    expect(text((await find(journal, 'univac')).people[0]!.detail)).toBe('[Univac] · Engineer');
    assertIndexIntact(journalDb.raw);
  });

  test('leaves confidential notes out unless asked, and never returns their text', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada Lovelace' });
    await addInteraction(journal, { title: 'Private chat', notes: 'She is leaving for a rival.', confidential: true, personIds: [ada] });

    expect((await find(journal, 'rival')).conversations).toEqual([]);
    const included = await find(journal, 'rival', true);
    expect(included.conversations).toMatchObject([{ confidential: true, snippet: null, matchedConfidentialNotes: true }]);
    expect(JSON.stringify(included)).not.toContain('leaving');

    // The title of a confidential entry is not confidential (the timeline shows it too).
    expect((await find(journal, 'private')).conversations).toMatchObject([{ confidential: true, snippet: null, matchedConfidentialNotes: false }]);
    // Nor does the typo fallback offer a word that only a confidence contains.
    expect((await find(journal, 'rivel')).fuzzy).toBeNull();
    expect((await find(journal, 'rivel', true)).fuzzy).toEqual({ query: 'rival' });
  });

  test('tracks an entry made confidential, or not, after the fact', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada Lovelace' });
    const fields = { occurredAt: at(0), kind: 'meeting' as const, title: 'Chat', notes: 'Acquisition rumours.', personIds: [ada] };
    const id = await addInteraction(journal, fields);
    await call(journal, 'interactions.update', { id, ...fields, confidential: true });
    expect((await find(journal, 'acquisition')).conversations).toEqual([]);
    await call(journal, 'interactions.update', { id, ...fields, confidential: false });
    expect(titles(await find(journal, 'acquisition'))).toEqual(['Chat']);
  });

  test('applies person, org, tag, kind and date filters', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada Lovelace', organization: 'Analytical Engines', tags: ['investor'] });
    const bob = await addPerson(journal, { name: 'Bob Babbage', organization: 'Difference Ltd' });
    await addInteraction(journal, { occurredAt: '2024-05-01T12:00:00.000Z', kind: 'coffee', title: 'Pricing with Ada', notes: 'pricing', personIds: [ada] });
    await addInteraction(journal, { occurredAt: '2025-05-01T12:00:00.000Z', kind: 'call', title: 'Pricing with Bob', notes: 'pricing', personIds: [bob] });

    expect(titles(await find(journal, 'pricing person:ada'))).toEqual(['Pricing with Ada']);
    expect(titles(await find(journal, 'pricing person:"Bob Babbage"'))).toEqual(['Pricing with Bob']);
    expect(titles(await find(journal, 'pricing org:difference'))).toEqual(['Pricing with Bob']);
    expect(titles(await find(journal, 'pricing tag:invest'))).toEqual(['Pricing with Ada']);
    expect(titles(await find(journal, 'pricing kind:calls'))).toEqual(['Pricing with Bob']);
    expect(titles(await find(journal, 'pricing before:2025'))).toEqual(['Pricing with Ada']);
    expect(titles(await find(journal, 'after:2024-12-31'))).toEqual(['Pricing with Bob']);

    const filtersOnly = await find(journal, 'person:ada');
    expect(titles(filtersOnly)).toEqual(['Pricing with Ada']);
    expect(filtersOnly.filters).toEqual([{ key: 'person', label: 'Ada Lovelace', fuzzy: false }]);
    expect(filtersOnly.people.map((hit) => hit.id)).toEqual([ada]);

    const typo = await find(journal, 'person:lovelcae');
    expect(typo.filters).toEqual([{ key: 'person', label: 'Ada Lovelace', fuzzy: true }]);
    expect(titles(typo)).toEqual(['Pricing with Ada']);

    expect((await find(journal, 'person:zed')).problems).toEqual([{ severity: 'error', message: 'No one in your journal is called “zed”.' }]);
  });

  test('corrects a typo of any word in a vocabulary read in many chunks, first to last', async ({ journal }) => {
    // Two thousand distinct nine-letter words, far apart from one another: the vocabulary is read in
    // chunks that grow and shrink, and the first word, a middle one and the last must all be found.
    let seed = 7;
    const letter = () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26));
    const made = [...new Set(Array.from({ length: 2000 }, () => Array.from({ length: 9 }, letter).join('')))];
    const someone = await addPerson(journal, { name: 'Ada Lovelace' });
    for (let i = 0; i < made.length; i += 250) await addInteraction(journal, { title: `Batch ${i}`, notes: made.slice(i, i + 250).join(' '), personIds: [someone] });
    const sorted = [...made].sort();
    for (const word of [sorted[0]!, sorted[sorted.length >> 1]!, sorted.at(-1)!]) {
      const typo = word.slice(0, 4) + word.slice(5); // one letter dropped: one typo from this word alone
      expect((await find(journal, typo)).fuzzy, typo).toEqual({ query: word });
    }
  });

  test("the session's first typo search answers with what full text found, without waiting for the vocabulary, and calls behind it are not held", async ({ journal }) => {
    const someone = await addPerson(journal, { name: 'Ada Lovelace' });
    await addInteraction(journal, { title: 'Planning', notes: 'The reorganization of the platform team.', personIds: [someone] });
    const first = await call(journal, 'search.query', { query: 'reorganisation', includeConfidential: false });
    // Before, this search waited for the whole vocabulary (and every call behind it with it) and came back corrected.
    expect(first).toMatchObject({ conversations: [], fuzzy: null, typosPending: true });
    // A call made meanwhile is answered, and the correction comes once the vocabulary is read.
    expect(await call(journal, 'people.get', { id: someone })).toMatchObject({ name: 'Ada Lovelace' });
    expect(await find(journal, 'reorganisation')).toMatchObject({ fuzzy: { query: 'reorganization' }, typosPending: false, conversations: [{ title: expect.anything() }] });
    // A search that needs no correction never says one is pending.
    expect(await call(journal, 'search.query', { query: 'platform', includeConfidential: false })).toMatchObject({ typosPending: false, fuzzy: null });
  });

  // The vocabulary read holds the journal's thread for a slice of time at most (#11): a clock that moves a
  // millisecond per look stands in for the machine, so the test says how it is cut, not how fast it runs.
  test('the typo vocabulary is read in slices of the time given, a turn of the event loop between, every word once and whole', async ({ journal, journalDb }) => {
    const someone = await addPerson(journal, { name: 'Ada Lovelace' });
    const words = Array.from({ length: 120 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    await addInteraction(journal, { title: 'Open notes', notes: words.slice(0, 80).join(' '), personIds: [someone] });
    await addInteraction(journal, { title: 'Confidential notes', notes: words.slice(60).join(' '), confidential: true, personIds: [someone] });
    const { raw } = journalDb;
    const whole = await readVocabulary(raw, { ms: Number.POSITIVE_INFINITY, now: () => 0 });
    let clock = 0;
    const ticks = countTurns();
    const sliced = await readVocabulary(raw, { ms: 5, now: () => (clock += 1) });
    const turns = ticks.stop();
    expect(sliced).toEqual(whole);
    // Each slice reads about five rows (a term's columns come together): many slices, each a turn apart.
    const rows = raw.prepare('SELECT count(*) FROM interactions_vocab').pluck().get() as number;
    expect(rows).toBeGreaterThan(120);
    expect(turns).toBeGreaterThanOrEqual(Math.floor(rows / 6));
    const all = [...whole.values()].flatMap((bucket) => bucket.all.map((word) => word.term));
    const open = [...whole.values()].flatMap((bucket) => bucket.open.map((word) => word.term));
    expect([...all].sort()).toEqual([...words, 'confidential', 'notes', 'open'].sort());
    // Words only in the confidential note are not offered to a search that leaves confidences out.
    expect(open).toContain(words[79]);
    expect(open).not.toContain(words[80]);
    expect(whole.get('w6')?.all.find((word) => word.term === words[70])?.docs).toBe(2);
  });

  // Counting a word's notes walks its whole list: "and" held the thread 103 ms at a million, and the
  // vocabulary keeps no word that short. Its reader steps over them without counting them (#11).
  test('the typo vocabulary never counts the notes of a word too short to keep', async ({ journal, journalDb }) => {
    const someone = await addPerson(journal, { name: 'Ada Lovelace' });
    for (let i = 0; i < 3; i += 1) {
      await addInteraction(journal, { title: `And the plan ${i}`, notes: 'We and they set out the new plan for it, and it is ok by me.', personIds: [someone] });
    }
    const { raw } = journalDb;
    const counted: string[] = [];
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((source: string) => {
      const statement = prepare(source);
      if (!/FROM interactions_vocab\b/.test(source)) return statement;
      const iterate = statement.iterate.bind(statement) as (...args: unknown[]) => IterableIterator<{ term: string }>;
      (statement as unknown as { iterate: unknown }).iterate = function* (...args: unknown[]) {
        for (const row of iterate(...args)) {
          counted.push(row.term);
          yield row;
        }
      };
      return statement;
    }) as typeof raw.prepare;
    let vocabulary;
    try {
      vocabulary = await readVocabulary(raw);
    } finally {
      raw.prepare = prepare;
    }
    expect([...vocabulary.values()].flatMap((bucket) => bucket.all.map((word) => word.term)).sort()).toEqual(['plan', 'they']);
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.filter((term) => [...term].length < 4)).toEqual([]);
  });

  test('falls back to fuzzy matches when full text finds nothing, and says so', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Priya Raman' });
    await addInteraction(journal, { title: 'Reorganization', notes: 'The reorganization timeline slipped.', personIds: [ada] });

    const results = await find(journal, 'reorganisaton');
    expect(results.fuzzy).toEqual({ query: 'reorganization' });
    expect(titles(results)).toEqual(['Reorganization']);
    expect(text(results.conversations[0]!.title)).toBe('[Reorganization]');

    const people = await find(journal, 'pryia');
    expect(people.people).toMatchObject([{ id: ada, fuzzy: true }]);
    expect((await find(journal, 'xqzvw')).conversations).toEqual([]);
  });

  test('finds associations by name, forgiving a typo or a partial word, and nothing unrelated', async ({ journal }) => {
    const circle = (await call(journal, 'associations.create', { name: 'Product Leaders Circle', category: 'function' })).id;
    const guild = (await call(journal, 'associations.create', { name: 'Design Guild', category: 'skill', status: 'shortlisted' })).id;

    const typo = await find(journal, 'circel');
    expect(typo.associations).toEqual([{ id: circle, name: expect.anything(), status: 'exploring', category: 'function', fuzzy: true }]);
    expect(text(typo.associations[0]!.name)).toBe('Product Leaders [Circle]');

    const partial = await find(journal, 'prod lead');
    expect(partial.associations).toMatchObject([{ id: circle, fuzzy: false }]);
    expect(text(partial.associations[0]!.name)).toBe('[Product] [Leaders] Circle');
    expect((await find(journal, 'guild')).associations).toMatchObject([{ id: guild, status: 'shortlisted', fuzzy: false }]);

    // Unrelated words, and names a word away, never come back.
    for (const query of ['budget', 'cycle', 'ciro', 'design circle']) {
      expect((await find(journal, query)).associations, query).toEqual([]);
    }
  });

  test('association: keeps the events an association held, by name or near it', async ({ journal }) => {
    const circle = (await call(journal, 'associations.create', { name: 'Product Leaders Circle', category: 'function' })).id;
    const guild = (await call(journal, 'associations.create', { name: 'Design Guild', category: 'skill' })).id;
    const ada = await addPerson(journal, { name: 'Ada Lovelace' });
    const event = (title: string, associationId: number | null, minutes: number) =>
      addInteraction(journal, { kind: 'event', title, notes: 'roadmap talk', occurredAt: at(minutes), associationId, personIds: [ada] });
    await event('Circle spring meetup', circle, 0);
    const gone = await event('Circle summer meetup', circle, 10);
    await event('Guild critique night', guild, 20);
    await event('Unaffiliated conference', null, 30);
    await call(journal, 'interactions.delete', { id: gone });

    const exact = await find(journal, 'association:"Product Leaders Circle"');
    expect(titles(exact)).toEqual(['Circle spring meetup']);
    expect(exact.filters).toEqual([{ key: 'association', label: 'Product Leaders Circle', fuzzy: false }]);

    const typo = await find(journal, 'roadmap association:circel');
    expect(titles(typo)).toEqual(['Circle spring meetup']);
    expect(typo.filters).toEqual([{ key: 'association', label: 'Product Leaders Circle', fuzzy: true }]);
    expect(titles(await find(journal, 'roadmap assoc:guild'))).toEqual(['Guild critique night']);
    expect(titles(await find(journal, 'association:guild association:circle'))).toEqual([]);

    const unknown = await find(journal, 'roadmap association:toastmasters');
    expect(unknown.problems).toEqual([{ severity: 'error', message: 'No association in your journal is called “toastmasters”.' }]);
    expect(unknown.conversations).toEqual([]);
    expect(parseQuery('association:').problems).toEqual([{ severity: 'warning', message: expect.stringContaining('after association:') }]);
  });

  test('explains errors instead of throwing, and refuses only malformed calls', async ({ journal }) => {
    await addPerson(journal);
    const results = await find(journal, 'kind:coffe budget');
    expect(results.conversations).toEqual([]);
    expect(results.problems[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('kind: must be one of') });
    for (const query of ['"', 'NEAR(', '*', 'a:b:c', ')(', '{title}:x', '""""', 'x'.repeat(500)]) {
      expect((await journal.call('search.query', { query })).ok).toBe(true);
    }
    expect((await refusal(journal, 'search.query', { query: 'x'.repeat(501) })).message).toMatch(/at most 500/);
  });
});

describe('migration 3 (search)', () => {
  test('indexes what a version 1 journal already holds', async ({ journalPath }) => {
    const raw = new BetterSqlite3(journalPath);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    await migrate(db, [initial]);
    expect(await schemaVersion(db)).toBe(1);
    const stamp = '2024-01-01T00:00:00.000Z';
    raw.exec(`
      INSERT INTO people (id, name, organization, created_at, updated_at) VALUES (1, 'Ada Lovelace', 'Analytical', '${stamp}', '${stamp}');
      INSERT INTO person_tags VALUES (1, 'mentor');
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, created_at, updated_at, deleted_at) VALUES
        (1, '${stamp}', 'call', 'Engines', 'Punched cards', 0, '${stamp}', '${stamp}', NULL),
        (2, '${stamp}', 'call', 'Secret', 'Punched secrets', 1, '${stamp}', '${stamp}', NULL),
        (3, '${stamp}', 'call', 'Deleted', 'Punched trash', 0, '${stamp}', '${stamp}', '${stamp}');
      INSERT INTO interaction_people VALUES (1, 1), (2, 1), (3, 1);
    `);
    await db.destroy();

    const { journal, journalDb } = await openTestJournal(journalPath);
    try {
      expect(await schemaVersion(journalDb.db)).toBe(LATEST_VERSION);
      expect(titles(await find(journal, 'punched'))).toEqual(['Engines']);
      expect(titles(await find(journal, 'punched', true)).sort()).toEqual(['Engines', 'Secret']);
      expect((await find(journal, 'mentor')).people.map((hit) => hit.id)).toEqual([1]);
      expect((await find(journal, 'analytical')).people.map((hit) => hit.id)).toEqual([1]);
      assertIndexIntact(journalDb.raw);
    } finally {
      await journal.close();
    }
  });
});
