import { setHours, subDays } from 'date-fns';
import type { Page } from 'playwright-core';
import type { CallInput, Person, PersonSummary } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

async function seedPerson(journal: Journal, fields: CallInput<'people.create'>): Promise<Person> {
  const result = await journal.call('people.create', fields);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Person;
}

async function listPeople(journal: Journal): Promise<PersonSummary[]> {
  const result = await journal.call('people.list', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as PersonSummary[];
}

async function openPeople(app: Page): Promise<void> {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click();
  await expect(app.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
}

/** The names in the people table, top to bottom. */
const rowNames = (app: Page) => app.getByRole('table').getByRole('cell').getByRole('button');

test('add a person through the form, see them in the list, then sort and filter it', async ({ app, running }) => {
  await seedPerson(running.journal, { name: 'Chloé Martin', organization: 'Fabrikam', allyRole: 'mentor', level: 'senior', insideOrg: false, tags: ['finance'] });
  await seedPerson(running.journal, { name: 'Ben Okafor', organization: 'Northwind', allyRole: 'ally', level: 'peer', insideOrg: true });
  await reloadApp(app);
  await openPeople(app);

  await app.getByRole('button', { name: 'Add person' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add a person' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  await dialog.getByLabel('Name', { exact: true }).fill('Ana Ruiz');
  await dialog.getByLabel('Role or title').fill('VP Engineering');
  await dialog.getByLabel('Organization', { exact: true }).fill('Northwind');
  await dialog.getByLabel('Ally role').selectOption('sponsor');
  await dialog.getByLabel('Level').selectOption('senior');
  await dialog.getByLabel('Inside or outside my organization').selectOption('inside');
  await dialog.getByLabel('Function').fill('Engineering');
  await dialog.getByLabel('Keep in touch every').fill('30');
  await dialog.getByLabel('Tags').fill('Platform, leadership');
  await dialog.getByRole('button', { name: 'Add person' }).click();

  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').getByText('Added Ana Ruiz')).toBeVisible();
  await expect(rowNames(app)).toHaveText(['Ana Ruiz', 'Ben Okafor', 'Chloé Martin']);
  const anaRow = app.getByRole('row').filter({ has: app.getByRole('button', { name: 'Ana Ruiz' }) });
  await expect(anaRow).toContainText('VP Engineering · Northwind');
  await expect(anaRow).toContainText('Sponsor');
  await expect(anaRow).toContainText('Never');
  const [stored] = (await listPeople(running.journal)).filter((person) => person.name === 'Ana Ruiz');
  expect(stored).toMatchObject({ allyRole: 'sponsor', level: 'senior', insideOrg: true, cadenceDays: 30, tags: ['leadership', 'platform'] });

  // Sort: by name, then the other way, then by level.
  const nameHeader = app.getByRole('columnheader', { name: 'Name' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rowNames(app)).toHaveText(['Chloé Martin', 'Ben Okafor', 'Ana Ruiz']);
  await app.getByRole('button', { name: 'Level' }).click();
  await expect(app.getByRole('columnheader', { name: 'Level' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(nameHeader).not.toHaveAttribute('aria-sort');
  await expect(rowNames(app)).toHaveText(['Ana Ruiz', 'Chloé Martin', 'Ben Okafor']);

  // Ana has a keep-in-touch cadence and nothing logged yet: she is due.
  const due = app.getByRole('button', { name: '1 due for a catch-up' });
  await due.click();
  await expect(due).toHaveAttribute('aria-pressed', 'true');
  await expect(rowNames(app)).toHaveText(['Ana Ruiz']);
  await due.click();
  await expect(rowNames(app)).toHaveCount(3);

  // Filter: fuzzy text, then the selects, then nothing matches and the filters are cleared.
  await app.getByLabel('Filter people').fill('northwnd');
  await expect(rowNames(app)).toHaveText(['Ana Ruiz', 'Ben Okafor']);
  await app.getByLabel('Filter by ally role').selectOption('ally');
  await expect(rowNames(app)).toHaveText(['Ben Okafor']);
  await app.getByLabel('Filter people').fill('');
  await app.getByLabel('Filter by ally role').selectOption('');
  await app.getByLabel('Filter by inside or outside my organization').selectOption('outside');
  await expect(rowNames(app)).toHaveText(['Chloé Martin']);
  await app.getByLabel('Filter people').fill('zebra');
  await expect(app.getByRole('heading', { name: 'No one matches “zebra”' })).toBeVisible();
  await app.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(rowNames(app)).toHaveCount(3);
  await expect(app.getByLabel('Filter people')).toHaveValue('');
});

test('open a person page, edit their details and see the change', async ({ app, running }) => {
  const ana = await seedPerson(running.journal, {
    name: 'Ana Ruiz',
    organization: 'Northwind',
    role: 'Director of Engineering',
    allyRole: 'ally',
    cadenceDays: 30,
    howWeMet: 'She interviewed me.',
  });
  const logged = await running.journal.call('interactions.create', {
    // Noon, 45 calendar days ago: clear of midnight and daylight-saving edges.
    occurredAt: setHours(subDays(new Date(), 45), 12).toISOString(),
    kind: 'coffee',
    title: 'Coffee after the offsite',
    personIds: [ana.id],
  });
  expect(logged.ok).toBe(true);
  await reloadApp(app);
  await openPeople(app);

  await app.getByRole('button', { name: 'Ana Ruiz' }).press('Enter');
  await expect(app.getByRole('heading', { name: 'Ana Ruiz', level: 1 })).toBeVisible();
  await expect(app.getByText('Director of Engineering · Northwind')).toBeVisible();
  const details = app.getByRole('complementary', { name: 'Details' });
  await expect(details).toContainText('every 30 days');
  await expect(details).toContainText('Overdue by 15 days');
  await expect(details).toContainText('She interviewed me.');
  // The stats row (the give-and-take section below says it too, in its before-you-ask check).
  await expect(app.getByRole('definition').filter({ hasText: /^1 month ago$/ })).toBeVisible();

  const edit = app.getByRole('button', { name: 'Edit', exact: true });
  await edit.click();
  const dialog = app.getByRole('dialog', { name: 'Edit Ana Ruiz' });
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Ana Ruiz');
  await dialog.getByLabel('Role or title').fill('VP Engineering');
  await dialog.getByLabel('Level').selectOption('senior');
  await dialog.getByLabel('Keep in touch every').fill('60');
  await dialog.getByLabel('Notes').fill('Coaches football on Saturdays.\nAsk about the reorg.');
  await dialog.getByLabel('Notes').press('Control+Enter');

  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  await expect(app.getByRole('status').getByText('Saved changes to Ana Ruiz')).toBeVisible();
  await expect(app.getByText('VP Engineering · Northwind')).toBeVisible();
  await expect(app.getByText('Senior', { exact: true })).toBeVisible();
  await expect(details).toContainText('every 60 days');
  await expect(details).toContainText('Next in 15 days');
  // Notes keep their line breaks.
  expect(await details.getByText('Coaches football on Saturdays.').innerText()).toBe('Coaches football on Saturdays.\nAsk about the reorg.');
  const stored = await running.journal.call('people.get', { id: ana.id });
  expect(stored.ok && stored.value).toMatchObject({ role: 'VP Engineering', level: 'senior', cadenceDays: 60, howWeMet: 'She interviewed me.' });

  await app.getByRole('button', { name: 'Back' }).click();
  await expect(app.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
});

test('bad input in the person form shows inline errors and stores nothing', async ({ app, running }) => {
  await seedPerson(running.journal, { name: 'Ben Okafor' });
  await reloadApp(app);
  await openPeople(app);

  const add = app.getByRole('button', { name: 'Add person' });
  await add.click();
  const dialog = app.getByRole('dialog', { name: 'Add a person' });
  const name = dialog.getByLabel('Name', { exact: true });
  const cadence = dialog.getByLabel('Keep in touch every');
  await cadence.fill('0');
  await dialog.getByRole('button', { name: 'Add person' }).click();

  await expect(dialog.getByRole('alert')).toContainText('Name is required.');
  await expect(dialog.getByRole('alert')).toContainText('Keep-in-touch cadence must be at least 1 day.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Name is required.');
  await expect(name).toBeFocused();
  await expect(cadence).toHaveAttribute('aria-invalid', 'true');
  await expect(cadence).toHaveAccessibleDescription(/must be at least 1 day/);

  await name.fill('Ana Ruiz');
  await cadence.press('Control+Enter');
  await expect(dialog.getByRole('alert')).toHaveText(/Keep-in-touch cadence must be at least 1 day\./);
  await expect(name).not.toHaveAttribute('aria-invalid');
  await expect(cadence).toBeFocused();
  expect((await listPeople(running.journal)).map((person) => person.name)).toEqual(['Ben Okafor']);

  // Escape cancels, stores nothing and gives focus back to the button that opened the form.
  await cadence.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(add).toBeFocused();
  expect((await listPeople(running.journal)).map((person) => person.name)).toEqual(['Ben Okafor']);
  await expect(rowNames(app)).toHaveText(['Ben Okafor']);
});

test('Ctrl+2 and Ctrl+1 switch views, Ctrl+F finds people', async ({ app, running }) => {
  await seedPerson(running.journal, { name: 'Ana Ruiz' });
  await reloadApp(app);
  const nav = app.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');

  await app.keyboard.press('Control+2');
  await expect(app.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'People' })).toHaveAttribute('aria-current', 'page');
  await app.keyboard.press('Control+f');
  await expect(app.getByLabel('Filter people')).toBeFocused();

  await app.keyboard.press('Control+1');
  await expect(nav.getByRole('button', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');
  await expect(app.getByRole('heading', { name: 'People', level: 1 })).toBeHidden();

  await app.keyboard.press('Control+2');
  await expect(rowNames(app)).toHaveText(['Ana Ruiz']);
});

test('a long People table fetches the windows it scrolls to: End reaches the last of 450 people', async ({ app, running }) => {
  for (let i = 0; i < 450; i += 1) await seedPerson(running.journal, { name: `Person ${String(i).padStart(3, '0')}`, tags: [] });
  await reloadApp(app);
  await openPeople(app);
  await expect(app.getByText('450 people in your journal')).toBeVisible();
  // The first window (200 rows) is in the page's data; the table renders only the rows in view of it.
  await expect(app.getByRole('table', { name: 'People' })).toHaveAttribute('aria-rowcount', '451');
  const first = app.getByRole('button', { name: 'Person 000', exact: true });
  await first.focus();
  await app.keyboard.press('End');
  // Row 449 is in the third window: fetched when End asked for it, then focused.
  await expect(app.getByRole('button', { name: 'Person 449', exact: true })).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(app.getByRole('button', { name: 'Person 448', exact: true })).toBeFocused();
  await app.keyboard.press('Home');
  await expect(app.getByRole('button', { name: 'Person 000', exact: true })).toBeFocused();
});
