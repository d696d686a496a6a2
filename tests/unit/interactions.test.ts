import { addInteraction, addPerson, call, captureStatements, describe, expect, newInteraction, refusal, storedRows, test } from './helpers.js';

describe('interactions', () => {
  test('a created interaction links existing people and creates the new ones typed into the picker', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });

    const created = await call(journal, 'interactions.create', newInteraction({
      occurredAt: '2025-03-10T10:30:00+01:00',
      kind: 'coffee',
      title: ' Coffee with the new team ',
      notes: 'Agreed to pair on the roadmap.',
      location: 'Café Nero',
      personIds: [ada, ada],
      newPeople: [{ name: 'Zed' }, { name: 'Bea' }],
    }));

    expect(created).toMatchObject({
      occurredAt: '2025-03-10T09:30:00.000Z',
      kind: 'coffee',
      title: 'Coffee with the new team',
      notes: 'Agreed to pair on the roadmap.',
      hasNotes: true,
      confidential: false,
      location: 'Café Nero',
    });
    expect(created.people.map((person) => person.name)).toEqual(['Ada', 'Bea', 'Zed']);
    const people = await call(journal, 'people.list');
    expect(people.map((person) => [person.name, person.interactionCount])).toEqual([['Ada', 1], ['Bea', 1], ['Zed', 1]]);
    expect(await call(journal, 'interactions.get', { id: created.id })).toEqual(created);
  });

  test('an update replaces the fields it names, re-links the people, and keeps what it leaves out', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const bob = await addPerson(journal, { name: 'Bob' });
    const id = await addInteraction(journal, { personIds: [ada, bob], location: 'HQ' });

    const updated = await call(journal, 'interactions.update', {
      ...newInteraction({ title: 'Planning, take two', kind: 'call', confidential: true, notes: 'Budget is tight.' }),
      id,
      personIds: [bob],
      newPeople: [{ name: 'Cy' }],
    });

    expect(updated).toMatchObject({ id, title: 'Planning, take two', kind: 'call', confidential: true, notes: 'Budget is tight.', location: 'HQ' });
    expect(updated.people.map((person) => person.name)).toEqual(['Bob', 'Cy']);
    expect((await call(journal, 'people.get', { id: ada })).interactionCount).toBe(0);
    expect(await call(journal, 'interactions.get', { id })).toEqual(updated);
  });

  test('getting, updating or deleting an interaction that does not exist is not-found', async ({ journal }) => {
    const ada = await addPerson(journal);
    expect(await refusal(journal, 'interactions.get', { id: 404 })).toMatchObject({ code: 'not-found' });
    expect(await refusal(journal, 'interactions.update', { ...newInteraction({ personIds: [ada] }), id: 404 })).toMatchObject({ code: 'not-found' });
    expect(await refusal(journal, 'interactions.delete', { id: 404 })).toMatchObject({ code: 'not-found' });
  });
});

describe('saving an entry', () => {
  test('a plain log runs three statements in its transaction: the check that reads the people, the insert that returns the row, the links', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const bob = await addPerson(journal, { name: 'Bob' });
    const { statements, stop } = captureStatements(journalDb.raw);
    let created;
    try {
      created = await call(journal, 'interactions.create', newInteraction({ personIds: [bob, ada] }));
    } finally {
      stop();
    }
    // No savepoint inside the call's own transaction, and nothing read again after the writes.
    const opening = (sql: string) => sql.replace(/"/g, '').split(/\s+/).slice(0, 3).join(' ');
    expect(statements.map(({ sql }) => opening(sql))).toEqual(['select id, name', 'insert into interactions', 'insert into interaction_people']);
    expect(created.people).toEqual([{ id: ada, name: 'Ada' }, { id: bob, name: 'Bob' }]);
    expect(await call(journal, 'interactions.get', { id: created.id })).toEqual(created);
  });

  test('what a create answers is what the journal then reads: people in its order, the association, the items and thanks', async ({ journal }) => {
    // Names SQLite orders by their UTF-8 bytes, as the timeline does: the fullwidth letter before the emoji,
    // and namesakes by id.
    const ada = await addPerson(journal, { name: 'Ada' });
    const emoji = await addPerson(journal, { name: '\u{1F600} Sunny' });
    const namesake = await addPerson(journal, { name: 'Ada' });
    const club = await call(journal, 'associations.create', { name: 'Founders Club', category: 'industry' });
    const received = await call(journal, 'exchanges.create', { direction: 'received', kind: 'introduction', description: 'Introduced me to a recruiter', occurredAt: '2025-03-01T09:00:00.000Z', personIds: [ada] });

    const event = await call(journal, 'interactions.create', newInteraction({
      kind: 'event',
      title: 'Founders dinner',
      associationId: club.id,
      personIds: [emoji, namesake, ada],
      newPeople: [{ name: '\uFF3Aed' }],
      exchanges: [{ direction: 'gave', kind: 'advice', description: 'Shared the hiring rubric' }],
      asks: [{ direction: 'they-asked', description: 'A warm intro to a designer' }],
      commitments: [{ direction: 'i-owe', description: 'Send the deck', dueOn: '2025-03-14', personId: ada }],
    }));
    expect(event.people.map((person) => person.id).slice(0, 2)).toEqual([ada, namesake]);
    expect(event.people.map((person) => person.name)).toEqual(['Ada', 'Ada', '\uFF3Aed', '\u{1F600} Sunny']);
    expect(event.association).toEqual({ id: club.id, name: 'Founders Club' });
    expect(await call(journal, 'interactions.get', { id: event.id })).toEqual(event);

    // A thank-you logged on its own is an item too: the answer shows it.
    const thanks = await call(journal, 'interactions.create', newInteraction({ title: 'Thank-you note', personIds: [ada], thankedExchangeIds: [received.id] }));
    expect(thanks.thanks.map((thank) => thank.exchangeId)).toEqual([received.id]);
    expect(await call(journal, 'interactions.get', { id: thanks.id })).toEqual(thanks);
  });

  test('a log refused part-way leaves nothing behind: no entry, no new person, no link', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const before = await call(journal, 'journal.info');
    // The new person is written before the missing one is found; the call's transaction takes both back.
    expect(await refusal(journal, 'interactions.create', newInteraction({ personIds: [ada], newPeople: [{ name: 'Cy' }], calendarOccurrenceId: 404 }))).toMatchObject({ code: 'not-found' });
    expect(await call(journal, 'journal.info')).toEqual(before);
    expect((await call(journal, 'people.get', { id: ada })).interactionCount).toBe(0);
  });
});

