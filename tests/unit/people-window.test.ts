import { addInteraction, addPerson, call, describe, expect, newPerson, refusal, test } from './helpers.js';

// The People table's window (#11): the journal filters, orders and cuts the list the table used to get
// whole; these say it gives the same people in the same order the table showed.

describe('people.window', () => {
  test('windows in name order add up to the whole list, each row as people.list has it', async ({ journal }) => {
    for (const name of ['Zoë Adams', 'ana Ruiz', 'Ben Okafor', 'Émile Faure', 'Chloé Martin', 'Person 10', 'Person 9']) await addPerson(journal, { name });
    const all = await call(journal, 'people.list');
    const first = await call(journal, 'people.window', { limit: 3 });
    const second = await call(journal, 'people.window', { offset: 3, limit: 3 });
    const third = await call(journal, 'people.window', { offset: 6, limit: 3 });
    expect(first).toMatchObject({ offset: 0, total: 7, people: 7, due: 0 });
    expect(third.rows).toHaveLength(1);
    const rows = [...first.rows, ...second.rows, ...third.rows];
    // Case and accents aside, numbers in order: as the table sorted before it was windowed.
    expect(rows.map((person) => person.name)).toEqual(['ana Ruiz', 'Ben Okafor', 'Chloé Martin', 'Émile Faure', 'Person 9', 'Person 10', 'Zoë Adams']);
    for (const row of rows) expect(row).toEqual(all.find((person) => person.id === row.id));
  });

  test('filters and the forgiving filter box match as the table did; counts say how many of how many', async ({ journal }) => {
    const ana = await addPerson(journal, { name: 'Ana Ruiz', organization: 'Northwind', allyRole: 'mentor', insideOrg: true, level: 'senior' });
    const ben = await addPerson(journal, { name: 'Ben Okafor', organization: 'Northwind', allyRole: 'ally', insideOrg: true, tags: ['board'] });
    await addPerson(journal, { name: 'Chloé Martin', organization: 'Contoso', insideOrg: false, level: 'peer' });
    const names = async (input: Parameters<typeof call<'people.window'>>[2]) => (await call(journal, 'people.window', input)).rows.map((person) => person.name);
    expect(await names({ query: 'northwnd' })).toEqual(['Ana Ruiz', 'Ben Okafor']);
    expect(await names({ query: 'northwnd', allyRole: 'ally' })).toEqual(['Ben Okafor']);
    expect(await names({ query: 'board' })).toEqual(['Ben Okafor']);
    // Words found as they are win over near misses; case and accents aside.
    expect(await names({ query: 'CHLOE contoso' })).toEqual(['Chloé Martin']);
    expect(await names({ query: 'north ana' })).toEqual(['Ana Ruiz']);
    expect(await names({ placement: 'outside' })).toEqual(['Chloé Martin']);
    expect(await names({ level: 'senior' })).toEqual(['Ana Ruiz']);
    expect(await call(journal, 'people.window', { query: 'zebra' })).toMatchObject({ rows: [], total: 0, people: 3 });
    expect((await call(journal, 'people.window', { placement: 'inside' })).rows.map((person) => person.id)).toEqual([ana, ben]);
  });

  test('sorts by a column with blanks last either way, and counts who is due from the day given', async ({ journal }) => {
    const often = await addPerson(journal, { name: 'Often', cadenceDays: 30 });
    const once = await addPerson(journal, { name: 'Once', cadenceDays: 7 });
    const never = await addPerson(journal, { name: 'Never', cadenceDays: 14 });
    await addPerson(journal, { name: 'Nobody' });
    for (const day of ['2025-03-01', '2025-03-05', '2025-03-09']) await addInteraction(journal, { occurredAt: `${day}T12:00:00.000Z`, personIds: [often] });
    await addInteraction(journal, { occurredAt: '2025-03-02T12:00:00.000Z', personIds: [once] });
    const order = async (sort: 'interactionCount' | 'lastInteractionAt', descending: boolean) =>
      (await call(journal, 'people.window', { sort, descending })).rows.map((person) => person.name);
    expect(await order('interactionCount', true)).toEqual(['Often', 'Once', 'Never', 'Nobody']);
    expect(await order('interactionCount', false)).toEqual(['Never', 'Nobody', 'Once', 'Often']);
    expect(await order('lastInteractionAt', true)).toEqual(['Often', 'Once', 'Never', 'Nobody']);
    expect(await order('lastInteractionAt', false)).toEqual(['Once', 'Often', 'Never', 'Nobody']);
    // On 20 March: Once (a week's cadence, last seen the 2nd) and Never (no contact yet) are due; Often is not.
    const due = await call(journal, 'people.window', { dueOnly: true, today: '2025-03-20' });
    expect(due.rows.map((person) => person.id)).toEqual([never, once]);
    expect(due).toMatchObject({ due: 2, total: 2, people: 4 });
    expect((await call(journal, 'people.window', { today: '2025-04-20' })).due).toBe(3);
  });

  test('a window asked for wrongly is refused in words', async ({ journal }) => {
    expect((await refusal(journal, 'people.window', { limit: 0 })).message).toMatch(/at least 1/);
    expect((await refusal(journal, 'people.window', { offset: -1 })).message).toMatch(/cannot be negative/);
    expect((await refusal(journal, 'people.window', { sort: 'age' })).message).toMatch(/Sort by one of/);
    expect((await refusal(journal, 'people.window', { today: 'soon' })).message).toMatch(/calendar day/);
  });
});

