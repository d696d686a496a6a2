import { addInteraction, addPerson, call, describe, expect, newInteraction, newPerson, refusal, storedRows, test } from './helpers.js';

// Every call comes from an untrusted renderer. Bad input must be refused with a sentence a person can
// read, and must change nothing stored. Ids 1 are the person and interaction each test starts with.
const interaction = (fields: Record<string, unknown>) => ({ ...newInteraction({ personIds: [1] }), ...fields });
const update = (fields: Record<string, unknown>) => ({ ...interaction(fields), id: 1, ...fields });

const cases: [what: string, name: unknown, input: unknown, code: string, field?: string][] = [
  ['an unknown call', 'people.delete', { id: 1 }, 'unknown-call'],
  ['a call name that is not text', 42, {}, 'unknown-call'],
  ['an inherited property as the call name', 'constructor', {}, 'unknown-call'],
  ['no input where fields are needed', 'people.create', undefined, 'invalid-input'],
  ['null as input', 'interactions.create', null, 'invalid-input'],
  ['a name that is not text', 'people.create', { name: 42 }, 'invalid-input', 'name'],
  ['an empty name', 'people.create', { name: '   ' }, 'invalid-input', 'name'],
  ['a missing name', 'people.create', { organization: 'Northwind' }, 'invalid-input', 'name'],
  ['a name over 120 characters', 'people.create', newPerson({ name: 'n'.repeat(121) }), 'invalid-input', 'name'],
  ['a cadence of 0 days', 'people.create', newPerson({ cadenceDays: 0 }), 'invalid-input', 'cadenceDays'],
  ['a cadence of half a day', 'people.create', newPerson({ cadenceDays: 0.5 }), 'invalid-input', 'cadenceDays'],
  ['an unknown level', 'people.create', { ...newPerson(), level: 'boss' }, 'invalid-input', 'level'],
  ['insideOrg as text', 'people.create', { ...newPerson(), insideOrg: 'yes' }, 'invalid-input', 'insideOrg'],
  ['a tag with a comma', 'people.create', newPerson({ tags: ['board,hiring'] }), 'invalid-input', 'tags.0'],
  ['an extra unknown key on a person', 'people.create', { ...newPerson(), favouriteColour: 'blue' }, 'invalid-input'],
  ['a negative person id', 'people.get', { id: -1 }, 'invalid-input', 'id'],
  ['a person id as text', 'people.get', { id: '1' }, 'invalid-input', 'id'],
  ['an update without an id', 'people.update', newPerson({ name: 'Renamed' }), 'invalid-input', 'id'],
  ['a missing title', 'interactions.create', { ...interaction({}), title: undefined }, 'invalid-input', 'title'],
  ['a blank title', 'interactions.create', interaction({ title: ' ' }), 'invalid-input', 'title'],
  ['a title over 200 characters', 'interactions.create', interaction({ title: 't'.repeat(201) }), 'invalid-input', 'title'],
  ['a date that is not a date', 'interactions.create', interaction({ occurredAt: 'last Tuesday' }), 'invalid-input', 'occurredAt'],
  ['the 30th of February', 'interactions.create', interaction({ occurredAt: '2025-02-30T10:00:00Z' }), 'invalid-input', 'occurredAt'],
  ['a date in the year 2300', 'interactions.create', interaction({ occurredAt: '2300-01-01T00:00:00Z' }), 'invalid-input', 'occurredAt'],
  ['a date without a time zone', 'interactions.create', interaction({ occurredAt: '2025-03-10T10:00:00' }), 'invalid-input', 'occurredAt'],
  ['an unknown kind', 'interactions.create', interaction({ kind: 'lunch' }), 'invalid-input', 'kind'],
  ['confidential as text', 'interactions.create', interaction({ confidential: 'true' }), 'invalid-input', 'confidential'],
  ['no people at all', 'interactions.create', interaction({ personIds: [], newPeople: [] }), 'invalid-input', 'personIds'],
  ['a negative person id on an interaction', 'interactions.create', interaction({ personIds: [-3] }), 'invalid-input', 'personIds.0'],
  ['a blank new person', 'interactions.create', interaction({ newPeople: [{ name: '' }] }), 'invalid-input', 'newPeople.0.name'],
  ['an extra unknown key on an interaction', 'interactions.create', interaction({ mood: 'tense' }), 'invalid-input'],
  ['an update with no people at all', 'interactions.update', update({ personIds: [] }), 'invalid-input', 'personIds'],
  ['an update with a zero id', 'interactions.update', update({ id: 0 }), 'invalid-input', 'id'],
  ['a delete with a fractional id', 'interactions.delete', { id: 1.5 }, 'invalid-input', 'id'],
  ['a timeline limit of 0', 'interactions.timeline', { limit: 0 }, 'invalid-input', 'limit'],
  ['a timeline limit over 200', 'interactions.timeline', { limit: 201 }, 'invalid-input', 'limit'],
  ['input to a call that takes none', 'journal.info', { verbose: true }, 'invalid-input'],
  ['a path smuggled into loadSample', 'journal.loadSample', { path: '/etc/passwd' }, 'invalid-input'],
];

describe('bad input', () => {
  test.for(cases)('%s is refused and changes nothing', async ([, name, input, code, field], { journal, journalDb }) => {
    const ada = await addPerson(journal, { name: 'Ada', tags: ['mentor'] });
    await addInteraction(journal, { personIds: [ada] });
    expect(ada).toBe(1);
    const before = storedRows(journalDb.raw);
    const listBefore = await call(journal, 'people.list');

    const error = await refusal(journal, name, input);

    expect(error.code).toBe(code);
    // A sentence, not zod's JSON dump of issues nor a stack trace.
    expect(error.message).toMatch(/^[A-Z][^\n]{8,}$/);
    expect(error.message).not.toMatch(/^[[{]|\bat \w+ \(/);
    if (field) expect(error.fields, `fields of ${JSON.stringify(error)}`).toHaveProperty([field]);
    expect(storedRows(journalDb.raw)).toEqual(before);
    expect(await call(journal, 'people.list')).toEqual(listBefore);
  });

  test('the messages name the problem in words', async ({ journal }) => {
    expect((await refusal(journal, 'people.create', { name: '' })).message).toBe('Name is required.');
    expect((await refusal(journal, 'people.create', newPerson({ cadenceDays: 0 }))).message).toBe('Keep-in-touch cadence must be at least 1 day.');
    expect((await refusal(journal, 'interactions.create', newInteraction())).fields).toEqual({ personIds: 'Add at least one person you met.' });
    expect((await refusal(journal, 'interactions.create', newInteraction({ personIds: [1], occurredAt: '2300-01-01T00:00:00Z' }))).message).toBe(
      'Date must be between the years 1900 and 2199.',
    );
  });
});
