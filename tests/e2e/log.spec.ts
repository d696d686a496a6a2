import type { Page } from 'playwright-core';
import type { CallInput, JournalInfo, Person, TimelinePage } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

async function call<T>(journal: Journal, name: string, input: unknown = {}): Promise<T> {
  const result = await journal.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const seedPerson = (journal: Journal, fields: CallInput<'people.create'>) => call<Person>(journal, 'people.create', fields);
const info = (journal: Journal) => call<JournalInfo>(journal, 'journal.info');

async function openTimeline(app: Page): Promise<void> {
  await reloadApp(app, 'Timeline');
}

test('log an interaction with someone known and someone new, then find it on the timeline and both person pages', async ({ app, running }) => {
  const ana = await seedPerson(running.journal, { name: 'Ana Ruiz', organization: 'Northwind', role: 'VP Engineering' });
  await seedPerson(running.journal, { name: 'Ben Okafor' });
  await openTimeline(app);

  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await expect(dialog).toBeVisible();
  const people = dialog.getByRole('combobox', { name: 'People' });
  await expect(people).toBeFocused();

  // Fuzzy: a misspelt name still finds Ana; Enter picks the highlighted suggestion.
  await people.pressSequentially('anna');
  await expect(dialog.getByRole('option', { name: /Ana Ruiz/ })).toHaveAttribute('aria-selected', 'true');
  await people.press('Enter');
  await expect(dialog.getByRole('list', { name: 'People you met' })).toContainText('Ana Ruiz');

  // Someone not in the journal yet is offered, and highlighted, as a new person.
  await people.pressSequentially('Chloé Martin');
  const addNew = dialog.getByRole('option', { name: 'Add “Chloé Martin” as new person' });
  await expect(addNew).toBeVisible();
  await expect(addNew).toHaveAttribute('aria-selected', 'true');
  await people.press('Enter');
  await expect(dialog.getByRole('list', { name: 'People you met' }).getByRole('listitem')).toHaveText([/Ana Ruiz/, /Chloé Martin\s*new/]);

  await dialog.getByText('Coffee', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'Coffee' })).toBeChecked();
  // When is a "now" chip, opened only to change it.
  await dialog.getByRole('button', { name: 'When: now' }).click();
  await expect(dialog.getByLabel('When', { exact: true })).toBeFocused();
  await expect(dialog.getByLabel('Date and time')).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  const title = dialog.getByLabel('Title');
  await expect(title).toHaveAttribute('placeholder', 'Leave blank for “Coffee with Ana Ruiz and Chloé Martin”');
  await dialog.getByLabel('Location').fill('Mercado, 5th Ave');
  await dialog.getByLabel('Notes').fill('She is **hiring** a platform lead.\n\nOffered to intro Ben.');
  await title.press('Control+Enter');

  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').getByText('Logged “Coffee with Ana Ruiz and Chloé Martin”')).toBeVisible();
  const entry = app.getByRole('article', { name: 'Coffee with Ana Ruiz and Chloé Martin' });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Mercado, 5th Ave');
  await expect(entry.locator('strong')).toHaveText('hiring');
  await expect(app.getByText('1 interaction', { exact: true })).toBeVisible();

  const chloe = (await call<Person[]>(running.journal, 'people.list')).find((person) => person.name === 'Chloé Martin');
  expect(chloe).toBeDefined();
  for (const person of [ana, chloe!]) {
    const page = await call<TimelinePage>(running.journal, 'interactions.timeline', { personId: person.id });
    expect(page.entries.map((e) => e.title)).toEqual(['Coffee with Ana Ruiz and Chloé Martin']);
  }

  // Each person's own page shows it too, reached from the chips on the entry.
  for (const name of ['Ana Ruiz', 'Chloé Martin']) {
    await app.getByRole('button', { name: 'Timeline' }).click();
    await app.getByRole('article', { name: 'Coffee with Ana Ruiz and Chloé Martin' }).getByRole('button', { name: `Open ${name}` }).click();
    await expect(app.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(app.getByRole('article', { name: 'Coffee with Ana Ruiz and Chloé Martin' })).toBeVisible();
  }
});

test('bad input is explained beside the field and nothing is stored', async ({ app, running }) => {
  await seedPerson(running.journal, { name: 'Ana Ruiz' });
  await openTimeline(app);

  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  const people = dialog.getByRole('combobox', { name: 'People' });
  await expect(people).toBeFocused();

  // Nobody picked.
  await dialog.getByLabel('Title').fill('Planning');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const summary = dialog.getByRole('alert');
  await expect(summary).toContainText('Not saved');
  await expect(summary).toContainText('Add at least one person you met.');
  await expect(people).toHaveAttribute('aria-invalid', 'true');
  await expect(people).toHaveAccessibleDescription('Add at least one person you met.');
  await expect(people).toBeFocused();

  // A title over 200 characters.
  await people.pressSequentially('Ana');
  await people.press('Enter');
  await dialog.getByLabel('Title').fill('x'.repeat(201));
  await dialog.getByLabel('Title').press('Control+Enter');
  await expect(summary).toContainText('Title must be at most 200 characters.');
  await expect(dialog.getByLabel('Title')).toHaveAccessibleDescription('Title must be at most 200 characters.');
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await expect(people).not.toHaveAttribute('aria-invalid', 'true');

  // A date the journal does not accept.
  await dialog.getByLabel('Title').fill('Planning');
  await dialog.getByRole('button', { name: 'When: now' }).click();
  await dialog.getByLabel('Date and time').fill('2300-01-01T10:00');
  await dialog.getByLabel('Title').press('Control+Enter');
  // So far ahead, the form asks first; saving anyway meets the journal's own limit.
  await app.getByRole('dialog', { name: 'Save an entry dated in the future?' }).getByRole('button', { name: 'Save for 1 January 2300' }).click();
  await expect(summary).toContainText('Date must be between the years 1900 and 2199.');
  await expect(dialog.getByLabel('Date and time')).toHaveAttribute('aria-invalid', 'true');

  // A half-typed name is not silently dropped or created.
  await dialog.getByLabel('Date and time').fill('2024-03-05T09:30');
  await people.pressSequentially('Someone');
  await people.press('Control+Enter');
  await expect(summary).toContainText('Press Enter to add “Someone”, or clear the name.');

  await expect(dialog).toBeVisible();
  expect(await info(running.journal)).toMatchObject({ people: 1, interactions: 0 });

  // Fixed, it saves.
  await people.fill('');
  await people.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('article', { name: 'Planning' })).toBeVisible();
  expect(await info(running.journal)).toMatchObject({ people: 1, interactions: 1 });
});

