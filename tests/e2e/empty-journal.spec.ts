// A new user on an empty journal can reach every screen, by click, by shortcut and by the palette,
// and each says what it will show and how to start, instead of the welcome screen standing in for all.
import { test, expect } from './fixtures.js';

const screens = [
  { nav: 'People', key: 'Control+2', heading: 'People', empty: 'No one here yet' },
  { nav: 'Reciprocity', key: 'Control+3', heading: 'Reciprocity', empty: 'Nothing given or received' },
  { nav: 'Associations', key: 'Control+4', heading: 'Associations', empty: 'No associations yet' },
  { nav: 'Quarterly review', key: 'Control+5', heading: 'Quarterly review', empty: 'No attendance goals or association events this quarter' },
  { nav: 'Search', key: 'Control+Shift+F', heading: 'Search', empty: 'Nothing to search yet' },
] as const;

test('every sidebar item opens its own screen with its own empty state', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeVisible();
  const nav = app.getByRole('navigation', { name: 'Main' });
  for (const screen of screens) {
    await nav.getByRole('button', { name: screen.nav }).click();
    await expect(app.getByRole('heading', { name: screen.heading, level: 1 })).toBeVisible();
    await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeHidden();
    await expect(nav.getByRole('button', { name: screen.nav })).toHaveAttribute('aria-current', 'page');
    await expect(app.getByRole('main')).toContainText(screen.empty);
  }
  await nav.getByRole('button', { name: 'Timeline' }).click();
  await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');
});

test('Ctrl+2 to 5, Ctrl+Shift+F and the palette reach every screen of an empty journal', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeVisible();
  for (const screen of screens) {
    await app.keyboard.press(screen.key);
    await expect(app.getByRole('heading', { name: screen.heading, level: 1 })).toBeVisible();
    await app.keyboard.press('Control+1');
    await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeVisible();
  }
  await app.keyboard.press('Control+k');
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('Associations');
  await palette.getByRole('option', { name: /Associations/ }).first().click();
  await expect(app.getByRole('heading', { name: 'Associations', level: 1 })).toBeVisible();
});

test('on an empty journal a new user can set up an association before anyone is in it', async ({ app, running }) => {
  await app.keyboard.press('Control+4');
  await app.getByRole('button', { name: /New association/ }).first().click();
  const dialog = app.getByRole('dialog', { name: 'New association' });
  await dialog.getByLabel('Name', { exact: true }).fill('Product Leaders Forum');
  await dialog.getByRole('button', { name: /Add association|Save|Create/ }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('button', { name: 'Product Leaders Forum' })).toBeVisible();
  const list = await running.journal.call('associations.list', {});
  expect(list.ok && (list.value as { associations: unknown[] }).associations.length).toBe(1);
});
