import type { JournalInfo, PersonSummary } from '../../src-main/contract/contract.js';
import { test, expect } from './fixtures.js';

test('the welcome screen greets an empty journal and explores the sample journal', async ({ app, running }) => {
  await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeVisible();
  await expect(app.getByText('no cloud and no telemetry')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Log your first interaction' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Add a person' })).toBeVisible();

  await app.getByRole('button', { name: 'Explore a sample journal' }).click();
  await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeHidden();
  await expect(app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');

  // Whatever the bundled sample holds, the core now has it, and its people are on the People page.
  const info = await running.journal.call('journal.info', {});
  expect(info.ok && (info.value as JournalInfo).people).toBeGreaterThan(0);
  const list = await running.journal.call('people.list', {});
  const people = (list.ok ? list.value : []) as PersonSummary[];
  await app.keyboard.press('Control+2');
  const table = app.getByRole('table');
  await expect(table.getByRole('cell').getByRole('button')).toHaveCount(people.length);
  await expect(table.getByRole('button', { name: people[0]!.name, exact: true })).toBeVisible();
});

test('adding a person from the welcome screen opens their page', async ({ app, running }) => {
  const start = app.getByRole('button', { name: 'Add a person' });
  await start.click();
  const dialog = app.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Name', { exact: true }).fill('Priya Raman');
  await dialog.getByLabel('Organization', { exact: true }).fill('Northwind');
  await dialog.getByRole('button', { name: 'Add person' }).click();

  await expect(app.getByRole('heading', { name: 'Priya Raman', level: 1 })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeHidden();
  const info = await running.journal.call('journal.info', {});
  expect(info.ok && (info.value as JournalInfo).people).toBe(1);
});

test('Escape closes the add-person form from the welcome screen and keeps the journal empty', async ({ app, running }) => {
  const start = app.getByRole('button', { name: 'Add a person' });
  await start.click();
  const dialog = app.getByRole('dialog', { name: 'Add a person' });
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(start).toBeFocused();
  const info = await running.journal.call('journal.info', {});
  expect(info.ok && (info.value as JournalInfo).people).toBe(0);
});

test('a sample journal that cannot be loaded shows why, inline', async ({ app, running }) => {
  await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeVisible();
  // Someone is written into the journal behind the screen's back: the core refuses to load the sample.
  await running.journal.call('people.create', { name: 'Ana Ruiz' });
  await app.getByRole('button', { name: 'Explore a sample journal' }).click();
  await expect(app.getByRole('alert')).toContainText('The sample journal can only be loaded into an empty journal.');
  await expect(app.getByRole('button', { name: 'Explore a sample journal' })).toBeEnabled();
});
