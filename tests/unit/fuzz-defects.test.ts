// The defects a fuzz of the API found, one test each: control characters, lone surrogates, non-ASCII case
// duplicates, merged notes over the limit, updates that dropped omitted fields, zod's own English, and
// a trash that could not be emptied.
import { existsSync, readFileSync } from 'node:fs';
import { addInteraction, addPerson, call, describe, expect, newInteraction, refusal, storedRows, test } from './helpers.js';

describe('text the journal cannot store is refused in words', () => {
  const texts = [
    ['people.create', { name: '\u0000Ada' }, 'name'],
    ['people.create', { name: 'Ada', tags: ['\u0000x'] }, 'tags.0'],
    ['interactions.create', newInteraction({ title: '\u0000Coffee', newPeople: [{ name: 'Ada' }] }), 'title'],
    ['associations.create', { name: '\u0000Forum', category: 'industry' }, 'name'],
    ['exchanges.create', { direction: 'gave', kind: 'advice', description: 'x\u0007', occurredAt: '2025-03-10T09:30:00.000Z', personIds: [1] }, 'description'],
  ] as const;

  test.each(texts)('%s with a control character', async (name, input, field) => {
    const { journal, journalDb } = await import('./helpers.js').then(async (h) => h.openTestJournal(`${(await import('node:os')).tmpdir()}/confidant-cc-${Math.random()}.sqlite`));
    try {
      await addPerson(journal, { name: 'Someone' });
      const before = storedRows(journalDb.raw);
      const error = await refusal(journal, name, input);
      expect(error.code).toBe('invalid-input');
      expect(error.message).toMatch(/contains a control character \(such as NUL\) that cannot be stored/);
      expect(Object.keys(error.fields ?? {})).toContain(field);
      expect(storedRows(journalDb.raw)).toEqual(before);
    } finally {
      await journal.close();
    }
  });

  test('a lone surrogate is refused, not silently turned into U+FFFD; a whole emoji is kept', async ({ journal }) => {
    const error = await refusal(journal, 'people.create', { name: 'Ada \ud83d' });
    expect(error.message).toBe('Name contains a broken character (half of an emoji or symbol); retype it and try again.');
    expect((await call(journal, 'people.create', { name: 'Ada 🙂' })).name).toBe('Ada 🙂');
    // Tabs and line breaks are text.
    expect((await call(journal, 'people.create', { name: 'Bo', notes: 'line one\n\tline two' })).notes).toBe('line one\n\tline two');
  });
});

describe('one notion of the same name', () => {
  test('association names that differ only in non-ASCII case are duplicates, refused with a sentence', async ({ journal }) => {
    await call(journal, 'associations.create', { name: 'Ärzte Forum', category: 'industry' });
    const error = await refusal(journal, 'associations.create', { name: 'ÄRZTE FORUM', category: 'industry' });
    expect(error).toMatchObject({ code: 'conflict', message: '“ÄRZTE FORUM” is already in your associations.' });
    const other = await call(journal, 'associations.create', { name: 'Zahnärzte', category: 'industry' });
    expect(await refusal(journal, 'associations.update', { id: other.id, name: 'ärzte forum' })).toMatchObject({ code: 'conflict' });
  });
});

describe('people.merge', () => {
  test('refuses when the combined notes would be over the limit, and changes nothing', async ({ journal, journalDb }) => {
    const a = await addPerson(journal, { name: 'Ada', notes: 'a'.repeat(15_000) });
    const b = await addPerson(journal, { name: 'Ada L.', notes: 'b'.repeat(15_000) });
    await addInteraction(journal, { personIds: [b] });
    const before = storedRows(journalDb.raw);
    const error = await refusal(journal, 'people.merge', { fromId: b, intoId: a });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^Together their notes would be 30,002 characters, over the 20,000/);
    expect(storedRows(journalDb.raw)).toEqual(before);
  });
});