test('Ctrl+N opens the dialog from anywhere; Escape closes it and focus returns', async ({ app, running }) => {
  await seedPerson(running.journal, { name: 'Ana Ruiz' });
  await openTimeline(app);

  const people = app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' });
  await people.focus();
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  const picker = dialog.getByRole('combobox', { name: 'People' });
  await expect(picker).toBeFocused();

  // When and Confidential sit above People, a Shift+Tab away; focus stays inside the dialog: Shift+Tab
  // from its first control wraps to the last.
  await app.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('switch', { name: 'Confidential' })).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(picker).toBeFocused();
  await dialog.getByRole('button', { name: 'Close' }).focus();
  await app.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeFocused();
  await picker.focus();

  // The first Escape closes the suggestions, the second the dialog.
  await picker.pressSequentially('An');
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  await app.keyboard.press('Escape');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(dialog).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(people).toBeFocused();
  expect(await info(running.journal)).toMatchObject({ interactions: 0 });

});

test('from the welcome screen of an empty journal, Ctrl+N logs the first interaction', async ({ app, running }) => {
  await expect(app.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  const picker = dialog.getByRole('combobox', { name: 'People' });
  await expect(picker).toBeFocused();
  await picker.pressSequentially('Owen Clarke');
  await picker.press('Enter');
  await dialog.getByText('Call', { exact: true }).click();
  await picker.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  await expect(app.getByRole('article', { name: 'Call with Owen Clarke' })).toBeVisible();
  expect(await info(running.journal)).toMatchObject({ people: 1, interactions: 1 });
});

test('an unsaved new entry closed by mistake comes back as a draft', async ({ app, running }) => {
  await seedPerson(running.journal, { name: 'Ana Ruiz' });
  await openTimeline(app);
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await dialog.getByLabel('Notes').fill('Half-written thought');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await app.keyboard.press('Control+n');
  await expect(dialog.getByText('Your unsaved draft is back.')).toBeVisible();
  await expect(dialog.getByLabel('Notes')).toHaveValue('Half-written thought');
  await dialog.getByRole('button', { name: 'Start over' }).click();
  await expect(dialog.getByLabel('Notes')).toHaveValue('');
});

test('saved from a screen without a timeline, the toast offers to show the entry', async ({ app, running }) => {
  await seedPerson(running.journal, { name: 'Ana Ruiz' });
  await openTimeline(app);
  await app.keyboard.press('Control+2');
  await expect(app.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();

  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await dialog.getByRole('combobox', { name: 'People' }).pressSequentially('Ana');
  await dialog.getByRole('combobox', { name: 'People' }).press('Enter');
  await dialog.getByLabel('Title').fill('Hallway chat');
  await dialog.getByLabel('Title').press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();

  await app.getByRole('status').filter({ hasText: 'Logged “Hallway chat”' }).getByRole('button', { name: 'Show' }).click();
  await expect(app.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  await expect(app.getByRole('article', { name: 'Hallway chat' })).toBeInViewport();
});

test('when typed in words ("yesterday 3pm") sets the date, says how it was read, and is saved so', async ({ app, running }) => {
  await seedPerson(running.journal, { name: 'Ana Ruiz' });
  await openTimeline(app);
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await expect(dialog.getByRole('combobox', { name: 'People' })).toBeFocused();
  await app.keyboard.type('Ana');
  await app.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'When: now' }).click();
  const words = dialog.getByLabel('When', { exact: true });
  await expect(words).toBeFocused();
  await words.pressSequentially('yesterday 3');
  await words.pressSequentially('pm');
  const yesterday = new Date();
  yesterday.setDate(yesterday.getDate() - 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}`;
  await expect(dialog.getByLabel('Date and time')).toHaveValue(`${day}T15:00`);
  await expect(words).toHaveAccessibleDescription(new RegExp(String(yesterday.getFullYear())));
  // Words that are not a date say so, and leave the date as it was.
  await words.fill('coffee');
  await expect(words).toHaveAccessibleDescription(/^Not a date yet/);
  await expect(dialog.getByLabel('Date and time')).toHaveValue(`${day}T15:00`);
  await dialog.getByLabel('Title').fill('Catch-up');
  await dialog.getByLabel('Title').press('Control+Enter');
  await expect(dialog).toBeHidden();
  const page = await call<TimelinePage>(running.journal, 'interactions.timeline', { limit: 1 });
  const saved = new Date(page.entries[0]!.occurredAt);
  expect([saved.getFullYear(), saved.getMonth(), saved.getDate(), saved.getHours(), saved.getMinutes()]).toEqual([yesterday.getFullYear(), yesterday.getMonth(), yesterday.getDate(), 15, 0]);
});