// The pickers' bounded question (#11): a few people for what was typed, in the order the picker offers
// them, instead of everyone's summary.
// The hand-over adds everyone at an organization: the names to choose from, then that organization's people,
// instead of everyone's summary (#11).
describe('people at an organization', () => {
  test('the organizations, each once in name order, and the window of one organization\'s people', async ({ journal }) => {
    await addPerson(journal, { name: 'Ana Ruiz', organization: 'northwind' });
    await addPerson(journal, { name: 'Ben Okafor', organization: 'Contoso' });
    await addPerson(journal, { name: 'Chloé Martin', organization: 'Contoso' });
    await addPerson(journal, { name: 'Dee Park', organization: 'Contoso Labs' });
    await addPerson(journal, { name: 'Nobody Else' });
    expect(await call(journal, 'people.organizations')).toEqual(['Contoso', 'Contoso Labs', 'northwind']);
    const contoso = await call(journal, 'people.window', { organization: 'Contoso' });
    expect(contoso).toMatchObject({ total: 2, people: 5 });
    expect(contoso.rows.map((person) => person.name)).toEqual(['Ben Okafor', 'Chloé Martin']);
    // A new organization is there at once.
    await addPerson(journal, { name: 'Eve Kim', organization: 'Fabrikam' });
    expect(await call(journal, 'people.organizations')).toContain('Fabrikam');
    expect((await refusal(journal, 'people.window', { organization: 'x'.repeat(201) })).message).toMatch(/at most 200 characters/);
    expect((await refusal(journal, 'people.organizations', { all: true })).message).toMatch(/takes no input/);
  });
});

describe('people.find', () => {
  test('the exact name first (case and accents aside), then names and words that begin with it, then near misses', async ({ journal }) => {
    const grace = await addPerson(journal, { name: 'Grace Kim' });
    const kimball = await addPerson(journal, { name: 'Grace Kimball' });
    const graham = await addPerson(journal, { name: 'Graham Bell', organization: 'Northwind' });
    const chloe = await addPerson(journal, { name: 'Chloé Martin' });
    const ana = await addPerson(journal, { name: 'Ana Grace-Lee' });
    const ids = async (input: Parameters<typeof call<'people.find'>>[2]) => (await call(journal, 'people.find', input)).map((person) => person.id);
    expect(await ids({ query: 'grace kim' })).toEqual([grace, kimball]);
    expect(await ids({ query: 'GRACE' })).toEqual([grace, kimball, ana]);
    expect(await ids({ query: 'chloe martin' })).toEqual([chloe]);
    expect(await ids({ query: 'gra', limit: 2 })).toEqual([grace, kimball]);
    // A typo in a name or an organization; nobody for a name far from everyone's.
    expect(await ids({ query: 'grahm' })).toEqual([graham]);
    expect(await ids({ query: 'graham bel' })).toEqual([graham]);
    expect(await ids({ query: 'grace kimball' })).toEqual([kimball, grace]);
    expect(await ids({ query: 'chloe martn' })).toEqual([chloe]);
    expect(await ids({ query: 'northwnd' })).toEqual([graham]);
    expect(await ids({ query: 'zebra' })).toEqual([]);
    // Those already picked are left out.
    expect(await ids({ query: 'grace', exclude: [grace] })).toEqual([kimball, ana]);
    // Each row is the summary people.list has.
    const [row] = await call(journal, 'people.find', { query: 'Graham Bell' });
    expect(row).toEqual((await call(journal, 'people.list')).find((person) => person.id === graham));
  });

  test('with nothing typed, the people met most recently; a renamed person is found by the new name at once', async ({ journal }) => {
    const first = await addPerson(journal, { name: 'First Met' });
    const last = await addPerson(journal, { name: 'Last Met' });
    const never = await addPerson(journal, { name: 'Never Met' });
    await addInteraction(journal, { occurredAt: '2025-03-01T12:00:00.000Z', personIds: [first] });
    await addInteraction(journal, { occurredAt: '2025-03-09T12:00:00.000Z', personIds: [last] });
    expect((await call(journal, 'people.find', { query: ' ' })).map((person) => person.id)).toEqual([last, first, never]);
    expect((await call(journal, 'people.find', { query: '', exclude: [last], limit: 1 })).map((person) => person.id)).toEqual([first]);
    expect(await call(journal, 'people.find', { query: 'zora' })).toEqual([]);
    await call(journal, 'people.update', { id: never, ...newPerson({ name: 'Zora Neale' }) });
    expect((await call(journal, 'people.find', { query: 'zora' })).map((person) => person.id)).toEqual([never]);
    expect((await call(journal, 'people.window', { query: 'zora' })).rows.map((person) => person.id)).toEqual([never]);
  });

  test('a question asked wrongly is refused in words', async ({ journal }) => {
    expect((await refusal(journal, 'people.find', {})).message).toMatch(/name must be text/);
    expect((await refusal(journal, 'people.find', { query: 'a', limit: 51 })).message).toMatch(/At most 50/);
    expect((await refusal(journal, 'people.find', { query: 'a', exclude: [0] })).message).toMatch(/positive/);
  });
});

