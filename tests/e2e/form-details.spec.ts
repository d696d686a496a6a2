// Small things found trying the app as a new user: the before-you-ask check counts the give being
// written, the palette keeps focus, the current sidebar item shows focus, Enter submits from a select,
// remove buttons are named for their own row, and give and receive start from the same kind of help.
import type { Page } from 'playwright-core';
import { test, expect, reloadApp } from './fixtures.js';

async function openLogWithAna(app: Page) {
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await dialog.getByRole('combobox', { name: 'People' }).pressSequentially('Ana');
  await expect(dialog.getByRole('option', { name: /Ana Ruiz/ })).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Enter');
  return dialog;
}

test('the before-you-ask check counts a give added in the same form', async ({ app, running }) => {
  await running.journal.call('people.create', { name: 'Ana Ruiz' });
  const dialog = await openLogWithAna(app);
  await dialog.getByRole('button', { name: '+ I gave' }).click();
  await dialog.getByLabel('What I gave').fill('our pre-read template');
  await dialog.getByRole('button', { name: '+ Ask' }).click();
  await dialog.getByLabel('The ask').fill('Ten minutes before the board');
  const check = dialog.getByRole('region', { name: 'Before you ask' });
  await expect(check.getByRole('listitem').filter({ hasText: 'You gave' })).toContainText('1 time, last: our pre-read template (in this entry)');
  await expect(check.getByRole('listitem').filter({ hasText: 'They gave' })).toContainText('Nothing logged yet');
});

test('give and receive rows start alike and their remove buttons name their own row', async ({ app, running }) => {
  await running.journal.call('people.create', { name: 'Ana Ruiz' });
  const dialog = await openLogWithAna(app);
  await dialog.getByRole('button', { name: '+ I gave' }).click();
  await dialog.getByRole('button', { name: '+ I received' }).click();
  const given = await dialog.getByLabel('Kind of help given').inputValue();
  await expect(dialog.getByLabel('Kind of help received')).toHaveValue(given);
  await expect(dialog.getByRole('button', { name: 'Remove give 1' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove receive 1' }).click();
  await expect(dialog.getByLabel('What I received')).toHaveCount(0);
  await expect(dialog.getByLabel('What I gave')).toHaveCount(1);
});

test('Tab stays in the command palette, and the current sidebar item shows a focus ring', async ({ app, running }) => {
  await running.journal.call('people.create', { name: 'Ana Ruiz' });
  await reloadApp(app);
  await app.keyboard.press('Control+k');
  const field = app.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox');
  await expect(field).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await app.keyboard.press('Tab');
    await expect(field).toBeFocused();
  }
  await app.keyboard.press('Shift+Tab');
  await expect(field).toBeFocused();
  await app.keyboard.press('Escape');

  const current = app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' });
  await expect(current).toHaveAttribute('aria-current', 'page');
  const unfocused = await current.evaluate((el) => getComputedStyle(el).boxShadow);
  // Keyboard focus, as Tab would give it.
  await app.getByRole('button', { name: 'Log interaction' }).first().focus();
  await app.keyboard.press('Tab');
  await expect(current).toBeFocused();
  const focused = await current.evaluate((el) => getComputedStyle(el).boxShadow);
  expect(focused).not.toBe(unfocused);
  expect(focused).toMatch(/0px 0px 0px 3px/);
});

test('Enter in the New association form’s category select adds the association', async ({ app }) => {
  await app.keyboard.press('Control+4');
  await app.getByRole('button', { name: 'New association' }).click();
  const dialog = app.getByRole('dialog', { name: 'New association' });
  await dialog.getByLabel('Name', { exact: true }).fill('Product Leaders Forum');
  await dialog.getByLabel('Category').focus();
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('button', { name: 'Product Leaders Forum' })).toBeVisible();
});
