import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallInput, CallResult, PreviewRow } from '../../src-main/contract/contract.js';
import type { Journal } from '../../src-main/core/index.js';
import { parseVcards } from '../../src-main/core/import/vcard.js';
import { addPerson, call, describe, expect, refusal, root, storedRows, test } from './helpers.js';

const fixture = (name: string) => readFileSync(join(root, 'tests', 'fixtures', 'contacts', name), 'utf8');

/** Stages a file and previews every row, as the import dialog does. */
async function preview(journal: Journal, fileName: string, text = fixture(fileName), mapping?: CallResult<'import.stage'>['csv'] extends infer C ? (C extends { mapping: infer M } ? M : never) : never) {
  const stage = await call(journal, 'import.stage', { fileName, text, ...(mapping ? { mapping } : {}) });
  const rows: PreviewRow[] = [];
  for (let from = 0; from < stage.total; from += 2) rows.push(...(await call(journal, 'import.preview', { token: stage.token, from, count: 2 })).rows);
  return { stage, rows };
}

describe('vCard', () => {
  test('Apple Contacts: groups and their labels, repeated types, folded notes, social profile, a Feb 29 birthday without a year, photos ignored', () => {
    const [ana, soren, li] = parseVcards(fixture('apple-contacts.vcf'));
    expect(ana?.contact).toEqual({
      name: 'Ana Ruiz',
      organization: 'Northwind Traders',
      department: 'Engineering',
      role: 'Director of Engineering',
      emails: [{ email: 'ana.ruiz@northwind.example', label: 'work' }, { email: 'ana@ruiz-family.example', label: 'book club' }],
      phones: [{ phone: '+1 (415) 555-0142', label: 'mobile' }, { phone: '+1 415 555 0100', label: 'work' }],
      links: [{ url: 'https://ruiz.example/blog', label: 'home page' }, { url: 'https://www.linkedin.com/in/anaruiz', label: 'LinkedIn' }],
      addresses: [], nicknames: [], ims: [],
      birthday: '--02-29',
      notes: "Met at the platform offsite in Lisbon. Prefers morning calls; ask about the reorg and her daughter's recital.",
      tags: ['mentors', 'platform'],
      howWeMet: null,
    });
    expect(soren?.contact).toMatchObject({ name: 'Søren Østergaard', organization: 'Fabrikam', department: null, role: 'VP Sales', birthday: '1979-11-05' });
    expect(soren?.notKept).toEqual([]);
    expect(soren?.contact?.addresses).toEqual([{ label: 'work', street: 'Vesterbrogade 1', locality: 'København', region: null, postalCode: '1620', country: 'Denmark' }]);
    expect(li?.contact).toMatchObject({ name: '李小龍', emails: [{ email: 'xiaolong@example.cn', label: 'work' }], birthday: '--03-15', links: [{ url: 'https://example.cn/xl', label: 'work' }] });
  });

  test('an iPhone export with CR CR LF line endings and a 45 KB photo', () => {
    const [john] = parseVcards(fixture('apple-1.vcf'));
    expect(john?.contact).toMatchObject({
      name: 'Mr. John Richter James Doe Sr.',
      organization: 'IBM',
      department: 'Accounting',
      role: 'Money Counter',
      emails: [{ email: 'john.doe@ibm.com', label: null }],
      birthday: '2012-06-06',
      links: [{ url: 'http://www.ibm.com', label: 'home page' }],
    });
    expect(john?.contact?.phones).toContainEqual({ phone: '905-555-1234', label: 'mobile' });
    expect(john?.contact?.phones).toContainEqual({ phone: '905-222-1234', label: 'assistant phone' });
    expect(john?.contact?.phones).toHaveLength(7);
  });

  test('Gmail: TYPE=INTERNET;TYPE=HOME, custom labels, every email and URL kept in order', () => {
    const [card] = parseVcards(fixture('google-1.vcf'));
    expect(card?.contact?.emails).toEqual([
      { email: 'email@example.com', label: null },
      { email: 'homeemail@example.com', label: 'home' },
      { email: 'workemail@example.com', label: 'work' },
      { email: 'otheremail@example.com', label: null },
      { email: 'customcategory@example.com', label: 'custom email category' },
    ]);
    expect(card?.contact).toMatchObject({ name: 'VCard Test', organization: 'TheCompany', role: 'TheJobTitle', birthday: '1912-06-23', notes: 'note line 1\nnote line 2\nCustomField: field value' });
    expect(card?.contact?.links.map((link) => link.url)).toEqual([
      'http://www.example1.com', 'http://www.example2.com', 'http://www.example3.com', 'http://www.example4.com', 'http://www.example5.com', 'http://www.example6.com',
    ]);
    expect(card?.notKept).toEqual(expect.arrayContaining(['16 related names']));
    // Addresses, the nickname and every messaging handle are kept now.
    expect(card?.contact?.addresses.map((item) => item.street)).toEqual(['111 Main St', '112 Main St', '113 Main St', '114 Main St', '115 Main St']);
    expect(card?.contact?.addresses[1]).toEqual({ label: 'home', street: '112 Main St', locality: 'NY', region: 'New York', postalCode: '10011', country: null });
    expect(card?.contact?.nicknames).toEqual(['TheNickname']);
    expect(card?.contact?.ims).toEqual(expect.arrayContaining([
      { service: 'Google Talk', handle: 'IM2', label: null }, { service: 'AIM', handle: 'IM3', label: null }, { service: 'Skype', handle: 'IM5', label: null }, { service: 'Jabber', handle: 'IM9', label: null },
    ]));
  });

  test('Android vCard 2.1: bare parameters and UTF-8 quoted-printable with soft line breaks', () => {
    const cards = parseVcards(fixture('android-21.vcf'));
    expect(cards[0]?.contact).toMatchObject({ name: 'john.doe@company.com', emails: [{ email: 'john.doe@company.com' }], tags: [] });
    expect(cards[2]?.contact?.name).toBe('Ñ Ñ Ñ Ñ Ñ');
    expect(cards[3]?.contact?.name).toBe('Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ');
    expect(cards[3]?.contact?.phones).toEqual([
      { phone: '123456', label: 'mobile' }, { phone: '234567', label: 'home' }, { phone: '3456789', label: 'mobile' }, { phone: '45678901', label: 'home' },
    ]);
    expect(cards[3]?.contact?.notes).toContain('Ñ Ñ');
  });

  test('an Apple contact group is skipped, saying so; vCard 4 BDAY --0203 has no year', () => {
    expect(parseVcards(fixture('apple-5-group.vcf'))).toMatchObject([{ contact: null, skip: 'A contact group, not a person.' }]);
    expect(parseVcards(fixture('vcard4-1.vcf'))[0]?.contact).toMatchObject({ name: 'Simon Perreault', birthday: '--02-03', organization: 'Viagenie' });
  });
});

