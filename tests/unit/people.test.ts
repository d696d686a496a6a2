import { addInteraction, addPerson, at, call, describe, expect, newPerson, refusal, test } from './helpers.js';

describe('people', () => {
  test('a created person comes back with every field, trimmed, and blanks as null', async ({ journal }) => {
    const person = await call(journal, 'people.create', {
      name: '  Priya Raman ',
      organization: 'Northwind',
      role: 'VP Engineering',
      level: 'senior',
      insideOrg: true,
      department: '',
      howWeMet: 'Offsite in Lisbon',
      tags: ['Board', 'board ', 'BOARD', 'hiring'],
      allyRole: 'sponsor',
      cadenceDays: 30,
      notes: 'Prefers mornings.',
    });

    expect(person).toMatchObject({
      name: 'Priya Raman',
      organization: 'Northwind',
      role: 'VP Engineering',
      level: 'senior',
      insideOrg: true,
      department: null,
      howWeMet: 'Offsite in Lisbon',
      tags: ['board', 'hiring'],
      allyRole: 'sponsor',
      cadenceDays: 30,
      notes: 'Prefers mornings.',
      interactionCount: 0,
      firstInteractionAt: null,
      lastInteractionAt: null,
    });
    expect(person.id).toBeGreaterThan(0);
    expect(await call(journal, 'people.get', { id: person.id })).toEqual(person);
  });

  test('insideOrg keeps true, false and unknown apart', async ({ journal }) => {
    const inside = await addPerson(journal, { name: 'Inside', insideOrg: true });
    const outside = await addPerson(journal, { name: 'Outside', insideOrg: false });
    const unknown = await addPerson(journal, { name: 'Unknown' });

    expect((await call(journal, 'people.get', { id: inside })).insideOrg).toBe(true);
    expect((await call(journal, 'people.get', { id: outside })).insideOrg).toBe(false);
    expect((await call(journal, 'people.get', { id: unknown })).insideOrg).toBeNull();
  });

  test('an update replaces the fields it names and the tags, can clear them, and keeps what it leaves out', async ({ journal }) => {
    const id = await addPerson(journal, { tags: ['board', 'hiring'], cadenceDays: 14, insideOrg: true, role: 'CTO' });

    const updated = await call(journal, 'people.update', {
      ...newPerson({ name: 'Priya R.' }),
      id,
      tags: ['Advisor', 'advisor'],
      cadenceDays: null,
      insideOrg: false,
    });

    expect(updated).toMatchObject({ id, name: 'Priya R.', tags: ['advisor'], cadenceDays: null, insideOrg: false, role: 'CTO' });
    expect(await call(journal, 'people.get', { id })).toEqual(updated);
    const cleared = await call(journal, 'people.update', { ...newPerson(), id, tags: [] });
    expect(cleared.tags).toEqual([]);
  });

  test('updating or getting someone who does not exist is not-found', async ({ journal }) => {
    expect(await refusal(journal, 'people.get', { id: 999 })).toMatchObject({ code: 'not-found', message: expect.stringContaining('999') });
    expect(await refusal(journal, 'people.update', { ...newPerson(), id: 999 })).toMatchObject({ code: 'not-found' });
    expect(await call(journal, 'people.list')).toEqual([]);
  });

  test('the list is sorted by name regardless of case and leaves out notes and how-we-met', async ({ journal }) => {
    await addPerson(journal, { name: 'zoe', notes: 'private', howWeMet: 'school' });
    await addPerson(journal, { name: 'Adam' });
    await addPerson(journal, { name: 'beatrice', tags: ['peer'] });

    const list = await call(journal, 'people.list');

    expect(list.map((person) => person.name)).toEqual(['Adam', 'beatrice', 'zoe']);
    expect(list[1]?.tags).toEqual(['peer']);
    for (const person of list) {
      expect(person).not.toHaveProperty('notes');
      expect(person).not.toHaveProperty('howWeMet');
    }
  });

  test('stats count live interactions and their first and latest dates, leaving deleted ones out', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const bob = await addPerson(journal, { name: 'Bob' });
    await addInteraction(journal, { occurredAt: at(0), personIds: [ada, bob] });
    await addInteraction(journal, { occurredAt: at(60), personIds: [ada] });
    const latest = await addInteraction(journal, { occurredAt: at(120), personIds: [ada] });
    const earliest = await addInteraction(journal, { occurredAt: at(-500), personIds: [bob] });

    await call(journal, 'interactions.delete', { id: latest });
    await call(journal, 'interactions.delete', { id: earliest });

    expect(await call(journal, 'people.get', { id: ada })).toMatchObject({ interactionCount: 2, firstInteractionAt: at(0), lastInteractionAt: at(60) });
    const list = await call(journal, 'people.list');
    expect(list.find((person) => person.id === ada)).toMatchObject({ interactionCount: 2, lastInteractionAt: at(60) });
    expect(list.find((person) => person.id === bob)).toMatchObject({ interactionCount: 1, firstInteractionAt: at(0), lastInteractionAt: at(0) });
  });
});
