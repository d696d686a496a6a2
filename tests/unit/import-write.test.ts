// Writing an import in one transaction in its own thread (the journal reads meanwhile, all or nothing), and the details address
// books hold beyond emails and phones: addresses, nicknames, messaging handles, kept and exported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { strFromU8, unzipSync } from 'fflate';
import type { Worker } from 'node:worker_threads';
import { Journal, openJournal } from '../../src-main/core/index.js';
import { contactMore } from '../../src-main/core/db/migrations/0009-contact-more.js';
import { PLAN_CHUNK, WRITE_BATCH, type PlanMessage, type WriterData } from '../../src-main/core/import/commit.js';
import { vi } from 'vitest';
import { importThread } from '../import-thread.js';
import { call, describe, expect, newInteraction, openedFromPriorVersion, openTestJournal, refusal, root, storedRows, test } from './helpers.js';

// Each import starts a thread and writes a few thousand people; on a busy 2-core runner that is seconds.
vi.setConfig({ testTimeout: 90_000 });

const fixture = (name: string) => readFileSync(join(root, 'tests', 'fixtures', 'contacts', name), 'utf8');

/** An address book of `n` cards, each with an email, a tag, an address, a nickname and a Skype handle. */
function addressBook(n: number): string {
  const cards: string[] = [];
  for (let i = 0; i < n; i++) {
    cards.push([
      'BEGIN:VCARD', 'VERSION:3.0', `FN:Person ${i}`, `N:${i};Person;;;`, 'ORG:Contoso', `EMAIL;type=INTERNET;type=WORK:person${i}@contoso.example`,
      `CATEGORIES:batch${i % 3}`, `ADR;type=HOME:;;${i} Main St;Springfield;IL;62701;USA`, `NICKNAME:P${i}`, `X-SKYPE:person.${i}`, 'END:VCARD',
    ].join('\r\n'));
  }
  return `${cards.join('\r\n')}\r\n`;
}

async function stageAndPreview(journal: Journal, fileName: string, text: string) {
  const stage = await call(journal, 'import.stage', { fileName, text });
  for (let from = 0; from < stage.total; from += 500) await call(journal, 'import.preview', { token: stage.token, from, count: 500 });
  return stage;
}

const count = (raw: BetterSqlite3.Database, sql: string) => (raw.prepare(sql).get() as { n: number }).n;

/** Follows an import's write to its end (import.progress waits for the thread's news: no timer here). */
async function finish(journal: Journal, token: string, seen: number[] = []) {
  for (;;) {
    const progress = await call(journal, 'import.progress', { token });
    seen.push(progress.written);
    if (progress.state !== 'writing') return progress;
  }
}

/** Asks for progress until the thread has written something: it is then inside its transaction. */
async function midway(journal: Journal, token: string) {
  for (;;) {
    const progress = await call(journal, 'import.progress', { token });
    if (progress.state !== 'writing') throw new Error(`The import ended (${progress.state}) before the test could act in the middle of it.`);
    if (progress.written > 0) return progress;
  }
}

/** A journal whose import threads the test can reach (to kill one), started as the worker starts them. */
async function journalWithThreads(path: string) {
  const threads: Worker[] = [];
  const journalDb = await openJournal(path);
  const journal = new Journal(journalDb, { readSample: async () => ({}), importThread: (data) => {
    const thread = importThread(data);
    threads.push(thread);
    return thread;
  } });
  return { journal, journalDb, threads };
}