describe('an update changes only the fields it names', () => {
  test('interactions.update without confidential keeps a confidential entry confidential, and keeps its notes and place', async ({ journal }) => {
    const id = await addPerson(journal, { name: 'Ada' });
    const entry = await call(journal, 'interactions.create', newInteraction({ personIds: [id], confidential: true, notes: 'She is leaving.', location: 'Café' }));
    const updated = await call(journal, 'interactions.update', { id: entry.id, title: 'Renamed' } as never);
    expect(updated).toMatchObject({ title: 'Renamed', confidential: true, notes: 'She is leaving.', location: 'Café', people: [{ id }] });
    // Given as null, a field is cleared.
    expect(await call(journal, 'interactions.update', { id: entry.id, location: null } as never)).toMatchObject({ location: null, confidential: true });
  });

  test('people.update and associations.update keep what they do not name', async ({ journal }) => {
    const person = await call(journal, 'people.create', { name: 'Ada', organization: 'Northwind', tags: ['mentor'], notes: 'Met at the offsite.', cadenceDays: 30 });
    expect(await call(journal, 'people.update', { id: person.id, role: 'CTO' } as never)).toMatchObject({ name: 'Ada', organization: 'Northwind', role: 'CTO', tags: ['mentor'], notes: 'Met at the offsite.', cadenceDays: 30 });
    const association = await call(journal, 'associations.create', { name: 'Forum', category: 'industry', notes: 'Monthly.', renewalOn: '2026-01-01' });
    expect(await call(journal, 'associations.update', { id: association.id, website: 'forum.example' } as never)).toMatchObject({ notes: 'Monthly.', renewalOn: '2026-01-01', website: 'forum.example' });
  });
});

describe('zod’s own wording never reaches a person', () => {
  test.each([
    ['people.create', 'Ada', /^This request must be a set of named details\.$/],
    ['people.create', { name: 'Ada', nickname: 'A' }, /^Confidant does not know the field “nickname”: leave it out\.$/],
    ['people.create', { name: 'Ada', tags: 'mentor' }, /^The tags must be a list\.$/],
    ['interactions.create', { ...newInteraction({ newPeople: 'Ada' as never }) }, /^The new people must be a list\.$/],
    ['interactions.timeline', { limit: 10, extra: true }, /^Confidant does not know the field “extra”/],
  ] as const)('%s %j', async (name, input, message) => {
    const { journal } = await import('./helpers.js').then(async (h) => h.openTestJournal(`${(await import('node:os')).tmpdir()}/confidant-zod-${Math.random()}.sqlite`));
    try {
      const error = await refusal(journal, name, input);
      expect(error.message).toMatch(message);
      for (const text of [error.message, ...Object.values(error.fields ?? {})]) expect(text).not.toMatch(/^(Invalid|Unrecognized|Expected|Too (big|small))/);
    } finally {
      await journal.close();
    }
  });
});

describe('emptying the trash', () => {
  test('purged text leaves the file, the -wal and the search index', async ({ journal, journalDb, journalPath }) => {
    const id = await addPerson(journal, { name: 'Ada' });
    const secret = 'Zanzibarquux merger talks';
    const entry = await call(journal, 'interactions.create', newInteraction({ personIds: [id], title: 'Lunch', notes: `${secret} are off the record.`, confidential: true }));
    await call(journal, 'interactions.delete', { id: entry.id });
    expect(await call(journal, 'interactions.purgeTrash')).toEqual({ purged: 1 });
    expect(await call(journal, 'interactions.undoDelete')).toBeNull();
    expect((await call(journal, 'search.query', { query: 'Zanzibarquux', includeConfidential: true })).conversations).toEqual([]);
    const vocabulary = journalDb.raw.prepare("SELECT term FROM interactions_vocab WHERE term LIKE 'zanzibar%'").all();
    expect(vocabulary).toEqual([]);
    for (const file of [journalPath, `${journalPath}-wal`]) {
      if (!existsSync(file)) continue;
      expect(readFileSync(file).includes(Buffer.from('Zanzibarquux'))).toBe(false);
    }
  });
});
