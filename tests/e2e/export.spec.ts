// Taking everything out through the Export dialog (saved through app.saveFile, as the native save dialog
// would), and bringing it back into a new journal through Import….
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, menu, test, reloadApp } from './fixtures.js';

const SECRET = 'Nobody at Bramble knows.';

test('export the sample journal as JSON with and without confidential notes, then restore it into a new journal', async ({ app, running, openApp, journalPath }) => {
  // Two journals of 316 interactions each, on a shared machine.
  test.slow();
  const loaded = await running.journal.call('journal.loadSample', {});
  expect(loaded.ok).toBe(true);
  await reloadApp(app);
  await menu(app, 'export');
  const dialog = app.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: /Everything, as JSON/ })).toBeChecked();
  await expect(dialog.getByText('Entries marked confidential are exported with their date, people and title, but without their notes.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved to');
  expect(running.savedFiles).toHaveLength(1);
  const withoutNotes = await readFile(running.savedFiles[0]?.path ?? '', 'utf8');
  expect(running.savedFiles[0]).toMatchObject({ kind: 'json', suggestedName: expect.stringMatching(/^Confidant journal .*\.json$/) });
  expect(withoutNotes).not.toContain(SECRET);

  await dialog.getByLabel('Include confidential notes').check();
  await expect(dialog.getByText('readable by anyone who opens it')).toBeVisible();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect.poll(() => running.savedFiles.length).toBe(2);
  const full = await readFile(running.savedFiles[1]?.path ?? '', 'utf8');
  expect(full).toContain(SECRET);

  // Spreadsheets and a copy of the file come out the same way.
  await dialog.getByRole('radio', { name: /People, as a spreadsheet/ }).check();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect.poll(() => running.savedFiles.length).toBe(3);
  expect((await readFile(running.savedFiles[2]?.path ?? '', 'utf8')).startsWith('\uFEFFName,Organization')).toBe(true);
  await dialog.getByRole('radio', { name: /A copy of the journal file/ }).check();
  await expect(dialog.getByLabel('Include confidential notes')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect.poll(() => running.savedFiles.length).toBe(4);
  expect((await readFile(running.savedFiles[3]?.path ?? '')).subarray(0, 15).toString()).toBe('SQLite format 3');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // A new journal, from its welcome screen.
  const fresh = await openApp(join(dirname(journalPath), 'restored.sqlite'));
  await fresh.page.getByRole('button', { name: 'Import contacts…' }).click();
  const importing = fresh.page.getByRole('dialog', { name: 'Import contacts' });
  await importing.getByLabel('Contacts file').setInputFiles(running.savedFiles[1]?.path ?? '');
  await expect(importing.getByRole('status')).toContainText('40 people and 316 interactions are in this journal.');
  await importing.getByRole('button', { name: 'Go to People' }).click();
  await expect(fresh.page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  const [before, after] = await Promise.all([running.journal.call('people.list', {}), fresh.journal.call('people.list', {})]);
  expect(after).toEqual(before);
});
