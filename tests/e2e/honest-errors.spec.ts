// A save that fails says why in a sentence and keeps what was typed: the disk fills up (SQLite's own
// ceiling on the file's size stands in for it, the same SQLITE_FULL), the person frees space, saves again.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { applyCipherKey } from '../../src-main/core/crypto/cipher.js';
import { keyFilePath, readKeyFile, unwrapWithKeychain } from '../../src-main/core/crypto/keyfile.js';
import { keychain } from './harness.js';
import { test, expect, reloadApp } from './fixtures.js';

test('a full disk: the form says so, keeps the entry, and the same entry saves once there is room', async ({ app, running }) => {
  const seeded = await running.journal.call('people.create', { name: 'Ana Ruiz' });
  if (!seeded.ok) throw new Error(seeded.error.message);
  await reloadApp(app, 'Timeline');

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

test('another program holding the journal: the save waits, then says so in a sentence, keeps the entry, and saves once it lets go', async ({ openApp, journalPath }) => {
  // The app waits 1 s here instead of 5 (the wait itself is tested against a second process in
  // tests/unit/honest-errors.test.ts); the holder is a second connection with the journal's key.
  const running = await openApp(journalPath, { busyTimeoutMs: 1000 });
  const app = running.page;
  const seeded = await running.journal.call('people.create', { name: 'Noor Haddad' });
  if (!seeded.ok) throw new Error(seeded.error.message);
  await reloadApp(app, 'Timeline');
  const holder = new BetterSqlite3(journalPath);
  applyCipherKey(holder, await unwrapWithKeychain(readKeyFile(keyFilePath(journalPath))!, keychain));
  holder.exec('BEGIN IMMEDIATE');
  try {
    await app.keyboard.press('Control+n');
    const dialog = app.getByRole('dialog', { name: 'Log interaction' });
    const people = dialog.getByRole('combobox', { name: 'People' });
    await people.pressSequentially('Noor');
    await expect(dialog.getByRole('option', { name: /Noor Haddad/ })).toHaveAttribute('aria-selected', 'true');
    await people.press('Enter');
    await dialog.getByLabel('Title').fill('Walk after the offsite');
    await dialog.getByLabel('Notes').fill('Wants to lead the new data team.');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'Another program is using your journal' })).toContainText(
      'Another program is using your journal, and Confidant waited 1 second for it. Nothing was saved; what you typed is still in the form. Close the other program (a backup or sync tool, say) and try again.',
    );
    await expect(dialog.getByLabel('Title')).toHaveValue('Walk after the offsite');
    await expect(dialog.getByLabel('Notes')).toHaveValue('Wants to lead the new data team.');
    await expect(dialog.getByRole('list', { name: 'People you met' })).toContainText('Noor Haddad');

    holder.exec('COMMIT');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(app.getByRole('article', { name: 'Walk after the offsite' })).toBeVisible();
  } finally {
    if (holder.inTransaction) holder.exec('ROLLBACK');
    holder.close();
  }
});