describe('delete and undo', () => {
  test('a deleted interaction disappears and undo brings it back whole', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const original = await call(journal, 'interactions.create', newInteraction({ personIds: [ada], notes: 'Keep this.' }));

    expect(await call(journal, 'interactions.delete', { id: original.id })).toEqual({ id: original.id, title: original.title });
    expect(await refusal(journal, 'interactions.get', { id: original.id })).toMatchObject({ code: 'not-found' });
    expect((await call(journal, 'journal.info')).interactions).toBe(0);

    expect(await call(journal, 'interactions.undoDelete')).toEqual(original);
    expect(await call(journal, 'interactions.get', { id: original.id })).toEqual(original);
    expect((await call(journal, 'journal.info')).interactions).toBe(1);
  });

  test('undo with nothing deleted returns null', async ({ journal }) => {
    await addInteraction(journal, { personIds: [await addPerson(journal)] });
    expect(await call(journal, 'interactions.undoDelete')).toBeNull();
  });

  test('undo works once: a second undo returns null', async ({ journal }) => {
    const id = await addInteraction(journal, { personIds: [await addPerson(journal)] });
    await call(journal, 'interactions.delete', { id });
    expect((await call(journal, 'interactions.undoDelete'))?.id).toBe(id);
    expect(await call(journal, 'interactions.undoDelete')).toBeNull();
  });

  test('deleting a second interaction purges the first for good; only the last is undoable', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal);
    const first = await addInteraction(journal, { title: 'First', personIds: [ada] });
    const second = await addInteraction(journal, { title: 'Second', personIds: [ada] });

    await call(journal, 'interactions.delete', { id: first });
    await call(journal, 'interactions.delete', { id: second });

    const rows = storedRows(journalDb.raw);
    expect(rows.interactions.map((row) => (row as { id: number }).id)).toEqual([second]);
    expect(rows.interactionPeople).toEqual([{ interaction_id: second, person_id: ada }]);
    expect((await call(journal, 'interactions.undoDelete'))?.id).toBe(second);
    expect(await call(journal, 'interactions.undoDelete')).toBeNull();
    expect(await refusal(journal, 'interactions.get', { id: first })).toMatchObject({ code: 'not-found' });
  });
});

describe('all or nothing', () => {
  test('creating with an unknown person id fails and creates neither the interaction nor the new person', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal);
    const before = storedRows(journalDb.raw);

    const error = await refusal(journal, 'interactions.create', newInteraction({ personIds: [ada, 999], newPeople: [{ name: 'Newcomer' }] }));

    expect(error).toMatchObject({ code: 'not-found', message: expect.stringContaining('999') });
    expect(storedRows(journalDb.raw)).toEqual(before);
  });

  test('updating with an unknown person id fails and changes neither the interaction nor the people', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal);
    const id = await addInteraction(journal, { personIds: [ada] });
    const before = storedRows(journalDb.raw);

    const error = await refusal(journal, 'interactions.update', {
      ...newInteraction({ title: 'Changed', personIds: [999], newPeople: [{ name: 'Newcomer' }] }),
      id,
    });

    expect(error).toMatchObject({ code: 'not-found' });
    expect(storedRows(journalDb.raw)).toEqual(before);
  });

  test('updating a deleted interaction fails without creating the new people typed in', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal);
    const id = await addInteraction(journal, { personIds: [ada] });
    await call(journal, 'interactions.delete', { id });
    const before = storedRows(journalDb.raw);

    const error = await refusal(journal, 'interactions.update', { ...newInteraction({ newPeople: [{ name: 'Newcomer' }] }), id });

    expect(error).toMatchObject({ code: 'not-found' });
    expect(storedRows(journalDb.raw)).toEqual(before);
  });
});
