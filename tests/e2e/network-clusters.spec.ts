import type { Page } from 'playwright-core';
import type { Introduction, Person, PersonLink } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

// Clusters on the Network screen and on the map, a link noted from the map's card, and an introduction
// logged from the interaction it came from.

async function call<T>(journal: Journal, name: string, input: unknown = {}): Promise<T> {
  const result = await journal.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function openNetwork(app: Page): Promise<void> {
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+7');
  await expect(app.getByRole('heading', { name: 'Network', level: 1 })).toBeVisible();
}

/** Two trios who know each other (Northwind, Contoso), joined by nobody but me; everyone met this month. */
async function twoGroups(journal: Journal): Promise<Person[]> {
  const people: Person[] = [];
  for (const [name, organization] of [['Ada Osei', 'Northwind'], ['Ben Costa', 'Northwind'], ['Cy Lima', 'Northwind'], ['Dee Park', 'Contoso'], ['Eli Moss', 'Contoso'], ['Fay Wong', 'Contoso']] as const) {
    const person = await call<Person>(journal, 'people.create', { name, organization });
    await call(journal, 'interactions.create', { occurredAt: daysAgo(5), kind: 'coffee', title: `Coffee with ${name}`, personIds: [person.id] });
    people.push(person);
  }
  for (const [a, b] of [[0, 1], [0, 2], [1, 2], [3, 4], [3, 5], [4, 5]] as const) await call(journal, 'links.create', { personAId: people[a]!.id, personBId: people[b]!.id });
  return people;
}

test('groups who know each other and organizations, with their sizes, each open its people; the map colours by group', async ({ app, running }) => {
  await twoGroups(running.journal);
  await openNetwork(app);
  const groups = app.getByRole('listitem').filter({ has: app.getByRole('button', { name: /^Group \d, mostly at / }) });
  await expect(groups).toHaveCount(2);
  await expect(groups.first()).toHaveText(/Group 1, mostly at (Contoso|Northwind)\s*3/);
  await app.getByRole('button', { name: /^Group \d, mostly at Contoso$/ }).click();
  const dialog = app.getByRole('dialog', { name: /^Group \d, mostly at Contoso$/ });
  await expect(dialog.getByRole('listitem')).toHaveText([/Dee Park/, /Eli Moss/, /Fay Wong/]);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();

  await app.getByRole('button', { name: 'Northwind', exact: true }).first().click();
  await expect(app.getByRole('dialog', { name: 'Northwind' }).getByRole('listitem')).toHaveText([/Ada Osei/, /Ben Costa/, /Cy Lima/]);
  await app.getByRole('dialog', { name: 'Northwind' }).getByRole('button', { name: 'Close' }).last().click();

  await app.getByRole('tab', { name: 'Map' }).click();
  await expect(app.getByTestId('network-map')).toHaveAttribute('data-drawn', 'true');
  await app.getByLabel('Colour by').selectOption('community');
  const legend = app.getByRole('list', { name: 'Colours' });
  await expect(legend.getByRole('listitem')).toHaveText([/^Group 1, mostly at /, /^Group 2, mostly at /]);
});

test('a link noted from the map card: choose the other person and the kind, and the map draws it', async ({ app, running }) => {
  const [ada, , , dee] = await twoGroups(running.journal);
  await openNetwork(app);
  await app.getByRole('tab', { name: 'Map' }).click();
  const map = app.getByTestId('network-map');
  await expect(map).toHaveAttribute('data-drawn', 'true');
  await expect(app.getByText('6 of 6 people shown, 6 links between them')).toBeVisible();

  await app.getByRole('combobox', { name: 'Find on the map' }).fill('Ada Osei');
  const card = app.getByRole('complementary', { name: 'Ada Osei' });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Add a link' }).click();
  const form = card.getByRole('form', { name: 'Add a link for Ada Osei' });
  // Saving with nobody chosen says what to do, and writes nothing.
  await form.getByRole('button', { name: 'Save link' }).click();
  await expect(form.getByRole('alert')).toHaveText('Choose someone already in your journal.');
  await form.getByLabel('Ada Osei').selectOption('works-with');
  await form.getByRole('combobox', { name: 'Person' }).fill('Dee Park');
  await form.getByRole('button', { name: 'Save link' }).click();
  await expect(app.getByRole('status').getByText('Noted: Ada Osei works with Dee Park.')).toBeVisible();
  await expect(app.getByText('6 of 6 people shown, 7 links between them')).toBeVisible();
  await expect(map).toHaveAttribute('data-drawn', 'true');
  await expect(card).toContainText('Dee Park');
  await expect(card.getByRole('button', { name: 'Add a link' })).toBeVisible();

  const links = await call<PersonLink[]>(running.journal, 'links.list', { personId: ada!.id });
  expect(links.filter((link) => link.kind === 'works-with').map((link) => [link.personA.id, link.personB.id].sort())).toEqual([[ada!.id, dee!.id].sort()]);
});

test('an introduction logged from the interaction it came from keeps that interaction', async ({ app, running }) => {
  const ada = await call<Person>(running.journal, 'people.create', { name: 'Ada Osei' });
  const ben = await call<Person>(running.journal, 'people.create', { name: 'Ben Costa' });
  const lunch = await call<{ id: number }>(running.journal, 'interactions.create', { occurredAt: daysAgo(3), kind: 'meal', title: 'Lunch at the quay', personIds: [ada.id] });
  await call(running.journal, 'interactions.create', { occurredAt: daysAgo(9), kind: 'call', title: 'Call about hiring', personIds: [ben.id] });
  await openNetwork(app);
  await app.getByRole('tab', { name: 'Introductions' }).click();
  const from = app.getByLabel('From an interaction (optional)');
  await expect(from).toBeDisabled();
  await app.getByRole('combobox', { name: 'I introduced' }).fill('Ada Osei');
  await app.getByRole('combobox', { name: 'To', exact: true }).fill('Ben Costa');
  // Both people's latest interactions, newest first.
  await expect(from.locator('option')).toHaveText(['None: on its own', /· Lunch at the quay$/, /· Call about hiring$/]);
  await from.selectOption({ index: 1 });
  await app.getByLabel('Why').fill('Ben is hiring; Ada is looking');
  await app.getByRole('button', { name: 'Log introduction' }).click();
  await expect(app.getByRole('status').getByText('Introduction logged: it counts as a give in your ledger.')).toBeVisible();
  await expect(app.getByRole('list', { name: 'Introductions' })).toContainText('I introduced Ada Osei to Ben Costa');
  // The form is cleared for the next one, interaction and all.
  await expect(from).toBeDisabled();

  const [logged] = await call<Introduction[]>(running.journal, 'introductions.list', {});
  expect(logged).toMatchObject({ personA: { id: ada.id }, personB: { id: ben.id }, interactionId: lunch.id, why: 'Ben is hiring; Ada is looking' });
});