/** Commits an import and follows its thread to the end: the final figures. */
async function commitAll(journal: Journal, input: CallInput<'import.commit'>) {
  await call(journal, 'import.commit', input);
  for (;;) {
    const progress = await call(journal, 'import.progress', { token: input.token });
    if (progress.state !== 'writing') return progress;
  }
}

describe('import', () => {
  test('Apple vCards are previewed as new, then land with every field, from an import that says where they came from', async ({ journal }) => {
    const { stage, rows } = await preview(journal, 'apple-contacts.vcf');
    expect(stage).toMatchObject({ kind: 'vcard', total: 3, csv: null });
    expect(rows.map((row) => [row.line, row.status])).toEqual([['Card 1', 'new'], ['Card 2', 'new'], ['Card 3', 'new']]);
    expect(await call(journal, 'people.list')).toEqual([]);
    const result = await commitAll(journal, { token: stage.token });
    expect(result).toMatchObject({ added: 3, updated: 0, skipped: 0 });
    const people = await call(journal, 'people.list');
    const ana = await call(journal, 'people.get', { id: people.find((person) => person.name === 'Ana Ruiz')?.id ?? 0 });
    expect(ana).toMatchObject({
      organization: 'Northwind Traders', department: 'Engineering', role: 'Director of Engineering', birthday: '--02-29', tags: ['mentors', 'platform'],
      emails: [{ email: 'ana.ruiz@northwind.example', label: 'work' }, { email: 'ana@ruiz-family.example', label: 'book club' }],
      source: { kind: 'vcard', fileName: 'apple-contacts.vcf' },
    });
    expect(ana.notes).toMatch(/^Met at the platform offsite/);
  });

  test('the same file twice adds nothing and changes nothing', async ({ journal, journalDb }) => {
    const first = await preview(journal, 'google-contacts.vcf');
    await commitAll(journal, { token: first.stage.token });
    const before = storedRows(journalDb.raw);
    const second = await preview(journal, 'google-contacts.vcf');
    expect(second.rows.map((row) => row.status)).toEqual(['same', 'same']);
    expect(second.rows[0]?.reason).toBe('Already in your journal as Priya Raman; nothing new.');
    expect(await commitAll(journal, { token: second.stage.token })).toMatchObject({ added: 0, updated: 0, skipped: 2 });
    const after = storedRows(journalDb.raw);
    expect(after.people).toEqual(before.people);
    expect(after.personTags).toEqual(before.personTags);
  });

  test('matches by email and by a close name at the same organization, with a field-by-field choice', async ({ journal }) => {
    const ben = await addPerson(journal, { name: 'Benjamin Okafor', organization: 'Northwind Traders', role: 'Staff Engineer', notes: 'Keeps bees.' });
    const priya = await addPerson(journal, { name: 'Priya R.', organization: 'Contoso', emails: [{ email: 'PRIYA@raman.example', label: null }] });
    const { stage, rows } = await preview(journal, 'google-contacts.vcf');
    const [p, b] = rows;
    expect(p).toMatchObject({ status: 'match', match: { id: priya }, reason: 'Same email (priya@raman.example): Priya R.' });
    expect(p?.differences).toEqual([{ field: 'name', current: 'Priya R.', incoming: 'Priya Raman' }]);
    expect(p?.additions).toEqual(['role', 'birthday', 'notes', '1 email', '1 phone number', '1 profile link', '1 tag']);
    expect(b).toMatchObject({ status: 'match', match: { id: ben }, reason: 'Similar name at Northwind Traders: Benjamin Okafor' });
    expect(b?.differences).toEqual([{ field: 'name', current: 'Benjamin Okafor', incoming: 'Ben Okafor' }, { field: 'role', current: 'Staff Engineer', incoming: 'Engineering Manager' }]);

    // Priya: take the file's name. Ben: keep ours.
    expect(await commitAll(journal, { token: stage.token, decisions: [{ index: 0, action: 'merge', take: ['name'] }] })).toMatchObject({ added: 0, updated: 2 });
    expect(await call(journal, 'people.get', { id: priya })).toMatchObject({
      name: 'Priya Raman', role: 'Chief Product Officer', birthday: '1985-04-12', tags: ['investors'], source: null,
      emails: [{ email: 'priya@raman.example' }, { email: 'priya.raman@contoso.example', label: 'work' }],
    });
    expect(await call(journal, 'people.get', { id: ben })).toMatchObject({ name: 'Benjamin Okafor', role: 'Staff Engineer', notes: 'Keeps bees.', emails: [{ email: 'ben.okafor@northwind.example' }] });
  });

  test('LinkedIn: the header is found under the BOM and the Notes: preamble; Connected On becomes how we met', async ({ journal }) => {
    const { stage, rows } = await preview(journal, 'linkedin-connections.csv');
    expect(stage.kind).toBe('linkedin');
    expect(stage.total).toBe(12);
    expect(rows.filter((row) => row.status === 'new')).toHaveLength(11);
    expect(rows.at(-1)).toMatchObject({ line: 'Row 16', status: 'skip', reason: 'No name in this row.' });
    expect(rows[0]?.contact).toEqual({
      name: 'Ada Lovelace', organization: 'Analytical Engines Inc', department: null, role: 'Engineer',
      emails: [{ email: 'ada@analytical.example', label: null }], phones: [], links: [{ url: 'https://www.linkedin.com/in/ada', label: 'LinkedIn' }],
      addresses: [], nicknames: [], ims: [], birthday: null, notes: null, tags: [], howWeMet: 'Connected on LinkedIn on 1 January 2024',
    });
    expect(rows.at(-2)?.contact).toMatchObject({ name: 'Zoë Ångström-Núñez', organization: 'Fabrikam, Inc.', role: 'Director, Product', howWeMet: 'Connected on LinkedIn on 15 March 2024' });
    await commitAll(journal, { token: stage.token });
    const again = await preview(journal, 'linkedin-connections.csv');
    expect(again.rows.map((row) => row.status)).toEqual([...Array(11).fill('same'), 'skip']);
  });

  test('any CSV: a guessed mapping, corrected by the user, remembered for the next file with the same columns', async ({ journal }) => {
    const first = await call(journal, 'import.stage', { fileName: 'spreadsheet.csv', text: fixture('spreadsheet.csv') });
    expect(first.kind).toBe('csv');
    expect(first.csv).toMatchObject({ headers: ['Full name', 'E-mail', 'Company', 'Job title', 'Birthday', 'Notes', 'Tags'], remembered: false });
    expect(first.csv?.mapping).toEqual(['name', 'email', 'organization', 'role', 'birthday', 'notes', 'tags']);
    const mapping = ['name', 'email', 'organization', 'role', 'birthday', 'howWeMet', 'tags'] as const;
    const { stage, rows } = await preview(journal, 'spreadsheet.csv', fixture('spreadsheet.csv'), [...mapping]);
    expect(stage.total).toBe(2);
    expect(rows[0]?.contact).toMatchObject({ name: 'Marta Díaz', role: 'Head of "Ops"', birthday: '1984-07-09', howWeMet: 'Met at the "Lean" summit;\nlikes cycling', tags: ['board', 'ops'] });
    expect(rows[1]?.contact).toMatchObject({ name: 'Kenji Sato', role: 'CFO, Interim', birthday: '--02-29' });
    await commitAll(journal, { token: stage.token });
    const next = await call(journal, 'import.stage', { fileName: 'other.csv', text: fixture('spreadsheet.csv') });
    expect(next.csv).toMatchObject({ remembered: true, mapping: [...mapping] });
  });

  test('bad files are refused with a sentence and change nothing', async ({ journal, journalDb }) => {
    await addPerson(journal, { name: 'Already here' });
    const before = storedRows(journalDb.raw);
    const message = async (fileName: string, text: string) => (await refusal(journal, 'import.stage', { fileName, text })).message;
    expect(await message('contacts.vcf', 'hello')).toMatch(/^This file is not a vCard/);
    expect(await message('empty.csv', '\n\n')).toBe('“empty.csv” is empty.');
    expect(await message('notes.csv', 'Notes:\n"just a paragraph"\n')).toMatch(/^No header row found/);
    expect(await message('headers.csv', 'First Name,Last Name\n')).toBe('This file has column names but no contacts under them.');
    expect(await message('latin1.csv', 'Name,Email\nJos\uFFFD,\uFFFD\uFFFD\uFFFD\uFFFD\n')).toMatch(/is not readable text/);
    expect(await message('cards.vcf', 'BEGIN:VCARD\nVERSION:3.0\n')).toBe('“cards.vcf” has no contacts in it.');
    expect((await refusal(journal, 'import.preview', { token: 'abcdefgh-1234', from: 0, count: 10 })).message).toMatch(/no longer open/);
    expect(storedRows(journalDb.raw)).toEqual(before);
  });

  test('a row the journal refuses rolls the whole import back', async ({ journal, journalDb }) => {
    const before = storedRows(journalDb.raw);
    const text = 'BEGIN:VCARD\nVERSION:3.0\nFN:Good Person\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Bad Person\nEND:VCARD\n';
    const stage = await call(journal, 'import.stage', { fileName: 'x.vcf', text });
    await call(journal, 'import.preview', { token: stage.token, from: 0, count: 10 });
    // A person with that name is added meanwhile with a CHECK-breaking twist: the second insert fails inside the transaction.
    journalDb.raw.exec(`CREATE TRIGGER refuse_bad BEFORE INSERT ON people WHEN new.name = 'Bad Person' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    await call(journal, 'import.commit', { token: stage.token });
    let result = await journal.call('import.progress', { token: stage.token });
    while (result.ok && (result.value as { state: string }).state === 'writing') result = await journal.call('import.progress', { token: stage.token });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    journalDb.raw.exec('DROP TRIGGER refuse_bad');
    expect(storedRows(journalDb.raw)).toEqual(before);
    expect(journalDb.raw.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
  });
});