describe('an import is one transaction, written in its own thread', () => {
  // Large enough that the thread is still writing when the test acts in the middle (about a second of work).
  const n = WRITE_BATCH * 15 + 37;

  test('the journal reads meanwhile, its writes wait for the commit, and every person is indexed for search', async ({ journal, journalDb }) => {
    const stage = await stageAndPreview(journal, 'big.vcf', addressBook(n));
    expect(await call(journal, 'import.commit', { token: stage.token })).toMatchObject({ state: 'writing', written: 0, toWrite: n, importId: null });
    await midway(journal, stage.token);
    // Inside the thread's transaction: a write waits for it, a read asked after the write answers first,
    // and sees the journal as it was: nothing of the import is visible before it commits.
    const order: string[] = [];
    const created = call(journal, 'people.create', { name: 'Logged During the Import' }).then((person) => (order.push('write'), person));
    const info = await call(journal, 'journal.info').then((value) => (order.push('read'), value));
    expect(info.people).toBe(0);
    const seen: number[] = [];
    const done = await finish(journal, stage.token, seen);
    expect(done).toMatchObject({ state: 'done', added: n, updated: 0, skipped: 0, written: n, toWrite: n });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const between = await created;
    expect(order).toEqual(['read', 'write']);
    // It ran after the commit: the import's people took the ids before it.
    expect(between.id).toBe(n + 1);
    expect((await call(journal, 'journal.info')).people).toBe(n + 1);
    expect(journalDb.raw.prepare('SELECT completed_at IS NOT NULL AS done, added FROM imports').all()).toEqual([{ done: 1, added: n }]);
    // Written details first and the person last (import/write.ts): the index still holds tags and emails.
    const found = await call(journal, 'search.query', { query: `person${n - 1}@contoso.example` });
    expect(found.people.map((person) => person.id)).toHaveLength(1);
    expect(count(journalDb.raw, "SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH 'tags:batch1'")).toBe(Math.floor((n - 2) / 3) + 1);
    const last = await call(journal, 'people.get', { id: (await call(journal, 'people.list')).find((person) => person.name === `Person ${n - 1}`)?.id ?? 0 });
    expect(last).toMatchObject({ tags: [`batch${(n - 1) % 3}`], nicknames: [`P${n - 1}`], ims: [{ service: 'Skype', handle: `person.${n - 1}`, label: null }] });
    expect(last.addresses).toEqual([{ label: 'home', street: `${n - 1} Main St`, locality: 'Springfield', region: 'IL', postalCode: '62701', country: 'USA' }]);
    // The same file again adds nothing.
    const again = await stageAndPreview(journal, 'big.vcf', addressBook(n));
    const second = await call(journal, 'import.commit', { token: again.token });
    expect(await finish(journal, again.token)).toMatchObject({ state: 'done', added: 0, skipped: n });
    expect(second.toWrite).toBe(0);
  });

  test('the caches the worker keeps (fuzzy names, the network view) see the people once it commits', async ({ journal }) => {
    // Read once before, so both caches hold the empty journal.
    expect((await call(journal, 'search.query', { query: 'contso' })).people).toEqual([]);
    const before = await call(journal, 'network.overview');
    const stage = await stageAndPreview(journal, 'small.vcf', addressBook(40));
    await call(journal, 'import.commit', { token: stage.token });
    await finish(journal, stage.token);
    // A typo only the fuzzy index forgives, and the network overview, read again on the worker's connection.
    expect((await call(journal, 'search.query', { query: 'Persn 39' })).people.map((person) => person.name.map((part) => part.text).join(''))).toContain('Person 39');
    expect(JSON.stringify(await call(journal, 'network.overview'))).not.toEqual(JSON.stringify(before));
  });

  test('cancelled in the middle, it is rolled back whole', async ({ journal, journalDb }) => {
    await call(journal, 'people.create', { name: 'Already Here' });
    const before = storedRows(journalDb.raw);
    const stage = await stageAndPreview(journal, 'big.vcf', addressBook(n));
    await call(journal, 'import.commit', { token: stage.token });
    await midway(journal, stage.token);
    expect(await call(journal, 'import.cancel', { token: stage.token })).toEqual({ cancelled: true });
    expect(storedRows(journalDb.raw)).toEqual(before);
    expect(journalDb.raw.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
    expect((await call(journal, 'search.query', { query: 'contoso' })).people).toEqual([]);
    // The journal writes again at once.
    expect((await call(journal, 'people.create', { name: 'After the Cancel' })).name).toBe('After the Cancel');
  });

  test('a thread killed in the middle (as a crash would) leaves nothing, and the journal writes on', async ({ journalPath }) => {
    const opened = await journalWithThreads(journalPath);
    try {
      await call(opened.journal, 'people.create', { name: 'Already Here' });
      const before = storedRows(opened.journalDb.raw);
      const stage = await stageAndPreview(opened.journal, 'big.vcf', addressBook(n));
      await call(opened.journal, 'import.commit', { token: stage.token });
      await midway(opened.journal, stage.token);
      await opened.threads[0]!.terminate();
      const failed = await opened.journal.call('import.progress', { token: stage.token });
      expect(failed).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('nothing of it was imported') } });
      expect(storedRows(opened.journalDb.raw)).toEqual(before);
      expect((await call(opened.journal, 'people.create', { name: 'After the Crash' })).name).toBe('After the Crash');
    } finally {
      await opened.journal.close();
    }
    const reopened = await openTestJournal(journalPath);
    try {
      expect((await call(reopened.journal, 'people.list')).map((person) => person.name).sort()).toEqual(['After the Crash', 'Already Here']);
    } finally {
      await reopened.journal.close();
    }
  });

  test('the rows go to the thread a chunk at a time, a turn of the event loop apart, not in its start data, and all are written', async ({ journalPath }) => {
    const started: WriterData[] = [];
    const sent: { message: PlanMessage; turn: number }[] = [];
    let turn = 0;
    let counting = true;
    const tick = () => {
      turn += 1;
      if (counting) setImmediate(tick);
    };
    const journalDb = await openJournal(journalPath);
    const journal = new Journal(journalDb, { readSample: async () => ({}), importThread: (data) => {
      started.push(data);
      const thread = importThread(data);
      const post = thread.postMessage.bind(thread);
      thread.postMessage = (message: PlanMessage) => {
        sent.push({ message, turn });
        post(message);
      };
      return thread;
    } });
    try {
      const stage = await stageAndPreview(journal, 'big.vcf', addressBook(n));
      setImmediate(tick);
      await call(journal, 'import.commit', { token: stage.token });
      expect(await finish(journal, stage.token)).toMatchObject({ state: 'done', added: n });
      counting = false;
      // Before, the 3,037 rows were copied into the thread's start data in one go, the journal's thread held meanwhile.
      expect(started).toHaveLength(1);
      expect(started[0]!.plan).toMatchObject({ adds: [], merges: [] });
      const chunks = sent.flatMap(({ message }) => (message.type === 'adds' ? [message.rows.length] : []));
      expect(chunks.length).toBe(Math.ceil(n / PLAN_CHUNK));
      expect(Math.max(...chunks)).toBeLessThanOrEqual(PLAN_CHUNK);
      expect(chunks.reduce((a, b) => a + b)).toBe(n);
      expect(sent.at(-1)?.message).toEqual({ type: 'end' });
      for (let i = 1; i < sent.length; i += 1) expect(sent[i]!.turn).toBeGreaterThan(sent[i - 1]!.turn);
      expect(count(journalDb.raw, 'SELECT count(*) AS n FROM people')).toBe(n);
    } finally {
      await journal.close();
    }
  });

  test('a thread killed while its rows are still being sent writes nothing, and the journal writes on', async ({ journalPath }) => {
    const opened = await journalWithThreads(journalPath);
    try {
      const before = storedRows(opened.journalDb.raw);
      const stage = await stageAndPreview(opened.journal, 'big.vcf', addressBook(n));
      await call(opened.journal, 'import.commit', { token: stage.token });
      // The commit has answered; most of the rows are not sent yet.
      await opened.threads[0]!.terminate();
      expect(await opened.journal.call('import.progress', { token: stage.token })).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(storedRows(opened.journalDb.raw)).toEqual(before);
      expect((await call(opened.journal, 'people.create', { name: 'After the Crash' })).name).toBe('After the Crash');
    } finally {
      await opened.journal.close();
    }
  });

  test('the journal closed in the middle rolls it back, and it is not there when the journal opens again', async ({ journalPath }) => {
    const first = await openTestJournal(journalPath);
    await call(first.journal, 'people.create', { name: 'Already Here' });
    const before = storedRows(first.journalDb.raw);
    const stage = await stageAndPreview(first.journal, 'big.vcf', addressBook(n));
    await call(first.journal, 'import.commit', { token: stage.token });
    await midway(first.journal, stage.token);
    await first.journal.close();
    const second = await openTestJournal(journalPath);
    try {
      expect(storedRows(second.journalDb.raw)).toEqual(before);
    } finally {
      await second.journal.close();
    }
  });

  test('a row the journal refuses gives up the whole import, with a sentence', async ({ journal, journalDb }) => {
    const before = storedRows(journalDb.raw);
    const stage = await stageAndPreview(journal, 'big.vcf', addressBook(n));
    journalDb.raw.exec(`CREATE TRIGGER refuse_bad BEFORE INSERT ON people WHEN new.name = 'Person ${n - 3}' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    await call(journal, 'import.commit', { token: stage.token });
    let result = await journal.call('import.progress', { token: stage.token });
    while (result.ok && (result.value as { state: string }).state === 'writing') result = await journal.call('import.progress', { token: stage.token });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('nothing of it was imported') } });
    journalDb.raw.exec('DROP TRIGGER refuse_bad');
    expect(storedRows(journalDb.raw)).toEqual(before);
  });

  test('another file cannot be chosen while one is written', async ({ journal }) => {
    const stage = await stageAndPreview(journal, 'big.vcf', addressBook(n));
    await call(journal, 'import.commit', { token: stage.token });
    expect(await refusal(journal, 'import.stage', { fileName: 'other.vcf', text: addressBook(2) })).toMatchObject({ code: 'conflict' });
    await finish(journal, stage.token);
    expect((await call(journal, 'import.stage', { fileName: 'other.vcf', text: addressBook(2) })).total).toBe(2);
  });
});

describe('a journal left by the version that imported in chunks', () => {
  /** What that version left when it closed between chunks: an import without completed_at, and its people. */
  function unfinishedImport(raw: BetterSqlite3.Database, people: number) {
    raw.prepare("INSERT INTO imports (id, kind, file_name, imported_at, added, updated, skipped, completed_at) VALUES (7, 'vcard', 'big.vcf', '2026-11-30T10:00:00.000Z', 0, 0, 0, NULL)").run();
    const insert = raw.prepare("INSERT INTO people (name, import_id, created_at, updated_at) VALUES (?, 7, '2026-11-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z')");
    for (let i = 0; i < people; i++) insert.run(`Person ${i}`);
  }

  test('has that import undone when it opens, except a person it was logged with meanwhile', async ({ journalPath }) => {
    const first = await openTestJournal(journalPath);
    await call(first.journal, 'people.create', { name: 'Already Here' });
    unfinishedImport(first.journalDb.raw, 5);
    const met = (await call(first.journal, 'people.list')).find((person) => person.name === 'Person 0')!;
    const entry = await call(first.journal, 'interactions.create', newInteraction({ title: 'Met during the import', personIds: [met.id] }));
    await first.journal.close();

    const second = await openTestJournal(journalPath);
    try {
      expect((await call(second.journal, 'people.list')).map((person) => person.name).sort()).toEqual(['Already Here', 'Person 0']);
      expect((await call(second.journal, 'interactions.get', { id: entry.id })).people.map((person) => person.name)).toEqual(['Person 0']);
      expect(second.journalDb.raw.prepare('SELECT added, completed_at IS NOT NULL AS done FROM imports').all()).toEqual([{ added: 1, done: 1 }]);
    } finally {
      await second.journal.close();
    }
  });
});

describe('addresses, nicknames and messaging handles', () => {
  test('Outlook 2.1 and Apple cards keep them, the person page has them, and every export writes them out', async ({ journal }) => {
    for (const file of ['outlook-21.vcf', 'apple-3.vcf']) {
      const stage = await stageAndPreview(journal, file, fixture(file));
      await call(journal, 'import.commit', { token: stage.token });
      expect((await finish(journal, stage.token)).state).toBe('done');
    }
    const people = await call(journal, 'people.list');
    const byName = async (part: string) => call(journal, 'people.get', { id: people.find((person) => person.name.includes(part))?.id ?? 0 });
    const john = await byName('John');
    expect(john.nicknames).toEqual(['Johny']);
    expect(john.addresses).toEqual([
      { label: 'work', street: 'Cresent moon drive', locality: 'Albaney', region: 'New York', postalCode: '12345', country: 'United States of America' },
      { label: 'home', street: 'Silicon Alley 5', locality: 'New York', region: 'New York', postalCode: '12345', country: 'United States of America' },
    ]);
    expect(john.ims).toEqual([{ service: null, handle: 'johny5@aol.com', label: null }]);
    const qa = await byName('Custom');
    expect(qa.nicknames).toEqual(['custome']);
    expect(qa.ims).toEqual([{ service: 'AIM', handle: 'custom@example.com', label: 'work' }]);
    expect(qa.addresses).toEqual([{ label: 'work', street: '1 Goroku St.', locality: 'Mountain Top', region: 'CA', postalCode: '99999', country: 'USA' }]);

    const csv = await call(journal, 'export.csv', { table: 'people', includeConfidential: false });
    expect(csv.content).toContain('Nicknames,Addresses,Messaging');
    expect(csv.content).toContain('AIM: custom@example.com');
    expect(csv.content).toContain('work: 1 Goroku St., 99999 Mountain Top CA, USA');
    const zip = await call(journal, 'export.markdown', { includeConfidential: false });
    const files = unzipSync(Buffer.from((zip.content as { base64: string }).base64, 'base64'));
    const page = Object.entries(files).find(([name]) => name.startsWith('people/') && strFromU8(files[name] ?? new Uint8Array()).includes('custome'));
    expect(strFromU8(page?.[1] ?? new Uint8Array())).toContain('- **Address:** work: 1 Goroku St., 99999 Mountain Top CA, USA');
    const json = JSON.parse((await call(journal, 'export.json', { includeConfidential: false })).content as string) as { tables: Record<string, unknown[]> };
    expect(json.tables.person_addresses).toHaveLength(3);
    expect(json.tables.person_nicknames).toHaveLength(2);
    expect(json.tables.person_ims).toHaveLength(2);
  });

  test('people.update changes them only when named', async ({ journal }) => {
    const ada = await call(journal, 'people.create', { name: 'Ada', nicknames: ['Countess'], ims: [{ service: 'Signal', handle: '+44 20 7946 0000', label: null }] });
    const renamed = await call(journal, 'people.update', { id: ada.id, name: 'Ada Lovelace' });
    expect(renamed).toMatchObject({ nicknames: ['Countess'], ims: [{ service: 'Signal', handle: '+44 20 7946 0000' }] });
    const moved = await call(journal, 'people.update', { id: ada.id, name: 'Ada Lovelace', addresses: [{ label: 'home', street: '12 St James’s Square', locality: 'London', region: null, postalCode: 'SW1Y 4JH', country: 'UK' }], nicknames: [] });
    expect(moved).toMatchObject({ nicknames: [], addresses: [{ locality: 'London' }], ims: [{ service: 'Signal' }] });
  });

  test('people.update refuses an empty address, a blank handle or nickname, with the field named, and changes nothing', async ({ journal, journalDb }) => {
    const ada = await call(journal, 'people.create', { name: 'Ada', nicknames: ['Countess'] });
    const before = storedRows(journalDb.raw);
    const empty = await refusal(journal, 'people.update', { id: ada.id, addresses: [{ label: 'home', street: null, locality: null, region: null, postalCode: null, country: null }] });
    expect(empty).toMatchObject({ code: 'invalid-input', fields: { 'addresses.0': 'An address needs at least one part.' } });
    const blank = await refusal(journal, 'people.update', { id: ada.id, ims: [{ service: 'Signal', handle: '  ', label: null }], nicknames: [''] });
    expect(Object.keys(blank.fields ?? {}).sort()).toEqual(['ims.0.handle', 'nicknames.0']);
    expect(storedRows(journalDb.raw)).toEqual(before);
    expect(await call(journal, 'people.get', { id: ada.id })).toMatchObject({ nicknames: ['Countess'], addresses: [], ims: [] });
  });
});

describe('migration contact-more', () => {
  test('opens a journal of the version before with an import in it: the import stays finished and its people stay', async ({ dir }) => {
    const opened = await openedFromPriorVersion(join(dir, 'journal.sqlite'), contactMore, `
      INSERT INTO imports (id, kind, file_name, imported_at, added, updated, skipped) VALUES (1, 'vcard', 'old.vcf', '2024-05-01T10:00:00.000Z', 1, 0, 0);
      INSERT INTO people (id, name, created_at, updated_at, import_id) VALUES (1, 'Grace Hopper', '2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.000Z', 1);
      INSERT INTO person_emails (person_id, email, label, position) VALUES (1, 'grace@navy.example', NULL, 0);
    `);
    try {
      expect(opened.journalDb.raw.prepare('SELECT completed_at FROM imports').all()).toEqual([{ completed_at: '2024-05-01T10:00:00.000Z' }]);
      expect(await call(opened.journal, 'people.get', { id: 1 })).toMatchObject({ name: 'Grace Hopper', addresses: [], nicknames: [], ims: [], source: { fileName: 'old.vcf' } });
    } finally {
      await opened.journal.close();
    }
  });
});
