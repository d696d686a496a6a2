// Writing an import in chunks (other calls run between them, all or nothing), and the details address
// books hold beyond emails and phones: addresses, nicknames, messaging handles, kept and exported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { strFromU8, unzipSync } from 'fflate';
import type { Journal } from '../../src-main/core/index.js';
import { contactMore } from '../../src-main/core/db/migrations/0009-contact-more.js';
import { WRITE_CHUNK } from '../../src-main/core/import/import.js';
import { call, describe, expect, newInteraction, openedFromPriorVersion, openTestJournal, root, storedRows, test } from './helpers.js';

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

describe('an import larger than one chunk', () => {
  const n = WRITE_CHUNK * 2 + 37;

  test('is written a chunk per call, other calls run between chunks, and every person is indexed for search', async ({ journal, journalDb }) => {
    const stage = await stageAndPreview(journal, 'big.vcf', addressBook(n));
    let progress = await call(journal, 'import.commit', { token: stage.token });
    expect(progress).toMatchObject({ done: false, written: WRITE_CHUNK, toWrite: n, added: WRITE_CHUNK });
    // Between chunks the journal answers other calls, reads and writes.
    const between = await call(journal, 'people.create', { name: 'Logged Between Chunks' });
    expect((await call(journal, 'journal.info')).people).toBe(WRITE_CHUNK + 1);
    const seen = [progress.written];
    while (!progress.done) {
      progress = await call(journal, 'import.continue', { token: stage.token });
      seen.push(progress.written);
    }
    expect(seen).toEqual([WRITE_CHUNK, WRITE_CHUNK * 2, n]);
    expect(progress).toMatchObject({ done: true, added: n, updated: 0, skipped: 0 });
    expect((await call(journal, 'journal.info')).people).toBe(n + 1);
    expect(journalDb.raw.prepare('SELECT completed_at IS NOT NULL AS done, added FROM imports').all()).toEqual([{ done: 1, added: n }]);
    // Written details first and the person last (import/write.ts): the index still holds tags and emails.
    const found = await call(journal, 'search.query', { query: `person${n - 1}@contoso.example` });
    expect(found.people.map((person) => person.id)).toHaveLength(1);
    expect(count(journalDb.raw, "SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH 'tags:batch1'")).toBe(Math.floor((n - 2) / 3) + 1);
    const last = await call(journal, 'people.get', { id: (await call(journal, 'people.list')).find((person) => person.name === `Person ${n - 1}`)?.id ?? 0 });
    expect(last).toMatchObject({ tags: [`batch${(n - 1) % 3}`], nicknames: [`P${n - 1}`], ims: [{ service: 'Skype', handle: `person.${n - 1}`, label: null }] });
    expect(last.addresses).toEqual([{ label: 'home', street: `${n - 1} Main St`, locality: 'Springfield', region: 'IL', postalCode: '62701', country: 'USA' }]);
    expect(between.name).toBe('Logged Between Chunks');
    // The same file again adds nothing.
    const again = await stageAndPreview(journal, 'big.vcf', addressBook(n));
    expect(await call(journal, 'import.commit', { token: again.token })).toMatchObject({ done: true, added: 0, skipped: n });
  });

  test('cancelled half-way, it takes back what its earlier chunks wrote and nothing else', async ({ journal, journalDb }) => {
    await call(journal, 'people.create', { name: 'Already Here' });
    const before = storedRows(journalDb.raw);
    const stage = await stageAndPreview(journal, 'big.vcf', addressBook(n));
    await call(journal, 'import.commit', { token: stage.token });
    await call(journal, 'import.continue', { token: stage.token });
    expect((await call(journal, 'journal.info')).people).toBe(WRITE_CHUNK * 2 + 1);
    expect(await call(journal, 'import.cancel', { token: stage.token })).toEqual({ removed: WRITE_CHUNK * 2 });
    expect(storedRows(journalDb.raw)).toEqual(before);
    expect((await call(journal, 'search.query', { query: 'contoso' })).people).toEqual([]);
  });

  test('cancelled half-way, it keeps a person from it that was logged with meanwhile, and that entry whole', async ({ journal, journalDb }) => {
    const stage = await stageAndPreview(journal, 'big.vcf', addressBook(n));
    await call(journal, 'import.commit', { token: stage.token });
    // Between chunks the imported people are in the journal; one is met and logged with, one edited.
    const listed = await call(journal, 'people.list');
    const met = listed.find((person) => person.name === 'Person 0')!;
    const edited = listed.find((person) => person.name === 'Person 1')!;
    const entry = await call(journal, 'interactions.create', newInteraction({ title: 'Met during the import', personIds: [met.id] }));
    await call(journal, 'people.update', { id: edited.id, name: edited.name, role: 'Chief of staff' });
    expect(await call(journal, 'import.cancel', { token: stage.token })).toEqual({ removed: WRITE_CHUNK - 2 });
    expect((await call(journal, 'people.list')).map((person) => person.name).sort()).toEqual(['Person 0', 'Person 1']);
    expect((await call(journal, 'interactions.get', { id: entry.id })).people.map((person) => person.name)).toEqual(['Person 0']);
    expect(journalDb.raw.prepare('SELECT added, completed_at IS NOT NULL AS done FROM imports').all()).toEqual([{ added: 2, done: 1 }]);
  });

  test('left unfinished when the app closed, it is undone when the journal opens again', async ({ journalPath }) => {
    const first = await openTestJournal(journalPath);
    await call(first.journal, 'people.create', { name: 'Already Here' });
    const before = storedRows(first.journalDb.raw);
    const stage = await stageAndPreview(first.journal, 'big.vcf', addressBook(n));
    await call(first.journal, 'import.commit', { token: stage.token });
    await first.journal.close();

    const second = await openTestJournal(journalPath);
    try {
      expect(storedRows(second.journalDb.raw)).toEqual(before);
      expect((await call(second.journal, 'people.list')).map((person) => person.name)).toEqual(['Already Here']);
    } finally {
      await second.journal.close();
    }
  });

  test('a chunk the journal refuses gives up the whole import', async ({ journal, journalDb }) => {
    const before = storedRows(journalDb.raw);
    const stage = await stageAndPreview(journal, 'big.vcf', addressBook(n));
    await call(journal, 'import.commit', { token: stage.token });
    journalDb.raw.exec(`CREATE TRIGGER refuse_bad BEFORE INSERT ON people WHEN new.name = 'Person ${WRITE_CHUNK + 3}' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const failed = await journal.call('import.continue', { token: stage.token });
    expect(failed.ok).toBe(false);
    journalDb.raw.exec('DROP TRIGGER refuse_bad');
    // The dialog cancels on any failure; the first chunk is taken back.
    expect(await call(journal, 'import.cancel', { token: stage.token })).toEqual({ removed: WRITE_CHUNK });
    expect(storedRows(journalDb.raw)).toEqual(before);
  });
});

describe('addresses, nicknames and messaging handles', () => {
  test('Outlook 2.1 and Apple cards keep them, the person page has them, and every export writes them out', async ({ journal }) => {
    for (const file of ['outlook-21.vcf', 'apple-3.vcf']) {
      const stage = await stageAndPreview(journal, file, fixture(file));
      expect((await call(journal, 'import.commit', { token: stage.token })).done).toBe(true);
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
