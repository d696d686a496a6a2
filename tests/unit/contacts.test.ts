import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate } from '../../src-main/core/db/migrate.js';
import { LATEST_VERSION, migrations } from '../../src-main/core/db/migrations/index.js';
import { contactDetails as contactMigration } from '../../src-main/core/db/migrations/0006-contact-details.js';
import { findPeopleByEmail } from '../../src-main/core/people/contacts.js';
import { addPerson, call, describe, expect, openTestJournal, refusal, storedRows, test } from './helpers.js';

describe('migration contact-details', () => {
  test('opens a journal of the version before with people in it, keeps every row, and indexes emails for search', async ({ dir }) => {
    const path = join(dir, 'journal.sqlite');
    const raw = new BetterSqlite3(path);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const before = contactMigration.version - 1;
    await migrate(db, migrations.slice(0, before));
    raw.exec(`
      INSERT INTO people (id, name, organization, created_at, updated_at) VALUES (1, 'Ada Lovelace', 'Analytical Engines', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
      INSERT INTO person_tags (person_id, tag) VALUES (1, 'mentor');
      INSERT INTO interactions (id, occurred_at, kind, title, notes, confidential, created_at, updated_at)
        VALUES (1, '2024-02-01T10:00:00.000Z', 'coffee', 'Coffee', '', 0, '2024-02-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z');
      INSERT INTO interaction_people (interaction_id, person_id) VALUES (1, 1);
    `);
    const rows = storedRows(raw);
    await db.destroy();

    const opened = await openTestJournal(path);
    try {
      const after = storedRows(opened.journalDb.raw);
      expect(after.version).toBe(LATEST_VERSION);
      expect({ ...after, version: rows.version }).toMatchObject(rows);
      expect(after.people).toMatchObject([{ id: 1, birthday: null, import_id: null }]);
      // The rebuilt people index still finds what was there (name, organization, tag) ...
      const found = async (query: string) => (await call(opened.journal, 'search.query', { query })).people.map((person) => person.id);
      expect(await found('lovelace')).toEqual([1]);
      expect(await found('analytical')).toEqual([1]);
      // ... and now finds emails added afterwards.
      const ada = await call(opened.journal, 'people.get', { id: 1 });
      await call(opened.journal, 'people.update', { ...personInput(ada), emails: [{ email: 'Ada@Engines.example', label: 'work' }] });
      expect(await found('ada@engines.example')).toEqual([1]);
      expect(await found('engines')).toEqual([1]);
    } finally {
      await opened.journal.close();
    }
  });
});

/** A person's editable fields as people.update takes them. */
function personInput(person: Awaited<ReturnType<typeof call<'people.get'>>>) {
  return {
    id: person.id, name: person.name, organization: person.organization, role: person.role, level: person.level, insideOrg: person.insideOrg,
    department: person.department, howWeMet: person.howWeMet, tags: person.tags, allyRole: person.allyRole, cadenceDays: person.cadenceDays, notes: person.notes,
  };
}

describe('contact details', () => {
  test('are stored with labels in order, shown on the person, and listed with emails', async ({ journal }) => {
    const id = await addPerson(journal, {
      name: 'Priya Raman',
      emails: [{ email: ' Priya@Example.COM ', label: 'work' }, { email: 'priya.home@example.org', label: null }],
      phones: [{ phone: '+1 415 555 0100', label: 'mobile' }],
      links: [{ url: 'https://www.linkedin.com/in/priya', label: 'LinkedIn' }],
      birthday: '--02-29',
    });
    const priya = await call(journal, 'people.get', { id });
    expect(priya.emails).toEqual([{ email: 'priya@example.com', label: 'work' }, { email: 'priya.home@example.org', label: null }]);
    expect(priya.phones).toEqual([{ phone: '+1 415 555 0100', label: 'mobile' }]);
    expect(priya.links).toEqual([{ url: 'https://www.linkedin.com/in/priya', label: 'LinkedIn' }]);
    expect(priya.birthday).toBe('--02-29');
    expect(priya.source).toBeNull();
    const [summary] = await call(journal, 'people.list');
    expect(summary?.emails).toEqual(priya.emails);
  });

  test('an update that leaves the details out keeps them; one that names them replaces only those', async ({ journal }) => {
    const id = await addPerson(journal, { emails: [{ email: 'a@example.com', label: null }], phones: [{ phone: '555', label: null }], birthday: '1980-03-22' });
    const person = await call(journal, 'people.get', { id });
    await call(journal, 'people.update', { ...personInput(person), role: 'CTO' });
    expect(await call(journal, 'people.get', { id })).toMatchObject({ role: 'CTO', emails: [{ email: 'a@example.com' }], phones: [{ phone: '555' }], birthday: '1980-03-22' });
    await call(journal, 'people.update', { ...personInput(person), phones: [], birthday: null });
    expect(await call(journal, 'people.get', { id })).toMatchObject({ emails: [{ email: 'a@example.com' }], phones: [], birthday: null });
  });

  test('refuses a bad email, an impossible birthday and a link with spaces, with a sentence', async ({ journal }) => {
    expect((await refusal(journal, 'people.create', { name: 'X', emails: [{ email: 'not an email' }] })).message).toBe('That does not look like an email address.');
    expect((await refusal(journal, 'people.create', { name: 'X', birthday: '2023-02-29' })).message).toBe('That birthday is not a real day of the year.');
    expect((await refusal(journal, 'people.create', { name: 'X', birthday: '--13-01' })).message).toBe('That birthday is not a real day of the year.');
    expect((await refusal(journal, 'people.create', { name: 'X', birthday: 'March 3' })).message).toMatch(/must look like 1980-03-22/);
    expect((await refusal(journal, 'people.create', { name: 'X', links: [{ url: 'https://a b' }] })).message).toBe('A profile link cannot contain spaces.');
  });

  test('findPeopleByEmail finds people by any of their emails, case ignored, through the index', async ({ journal, journalDb }) => {
    const ana = await addPerson(journal, { name: 'Ana', emails: [{ email: 'ana@acme.example', label: null }, { email: 'ana@home.example', label: null }] });
    const bo = await addPerson(journal, { name: 'Bo', emails: [{ email: 'bo@acme.example', label: null }] });
    const found = await findPeopleByEmail(journalDb.db, ['ANA@home.example ', 'bo@acme.example', 'nobody@x.example']);
    expect(Object.fromEntries(found)).toEqual({ 'ana@home.example': [ana], 'bo@acme.example': [bo] });
    const plan = journalDb.raw.prepare("EXPLAIN QUERY PLAN SELECT person_id FROM person_emails WHERE email IN ('a@b.c')").all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING (COVERING )?INDEX person_emails_email/);
  });

  test('merging two people keeps both sets of details, an email both had once', async ({ journal }) => {
    const into = await addPerson(journal, { name: 'Sam Lee', emails: [{ email: 'sam@acme.example', label: 'work' }] });
    const from = await addPerson(journal, { name: 'Samuel Lee', emails: [{ email: 'SAM@acme.example', label: null }, { email: 'sam@home.example', label: 'home' }], phones: [{ phone: '555 1', label: null }], birthday: '--07-04' });
    const merged = await call(journal, 'people.merge', { fromId: from, intoId: into });
    expect(merged.emails).toEqual([{ email: 'sam@acme.example', label: 'work' }, { email: 'sam@home.example', label: 'home' }]);
    expect(merged.phones).toEqual([{ phone: '555 1', label: null }]);
    expect(merged.birthday).toBe('--07-04');
  });
});
