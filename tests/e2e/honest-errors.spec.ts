// A save that fails says why in a sentence and keeps what was typed: the disk fills up (SQLite's own
// ceiling on the file's size stands in for it, the same SQLITE_FULL), the person frees space, saves again.
import { test, expect } from './fixtures.js';

test('a full disk: the form says so, keeps the entry, and the same entry saves once there is room', async ({ app, running }) => {
  const seeded = await running.journal.call('people.create', { name: 'Ana Ruiz' });
  if (!seeded.ok) throw new Error(seeded.error.message);
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();

  const raw = running.session.db!.raw;
  raw.pragma(`max_page_count = ${(raw.pragma('page_count', { simple: true }) as number) + 1}`);

  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  const people = dialog.getByRole('combobox', { name: 'People' });
  await people.pressSequentially('Ana');
  await expect(dialog.getByRole('option', { name: /Ana Ruiz/ })).toHaveAttribute('aria-selected', 'true');
  await people.press('Enter');
  await dialog.getByLabel('Title').fill('Budget talk');
  const notes = 'She is moving to the platform team in March. '.repeat(400);
  await dialog.getByLabel('Notes').fill(notes);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(dialog.getByText('The disk is full, so Confidant could not save. Nothing was saved; what you typed is still in the form. Free some space, then try again.')).toBeVisible();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toHaveValue('Budget talk');
  await expect(dialog.getByLabel('Notes')).toHaveValue(notes);
  await expect(dialog.getByRole('list', { name: 'People you met' })).toContainText('Ana Ruiz');

  raw.pragma('max_page_count = 1073741823');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('article', { name: 'Budget talk' })).toBeVisible();
});
